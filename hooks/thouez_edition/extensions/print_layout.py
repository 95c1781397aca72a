"""The print page's headings, one level down, so the sections sit under the page's title (a
Python-Markdown treeprocessor).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from thouez_edition.extensions.text_pages import is_print_page
from thouez_edition.text.paper import HEADINGS, SERIES_NOTE_CLASS


class DemotedHeadings(Treeprocessor):
    """On the print page, every heading of the sections one level down, so they sit under the
    page's title; the cover and the series note keep theirs, as on the title page."""

    KEEP = {"print-cover", SERIES_NOTE_CLASS}

    def run(self, root: etree.Element) -> None:
        if is_print_page(root):
            self.demote(root)

    def demote(self, parent: etree.Element) -> None:
        for element in parent:
            if self.KEEP & set((element.get("class") or "").split()):
                continue
            if element.tag in HEADINGS[:-1]:
                element.tag = f"h{int(element.tag[1]) + 1}"
            self.demote(element)

class PrintLayoutExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # 5.5: before toc (5), so the page's table of contents has the levels the page shows.
        md.treeprocessors.register(DemotedHeadings(md), "print_headings", 5.5)
