"""The paper's own record (`data/paper.yml`), as CSL-JSON, and its description.
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
    is_id,
    load_schemas,
    read_yaml,
)
from thouez_edition.data.works import csl_record
from thouez_edition.errors import raise_if_any

FILE = "paper.yml"
STEM = "thouez-2004"


def _name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """The file is one record: name it by its id."""
    named = isinstance(data, dict) and is_id(data.get("id"))
    return (data["id"] if named else "paper"), field_path(path)


@dataclass(frozen=True)
class PaperMetadata:
    record: dict[str, Any]  # the CSL-JSON record
    description: str  # the edition's description of the paper, for the title page


def load_paper_metadata(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> PaperMetadata:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    raise_if_any(check_schema(document, schemas.validator("paper.schema.json"), _name_entry))
    data = dict(document.data)
    description = " ".join(data.pop("description").split())
    return PaperMetadata(csl_record(data), description)


def load_paper_record(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> dict[str, Any]:
    """The paper's CSL-JSON record."""
    return load_paper_metadata(data_dir, display_dir, schemas).record


















