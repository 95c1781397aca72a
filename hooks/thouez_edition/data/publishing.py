"""Local builds and publishing builds: which addresses the site may give as its own.

The canonical links, the sitemap, the paper's `citation_*` tags and its JSON-LD all name the
site's address (`site_url`). A local build (for `mkdocs serve`, the tests, a look at the files)
may name 127.0.0.1; a publishing build must name the public address, or it would tell search
engines and Google Scholar that the paper lives on the builder's own machine.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from thouez_edition.errors import EditionError

# Set to 1 for a build that is to be published; `mkdocs gh-deploy` is always one.
PUBLISH_VARIABLE = "EDITION_PUBLISH"
SITE_URL_VARIABLE = "SITE_URL"


class PublishingError(EditionError):
    """A publishing build without a public address; the message says what to set."""


def is_local_address(url: str) -> bool:
    """True for no address, `localhost` and loopback or unspecified IP addresses."""
    host = urlsplit(url).hostname or ""
    if host == "" or host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def is_publishing(command: str | None, environment: dict[str, str]) -> bool:
    return command == "gh-deploy" or environment.get(PUBLISH_VARIABLE, "") not in ("", "0")


def check_site_url(site_url: str, publishing: bool) -> str:
    """The line the build logs about its addresses; a publishing build needs a public one."""
    if publishing:
        if is_local_address(site_url) or urlsplit(site_url).scheme not in ("http", "https"):
            raise PublishingError(
                f"a publishing build needs the site's public address, and site_url is {site_url or 'empty'!r}: "
                f"set {SITE_URL_VARIABLE} to it, for example {SITE_URL_VARIABLE}=https://example.org/thouez-2004/"
            )
        return f"Publishing build for {site_url}"
    return (
        f"Local build: the site names {site_url or 'no address'} as its own address (canonical links, sitemap, "
        f"citation metadata); to publish, build with {PUBLISH_VARIABLE}=1 and {SITE_URL_VARIABLE}=<public address>"
    )
