"""A ready citation for every paragraph and note: the printed page, the paragraph or note, and the
passage's permalink, in Chicago and APA, made by pandoc's citeproc from the paper's record with
the page as a CSL locator. Each profile is cited the same way, as an entry of the edition: the
edition's record with the profile's title after “s.v.” (under the word), the edition's reference
(which gives its version) and the profile's address.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thouez_edition.citations.references import CHICAGO, format_cites
from thouez_edition.text.paper import Paper, Passage

DATA_ID = "passage-citations"
# The element a profile's citation is shown after, and the key of its citation.
PROFILE_ANCHOR = "cite-this-profile"


@dataclass(frozen=True)
class PassageCitation:
    place: str
    chicago: str
    apa: str
    url: str


@dataclass(frozen=True)
class ProfileCitation:
    """A profile's citation: `place` is the profile's title."""

    place: str
    chicago: str
    apa: str
    url: str
    link_label: str = "Link to this profile"


@dataclass(frozen=True)
class ProfilesToCite:
    """The edition's record and reference in each style, and each profile's title by its page
    (`organizations/icmc.md`)."""

    record: Mapping[str, Any]
    reference: Mapping[str, str]
    titles: Mapping[str, str]


@dataclass(frozen=True)
class Citations:
    """The paper's reference in each style, and the citation of each passage by its id; the
    edition's reference, and the citation of each profile by its page."""

    reference: dict[str, str]
    passages: dict[str, PassageCitation]
    page_of: dict[str, str]
    edition_reference: dict[str, str] = field(default_factory=dict)
    profiles: dict[str, ProfileCitation] = field(default_factory=dict)


def locator(passage: Passage) -> tuple[str, str]:
    """The CSL page locator ("6", "11–12") and the suffix that names the passage ("¶ 15")."""
    assert passage.print_pages is not None
    first, last = passage.print_pages
    pages = str(first) if first == last else f"{first}–{last}"
    suffix = f"series note, {passage.label}" if passage.series_note else passage.label
    return pages, suffix


def profile_suffix(title: str) -> str:
    """"s.v. “International Catholic Migration Commission (ICMC)”": the profile as an entry."""
    return f"s.v. “{title}”"


def passage_citations(
    paper: Paper, record: Mapping[str, Any], reference: Mapping[str, str], url_of: Callable[[str], str], apa: Path,
    profiles: ProfilesToCite | None = None,
) -> Citations:
    """Citations of every passage that knows its page, and of every profile in `profiles`; `url_of`
    gives a page's public address. One citeproc run per style for the passages, one for the
    profiles: the paper and the edition have one author, and a year in common would give both a
    letter (“2004a”) if they were cited together."""
    passages = [p for p in paper.passages if p.print_pages is not None]
    cites = {p.anchor: (str(record["id"]), *locator(p)) for p in passages}
    chicago = format_cites([record], cites, CHICAGO)
    apa_citations = format_cites([record], cites, apa)
    if profiles is not None:
        entries = {page: (str(profiles.record["id"]), "", profile_suffix(title)) for page, title in profiles.titles.items()}
        chicago |= format_cites([profiles.record], entries, CHICAGO)
        apa_citations |= format_cites([profiles.record], entries, apa)
    return Citations(
        reference=dict(reference),
        passages={
            p.anchor: PassageCitation(p.place, chicago[p.anchor], apa_citations[p.anchor], f"{url_of(p.page)}#{p.anchor}")
            for p in passages
        },
        page_of={p.anchor: p.page for p in passages},
        edition_reference=dict(profiles.reference) if profiles else {},
        profiles={
            page: ProfileCitation(title, chicago[page], apa_citations[page], url_of(page))
            for page, title in (profiles.titles.items() if profiles else ())
        },
    )
