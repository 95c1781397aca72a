"""What the data may give as a web address: parsed with `urllib.parse`, never pattern-matched.

An address is `http` or `https`, has a host (a domain name or an IP address, with no user name
in front of it), a port only if it is a number, and holds no white space, control or invisible
character, quote, backslash or angle bracket. The JSON Schemas say the same with a pattern for
editors (`common.schema.json`, `$defs/url`); the loader applies this function as the schema's
`http-url` format, so both hold every address to one rule.
"""

from __future__ import annotations

import ipaddress
import posixpath
import re
import unicodedata
from urllib.parse import quote, urlsplit

FORMAT = "http-url"
SCHEMES = ("http", "https")
# Characters that could end an attribute, open a tag or be read as a path separator by a browser.
FORBIDDEN = {'"': "a double quote", "'": "a single quote", "`": "a backtick", "<": "an angle bracket",
             ">": "an angle bracket", "\\": "a backslash"}
# A host name: labels of letters (any script), digits and hyphens, not starting or ending with a hyphen.
LABEL = re.compile(r"^(?!-)[^\W_]([\w-]*[^\W_])?$")


def url_problem(url: str) -> str | None:
    """What is wrong with `url` as an address for a link, in a few words; None if nothing is."""
    for character in url:
        category = unicodedata.category(character)
        if character.isspace() or category[0] in "CZ":
            name = unicodedata.name(character, "")
            return f"holds U+{ord(character):04X}{f' ({name.lower()})' if name else ''}"
        if character in FORBIDDEN:
            return f"holds {FORBIDDEN[character]}"
    scheme, _, _ = url.partition(":")
    if scheme not in SCHEMES or not url.startswith(f"{scheme}://"):
        return "does not start with http:// or https://"
    try:
        parts = urlsplit(url)
    except ValueError as error:  # an unbalanced "[" or "]" around the host
        return f"cannot be parsed as an address ({error})"
    if "@" in parts.netloc:
        return "has a user name before its host"
    try:
        parts.port
    except ValueError:
        return "has a port that is not a number from 0 to 65535"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    if not _is_host(host):
        return f"has “{host}” as its host, which is not a domain name or an IP address"
    return None


def _is_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.removesuffix(".").split(".")
    return all(LABEL.match(label) for label in labels) and len(host) <= 253


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one Markdown source to another (both relative to `docs/`), for MkDocs to resolve."""
    start = posixpath.dirname(from_page) or "."
    target = quote(posixpath.relpath(to_page, start), safe="/.-_~")
    return f"{target}#{quote(anchor, safe=':-_.~')}" if anchor else target


def page_location(page: str, directory_urls: bool = True) -> str:
    """Where a Markdown source (relative to `docs/`) is published, relative to the site's root.
    With folder-style addresses (the published site's) `paper/notes.md` is at `paper/notes/` and
    `index.md` at the root (""); with file addresses (the offline copy's, which a browser opens
    from disk) they are at `paper/notes.html` and `index.html`."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def page_file(page: str, directory_urls: bool = True) -> str:
    """The file a Markdown source is written to, relative to the site's folder."""
    location = page_location(page, directory_urls)
    return f"{location}index.html" if location == "" or location.endswith("/") else location
