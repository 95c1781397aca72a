"""Every data file, read and checked in one go: each against its schema and the others, and one
`DataError` with every problem of every file if any has one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from thouez_edition.data.actors import Actors, load_actors
from thouez_edition.data.emendations import Emendations, load_emendations
from thouez_edition.data.files import load_schemas
from thouez_edition.data.glossary import Term, load_glossary
from thouez_edition.data.identity import Edition as Identity
from thouez_edition.data.identity import load_edition as load_identity
from thouez_edition.data.paper_metadata import PaperMetadata, load_paper_metadata
from thouez_edition.data.printed_pages import PrintedPage, load_printed_pages
from thouez_edition.data.works import Works, load_works
from thouez_edition.errors import DataError, Problem, raise_if_any

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




