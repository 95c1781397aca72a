"""The acronyms the paper uses: general terms from `data/glossary.yml`, and the acronyms of the
organisations and processes from their own entries. They make the glossary page and the
abbreviation tooltips on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from thouez_edition.data.actors import Actors
from thouez_edition.data.files import (
    Schemas,
    check_document,
    list_entry_namer,
    load_schemas,
    read_yaml,
)
from thouez_edition.data.names import name_problem
from thouez_edition.errors import Problem, raise_if_any
from thouez_edition.escaping import tree_text

FILE = "glossary.yml"
# "HRW", "PARinAC", "UN": a name written as an acronym.
ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z]$")


@dataclass(frozen=True)
class Term:
    term: str
    expansion: str
    note: str | None = None
    actor_id: str | None = None
    # Where the term is defined, for messages about it: its file and line.
    file: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)

    @property
    def anchor(self) -> str:
        """The term's row on the glossary page: `term-PARinAC` (case kept: "IOs" is not "IOS")."""
        return "term-" + re.sub(r"[^A-Za-z0-9]+", "-", self.term).strip("-")


def actor_terms(actors: Actors) -> tuple[list[Term], list[Problem]]:
    """The acronyms the paper uses for entries (those among their aliases), each expanded by the
    entry's full name: its name, or its official name where the name is the acronym (“MIDWA”)."""
    terms, problems = [], []
    for actor in actors.all:
        for name in (alias for alias in actor.aliases if ACRONYM.match(alias)):
            line = actor.lines.get(f"alias:{name}")
            full = next((n for n in (actor.name, getattr(actor, "official_name", None)) if n and n != name), None)
            if full is None:
                problems.append(Problem(actor.source_file, actor.lines.get("name"), actor.id, "name",
                                        f"is “{name}”, the acronym itself, so the glossary would expand it by "
                                        "itself; expected the name in full"))
                continue
            terms.append(Term(name, full, actor_id=actor.id, file=actor.source_file, line=line))
    return terms, problems


def load_glossary(
    data_dir: Path, actors: Actors | None, display_dir: str = "data", schemas: Schemas | None = None
) -> list[Term]:
    """Every term, sorted as a reader looks them up; a term defined twice is bad data.

    Without `actors` (their files have problems of their own) the terms are checked among
    themselves only.
    """
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    checked = check_document(document, schemas.validator("glossary.schema.json"), list_entry_namer("term"))
    problems = checked.problems
    named, unnamed = actor_terms(actors) if actors else ([], [])
    problems += unnamed
    from_actors = {term.term: term for term in named}
    terms = list(from_actors.values())
    seen: set[str] = set()
    items = [] if checked.whole_file_invalid else document.data
    for index, item in enumerate(items):
        if not checked.is_valid((index,)):
            continue
        term = item["term"]
        line = document.line((index, "term"))
        unusable = name_problem(term, "an acronym")
        if unusable:
            problems.append(Problem(document.display_path, line, term, "term", unusable))
        if term in from_actors or term in seen:
            owner = from_actors[term].actor_id if term in from_actors else "this file"
            problems.append(
                Problem(document.display_path, document.line((index, "term")), term, "term",
                        f"is already defined by {owner}; expected each term once")
            )
        seen.add(term)
        terms.append(Term(term, item["expansion"], item.get("note"), file=document.display_path, line=line))
    raise_if_any(problems)
    return sorted(terms, key=lambda t: (t.term.casefold(), t.term))


def abbreviations(terms: list[Term]) -> dict[str, str]:
    """The glossary for Python-Markdown's `abbr` extension: term → title shown on hover."""
    return {term.term: tree_text(term.expansion) for term in terms}
