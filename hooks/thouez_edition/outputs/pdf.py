"""The PDF of the paper: the built print page printed by headless Chromium, with the outline of
its sections (Chromium writes it when asked), then finished with pypdf: the document information
and the same as XMP metadata, a description on every link, the outline's titles as the headings
read, and the header's PDF version kept.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from pypdf.xmp import XmpInformation

from thouez_edition.data.colophon import Colophon
from thouez_edition.errors import PrintError

PDF_PATH = "downloads/thouez-2004-edition.pdf"

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

# The outline (bookmarks) from the page's headings: Debian's chromium (150) writes it; a browser
# without the flag ignores it, and tests/test_print.py then finds no outline.
PRINT_FLAGS = ["--headless", *QUIET_CHROMIUM_FLAGS, "--no-pdf-header-footer", "--generate-pdf-document-outline"]

KEYWORDS = ("civil society", "international migration", "migration policy", "NGOs")


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def print_to_pdf(chromium: str, page: Path, pdf: Path) -> None:
    """Print the built print page to `pdf`, as a reader printing from the browser would."""
    if not page.is_file():
        raise PrintError(f"{page} is not there to be printed; expected the built print page")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    command = [chromium, *PRINT_FLAGS, f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PrintError(f"{chromium} could not print {page}: {error}") from None
    if result.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise PrintError(f"{chromium} could not print {page}: {result.stderr.strip()[-500:]}")


@dataclass(frozen=True)
class PrintedPage:
    """What the PDF's finishing reads from the HTML it was printed from."""

    # A description of each link target in the page, by fragment ("fn:25" -> "Note 25").
    link_descriptions: Mapping[str, str]
    # The headings' texts, in document order, as a reader sees them.
    headings: tuple[str, ...]


def read_printed_page(page_html: str) -> PrintedPage:
    """The links' descriptions and the headings of the built print page. A link is described by
    what the page tells a screen reader (its `aria-label`), a note's marker by its note, else by
    its title or text; the first link to a target describes it."""
    root = lxml_html.fromstring(page_html)
    article = next(iter(root.xpath("//article")), root)
    descriptions: dict[str, str] = {}
    for link in article.xpath(".//a[starts-with(@href, '#')]"):
        target = link.get("href")[1:]
        text = " ".join(link.text_content().split())
        if "footnote-ref" in (link.get("class") or "").split():
            description = f"Note {text}"
        else:
            description = link.get("aria-label") or link.get("title") or text
        if description and target not in descriptions:
            descriptions[target] = " ".join(description.split())
    headings = tuple(
        " ".join("".join(heading.xpath("./text() | ./*[not(contains(@class, 'headerlink'))]//text()")).split())
        for heading in article.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6")
    )
    return PrintedPage(descriptions, headings)


def link_description(annotation: Mapping[str, Any], printed: PrintedPage) -> str:
    """What a link annotation leads to, in words: the `/Contents` PDF/UA asks of every link."""
    action = annotation.get("/A")
    if action is not None:
        uri = str(action.get_object().get("/URI", ""))
        if uri.startswith("mailto:"):
            return f"E-mail {uri.removeprefix('mailto:')}"
        return f"Web address {uri}" if uri else "Link"
    target = str(annotation.get("/Dest", "")).removeprefix("/")
    return printed.link_descriptions.get(target) or f"Go to {target} in this document"


def pdf_date(day: str) -> str:
    """The edition version's day as a PDF date, at midnight UTC."""
    return f"D:{date.fromisoformat(day):%Y%m%d}000000+00'00'"


def _outline_items(outline: DictionaryObject) -> Iterator[DictionaryObject]:
    """Every item of an outline, depth first, in document order."""
    item = outline.get("/First")
    while item is not None:
        entry = item.get_object()
        yield entry
        yield from _outline_items(entry)
        item = entry.get("/Next")


def _without_spaces(text: str) -> str:
    return "".join(text.split())


def describe_pdf(pdf: Path, record: dict[str, Any], colophon: Colophon, printed: PrintedPage) -> None:
    """Finish the printed PDF: the paper's title, author, subject, keywords and language in the
    document information and, the same, as XMP; the edition version's day as its dates, so a
    rebuild of one version gives the same file; a description on every link; the outline's
    titles as the headings read (Chromium drops the space at a line break); the PDF version of
    Chromium's header (pypdf would otherwise write 1.3)."""
    writer = PdfWriter(clone_from=PdfReader(pdf), keep_initial_header=True)
    authors = ["; ".join(" ".join(p for p in (n.get("given"), n.get("family")) if p) or n.get("literal", "")
                         for n in record["author"])]
    subject = (f"{record['collection-title']} No. {record['collection-number']}, {record['publisher']}, "
               f"{record['publisher-place']}, {record['issued']['date-parts'][0][0]}; "
               f"digital edition, version {colophon.version}")
    creator = f"thouez-edition {colophon.version} (MkDocs, Chromium)"
    information = writer.metadata
    producer = str(information.get("/Producer", "Chromium")) if information is not None else "Chromium"
    language = record.get("language", "en")
    writer.add_metadata({
        "/Title": record["title"],
        "/Author": authors[0],
        "/Subject": subject,
        "/Keywords": "; ".join(KEYWORDS),
        "/Creator": creator,
        "/Producer": producer,
        "/CreationDate": pdf_date(colophon.date),
        "/ModDate": pdf_date(colophon.date),
    })
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)

    moment = datetime.combine(date.fromisoformat(colophon.date), datetime.min.time(), timezone.utc)
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": record["title"]}
    xmp.dc_creator = authors
    xmp.dc_description = {"x-default": subject}
    xmp.dc_subject = list(KEYWORDS)
    xmp.dc_language = [language]
    xmp.dc_format = "application/pdf"
    xmp.pdf_keywords = "; ".join(KEYWORDS)
    xmp.pdf_producer = producer
    xmp.xmp_creator_tool = creator
    xmp.xmp_create_date = xmp.xmp_modify_date = xmp.xmp_metadata_date = moment
    writer.xmp_metadata = xmp

    for page in writer.pages:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation.get("/Subtype") == "/Link":
                annotation[NameObject("/Contents")] = TextStringObject(link_description(annotation, printed))

    outlines = writer.root_object.get("/Outlines")
    if outlines is not None:
        headings = {_without_spaces(text): text for text in printed.headings}
        for item in _outline_items(outlines.get_object()):
            heading = headings.get(_without_spaces(str(item.get("/Title", ""))))
            if heading:
                item[NameObject("/Title")] = TextStringObject(heading)

    with pdf.open("wb") as file:
        writer.write(file)
