"""The page map of the 2004 print, derived from the raw extraction (`tests/source/paper.txt`).

    .venv/bin/python -m tests.page_map        # writes data/pages.yml

The evidence, as the source keeps it (see the editorial page):
- each page's notes stand at its foot, after a line of spaces: the body that follows a page's
  notes begins a new page (certain);
- one page number survives ("6"), as the first line of the page it numbers, before "This
  reticence can certainly be explained": every other number is counted from it;
- the first line of most pages begins with a single space. Where no notes came before such a
  line, it is taken as a page break (inferred) unless a note is called since the last break,
  because a note stands at the foot of the page that calls it; a quotation's first line can
  begin with a space too;
- a note that runs on to the next page continues in that page's notes (notes 13 and 34).

`tests/test_page_map.py` fails if `data/pages.yml` differs from what this derives, and checks the
markers in the built pages against it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from thouez_edition.data.emendations import load_emendations
from thouez_edition.data.printed_pages import PrintedPage
from thouez_edition.text.navigation import is_paper_page, nav_paths
from thouez_edition.text.paper import Heading, Paper, Passage, build_paper

from tests.site_host import ROOT
from tests.source_text import (
    NOTE_START,
    NOTES_RULE,
    PAGE_NUMBER,
    PAGE_START,
    SOURCE,
    Repair,
    apply_repairs,
    join_lines,
    mark_body_markers,
)

PAGE_MAP = ROOT / "data" / "pages.yml"
# Private-use characters, which the text cannot hold: a page break, and a possible one.
BREAK, MAYBE = "\ue000", "\ue001"
MARKER = re.compile(r"^\[\^(\d+)\]$")
PRINTED_NUMBER = re.compile(r"(\d+)\s*$")
# The fewest words that say where a page begins (more where these are not unique in the passage).
FEWEST_WORDS = 4


@dataclass(frozen=True)
class Break:
    """Where a page of the print begins in a stream of words, and why we know."""

    word: int
    evidence: str


@dataclass(frozen=True)
class SourcePages:
    """Page breaks in the body's words and in each note's words, and the one printed number."""

    body_words: list[str]
    body_breaks: list[Break]
    # For each note that runs on to the next page: the word where the next page begins.
    note_breaks: dict[int, int]
    # The page (counted from 0) on whose foot each note begins.
    note_pages: dict[int, int]
    printed: tuple[int, int]  # (page counted from 0, its printed number)


def read_source_pages(text: str, repairs: list[Repair]) -> SourcePages:
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    note_block_breaks: list[int] = []  # how many body breaks came before each block of notes
    note_pages_raw: dict[int, int] = {}  # note -> the block it begins in
    runs_on: dict[int, int] = {}  # note -> index of its first line on the next page
    printed_at: int | None = None
    printed_number = 0
    in_notes = False
    breaks_so_far = 0
    evidence = ["start"]
    for line in text.splitlines():
        if NOTES_RULE.match(line):
            in_notes = True
            note_block_breaks.append(breaks_so_far)
            continue
        if not line.strip():
            continue
        if in_notes:
            if PAGE_NUMBER.match(line):
                printed_number = int(PRINTED_NUMBER.search(line).group(1))
                printed_at = breaks_so_far + 1
                evidence.append("page-number")
                body.append(BREAK)
                breaks_so_far += 1
                in_notes = False
                continue
            if not PAGE_START.match(line):
                match = NOTE_START.match(line)
                block = len(note_block_breaks) - 1
                if match and int(match["number"]) == len(notes) + 1:
                    notes[len(notes) + 1] = [line[match.end():]]
                    note_pages_raw[len(notes)] = block
                else:
                    last = len(notes)
                    if note_pages_raw[last] != block and last not in runs_on:
                        runs_on[last] = len(notes[last])
                    notes[last].append(line)
                continue
            in_notes = False
            if body and body[-1] != BREAK:
                evidence.append("after-notes")
                body.append(BREAK)
                breaks_so_far += 1
        elif PAGE_START.match(line) and body:
            body.append(MAYBE)
            evidence.append("leading-space")
            breaks_so_far += 1
        body.append(line)

    # Breaks stay in the text as words of their own while repairs apply and markers are found.
    joined = apply_repairs(join_lines(body), repairs)
    assert re.search(rf"\S[{BREAK}{MAYBE}]|[{BREAK}{MAYBE}]\S", joined) is None, "a page begins inside a word"
    _, marker_offsets = mark_body_markers(joined)
    markers = [(offset, offset + len(str(number))) for number, offset in enumerate(marker_offsets, start=1)]
    # The text without its markers, as the edition's passages hold it, and where each break falls.
    clean, position, sentinels = "", 0, []
    for start, end in markers:
        clean += joined[position:start]
        position = end
    clean += joined[position:]
    offset_shift = 0
    marker_iter = iter(markers)
    removed_before: list[int] = []
    for index, char in enumerate(joined):
        if char in (BREAK, MAYBE):
            removed = sum(end - start for start, end in markers if end <= index)
            sentinels.append((index, index - removed, char))
    words_before = lambda clean_position: len(clean[:clean_position].replace(BREAK, " ").replace(MAYBE, " ").split())
    words = clean.replace(BREAK, " ").replace(MAYBE, " ").split()
    breaks: list[Break] = [Break(0, "start")]
    kinds = iter(evidence[1:])
    accepted: list[bool] = [True]
    last_break = 0
    for index, clean_index, char in sentinels:
        kind = next(kinds)
        called = any(last_break <= start < index for start, _ in markers)
        keep = char == BREAK or not called
        accepted.append(keep)
        if keep:
            breaks.append(Break(words_before(clean_index), kind))
            last_break = index
    # Number the pages: a rejected break does not start a page.
    page_of_break = []
    page = 0
    for index, keep in enumerate(accepted):
        if index and keep:
            page += 1
        page_of_break.append(page)
    note_pages = {note: page_of_break[note_block_breaks[block]] for note, block in note_pages_raw.items()}
    note_words = {note: apply_repairs(join_lines(lines[:runs_on[note]]), repairs).split() for note, lines in notes.items() if note in runs_on}
    assert printed_at is not None, "the source has lost its one page number"
    return SourcePages(
        body_words=words,
        body_breaks=breaks,
        note_breaks={note: len(note_words[note]) for note in runs_on},
        note_pages=note_pages,
        printed=(page_of_break[printed_at], printed_number),
    )


def _phrase(words: list[str], offset: int) -> str:
    """The fewest words from `offset` that occur only there in `words` (at least FEWEST_WORDS)."""
    for count in range(min(FEWEST_WORDS, len(words) - offset), len(words) - offset + 1):
        wanted = words[offset : offset + count]
        places = [i for i in range(len(words) - count + 1) if words[i : i + count] == wanted]
        if places == [offset]:
            return " ".join(wanted)
    raise AssertionError(f"no unique phrase from word {offset} of {' '.join(words)[:80]}")


def edition_body(paper: Paper) -> list[tuple[Heading | Passage, int]]:
    """Each heading and paragraph of the text with the number of words before it."""
    blocks, count = [], 0
    for page in paper.pages:
        for block in page.body:
            blocks.append((block, count))
            count += len(block.text.split())
    return blocks


def derive(source: Path = SOURCE, root: Path = ROOT) -> list[PrintedPage]:
    repairs = [Repair(r.find, r.replace) for r in load_emendations(root / "data").replacements()]
    pages = read_source_pages(source.read_text(encoding="utf-8"), repairs)
    paper = read_edition(root)
    blocks = edition_body(paper)
    edition_words = [word for block, _ in blocks for word in block.text.split()]
    assert pages.body_words == edition_words, "the edition's words differ from the source's (see the fidelity test)"
    counted, number = pages.printed
    first_number = number - counted
    starts: list[PrintedPage] = []
    for page, start in enumerate(pages.body_breaks):
        index = start.word
        block, before = next((b, n) for b, n in reversed(blocks) if n <= index)
        note = next((n for n, p in pages.note_pages.items() if p == page - 1 and n in pages.note_breaks), None)
        note_words = None
        if note is not None:
            passage = paper.passage(f"fn:{note}")
            note_words = _phrase(passage.text.split(), pages.note_breaks[note])
        starts.append(
            PrintedPage(
                number=first_number + page,
                evidence=start.evidence,
                numbered="printed" if page == counted else "counted",
                at=block.anchor,
                words=_phrase(block.text.split(), index - before),
                note=note,
                note_words=note_words,
            )
        )
    return starts


def read_edition(root: Path) -> Paper:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    paths = [path for path in nav_paths(config["nav"]) if is_paper_page(path) and (root / "docs" / path).exists()]
    return build_paper((path, (root / "docs" / path).read_text(encoding="utf-8")) for path in paths)


HEADER = """\
# yaml-language-server: $schema=schemas/pages.schema.json
#
# The pages of the 2004 print: where each begins in the edition's text. Derived from the source
# by `python -m tests.page_map`, never typed: tests/test_page_map.py fails if this file differs
# from the derivation. `at` is a paragraph (p12, sn1) or heading id; `words` are the first words
# of the page in it; `note` and `note_words` say where a note that runs on from the page before
# continues. `evidence`: start (the source's first line), after-notes (the body resumes after
# the page's notes), page-number (after the one printed number), leading-space (a line that
# begins with a space, no note called since the last break). `numbered`: printed or counted.
"""


def page_map_yaml(starts: list[PrintedPage]) -> str:
    entries = []
    for start in starts:
        entry = {"number": start.number, "numbered": start.numbered, "evidence": start.evidence,
                 "at": start.at, "words": start.words}
        if start.note is not None:
            entry |= {"note": start.note, "note_words": start.note_words}
        entries.append(entry)
    return HEADER + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


def main() -> None:
    PAGE_MAP.write_text(page_map_yaml(derive()), encoding="utf-8")
    print(f"wrote {PAGE_MAP.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
