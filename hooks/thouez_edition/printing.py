"""The whole paper on one page for printing, and a PDF of it made with headless Chromium.

The print page is put together at build time from the same Markdown as the section pages: the
restored cover, the series note, the five sections (headings one level down, under the title),
the notes under a "Notes" heading, 1 to 58 as printed, and a colophon. Its own stylesheet sets
A4 pages with a running head and page numbers (CSS page margin boxes, which Chromium prints);
the PDF's document information (title, author, subject) is written afterwards with pypdf.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from .page_context import PageContext
from .paper import HEADINGS, SERIES_NOTE_CLASS
from .templates import render

PRINT_PAGE = "print.md"
PDF_PATH = "downloads/thouez-2004-edition.pdf"
# The print page's own stylesheet (A4, running head, page numbers), linked from that page only.
PRINT_CSS = "assets/print-page.css"
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


def render_print_page(record: dict[str, Any], index_markdown: str, sections: list[str], colophon: Colophon) -> str:
    return render(
        "print.md",
        record=record,
        series_note=series_note(index_markdown),
        sections=sections,
        colophon=colophon,
    )


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string: every character but letters, digits and spaces as a CSS
    escape, so nothing in it can end the string or the rule."""
    return Markup('"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x}" for c in text) + '"')


def render_print_css(record: dict[str, Any]) -> str:
    """The print page's stylesheet, its running head made from the paper's record."""
    author = ", ".join(" ".join(p for p in (n.get("given"), n.get("family")) if p) or n.get("literal", "") for n in record["author"])
    return render("print-page.css", author=css_string(author), title=css_string(record["title"]))


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


def describe_pdf(pdf: Path, record: dict[str, Any], colophon: Colophon) -> None:
    """Write the paper's title, author, subject and language into the PDF's document information;
    Chromium gives only the web page's title and no author."""
    writer = PdfWriter(clone_from=PdfReader(pdf))
    authors = "; ".join(" ".join(p for p in (n.get("given"), n.get("family")) if p) or n.get("literal", "") for n in record["author"])
    writer.add_metadata({
        "/Title": record["title"],
        "/Author": authors,
        "/Subject": (f"{record['collection-title']} No. {record['collection-number']}, {record['publisher']}, "
                     f"{record['publisher-place']}, {record['issued']['date-parts'][0][0]}; "
                     f"digital edition, version {colophon.version}"),
        "/Keywords": "civil society; international migration; migration policy; NGOs",
        "/Creator": f"thouez-edition {colophon.version} (MkDocs, Chromium)",
    })
    writer.root_object[NameObject("/Lang")] = TextStringObject(record.get("language", "en"))
    with pdf.open("wb") as file:
        writer.write(file)
