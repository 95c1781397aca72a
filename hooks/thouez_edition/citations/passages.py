"""A ready citation for every paragraph and note: the printed page, the paragraph or note, and the
passage's permalink, in Chicago and APA, made by pandoc's citeproc from the paper's record with
the page as a CSL locator.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thouez_edition.citations.references import CHICAGO, format_citations
from thouez_edition.text.paper import Paper, Passage

DATA_ID = "passage-citations"


@dataclass(frozen=True)
class PassageCitation:
    place: str
    chicago: str
    apa: str
    url: str


@dataclass(frozen=True)
class Citations:
    """The paper's reference in each style, and the citation of each passage by its id."""

    reference: dict[str, str]
    passages: dict[str, PassageCitation]
    page_of: dict[str, str]


def locator(passage: Passage) -> tuple[str, str]:
    """The CSL page locator ("6", "11–12") and the suffix that names the passage ("¶ 15")."""
    assert passage.print_pages is not None
    first, last = passage.print_pages
    pages = str(first) if first == last else f"{first}–{last}"
    suffix = f"series note, {passage.label}" if passage.series_note else passage.label
    return pages, suffix


def passage_citations(
    paper: Paper, record: Mapping[str, Any], reference: Mapping[str, str], url_of: Callable[[str], str], apa: Path
) -> Citations:
    """Citations of every passage that knows its page; `url_of` gives a page's public address."""
    passages = [p for p in paper.passages if p.print_pages is not None]
    locators = {p.anchor: locator(p) for p in passages}
    chicago = format_citations(record, locators, CHICAGO)
    apa_citations = format_citations(record, locators, apa)
    return Citations(
        reference=dict(reference),
        passages={
            p.anchor: PassageCitation(p.place, chicago[p.anchor], apa_citations[p.anchor], f"{url_of(p.page)}#{p.anchor}")
            for p in passages
        },
        page_of={p.anchor: p.page for p in passages},
    )




