"""The PDF of the paper: the built print page printed by headless Chromium, then its document
information (title, author, subject, language) written with pypdf, as Chromium writes none.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

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

PRINT_FLAGS = ["--headless", *QUIET_CHROMIUM_FLAGS, "--no-pdf-header-footer"]

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
