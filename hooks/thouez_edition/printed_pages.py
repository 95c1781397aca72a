"""The pages of the 2004 print: where each begins in the text, the page of every passage, and the
page-break markers in the pages of the text.

`data/pages.yml` lists the printed pages in order, each with the paragraph or heading in which it
begins and its first words there (and, where a note runs on from the page before, where the note
continues). It is derived from the source by `tests/page_map.py`; here it is checked against the
text as the build reads it, so a marker can only stand at words that are really there.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .datafiles import JsonPath, Schemas, check_schema, field_path, load_schemas, read_yaml
from .errors import DataError, Problem, raise_if_any
from .page_context import PageContext
from .paper import HEADINGS, NOTE_PREFIX, Heading, Paper, Passage, note_anchor
from .templates import render, render_block

FILE = "pages.yml"
BREAK_CLASS = "page-break"


@dataclass(frozen=True)
class PrintedPage:
    number: int
    numbered: str
    evidence: str
    at: str
    words: str
    note: int | None = None
    note_words: str | None = None
    line: int | None = None

    @property
    def anchor(self) -> str:
        return page_anchor(self.number)


def page_anchor(number: int) -> str:
    return f"page-{number}"


def note_break_anchor(number: int, note: int) -> str:
    return f"page-{number}-n{note}"


def _name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """Entries are named by their page number: `page 6.words`."""
    if not path:
        return "", ""
    item = data[path[0]] if isinstance(data, list) and isinstance(path[0], int) and path[0] < len(data) else None
    number = item.get("number") if isinstance(item, dict) else None
    return (f"page {number}" if isinstance(number, int) else f"[{path[0]}]"), field_path(path[1:])


def load_printed_pages(
    data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None
) -> tuple[str, list[PrintedPage]]:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    display_path = f"{display_dir}/{FILE}"
    document = read_yaml(data_dir / FILE, display_path)
    raise_if_any(check_schema(document, schemas.validator("pages.schema.json"), _name_entry))
    pages = [
        PrintedPage(**entry, line=document.line((index,)))
        for index, entry in enumerate(document.data)
    ]
    return display_path, pages


@dataclass(frozen=True)
class Break:
    """A page of the print begins before word `word` of the element with id `anchor`."""

    anchor: str
    word: int
    page: PrintedPage
    marker_id: str


@dataclass(frozen=True)
class PageMap:
    """The printed pages located in the text: the breaks, and the pages each passage stands on."""

    pages: tuple[PrintedPage, ...]
    breaks: dict[str, list[Break]] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Where each page begins: the page of the text and the id of the marker.
    locations: dict[int, tuple[str, str]] = field(default_factory=dict)



def _occurrences(words: list[str], phrase: list[str]) -> list[int]:
    return [i for i in range(len(words) - len(phrase) + 1) if words[i : i + len(phrase)] == phrase]


def locate_pages(display_path: str, pages: list[PrintedPage], paper: Paper) -> PageMap:
    """Find where each printed page begins; every page that cannot be found is a problem."""
    blocks: list[Heading | Passage] = [block for page in paper.pages for block in page.body]
    index_of = {block.anchor: index for index, block in enumerate(blocks)}
    page_of_block = {block.anchor: block.page for block in blocks}
    problems: list[Problem] = []
    breaks: dict[str, list[Break]] = {}
    positions: list[tuple[tuple[int, int], PrintedPage]] = []
    locations: dict[int, tuple[str, str]] = {}
    previous: PrintedPage | None = None

    def problem(page: PrintedPage, field_name: str, message: str) -> None:
        problems.append(Problem(display_path, page.line, f"page {page.number}", field_name, message))

    for page in pages:
        if previous is not None and page.number != previous.number + 1:
            problem(page, "number", f"is {page.number}; expected {previous.number + 1}, the page after page {previous.number}")
        previous = page
        if page.at not in index_of:
            problem(page, "at", f"“{page.at}” is not a paragraph or heading of the text; expected an id such as p12, sn1 or a heading's id")
            continue
        words = blocks[index_of[page.at]].text.split()
        found = _occurrences(words, page.words.split())
        if len(found) != 1:
            where = "is not" if not found else f"stands {len(found)} times"
            problem(page, "words", f"“{page.words}” {where} in {page.at}; expected the first words of the page, once")
            continue
        position = (index_of[page.at], found[0])
        if positions and position <= positions[-1][0]:
            problem(page, "at", f"page {page.number} begins before page {positions[-1][1].number}; expected the pages in reading order")
        positions.append((position, page))
        breaks.setdefault(page.at, []).append(Break(page.at, found[0], page, page.anchor))
        locations[page.number] = (page_of_block[page.at], page.anchor)
        if page.note is not None:
            note = paper.passage(note_anchor(page.note))
            if note is None:
                problem(page, "note", f"is {page.note}; expected a note of the paper")
                continue
            found = _occurrences(note.text.split(), (page.note_words or "").split())
            if len(found) != 1:
                problem(page, "note_words", f"“{page.note_words}” is not once in note {page.note}; expected the words with which it continues")
                continue
            marker = note_break_anchor(page.number, page.note)
            breaks.setdefault(note.anchor, []).append(Break(note.anchor, found[0], page, marker))
    if problems:
        raise DataError(problems)
    return PageMap(tuple(pages), breaks, _spans(paper, blocks, positions, pages), locations)


def _spans(
    paper: Paper, blocks: list[Heading | Passage], positions: list[tuple[tuple[int, int], PrintedPage]], pages: list[PrintedPage]
) -> dict[str, tuple[int, int]]:
    """The first and last printed page of every paragraph and note."""

    def page_at(position: tuple[int, int]) -> int:
        number = positions[0][1].number
        for start, page in positions:
            if start <= position:
                number = page.number
        return number

    spans: dict[str, tuple[int, int]] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, Passage):
            last_word = max(len(block.text.split()) - 1, 0)
            spans[block.anchor] = (page_at((index, 0)), page_at((index, last_word)))
    runs_on = {page.note: page.number for page in pages if page.note is not None}
    index_of = {block.anchor: index for index, block in enumerate(blocks)}
    for note in paper.notes:
        caller = paper.calling_paragraph(note.number)
        if caller is None:
            continue
        before = caller.call_words[caller.calls.index(note.number)]
        # A note stands at the foot of the page on which it is called.
        first = page_at((index_of[caller.anchor], max(before - 1, 0)))
        spans[note.anchor] = (first, runs_on.get(note.number, first))
    return spans


# --- going to a page ------------------------------------------------------------------------------

REDIRECTS = "pages"


def render_page_list(page_map: PageMap, here: str) -> str:
    """The title page's list of printed pages, each a link to where it begins."""
    return render("printed_pages.md", pages=page_map.pages, locations=page_map.locations, here=here)


EVIDENCE = {
    "start": "the source's first page (certain)",
    "after-notes": "the text resumes after the page's notes (certain)",
    "page-number": "the text resumes after the printed page number (certain)",
    "leading-space": "a line that begins with a space, no note called since the last break (inferred)",
}


def render_page_evidence(page_map: PageMap, here: str) -> str:
    """The editorial page's table: each page, where it begins, and how the break is known."""
    return render_block("page_evidence.html", pages=page_map.pages, locations=page_map.locations, evidence=EVIDENCE, here=here)


def redirect_pages(page_map: PageMap, url_of: Callable[[str], str]) -> dict[str, str]:
    """`pages/12/index.html` for every page: sends a reader with a print citation to the page.
    `url_of` gives the address of a Markdown page, relative to the site's root."""
    pages = {}
    for number, (source, anchor) in page_map.locations.items():
        target = f"../../{url_of(source)}#{anchor}"
        pages[f"{REDIRECTS}/{number}/index.html"] = render("page_redirect.html", number=number, target=target)
    return pages


# --- the markers, in the pages of the text ------------------------------------------------------

SKIPPED_CLASSES = {"apparatus", "footnote-backref"}


def _skipped(element: etree.Element) -> bool:
    if element.tag == "sup" and (element.get("id") or "").startswith("fnref"):
        return True
    return bool(SKIPPED_CLASSES & set((element.get("class") or "").split()))


def _text_slots(element: etree.Element) -> list[tuple[etree.Element, str]]:
    """The text of `element` in reading order, as (node, "text" or "tail") slots, leaving out
    note markers and the edition's apparatus (whose tails are the author's text again)."""
    slots: list[tuple[etree.Element, str]] = [(element, "text")]
    for child in element:
        if not _skipped(child):
            slots.extend(_text_slots(child))
        slots.append((child, "tail"))
    return slots


def insert_marker(element: etree.Element, word: int, marker: etree.Element) -> bool:
    """Put `marker` just before word number `word` (from 0) of `element`'s text; False if the
    text has fewer words."""
    parents = {child: parent for parent in element.iter() for child in parent}
    count, in_word = -1, False
    for node, slot in _text_slots(element):
        text = getattr(node, slot) or ""
        for offset, char in enumerate(text):
            if char.isspace():
                in_word = False
                continue
            if not in_word:
                count += 1
                in_word = True
                if count == word:
                    _put(element, parents, node, slot, offset, marker)
                    return True
    return False


def _put(root: etree.Element, parents: dict, node: etree.Element, slot: str, offset: int, marker: etree.Element) -> None:
    text = getattr(node, slot) or ""
    if slot == "text":
        if offset == 0 and node is not root:
            # The word opens an inline element (a linked name): the marker goes before it.
            parent = parents[node]
            marker.tail = None
            parent.insert(list(parent).index(node), marker)
            return
        node.text, marker.tail = text[:offset] or None, text[offset:]
        node.insert(0, marker)
    else:
        parent = parents[node]
        node.tail, marker.tail = text[:offset] or None, text[offset:]
        parent.insert(list(parent).index(node) + 1, marker)


def marker_element(page: PrintedPage, marker_id: str) -> etree.Element:
    return etree.Element("a", {
        "class": f"apparatus {BREAK_CLASS}",
        "id": marker_id,
        "href": f"#{marker_id}",
        "data-page": str(page.number),
        "aria-label": f"Page {page.number} of the 2004 print",
    })


class PageBreaks(Treeprocessor):
    """A marker where each printed page begins, in paragraphs, headings and notes, on the pages of
    the text and the print page."""

    def __init__(self, md: Markdown, extension: PageBreaksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        context, page_map = self.extension.context, self.extension.page_map()
        if page_map is None or (context.page is None and not context.printing):
            return
        # Headings have no ids yet (toc gives them later): they are known by their words.
        headings = {heading.text: heading.anchor for heading in self.extension.headings()}
        for element in list(root.iter()):
            anchor = element.get("id") or ""
            if element.tag in HEADINGS:
                anchor = headings.get(" ".join("".join(element.itertext()).split()), "")
            elif element.tag == "li" and not anchor.startswith(NOTE_PREFIX):
                continue
            for found in page_map.breaks.get(anchor, []):
                insert_marker(element, found.word, marker_element(found.page, found.marker_id))


class PageBreaksExtension(Extension):
    """`page_map` and `headings` are read when a page is converted: they are known once the
    build has read the text, after the extension is made."""

    def __init__(
        self,
        page_map: Callable[[], PageMap | None],
        headings: Callable[[], tuple[Heading, ...]],
        context: PageContext,
        **kwargs: object,
    ) -> None:
        self.page_map = page_map
        self.headings = headings
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 6: after the apparatus (6.5), whose text the markers skip, and before toc (5) and
        # MkDocs' anchor collection (5), so `#page-6` is a known anchor that links can name.
        md.treeprocessors.register(PageBreaks(md, self), "page_breaks", 6)
