"""The edition's identity as the reader sees it: the "about this edition" block, the citation of the
edition, and who is named as the author of each page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thouez_edition.citations.references import Formatted
from thouez_edition.data.identity import Edition
from thouez_edition.rendering.templating import render_block
from thouez_edition.text.navigation import is_paper_page


def page_author(src_uri: str, paper: dict[str, Any], edition: Edition) -> str:
    """Whom a page names as its author: the paper's author on the pages of the text (the title
    page, the sections, all notes, the print page); the editors on the pages they made."""
    if is_paper_page(src_uri) or src_uri == "print.md":
        return ", ".join(" ".join(filter(None, (n.get("given"), n.get("family")))) or n.get("literal", "") for n in paper["author"])
    return edition.editors

@dataclass(frozen=True)
class EditionCitation:
    """How to cite the edition, beside how to cite the paper."""

    chicago: Formatted
    apa: Formatted
    downloads: dict[str, str]
    # The offline copy's zip, when this build makes one.
    offline: str | None = None

def render_cite_edition(citation: EditionCitation, page: str) -> str:
    """The title page's "Cite this edition" section."""
    return render_block("cite_edition.html", citation=citation, page=page)

def render_identity(edition: Edition, citation: EditionCitation, page: str) -> str:
    """The editorial page's section on the edition itself: editors, version, licence, rights."""
    return render_block("identity.html", edition=edition, citation=citation, page=page)
