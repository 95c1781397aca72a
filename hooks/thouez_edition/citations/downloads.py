"""The files for reference managers (BibTeX, BibLaTeX, RIS, CSL-JSON), by where they are published."""

from __future__ import annotations

from collections.abc import Callable

from thouez_edition.citations.exports import to_biblatex, to_bibtex, to_csl_json, to_ris

DOWNLOADS = "downloads"
# Each format: its writer and the ending of its file name (BibLaTeX files are .bib files too).
FORMATS: dict[str, tuple[Callable[[list[dict]], str], str]] = {
    "bibtex": (to_bibtex, ".bib"),
    "biblatex": (to_biblatex, ".biblatex.bib"),
    "ris": (to_ris, ".ris"),
    "csl_json": (to_csl_json, ".json"),
}


def download_paths(stem: str) -> dict[str, str]:
    """Where the BibTeX, BibLaTeX, RIS and CSL-JSON files named `stem` are published, by format."""
    return {name: f"{DOWNLOADS}/{stem}{ending}" for name, (_, ending) in FORMATS.items()}


def download_files(stem: str, records: list[dict]) -> dict[str, str]:
    """The four files for `records`, by path under the site root."""
    return {path: FORMATS[name][0](records) for name, path in download_paths(stem).items()}
