"""All of the edition's data and text, read and checked in one go.

Every data file is read and checked even when another has problems, and the paper's Markdown is
checked beside them, so that one run reports every problem, ordered by file and line. Checks
that compare two files, or a file with the text (a note a work is cited in, the words an
emendation names), run once both sides could be read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .actors import Actors, check_actors_against_paper, load_actors
from .datafiles import load_schemas
from .emendations import Emendations, load_emendations
from .errors import DataError, Problem, raise_if_any
from .glossary import Term, load_glossary
from .identity import Edition as Identity
from .identity import load_edition as load_identity
from .pages import locate_problems
from .paper import Paper, build_paper
from .passage_checks import check_passages
from .printed_pages import PageMap, PrintedPage, load_printed_pages, locate_pages
from .scholarly import PaperMetadata, load_paper_metadata
from .works import Works, check_against_paper, load_works

T = TypeVar("T")


@dataclass(frozen=True)
class EditionData:
    emendations: Emendations
    actors: Actors
    glossary: list[Term]
    works: Works
    paper: PaperMetadata
    # The edition's own identity (data/edition.yml), with the version and date of this build.
    identity: Identity
    # The pages of the 2004 print: the file's path and its entries.
    printed_pages: tuple[str, list[PrintedPage]]


@dataclass(frozen=True)
class DataAndText:
    data: EditionData
    # The text, each passage knowing the pages of the print it stands on.
    paper: Paper
    page_map: PageMap


def load_edition_data(
    data_dir: Path, version: str = "", built_on: str = "2004-01-01", display_dir: str = "data"
) -> EditionData:
    """Every data file, each checked against its schema and the others; one `DataError` with
    every problem of every file if any has one."""
    schemas = load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    problems: list[Problem] = list(schemas.problems)

    def attempt(load: Callable[..., T], *args: Any) -> T | None:
        try:
            return load(*args)
        except DataError as error:
            problems.extend(error.problems)
            return None

    actors = attempt(load_actors, data_dir, display_dir, schemas)
    emendations = attempt(load_emendations, data_dir, display_dir, schemas)
    glossary = attempt(load_glossary, data_dir, actors, display_dir, schemas)
    works = attempt(load_works, data_dir, display_dir, schemas)
    paper = attempt(load_paper_metadata, data_dir, display_dir, schemas)
    identity = attempt(load_identity, data_dir, version, built_on, display_dir, schemas)
    printed_pages = attempt(load_printed_pages, data_dir, display_dir, schemas)
    raise_if_any(problems)
    assert actors and emendations and glossary is not None and works and paper and identity and printed_pages
    return EditionData(emendations, actors, glossary, works, paper, identity, printed_pages)


def check_with_paper(data: EditionData, paper: Paper) -> list[Problem]:
    """What only the text can confirm: cited notes and locators, the words emendations name, the
    passages the actors' entries point to."""
    return [
        *check_against_paper(data.works, paper, data.actors.ids),
        *check_actors_against_paper(data.actors, paper),
        *locate_problems(data.emendations, paper),
    ]


def load_data_and_text(
    data_dir: Path,
    pages: Sequence[tuple[str, str]],
    version: str = "",
    built_on: str = "2004-01-01",
    display_dir: str = "data",
) -> DataAndText:
    """The data and the text (`pages` as `(path under docs/, Markdown)`, in reading order),
    every problem of both reported in one `DataError`. `version` and `built_on` are this
    build's, for the edition's identity."""
    problems: list[Problem] = []
    data = None
    try:
        data = load_edition_data(data_dir, version, built_on, display_dir)
    except DataError as error:
        problems += error.problems
    paper = build_paper(list(pages))
    text_problems = check_passages(paper.passages)
    problems += text_problems
    page_map = None
    if data is not None and not text_problems:
        problems += check_with_paper(data, paper)
        try:
            page_map = locate_pages(*data.printed_pages, paper)
        except DataError as error:
            problems += error.problems
    raise_if_any(problems)
    assert data is not None and page_map is not None
    return DataAndText(data, paper.with_print_pages(page_map.spans), page_map)
