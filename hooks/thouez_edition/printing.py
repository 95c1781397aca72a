"""The whole paper on one page for printing, and a PDF of it made with headless Chromium.

The print page is put together at build time from the same Markdown as the section pages: the
series note, then the five sections with their notes (headings one level down, under the title).
Footnote labels are the printed numbers, so the notes run 1 to 58 at the end, as printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .templates import render

PRINT_PAGE = "print.md"
PDF_PATH = "downloads/thouez-2004-edition.pdf"
SERIES_NOTE = re.compile(r'^<div class="series-note" markdown="block">\n.*?^</div>$', re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Chromium reaches for Google's hosts at every start unless told not to; no sandbox as root.
QUIET_CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PRINT_FLAGS = ["--headless", *QUIET_CHROMIUM_FLAGS, "--no-pdf-header-footer"]


class PrintError(RuntimeError):
    """The PDF could not be made; the message says why."""


def series_note(index_markdown: str) -> str:
    match = SERIES_NOTE.search(index_markdown)
    if match is None:
        raise PrintError('docs/index.md has no <div class="series-note" markdown="block"> … </div> block')
    return match.group()


def demote_headings(markdown: str) -> str:
    """Every heading one level down, so the sections sit under the page's title."""
    return HEADING.sub(lambda match: "#" + match.group(1) + " ", markdown)


def render_print_page(record: dict[str, Any], index_markdown: str, sections: list[str]) -> str:
    return render(
        "print.md",
        record=record,
        series_note=series_note(index_markdown),
        sections=[demote_headings(section) for section in sections],
    )


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def print_to_pdf(chromium: str, page: Path, pdf: Path) -> None:
    """Print the built print page to `pdf`, as a reader printing from the browser would."""
    pdf.parent.mkdir(parents=True, exist_ok=True)
    command = [chromium, *PRINT_FLAGS, f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PrintError(f"{chromium} could not print {page}: {error}") from None
    if result.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise PrintError(f"{chromium} could not print {page}: {result.stderr.strip()[-500:]}")
