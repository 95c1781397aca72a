"""The web addresses the paper printed in 2004: an archived copy, and where the site moved.

Most of these addresses are dead. Each stays as printed; the edition adds the Internet Archive's
copy from 2004 and, where the organisation behind it now lives at another address, that address
(from the organisation's profile).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from thouez_edition.data.actors import Actor, Organization

ARCHIVE = "https://web.archive.org/web/2004/{url}"


@dataclass(frozen=True)
class AddressNote:
    printed: str
    archived: str
    now: str | None
    now_owner: str | None


def host(url: str) -> str:
    address = url if "://" in url else f"http://{url}"
    return (urlsplit(address).hostname or "").removeprefix("www.")


def address_note(printed: str, href: str, actors: Iterable[Actor]) -> AddressNote:
    """What the edition says about an address printed in 2004 (`href` is where it pointed)."""
    printed_host = host(href)
    archived = ARCHIVE.format(url=href)
    for actor in actors:
        printed_then = actor.website_2004 if isinstance(actor, Organization) else None
        if printed_then and host(printed_then) == printed_host and actor.website:
            if host(actor.website) != printed_host:
                return AddressNote(printed, archived, actor.website, actor.id)
            break
    return AddressNote(printed, archived, None, None)
