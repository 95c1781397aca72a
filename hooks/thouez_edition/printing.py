"""The whole paper on one page for printing, and a PDF of it made with headless Chromium.

The print page is put together at build time from the same Markdown as the section pages: the
series note, then the five sections with their notes (headings one level down, under the title).
Footnote labels are the printed numbers, so the notes run 1 to 58 at the end, as printed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .page_context import PageContext
from .paper import HEADINGS, SERIES_NOTE_CLASS
from .templates import render

PRINT_PAGE = "print.md"
PDF_PATH = "downloads/thouez-2004-edition.pdf"
# The series note on the title page: the block from its opening tag (whatever its `markdown`
# attribute says) to the closing tag on a line of its own.
SERIES_NOTE = re.compile(rf'^<div class="{SERIES_NOTE_CLASS}"[^>\n]*>\n.*?^</div>$', re.MULTILINE | re.DOTALL)
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
        raise PrintError(
            'docs/index.md: the series note is missing; expected it in a block that opens with '
            '<div class="series-note" markdown="block"> and closes with </div> on a line of its own'
        )
    return match.group()


class DemotedHeadings(Treeprocessor):
    """On the print page, every heading of the sections one level down, so they sit under the
    page's title; the cover and the series note keep theirs, as on the title page."""

    KEEP = {"print-cover", SERIES_NOTE_CLASS}

    def __init__(self, md: Markdown, context: PageContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        if self.context.printing:
            self.demote(root)

    def demote(self, parent: etree.Element) -> None:
        for element in parent:
            if self.KEEP & set((element.get("class") or "").split()):
                continue
            if element.tag in HEADINGS[:-1]:
                element.tag = f"h{int(element.tag[1]) + 1}"
            self.demote(element)


class PrintLayoutExtension(Extension):
    def __init__(self, context: PageContext, **kwargs: object) -> None:
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 5.5: before toc (5), so the page's table of contents has the levels the page shows.
        md.treeprocessors.register(DemotedHeadings(md, self.context), "print_headings", 5.5)


def render_print_page(record: dict[str, Any], index_markdown: str, sections: list[str]) -> str:
    return render(
        "print.md",
        record=record,
        series_note=series_note(index_markdown),
        sections=sections,
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
