"""The edition's versions, from `CHANGELOG.md` (Keep a Changelog 1.1): each version with the day it
was released and what changed in it, read for the version's date (the colophon's) and for the
readers' *What changed* page.

The file is a title and a few lines of introduction, then one section a version, newest first:

    ## [Unreleased]            changes made since the last version (optional, first)
    ## [0.2.0] - 2027-01-15    a version and the day it was released (ISO)
    ### Added                  a kind of change: Added, Changed, Deprecated, Removed, Fixed, Security
    - One change, for readers; lines indented under it continue it.

Link definitions (`[0.2.0]: <address>`) may close the file. Anything else is reported with its
line, as the data files' problems are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from thouez_edition.errors import DataError, Problem, raise_if_any

FILE = "CHANGELOG.md"
UNRELEASED = "Unreleased"
KINDS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")

VERSION_HEADING = re.compile(r"^## \[(?P<version>[^\]]*)\](?: - (?P<date>.*))?$")
KIND_HEADING = re.compile(r"^### (?P<kind>.*)$")
ITEM = re.compile(r"^[-*] (?P<text>\S.*)$")
CONTINUATION = re.compile(r"^ {2,}(?P<text>\S.*)$")
LINK_DEFINITION = re.compile(r"^\[[^\]]+\]: \S+$")
# Released versions are numbered major.minor.patch, as pyproject.toml gives them.
VERSION_NUMBER = re.compile(r"^\d+\.\d+\.\d+$")
HEADING_EXAMPLE = "“## [0.2.0] - 2027-01-15”, or “## [Unreleased]” first"

# How the parser reports a problem: line, entry (the version), field, message.
Report = Callable[[int, str, str, str], None]


@dataclass(frozen=True)
class Changes:
    """One kind of change in a version, and the changes of that kind, as Markdown."""

    kind: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Release:
    """A version (or the changes not yet released, with no date) and what changed in it."""

    version: str
    date: str | None
    line: int
    changes: tuple[Changes, ...]

    @property
    def released(self) -> bool:
        return self.version != UNRELEASED


@dataclass(frozen=True)
class Changelog:
    """The versions, newest first."""

    releases: tuple[Release, ...]
    display_path: str = FILE

    def version_date(self, version: str) -> str:
        """The day `version` was released, as an ISO date; a `DataError` if the changelog does
        not give one."""
        release = next((r for r in self.releases if r.version == version), None)
        if release is None or release.date is None:
            raise DataError([Problem(
                self.display_path, release.line if release else None, version, "",
                "is pyproject.toml's version, but the changelog has no section for it; "
                f"expected a heading “## [{version}] - YYYY-MM-DD” with the day it was released",
            )])
        return release.date


def read_changelog(path: Path, display_path: str = FILE) -> Changelog:
    """The changelog at `path`, checked; every problem in one `DataError`."""
    if not path.is_file():
        raise DataError([Problem(display_path, None, "", "", "is missing; expected the edition's changelog, "
                                 f"a section a version with its date ({HEADING_EXAMPLE})")])
    return parse_changelog(path.read_text(encoding="utf-8"), display_path)


def parse_changelog(text: str, display_path: str = FILE) -> Changelog:
    problems: list[Problem] = []
    releases: list[Release] = []
    # The release being read: version, date, line, and its kinds with their items.
    current: tuple[str, str | None, int] | None = None
    kinds: list[tuple[str, list[str]]] = []
    closed = False  # link definitions have begun: nothing else may follow

    def problem(line: int, entry: str, field: str, message: str) -> None:
        problems.append(Problem(display_path, line, entry, field, message))

    def finish() -> None:
        if current is not None:
            version, day, line = current
            if not any(items for _, items in kinds):
                problem(line, version, "", "lists no change; expected at least one “- …” under a “### Added” "
                        "(or Changed, Deprecated, Removed, Fixed, Security) heading")
            releases.append(Release(version, day, line, tuple(Changes(k, tuple(i)) for k, i in kinds if i)))

    for number, line in enumerate(text.splitlines(), start=1):
        entry = current[0] if current else ""
        if not line.strip():
            continue
        if LINK_DEFINITION.match(line):
            closed = True
            continue
        if closed:
            problem(number, entry, "", f"is “{line.strip()}” after the link definitions; expected them to close the file")
            continue
        heading = VERSION_HEADING.match(line)
        if heading:
            finish()
            current, kinds = _version(heading, number, bool(releases), problem), []
            continue
        if current is None:
            if line.startswith("#") and not line.startswith("# "):
                problem(number, "", "", f"is “{line.strip()}”; expected a version's heading, {HEADING_EXAMPLE}")
            continue  # the title and the introduction
        kind = KIND_HEADING.match(line)
        if kind:
            name = kind["kind"].strip()
            if name not in KINDS:
                problem(number, entry, "", f"has the kind of change “{name}”; expected one of {', '.join(KINDS)}")
            kinds.append((name, []))
            continue
        item, continuation = ITEM.match(line), CONTINUATION.match(line)
        if item and kinds:
            kinds[-1][1].append(item["text"].strip())
        elif continuation and kinds and kinds[-1][1]:
            kinds[-1][1][-1] += " " + continuation["text"].strip()
        else:
            problem(number, entry, "", f"is “{line.strip()}”; expected a change (“- …”) under a kind of change "
                    "(“### Added” …), or a version's heading")
    finish()
    problems += _order_problems(releases, display_path)
    raise_if_any(problems)
    return Changelog(tuple(releases), display_path)


def _version(heading: re.Match[str], line: int, after_another: bool,
             problem: Report) -> tuple[str, str | None, int]:
    version, day = heading["version"].strip(), (heading["date"] or "").strip() or None
    if version == UNRELEASED:
        if day is not None:
            problem(line, version, "date", f"is “{day}”; expected no date for the changes not yet released")
        if after_another:
            problem(line, version, "", "comes after a version; expected it first, above the newest version")
        return version, None, line
    if not VERSION_NUMBER.match(version):
        problem(line, version, "", f"is not a version number; expected major.minor.patch, as in {HEADING_EXAMPLE}")
    if day is None:
        problem(line, version, "date", f"is missing; expected the day the version was released, as in {HEADING_EXAMPLE}")
    elif not _is_day(day):
        problem(line, version, "date", f"is “{day}”, which is not a day of the calendar; expected YYYY-MM-DD")
        day = None
    return version, day, line


def _is_day(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _order_problems(releases: list[Release], display_path: str) -> list[Problem]:
    """Each version once, newest first: numbers and dates going down the file."""
    problems: list[Problem] = []
    released = [r for r in releases if r.released]
    seen: set[str] = set()
    for release in released:
        if release.version in seen:
            problems.append(Problem(display_path, release.line, release.version, "",
                                    "is given twice; expected each version once"))
        seen.add(release.version)
    for newer, older in zip(released, released[1:]):
        if VERSION_NUMBER.match(newer.version) and VERSION_NUMBER.match(older.version) and (
                _number(older.version) >= _number(newer.version)) and older.version != newer.version:
            problems.append(Problem(display_path, older.line, older.version, "",
                                    f"comes after {newer.version}; expected the versions newest first"))
        if newer.date and older.date and older.date > newer.date:
            problems.append(Problem(display_path, older.line, older.version, "date",
                                    f"is {older.date}, later than {newer.version}'s {newer.date}; "
                                    "expected the versions newest first"))
    return problems


def _number(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))
