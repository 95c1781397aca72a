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
from collections.abc import Callable, Sequence

from thouez_edition.errors import Problem
from thouez_edition.text.paper import Passage

# A marker with any label, so that a marker labelled other than by a number is found too.
MARKER = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
NUMBER = re.compile(r"^[1-9]\d*$")
SERIES = re.compile(r"^(?P<series>p|sn)(?P<number>\d+)$")

# Records a problem: the passage, its line, its subject (a marker, a label, an id) and the message.
Report = Callable[[Passage, int | None, str, str], None]


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


def _check_notes(passages: Sequence[Passage], report: Report) -> None:
    first_definition: dict[str, str] = {}
    numbered: list[tuple[int, Passage, str]] = []
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
            numbered.append((int(label), note, subject))
    for index, (kind, expected) in _breaks([number for number, _, _ in numbered]).items():
        _, note, subject = numbered[index]
        if kind == "after":
            report(note, note.line, subject, f"follows note {expected - 1}; expected the notes in print order, "
                                             "each numbered higher than the one before")
        else:
            report(note, note.line, subject, f"comes where note {expected} was expected; expected the notes "
                                             "numbered 1, 2, 3 … without a gap")


def _check_paragraphs(passages: Sequence[Passage], report: Report) -> None:
    first: dict[str, str] = {}
    series_of: dict[str, list[tuple[int, Passage]]] = {"p": [], "sn": []}
    for passage in passages:
        if passage.kind != "paragraph":
            continue
        if not passage.anchor:
            series = "sn" if passage.page == "index.md" else "p"
            following = len(series_of[series]) + 1
            report(passage, passage.line, "paragraph", f"has no id; expected one such as {{#{series}{following}}} "
                                                       "on the line after it")
            continue
        match = SERIES.match(passage.anchor)
        assert match, passage.anchor  # the reader only gives ids of this shape
        if passage.anchor in first:
            report(passage, passage.line, f"{{#{passage.anchor}}}",
                   f"is already the id of the paragraph at {first[passage.anchor]}; expected each paragraph id once")
            continue
        first[passage.anchor] = f"docs/{passage.page}:{passage.line}"
        series_of[match["series"]].append((int(match["number"]), passage))
    for series, numbered in series_of.items():
        for index, (kind, expected) in _breaks([number for number, _ in numbered]).items():
            passage = numbered[index][1]
            subject = f"{{#{passage.anchor}}}"
            if kind == "after":
                report(passage, passage.line, subject, f"follows {{#{series}{expected - 1}}}; expected paragraph "
                                                       "ids in reading order, each higher than the one before")
            else:
                report(passage, passage.line, subject, f"comes where {{#{series}{expected}}} was expected; expected "
                                                       f"paragraph ids {series}1, {series}2 … in reading order, "
                                                       "without a gap")


def _breaks(numbers: list[int]) -> dict[int, tuple[str, int]]:
    """Where a sequence that should run 1, 2, 3 … breaks: position → ("after", the number it
    should exceed + 1) for one out of order, or ("gap", the number expected there).

    The longest increasing run of the sequence is taken as right, so one number written wrong
    is reported once, not together with every number after it.
    """
    count = len(numbers)
    length, previous = [1] * count, [-1] * count
    for i in range(count):
        for j in range(i):
            if numbers[j] < numbers[i] and length[j] + 1 > length[i]:
                length[i], previous[i] = length[j] + 1, j
    kept: set[int] = set()
    position = max(range(count), key=lambda k: length[k]) if count else -1
    while position != -1:
        kept.add(position)
        position = previous[position]
    breaks: dict[int, tuple[str, int]] = {}
    last, explained = 0, False
    for index, number in enumerate(numbers):
        if index not in kept:
            breaks[index] = ("after", last + 1) if number <= last else ("gap", last + 1)
            explained = True
            continue
        if number != last + 1 and not explained:
            breaks[index] = ("gap", last + 1)
        last, explained = number, False
    return breaks
