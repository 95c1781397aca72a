"""What the site's search finds, and where a hit leads: the edition's own search records, made from
the text and the data in memory, and the one adapter that writes them into the theme's index.

The theme indexes each page by its headings, so a hit in the paper would lead to the top of a long
section. On the pages of the text every paragraph and every note is a record of its own (a hit
leads to `#p12` or `#fn:12`), placed after the heading it stands under; every bibliography entry
and every glossary term is one; and the excerpts that profiles repeat from the text are left
out, so the same words do not come up twice.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thouez_edition.escaping import search_text
from thouez_edition.text.paper import Heading, PageText, Passage

# Where the theme's search plugin writes its index, in the site.
THEME_INDEX = "search/search_index.json"
# The paper's own paragraphs and notes come first for the same words: their weight must outdo
# the theme's weight on titles (1000), so that a passage that names "PARinAC" ranks above the
# profile whose title is "Partnership in Action (PARinAC)".
TEXT_BOOST = 1e5
# Heading sections of profiles that only repeat the text's own words.
REPEATED_SECTIONS = ("#in-the-paper",)
# The heading the edition puts over a section's notes (extensions/note_apparatus.py).
NOTES_HEADING = "notes"


@dataclass(frozen=True)
class SearchRecord:
    """One hit: where it leads, what it is called, its words (plain text), its weight."""

    location: str
    title: str
    text: str = ""
    boost: float | None = None

    def as_theme_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "location": self.location,
            "title": search_text(self.title),
            "text": f"<p>{search_text(self.text)}</p>" if self.text else "",
        }
        if self.boost is not None:
            doc["boost"] = self.boost
        return doc


@dataclass(frozen=True)
class TextPageRecords:
    """A page of the text: its passages' records, each after the heading (by id; "" for the top of
    the page) under which it stands."""

    location: str
    after_heading: tuple[tuple[str, SearchRecord], ...]


@dataclass(frozen=True)
class SearchRecords:
    """Everything the edition says to search: the pages of the text, the pages it indexes wholly
    itself (the bibliography, the glossary), and what other pages are ("profile")."""

    text_pages: tuple[TextPageRecords, ...]
    whole_pages: Mapping[str, tuple[SearchRecord, ...]]
    kinds: Mapping[str, str]


def passage_title(passage: Passage) -> str:
    """What a hit on a passage says: its place in the print and the edition, and the section and
    subsection where it stands (a note, where it is called): "p. 10, n. 25 · Explaining the
    dearth of activity › Regional consultative mechanisms"."""
    if passage.series_note:
        return f"Series note, {passage.place}"
    section, *deeper = passage.headings or (passage.page_title,)
    return f"{passage.place} · {section}" + (f" › {deeper[-1]}" if deeper else "")


def text_page_records(location: str, page: PageText) -> TextPageRecords:
    """A page's paragraphs after their headings, then its notes after the notes' heading."""
    placed: list[tuple[str, SearchRecord]] = []
    heading = ""
    for item in page.body:
        if isinstance(item, Heading):
            # The page's title leads to the page itself, like the theme's own record for it.
            heading = item.anchor if item.level > 1 else ""
        elif item.anchor:
            placed.append((heading, passage_record(location, item)))
    placed += [(NOTES_HEADING, passage_record(location, note))
               for note in page.passages if note.kind == "note" and note.anchor]
    return TextPageRecords(location, tuple(placed))


def passage_record(location: str, passage: Passage) -> SearchRecord:
    return SearchRecord(f"{location}#{passage.anchor}", passage_title(passage), passage.text, TEXT_BOOST)


def whole_page(location: str, title: str, records: Iterable[tuple[str, str, str]]) -> tuple[SearchRecord, ...]:
    """A page indexed wholly by the edition: the page, then one record per `(id, title, text)`."""
    return (SearchRecord(location, title), *(SearchRecord(f"{location}#{anchor}", name, text) for anchor, name, text in records))


def write_into_theme_index(site_dir: Path, records: SearchRecords) -> None:
    """Merge the records into the theme's index file in the written site, if it has one (the
    offline copy has no search)."""
    index_file = site_dir / THEME_INDEX
    if index_file.exists():
        index = merge_into_theme_index(json.loads(index_file.read_text(encoding="utf-8")), records)
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def merge_into_theme_index(index: dict[str, Any], records: SearchRecords) -> dict[str, Any]:
    """The theme's index (`THEME_INDEX`, read as JSON) with the edition's records.

    On a page of the text the theme's records of its headings stay, and each passage follows the
    heading it stands under (a heading's own record then loses the words the passages hold); the bibliography and the glossary are the
    edition's records alone; profiles say what they are and leave out the text they repeat.
    """
    text_pages = {page.location: page for page in records.text_pages}
    docs: list[dict[str, Any]] = []
    # The pages of the text follow the others, in reading order.
    text_docs: dict[str, list[dict[str, Any]]] = {page.location: [] for page in records.text_pages}
    placed: set[str] = set()
    for doc in index["docs"]:
        location = doc["location"]
        page, _, heading = location.partition("#")
        if page in records.whole_pages or location.endswith(REPEATED_SECTIONS):
            continue
        if page in text_pages:
            under = [record for after, record in text_pages[page].after_heading if after == heading]
            # The theme's words of a section that holds passages are theirs to find, not its own.
            text_docs[page].append({**doc, "text": ""} if under else doc)
            text_docs[page] += [record.as_theme_doc() for record in under]
            placed.update(record.location for record in under)
            continue
        if location in records.kinds:
            doc = {**doc, "title": f"{doc['title']} · {search_text(records.kinds[location])}"}
        docs.append(doc)
    for page in records.text_pages:
        docs += text_docs[page.location]
        # A passage under a heading the theme did not index still gets a record, at its page's end.
        docs += [record.as_theme_doc() for _, record in page.after_heading if record.location not in placed]
    for page_records in records.whole_pages.values():
        docs += [record.as_theme_doc() for record in page_records]
    return {**index, "docs": docs}
