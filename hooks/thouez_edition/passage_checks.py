"""The paper's Markdown, checked as strictly as the data: notes and their markers, note labels,
paragraph ids.

The checks take the passages as read (`paper.Passage`: kind, anchor, page, line, the notes its
markers call and its words, in which a marker that calls no note stays as written), whatever
reads them, and report each problem as `docs/<page>:<line>: …`:

- every marker has its note on the same page, and every note is called by a marker there;
- a note's label is its printed number, used once in the whole paper, the notes numbered in
  print order (1, 2, 3 … in reading order, each called for the first time after the one before);
- a marker stands in a paragraph, not in a note (the paper has no notes within notes);
- every paragraph has its id, each id once, numbered in reading order (`p1`, `p2` … across the
  sections; `sn1`, `sn2` … in the series note).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .errors import Problem
from .paper import Passage

# A marker with any label, so that a marker labelled other than by a number is found too.
MARKER = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
NUMBER = re.compile(r"^[1-9]\d*$")
SERIES = re.compile(r"^(?P<series>p|sn)(?P<number>\d+)$")


def check_passages(passages: Sequence[Passage], docs_dir: str = "docs") -> list[Problem]:
    """Every problem of the passages, in the order the pages and lines give them."""
    problems: list[Problem] = []

    def report(passage: Passage, line: int | None, subject: str, message: str) -> None:
        problems.append(Problem(f"{docs_dir}/{passage.page}", line, subject, "", message))

    _check_notes(passages, report)
    _check_paragraphs(passages, report)
    return problems


def _markers(passage: Passage) -> list[tuple[str, int | None]]:
    """The label of each marker in a passage, with the passage's line: the markers that call a
    note of the page (`calls`), then those the reader left as written (a label that is not a
    number, or one that no note of the page has)."""
    called = [(str(number), passage.line) for number in passage.calls]
    return called + [(match["label"], passage.line) for match in MARKER.finditer(passage.text)]


def _check_notes(passages: Sequence[Passage], report) -> None:  # noqa: ANN001 - a local callback
    first_definition: dict[str, str] = {}
    expected_note = 1
    highest_called = 0
    called_once: set[str] = set()
    for page in dict.fromkeys(passage.page for passage in passages):
        on_page = [passage for passage in passages if passage.page == page]
        notes = [passage for passage in on_page if passage.kind == "note"]
        labels = {note.anchor.removeprefix("fn:") for note in notes}
        called: set[str] = set()
        for passage in on_page:
            for label, line in _markers(passage):
                subject = f"[^{label}]"
                if passage.kind == "note":
                    report(passage, line, subject, f"is a marker inside note {passage.anchor.removeprefix('fn:')}; "
                                                   "expected markers in the text only, not in notes")
                    continue
                called.add(label)
                if not NUMBER.match(label):
                    report(passage, line, subject, f"is a marker labelled “{label}”; expected the printed "
                                                   "number of its note, such as [^12]")
                elif label not in labels:
                    report(passage, line, subject, f"calls a note that this page does not have; expected "
                                                   f"a definition “[^{label}]: …” at the foot of the page")
                elif label not in called_once:
                    called_once.add(label)
                    number = int(label)
                    if number < highest_called:
                        report(passage, line, subject, f"is called after note {highest_called}; expected the "
                                                       "notes called in print order")
                    highest_called = max(highest_called, number)
        for note in notes:
            label = note.anchor.removeprefix("fn:")
            subject = f"[^{label}]"
            where = f"{note.page}:{note.line}"
            if not NUMBER.match(label):
                report(note, note.line, subject, f"is a note labelled “{label}”; expected its printed "
                                                 "number, such as [^12]:")
                continue
            if label in first_definition:
                report(note, note.line, subject, f"is already the label of the note at {first_definition[label]}; "
                                                 "expected each note number once in the whole paper")
                continue
            first_definition[label] = f"docs/{where}"
            if label not in called:
                report(note, note.line, subject, f"is never called; expected a marker [^{label}] in the text "
                                                 "of this page")
            number = int(label)
            if number != expected_note:
                report(note, note.line, subject, f"comes where note {expected_note} was expected; expected "
                                                 "the notes numbered in print order, 1, 2, 3 …")
            expected_note = number + 1


def _check_paragraphs(passages: Sequence[Passage], report) -> None:  # noqa: ANN001 - a local callback
    first: dict[str, str] = {}
    expected = {"p": 1, "sn": 1}
    for passage in passages:
        if passage.kind != "paragraph":
            continue
        if not passage.anchor:
            series = "sn" if passage.page == "index.md" else "p"
            report(passage, passage.line, "paragraph", f"has no id; expected {{#{series}{expected[series]}}} "
                                                       "on the line after it")
            expected[series] += 1
            continue
        match = SERIES.match(passage.anchor)
        assert match, passage.anchor  # the reader only gives ids of this shape
        subject = f"{{#{passage.anchor}}}"
        if passage.anchor in first:
            report(passage, passage.line, subject, f"is already the id of the paragraph at {first[passage.anchor]}; "
                                                   "expected each paragraph id once")
            continue
        first[passage.anchor] = f"docs/{passage.page}:{passage.line}"
        series, number = match["series"], int(match["number"])
        if number != expected[series]:
            report(passage, passage.line, subject, f"comes where {{#{series}{expected[series]}}} was expected; "
                                                   "expected paragraph ids numbered in reading order")
        expected[series] = number + 1
