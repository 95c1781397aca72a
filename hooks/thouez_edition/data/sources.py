"""The rules every source in the data obeys, in whichever file it stands, and the kinds of source
the audit counts.

- No source is a copy of another site's page: Wikipedia and its mirrors, aggregators and
  document-sharing sites are refused by host (`MIRROR_HOSTS`), in `organizations.yml`,
  `rcpms.yml` and `citations.yml` alike.
- A web source gives the day it was consulted; an Internet Archive copy, as the source itself or
  as its `archived` copy, gives the date of the copy in its address, and an `archived` copy is a
  copy of the source's own address (`source_problems`).
- Each source is of one kind (`KINDS`): the body's own pages, an intergovernmental body's, a
  government's, a reference work or catalogue, an archived copy, or another site. The kind of a
  web source follows from its host (`HOST_KINDS`, and the entry's own addresses for "primary");
  a document cited by its symbol states its kind, and so may a web source where its host does
  not tell it (a body's own site at another address).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

# Copies of other sites' pages (encyclopedia mirrors, aggregators, document-sharing sites): never a
# source. A fact they carry is sourced from the page they copy, or left out.
MIRROR_HOSTS = frozenset({
    "piglix.com", "encyclopediahub.com", "bliptext.com", "de.zxc.wiki", "zxc.wiki", "chinaurl.com",
    "slovar-vocab.com", "todayshistory.org", "skywalker.gr", "wikimili.com", "wiki2.org",
    "fr-academic.com", "iiab.me", "wordscope.be", "docslib.org",
    "vdocuments.net", "vdocuments.us", "vdocuments.mx", "vdocument.in", "fdocuments.net",
    "fdocuments.us", "fdocuments.in", "fdokumen.com", "docplayer.net", "studylib.es", "studylib.net",
    "docsbay.net", "yumpu.com", "scribd.com", "pt.scribd.com", "slideplayer.com", "slideshare.net",
    "zbook.org", "idealist.org", "europeanlaw.lawlegal.eu", "securesustain.org", "aspireias.com",
    "borgenmagazine.com", "unostamps.nl", "wn.com", "peopleandtheplanet.com", "darpe.me",
    "bfjaawards.com", "en.wikipedia.org", "wikipedia.org", "nationsencyclopedia.com",
    "liquisearch.com", "memim.com", "documents.pub", "pdfslide.net", "pdfslide.us", "readkong.com",
    "lawsdocbox.com", "dokumen.tips", "en-academic.com", "123docz.net", "1library.net", "coek.info",
    "paperzz.com", "grokipedia.com", "un-documents.net", "earthsummit2002.org",
})
ARCHIVE_HOST = "web.archive.org"
ARCHIVED_COPY = re.compile(r"^/web/(?P<stamp>\d{8})\d{0,6}[a-z_]*/(?P<original>.+)$")

# The kinds of source, in the order the audit prints them.
KINDS = {
    "primary": "the body's own pages",
    "igo": "UN and other intergovernmental bodies",
    "government": "governments and their archives",
    "reference": "reference works, catalogues and publishers' records",
    "archived": "archived copies (Internet Archive, UNHCR's web archive)",
    "other": "other sites (NGOs, research projects, news)",
}
DOCUMENT_KINDS = tuple(kind for kind in KINDS if kind != "archived")
# Hosts by kind; a host counts under the kind of the longest suffix it ends with. A body's own
# pages are "primary" on its own profile whatever their host's kind here.
HOST_KINDS: dict[str, str] = {
    **dict.fromkeys((
        "un.org", "unhcr.org", "unhcr.org.ua", "iom.int", "ilo.org", "wto.org", "europa.eu",
        "refworld.org", "worldbank.org", "banquemondiale.org", "unitar.org", "undp.org",
        "unsceb.org", "unsystem.org", "ungeneva.org", "un-ilibrary.org", "migrationdataportal.org",
        "interagencystandingcommittee.org", "unis.unvienna.org", "osn.cz", "un.dk", "reliefweb.int",
        "ec-europa-eu.libguides.com", "ohchr.org", "baliprocess.net", "unidir.org",
        "libguides.ilo.org", "unu.edu",
    ), "igo"),
    **dict.fromkeys((
        "gc.ca", "canada.ca", "admin.ch", "mofa.go.jp", "deutschland.de", "g-8.de", "eu2015lu.eu",
        "ncmarkers.com", "gov.uk", "gov.au",
    ), "government"),
    **dict.fromkeys((
        "britannica.com", "encyclopedia.com", "treccani.it", "wikidata.org", "books.google.com",
        "jstor.org", "link.springer.com", "onlinelibrary.wiley.com", "ecoi.net", "ioc.u-tokyo.ac.jp",
        "hrlibrary.umn.edu", "umn.edu", "enb.iisd.org", "odihpn.org", "uia.org",
        # publishers' pages of the works cited
        "jcie.org", "wri.org",
    ), "reference"),
    **dict.fromkeys((ARCHIVE_HOST, "webarchive.archive.unhcr.org"), "archived"),
}


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def on_host(host: str, hosts: Iterable[str]) -> str | None:
    """The longest of `hosts` that `host` is or is a subdomain of."""
    matches = [candidate for candidate in hosts if host == candidate or host.endswith("." + candidate)]
    return max(matches, key=len) if matches else None


def is_mirror(url: str) -> bool:
    return on_host(host_of(url), MIRROR_HOSTS) is not None


def mirror_message(url: str) -> str:
    return (f"is on {host_of(url)}, which copies other sites; expected a primary source: the body's own "
            "pages, an archived copy, an official document, a catalogue record or a reference work")


def archived_on(url: str) -> date | None:
    """The day an Internet Archive copy was made, read from its address; None if it is not one."""
    parts = urlsplit(url)
    match = ARCHIVED_COPY.match(parts.path) if host_of(url) == ARCHIVE_HOST else None
    if match is None:
        return None
    stamp = match["stamp"]
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:]))
    except ValueError:
        return None


def archive_problem(url: str) -> str | None:
    """What is wrong with `url` as an Internet Archive copy; None if it is one, with its date."""
    if host_of(url) != ARCHIVE_HOST:
        return (f"is on {host_of(url)}, not the Internet Archive; expected "
                "https://web.archive.org/web/YYYYMMDDhhmmss/ followed by the source's address")
    if archived_on(url) is None:
        return ("is an Internet Archive address without the date of its copy; expected "
                "https://web.archive.org/web/YYYYMMDDhhmmss/ followed by the address")
    return None


def archived_original(url: str) -> str:
    """The address an Internet Archive copy is a copy of, as its own address gives it."""
    parts = urlsplit(url)
    match = ARCHIVED_COPY.match(parts.path)
    return (match["original"] if match else "") + (f"?{parts.query}" if parts.query else "")


def same_address(first: str, second: str) -> bool:
    """Whether two addresses name the same page, whatever their scheme, `www.` and final slash."""
    return _bare(first) == _bare(second)


def _bare(url: str) -> str:
    text = re.sub(r"^[a-z]+:/+", "", url.strip(), flags=re.IGNORECASE)
    return text.removeprefix("www.").rstrip("/").lower()


def source_kind(url: str, own_hosts: Iterable[str] = ()) -> str:
    """The kind of a web source: "primary" on one of the entry's own hosts, else by its host."""
    host = host_of(url)
    if host != ARCHIVE_HOST and on_host(host, own_hosts):
        return "primary"
    suffix = on_host(host, HOST_KINDS)
    return HOST_KINDS[suffix] if suffix else "other"


def source_problems(source: Mapping[str, Any], without_url: str) -> list[str]:
    """What is wrong with one source, wherever it stands, each as `field: message`. A source
    without an address is `without_url` ("a passage of the paper"), which has no day read and no
    archived copy."""
    found: list[str] = []
    url, archived = source.get("url"), source.get("archived")
    if url is None:
        for name in ("consulted", "archived"):
            if name in source:
                found.append(f"{name}: is given for {without_url}, which is not a web page; expected "
                             f"{name} only on a source with a url")
        return found
    if is_mirror(url):
        found.append(f"url: {mirror_message(url)}")
    if host_of(url) == ARCHIVE_HOST and archive_problem(url):
        found.append(f"url: {archive_problem(url)}")
    if "consulted" not in source:
        found.append("consulted: is missing; expected the day the page was read, as an ISO date "
                     "such as 2026-12-06")
    if archived is not None:
        problem = archive_problem(archived)
        if problem:
            found.append(f"archived: {problem}")
        elif host_of(url) == ARCHIVE_HOST:
            found.append("archived: is given for a source that is itself an Internet Archive copy; "
                         "expected archived only on a source at the page's own address")
        elif not same_address(archived_original(archived), url):
            found.append(f"archived: is a copy of {archived_original(archived)}; expected a copy of the "
                         f"source's own address, {url}")
    return found
