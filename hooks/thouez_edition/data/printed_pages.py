"""The pages of the 2004 print as `data/pages.yml` lists them: each page's number, the paragraph
or heading in which it begins and its first words there (and, where a note runs on from the page
before, where the note continues). It is derived from the source by `tests/page_map.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thouez_edition.data.files import (
    JsonPath,
    Schemas,
    check_schema,
    field_path,
    load_schemas,
    read_yaml,
)
from thouez_edition.errors import raise_if_any

FILE = "pages.yml"
BREAK_CLASS = "page-break"


@dataclass(frozen=True)
class PrintedPage:
    number: int
    numbered: str
    evidence: str
    at: str
    words: str
    note: int | None = None
    note_words: str | None = None
    line: int | None = None

    @property
    def anchor(self) -> str:
        return page_anchor(self.number)


def page_anchor(number: int) -> str:
    return f"page-{number}"


def note_break_anchor(number: int, note: int) -> str:
    return f"page-{number}-n{note}"


def _name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """Entries are named by their page number: `page 6.words`."""
    if not path:
        return "", ""
    item = data[path[0]] if isinstance(data, list) and isinstance(path[0], int) and path[0] < len(data) else None
    number = item.get("number") if isinstance(item, dict) else None
    return (f"page {number}" if isinstance(number, int) else f"[{path[0]}]"), field_path(path[1:])


def load_printed_pages(
    data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None
) -> tuple[str, list[PrintedPage]]:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    display_path = f"{display_dir}/{FILE}"
    document = read_yaml(data_dir / FILE, display_path)
    raise_if_any(check_schema(document, schemas.validator("pages.schema.json"), _name_entry))
    pages = [
        PrintedPage(**entry, line=document.line((index,)))
        for index, entry in enumerate(document.data)
    ]
    return display_path, pages


# --- going to a page ------------------------------------------------------------------------------


# --- the markers, in the pages of the text ------------------------------------------------------















