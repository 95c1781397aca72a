"""The edition's account of how its text differs from the source (`data/emendations.yml`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thouez_edition.data.files import (
    Checked,
    JsonPath,
    Schemas,
    YamlDocument,
    check_document,
    field_path,
    is_id,
    load_schemas,
    read_yaml,
)
from thouez_edition.errors import Problem, raise_if_any

FILE = "emendations.yml"
SCHEMA = "emendations.schema.json"


@dataclass(frozen=True)
class Replacement:
    find: str
    replace: str
    # Where it is written, for messages about it: `silent_repairs[spaced-full-stops]`,
    # `instances[3]` and its line.
    entry: str = field(default="", compare=False)
    place: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RepairKind:
    id: str
    label: str
    description: str
    instances: tuple[Replacement, ...]


@dataclass(frozen=True)
class Change:
    find: str
    replace: str
    reason: str
    index: int = field(default=0, compare=False)
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Located:
    """Words that stand in the edition's text, with a comment for the reader."""

    text: str
    comment: str
    section: str
    index: int
    line: int | None


@dataclass(frozen=True)
class Emendations:
    display_path: str
    silent_repairs: tuple[RepairKind, ...]
    changes: tuple[Change, ...]
    judgements: tuple[Located, ...]
    kept: tuple[Located, ...]

    def replacements(self) -> list[Replacement]:
        """Every literal replacement, silent or not, in the order the file gives them."""
        silent = [instance for kind in self.silent_repairs for instance in kind.instances]
        return silent + [Replacement(change.find, change.replace, f"changes[{change.index}]", "", change.line)
                         for change in self.changes]


def name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """`silent_repairs[6].instances[2].find` reads as entry `spaced-full-stops`, field `instances[2].find`."""
    if not path:
        return "", ""
    section = str(path[0])
    if len(path) == 1:
        return section, ""
    index = path[1]
    items = data.get(section) if isinstance(data, dict) else None
    item = items[index] if isinstance(items, list) and isinstance(index, int) and index < len(items) else None
    label = item.get("id") if isinstance(item, dict) and is_id(item.get("id")) else None
    entry = f"{section}[{label}]" if label else f"{section}[{index}]"
    return entry, field_path(path[2:])


def load_emendations(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> Emendations:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    checked = check_document(document, schemas.validator(SCHEMA), name_entry)
    problems = checked.problems
    if not checked.whole_file_invalid:
        problems += _cross_check(document, checked)
    raise_if_any(problems)
    data = document.data
    return Emendations(
        display_path=document.display_path,
        silent_repairs=tuple(
            RepairKind(
                id=kind["id"],
                label=kind["label"],
                description=kind["description"],
                instances=tuple(
                    Replacement(i["find"], i["replace"], f"silent_repairs[{kind['id']}]", f"instances[{number}]",
                                document.line(("silent_repairs", index, "instances", number)))
                    for number, i in enumerate(kind.get("instances", []))
                ),
            )
            for index, kind in enumerate(data["silent_repairs"])
        ),
        changes=tuple(Change(c["find"], c["replace"], c["reason"], index, document.line(("changes", index)))
                      for index, c in enumerate(data["changes"])),
        judgements=_located(document, "judgements"),
        kept=_located(document, "kept"),
    )


def _located(document: YamlDocument, section: str) -> tuple[Located, ...]:
    return tuple(
        Located(item["text"], item["comment"], section, index, document.line((section, index, "text")))
        for index, item in enumerate(document.data[section])
    )


def _cross_check(document: YamlDocument, checked: Checked) -> list[Problem]:
    """Repeated ids and replacements that change nothing, in the entries that passed the schema."""
    problems = []
    seen: dict[str, int] = {}
    kinds = document.data.get("silent_repairs") if isinstance(document.data, dict) else None
    for index, kind in enumerate(kinds if isinstance(kinds, list) else []):
        if not checked.is_valid(("silent_repairs", index)):
            continue
        if kind["id"] in seen:
            problems.append(
                Problem(document.display_path, document.line(("silent_repairs", index, "id")),
                        f"silent_repairs[{kind['id']}]", "id",
                        f"repeats the id of entry {seen[kind['id']] + 1}; expected each id once")
            )
        seen.setdefault(kind["id"], index)
        for number, instance in enumerate(kind.get("instances", [])):
            if instance["find"] == instance["replace"]:
                problems.append(
                    Problem(document.display_path,
                            document.line(("silent_repairs", index, "instances", number)),
                            f"silent_repairs[{kind['id']}]", f"instances[{number}]",
                            "replaces a text with itself; expected a replacement that differs")
                )
    return problems
