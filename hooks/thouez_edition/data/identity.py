"""The edition's own identity, apart from the paper's (`data/edition.yml`): its editors, version and
date, the licence of its editorial matter, the rights in the text, and its record for citing it.

The version is the project's (pyproject.toml) and the date the day that version was released (the
changelog's, as the colophon gives it), so a citation of the edition says which version was read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from thouez_edition.data.files import (
    Schemas,
    check_schema,
    field_path,
    load_schemas,
    read_yaml,
)
from thouez_edition.errors import raise_if_any

FILE = "edition.yml"
EDITION_STEM = "thouez-2004-digital-edition"


@dataclass(frozen=True)
class Edition:
    editors: str
    licence_name: str
    licence_url: str
    licence_covers: str
    rights: str
    version: str
    date: str  # ISO, the day the version was released

    def footer(self) -> Markup:
        """The footer's line, as HTML: each part from data escaped."""
        return Markup(
            '{rights} Edition version {version} ({date}), by the {editors}; the editorial matter is under '
            '<a href="{url}">{licence}</a>.'
        ).format(
            rights=self.rights, version=self.version, date=self.date, editors=_lowered(self.editors),
            url=self.licence_url, licence=self.licence_name,
        )


def _lowered(name: str) -> str:
    """"Editors of …" reads as "the editors of …" inside a sentence."""
    return name[:1].lower() + name[1:] if name[:1].isupper() and not name[1:2].isupper() else name


def load_edition(
    data_dir: Path, version: str, built_on: str, display_dir: str = "data", schemas: Schemas | None = None
) -> Edition:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    raise_if_any(check_schema(
        document, schemas.validator("edition.schema.json"),
        lambda data, path: ("edition", field_path(path)),
    ))
    data = document.data
    licence = data["licence"]
    return Edition(
        editors=" ".join(data["editors"].split()),
        licence_name=" ".join(licence["name"].split()),
        licence_url=licence["url"],
        licence_covers=" ".join(licence["covers"].split()),
        rights=" ".join(data["rights"].split()),
        version=version,
        date=built_on,
    )


def edition_record(paper: dict[str, Any], edition: Edition, site_url: str) -> dict[str, Any]:
    """The edition as a CSL-JSON record: the paper's author and title, edited by the editors, in
    this version, first published in the paper's year."""
    built = date.fromisoformat(edition.date)
    record: dict[str, Any] = {
        "id": EDITION_STEM,
        "type": "book",
        "author": paper["author"],
        "editor": [{"literal": edition.editors}],
        "title": paper["title"],
        "medium": "Digital edition",
        "version": edition.version,
        "issued": {"date-parts": [[built.year, built.month, built.day]]},
        "original-date": paper["issued"],
        "language": paper.get("language", "en"),
    }
    if site_url:
        record["URL"] = site_url
    return record








