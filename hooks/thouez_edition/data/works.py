"""The works the notes cite (`data/citations.yml`): CSL records plus where the paper cites them.

Checked in two steps: against the schema, for repeated ids and against the rules for sources (no
address on a site that copies others, in the work's URL or its sources; an archived copy dated,
of the source's own address) when the data is loaded; against the text once the notes are read (a
note the paper does not have, a locator the note does not give, an organisation id that no
profile has).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thouez_edition.data.files import (
    Schemas,
    YamlDocument,
    check_document,
    list_entry_namer,
    load_schemas,
    read_yaml,
)
from thouez_edition.data.sources import is_mirror, mirror_message, source_problems
from thouez_edition.errors import Problem, raise_if_any

FILE = "citations.yml"
# Fields that belong to the edition, not to the CSL record.
EDITION_FIELDS = ("group", "cited_in", "printed_as", "comment", "sources", "actors")
GROUP_LABELS = {
    "scholarship": "Books, chapters and articles",
    "intergovernmental": "UN and other intergovernmental documents",
    "ngo": "Papers and reports of NGOs",
    "web": "Web pages",
    "talks-and-conversations": "Lectures, presentations, interviews and conversations",
}
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Citation:
    """A note that cites a work, with the locator it gives (pages, a chapter), if any."""

    note: int
    locator: str | None


@dataclass(frozen=True)
class Work:
    id: str
    group: str
    csl: dict[str, Any]
    cited_in: tuple[Citation, ...]
    printed_as: str | None
    actors: tuple[str, ...]
    line: int | None

    @property
    def group_label(self) -> str:
        return GROUP_LABELS[self.group]

    @property
    def url(self) -> str | None:
        return self.csl.get("URL")


@dataclass(frozen=True)
class Works:
    display_path: str
    works: tuple[Work, ...]
    document: YamlDocument

    def records(self) -> list[dict[str, Any]]:
        return [work.csl for work in self.works]

    def by_note(self) -> dict[int, list[tuple[Work, Citation]]]:
        """For each note, the works it cites, in the order the data gives them."""
        cited: dict[int, list[tuple[Work, Citation]]] = defaultdict(list)
        for work in self.works:
            for citation in work.cited_in:
                cited[citation.note].append((work, citation))
        return dict(cited)


def load_works(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> Works:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    checked = check_document(document, schemas.validator("citations.schema.json"), list_entry_namer())
    problems = checked.problems
    first: dict[str, int] = {}
    items = [] if checked.whole_file_invalid else document.data
    for index, item in enumerate(items):
        if not checked.is_valid((index, "id")):
            continue
        if item["id"] in first:
            problems.append(
                Problem(document.display_path, document.line((index, "id")), item["id"], "id",
                        f"is already the id of the work at line {first[item['id']]}; expected a unique id")
            )
        first.setdefault(item["id"], document.line((index, "id")) or 0)
        if checked.is_valid((index,)):
            problems += work_source_problems(document, index)
    raise_if_any(problems)
    works = tuple(
        Work(
            id=item["id"],
            group=item["group"],
            csl=csl_record(item),
            cited_in=tuple(Citation(c["note"], c.get("locator")) for c in item["cited_in"]),
            printed_as=item.get("printed_as"),
            actors=tuple(item.get("actors", [])),
            line=document.line((index, "id")),
        )
        for index, item in enumerate(document.data)
    )
    return Works(document.display_path, works, document)


def work_source_problems(document: YamlDocument, index: int) -> list[Problem]:
    """A work's address on a site that copies others, and what is wrong with each of its sources
    (the rules every source obeys)."""
    item = document.data[index]
    problems: list[Problem] = []

    def problem(path: tuple[str | int, ...], field: str, message: str) -> None:
        problems.append(Problem(document.display_path, document.line((index, *path)), item["id"], field, message))

    if "URL" in item and is_mirror(item["URL"]):
        problem(("URL",), "URL", mirror_message(item["URL"]))
    for number, source in enumerate(item["sources"]):
        for message in source_problems(source, "a record read in print or only in a copy"):
            field_name, _, text = message.partition(": ")
            problem(("sources", number, field_name), f"sources[{number}].{field_name}", text)
    return problems


def csl_record(item: dict[str, Any]) -> dict[str, Any]:
    """The CSL-JSON record of a work: its CSL fields, numbers as strings, dates as date-parts."""
    record = {key: value for key, value in item.items() if key not in EDITION_FIELDS}
    # Numbers as text, as the CSL-JSON schema's readers expect: citation-js's renderer fails on
    # a volume given as a number, and "211-240" or "EC/48/SC/CRP.29" are text anyway.
    record = {key: str(value) if isinstance(value, int) else value for key, value in record.items()}
    for key in ("issued", "event-date", "accessed"):
        if key in record:
            record[key] = {"date-parts": [_date_parts(part) for part in str(record[key]).split("/")]}
    return record


def _date_parts(text: str) -> list[int]:
    match = DATE.match(text)
    assert match, text  # the schema admits only dates of this shape
    return [int(part) for part in match.groups() if part]


