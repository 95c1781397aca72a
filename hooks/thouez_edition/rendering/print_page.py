"""The whole paper on one page for printing: the restored cover, the series note, the five sections
(headings one level down, under the title), the notes under a "Notes" heading, 1 to 58 as
printed, and a colophon; and its own stylesheet (A4 pages, a running head and page numbers in
CSS page margin boxes, which Chromium prints).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from thouez_edition.data.colophon import Colophon
from thouez_edition.errors import PrintError
from thouez_edition.rendering.data_blocks import data_block
from thouez_edition.rendering.templating import render
from thouez_edition.text.paper import Paper

PRINT_PAGE = "print.md"
# The class of the print page's cover (templates/print.md), by which the page is known.
PRINT_COVER_CLASS = "print-cover"
# The print page's own stylesheet (A4, running head, page numbers), linked from that page only.
PRINT_CSS = "assets/print-page.css"


def render_print_page(record: dict[str, Any], paper: Paper, colophon: Colophon) -> str:
    """The print page: the cover, then the text and its notes as the text's one reading converted
    them (not converted again), then the colophon."""
    title_page = next((page for page in paper.pages if page.has_series_note), None)
    if title_page is None:
        raise PrintError(
            'docs/index.md: the series note is missing; expected it in a block that opens with '
            '<div class="series-note" markdown="block"> and closes with </div> on a line of its own'
        )
    sections = [page for page in paper.pages if page.page.startswith("paper/")]
    notes = "\n".join(item for page in (title_page, *sections) for item in page.note_items)
    return render(
        "print.md",
        record=record,
        series_note=Markup(data_block(title_page.html)),
        sections=[Markup(data_block(page.html)) for page in sections],
        notes=Markup(data_block(f'<div class="footnote">\n<hr>\n<ol>\n{notes}\n</ol>\n</div>')),
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






