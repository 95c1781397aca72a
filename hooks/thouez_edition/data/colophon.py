"""Which copy of the edition a build makes: the version (from pyproject.toml), the day that version
was released (from CHANGELOG.md) and, for a published build, its address.

The day is the version's, never the build's: the same version cites the same date however often
it is rebuilt.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from thouez_edition.data.changelog import Changelog


@dataclass(frozen=True)
class Colophon:
    """Which copy of the edition a print-out is: its version, the day that version was released,
    its address (None for a local build, whose address is no one else's)."""

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

def make_colophon(pyproject: Path, changelog: Changelog, site_url: str, publishing: bool) -> Colophon:
    """The version from pyproject.toml, its day from the changelog (a `DataError` if the changelog
    has none), and the address only for a publishing build."""
    version = edition_version(pyproject)
    return Colophon(version, changelog.version_date(version), site_url if publishing else None)
