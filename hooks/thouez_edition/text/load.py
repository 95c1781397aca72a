"""The data and the text, read and checked together: every problem of both in one `DataError`.

Every data file is read and checked even when another has problems, and the paper's Markdown is
checked beside them, so that one run reports every problem, ordered by file and line. Checks
that compare a file with the text run once both sides could be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from thouez_edition.data.load import EditionData, load_edition_data
from thouez_edition.errors import DataError, Problem, raise_if_any
from thouez_edition.text.against_data import (
    check_actors_against_paper,
    check_against_paper,
    check_glossary_against_paper,
    locate_problems,
)
from thouez_edition.text.checks import check_passages
from thouez_edition.text.mentions import check_mentions
from thouez_edition.text.page_map import PageMap, locate_pages
from thouez_edition.text.paper import Paper, build_paper


@dataclass(frozen=True)
class DataAndText:
    data: EditionData
    # The text, each passage knowing the pages of the print it stands on.
    paper: Paper
    page_map: PageMap

def check_with_paper(data: EditionData, paper: Paper) -> list[Problem]:
    """What only the text can confirm: cited notes and locators, the words emendations name, the
    passages the actors' entries point to, that every name in the text is attributed and every
    name and acronym of the data stands in the text."""
    return [
        *check_against_paper(data.works, paper, data.actors.ids),
        *check_actors_against_paper(data.actors, paper),
        *check_mentions(data.actors, paper),
        *check_glossary_against_paper(data.glossary, paper),
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
