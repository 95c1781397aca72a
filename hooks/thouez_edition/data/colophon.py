"""Which copy of the edition a build makes: the version (from pyproject.toml), the day (from
SOURCE_DATE_EPOCH for a reproducible build, else today) and, for a published build, its address.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class Colophon:
    """Which copy of the edition a print-out is: its version, the day it was made, its address
    (None for a local build, whose address is no one else's)."""

    version: str
    date: str
    address: str | None

def edition_version(pyproject: Path) -> str:
    """The project's version: from pyproject.toml beside mkdocs.yml, else from the installed package."""
    if pyproject.is_file():
        return str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    try:
        return metadata.version("thouez-edition")
    except metadata.PackageNotFoundError:
        return "unknown"

def make_colophon(pyproject: Path, site_url: str, publishing: bool, environment: dict[str, str]) -> Colophon:
    """The version from pyproject.toml; the date from SOURCE_DATE_EPOCH when set (reproducible
    builds), else today's; the address only for a publishing build."""
    version = edition_version(pyproject)
    epoch = environment.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return Colophon(version, moment.date().isoformat(), site_url if publishing else None)
