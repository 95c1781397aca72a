"""Pages about the 2004 print: the list of its pages, the evidence for where each begins, and one
small page per printed page (`pages/12/`) that leads to where that page begins in the text.
"""

from __future__ import annotations

from collections.abc import Callable

from thouez_edition.rendering.content_policy import CONTENT_SECURITY_POLICY
from thouez_edition.rendering.templating import render, render_block
from thouez_edition.text.page_map import PageMap

REDIRECTS = "pages"

def render_page_list(page_map: PageMap, here: str) -> str:
    """The title page's list of printed pages, each a link to where it begins."""
    return render("printed_pages.md", pages=page_map.pages, locations=page_map.locations, here=here)

EVIDENCE = {
    "start": "the source's first page (certain)",
    "after-notes": "the text resumes after the page's notes (certain)",
    "page-number": "the text resumes after the printed page number (certain)",
    "leading-space": "a line that begins with a space, no note called since the last break (inferred)",
}

def render_page_evidence(page_map: PageMap, here: str) -> str:
    """The editorial page's table: each page, where it begins, and how the break is known."""
    return render_block("page_evidence.html", pages=page_map.pages, locations=page_map.locations, evidence=EVIDENCE, here=here)

def redirect_pages(page_map: PageMap, url_of: Callable[[str], str]) -> dict[str, str]:
    """`pages/12/index.html` for every page: sends a reader with a print citation to the page.
    `url_of` gives the address of a Markdown page, relative to the site's root."""
    pages = {}
    for number, (source, anchor) in page_map.locations.items():
        target = f"../../{url_of(source)}#{anchor}"
        pages[f"{REDIRECTS}/{number}/index.html"] = render(
            "page_redirect.html", number=number, target=target, policy=CONTENT_SECURITY_POLICY
        )
    return pages
