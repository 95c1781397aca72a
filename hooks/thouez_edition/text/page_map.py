"""The page map of the 2004 print: where each printed page begins in the text, and the pages every
passage stands on.

`data/pages.yml` gives each page's first words; here they are found in the text as the build
reads it, so a page can only begin at words that are really there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from thouez_edition.data.printed_pages import PrintedPage, note_break_anchor
from thouez_edition.errors import DataError, Problem
from thouez_edition.text.paper import Heading, Paper, Passage, note_anchor


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
