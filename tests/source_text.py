"""The paper's words as the source prints them, after the edition's declared repairs.

`tests/source/paper.txt` is the raw text extraction of the printed paper. This module undoes
only the damage that the extraction did (page furniture, notes interleaved with the body, lines
cut by page ends, markers glued to words) and applies the literal repairs declared in
`data/emendations.yml`. Everything else stays as printed, so a test can compare the edition's
words with the author's, one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).parent / "source" / "paper.txt"

NOTE_COUNT = 58

# A long run of spaces is all that is left of the rule printed above each page's notes.
NOTES_RULE = re.compile(r"^ {20,}$")
# The one page number the extraction kept ("\ufffd 6").
PAGE_NUMBER = re.compile(r"^\ufffd \d+\s*$")
# Each page's first line starts with a single space; after a page's notes it resumes the body.
PAGE_START = re.compile(r"^ \S")
NOTE_START = re.compile(r"^(?P<number>\d{1,2}) +(?=\S)")


@dataclass(frozen=True)
class SourceText:
    """The body (with the series note) and the notes, each as a list of printed lines."""

    body_lines: tuple[str, ...]
    note_lines: dict[int, tuple[str, ...]]


def split_source(text: str) -> SourceText:
    """Separate the body from the notes printed at the foot of each page."""
    body: list[str] = []
    notes: dict[int, list[str]] = {}
    in_notes = False
    for line in text.splitlines():
        if NOTES_RULE.match(line):
            in_notes = True
            continue
        if not line.strip():
            continue
        if in_notes:
            if PAGE_NUMBER.match(line):
                in_notes = False
                continue
            if PAGE_START.match(line):
                in_notes = False
            else:
                _add_note_line(notes, line)
                continue
        body.append(line)
    return SourceText(tuple(body), {n: tuple(lines) for n, lines in notes.items()})


def _add_note_line(notes: dict[int, list[str]], line: str) -> None:
    """A line opens note N only if N is the next number; otherwise it continues the last note."""
    match = NOTE_START.match(line)
    expected = len(notes) + 1
    if match and int(match["number"]) == expected:
        notes[expected] = [line[match.end() :]]
    elif notes:
        notes[len(notes)].append(line)
    else:
        raise ValueError(f"note text before note 1: {line!r}")


def join_lines(lines: tuple[str, ...] | list[str]) -> str:
    """Join printed lines; a line-end hyphen is a real hyphen, so it joins without a space."""
    text = ""
    for line in (raw.strip() for raw in lines):
        if not text:
            text = line
        elif text.endswith("-"):
            text += line
        else:
            text += " " + line
    return text


@dataclass(frozen=True)
class Repair:
    find: str
    replace: str


def apply_repairs(text: str, repairs: list[Repair]) -> str:
    for repair in repairs:
        text = text.replace(repair.find, repair.replace)
    return text


def marker_token(number: int) -> str:
    """How a note marker appears in a word stream, on either side of the comparison."""
    return f" [^{number}] "


def mark_body_markers(body: str, count: int = NOTE_COUNT) -> tuple[str, list[int]]:
    """Turn the printed note markers (plain digits) into marker tokens.

    Markers are found in order: marker N is the first free-standing N after marker N-1, either
    glued to the word before it (`mobility1`) or after a space (`networks”. 4`).
    Returns the marked text and the offset of each marker in the unmarked text.
    """
    out: list[str] = []
    offsets: list[int] = []
    position = 0
    for number in range(1, count + 1):
        pattern = re.compile(rf"(?<![\d,.:/-])(?<!\d )(?<!p\. ){number}(?![\d:/-])(?!\.\d)")
        match = pattern.search(body, position)
        if match is None:
            raise ValueError(f"marker {number} not found after offset {position}")
        out.append(body[position : match.start()])
        out.append(marker_token(number))
        offsets.append(match.start())
        position = match.end()
    out.append(body[position:])
    return "".join(out), offsets


@dataclass(frozen=True)
class ExpectedText:
    body_words: list[str]
    note_words: dict[int, list[str]]


def expected_text(repairs: list[Repair], source: Path = SOURCE) -> ExpectedText:
    """The words the edition must show: the body (series note first) and each note."""
    split = split_source(source.read_text(encoding="utf-8"))
    body = apply_repairs(join_lines(split.body_lines), repairs)
    marked, _ = mark_body_markers(body)
    notes = {
        number: apply_repairs(join_lines(lines), repairs).split()
        for number, lines in split.note_lines.items()
    }
    return ExpectedText(marked.split(), notes)


def word_differences(expected: list[str], actual: list[str], context: int = 6) -> list[str]:
    """Each place where `actual` drops, adds, changes or moves a word of `expected`, readably."""
    import difflib

    matcher = difflib.SequenceMatcher(a=expected, b=actual, autojunk=False)
    differences = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = " ".join(expected[max(0, a1 - context) : a1])
        differences.append(
            f"{tag} after “…{before}”: source has {expected[a1:a2]!r}, edition has {actual[b1:b2]!r}"
        )
    return differences
