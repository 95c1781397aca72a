"""The one error type for bad data, and the shape of its messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file: where it is, which entry and field, and what was expected."""

    file: str
    line: int | None
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        subject = ".".join(part for part in (self.entry, self.field) if part)
        return f"{where}: {subject}: {self.message}" if subject else f"{where}: {self.message}"


class EditionError(Exception):
    """Any failure that ends the build with a message for the editor, never a traceback."""


class DataError(EditionError):
    """Bad data: carries every problem found, so an editor can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        # By file and line, so an editor can work down the list; the same problem found twice once.
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.entry, p.field, p.message))
        count = len(self.problems)
        kinds = {"text" if problem.file.startswith("docs/") else "data" for problem in self.problems}
        where = " and ".join(kind for kind in ("data", "text") if kind in kinds) or "data"
        heading = f"{count} problem{'s' if count != 1 else ''} in the edition's {where}:"
        super().__init__("\n".join([heading, *(f"  {problem}" for problem in self.problems)]))


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise DataError(problems)


class PrintError(EditionError):
    """The PDF could not be made; the message says why."""
