"""Which page of the text a document is, told by the passages it holds.

Python-Markdown does not tell an extension which file it converts, and an engine may convert
pages in any order or at once. The passages' ids are unique across the text (`p12`, `sn3`,
`fn:12`, and `n12` on the All notes page), so the first one in a document names its page. The
print page holds every passage; it is known by its cover.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from thouez_edition.rendering.pages import NOTES_PAGE, all_notes_anchor
from thouez_edition.rendering.print_page import PRINT_COVER_CLASS
from thouez_edition.text.paper import Paper


@dataclass(frozen=True)
class TextPages:
    """The pages of the text (and the All notes page) by the ids of the passages on them."""

    page_of_anchor: Mapping[str, str]

    @classmethod
    def of(cls, paper: Paper) -> TextPages:
        pages = {passage.anchor: passage.page for passage in paper.passages if passage.anchor}
        notes = {all_notes_anchor(note.number): NOTES_PAGE for note in paper.notes}
        return cls({**pages, **notes})

    def page_of(self, root: etree.Element) -> str | None:
        """The page of the text `root` is, or None (another page, or the print page)."""
        if is_print_page(root):
            return None
        anchors = (element.get("id") or "" for element in root.iter())
        return next((self.page_of_anchor[anchor] for anchor in anchors if anchor in self.page_of_anchor), None)


def is_print_page(root: etree.Element) -> bool:
    return any(PRINT_COVER_CLASS in (element.get("class") or "").split() for element in root.iter("div"))


class TextPageTreeprocessor(Treeprocessor):
    """Runs on the pages of the text only, with the page's path; other pages are left alone."""

    def __init__(self, md: Markdown, text_pages: TextPages) -> None:
        super().__init__(md)
        self.text_pages = text_pages

    def run(self, root: etree.Element) -> None:
        page = self.text_pages.page_of(root)
        if page is not None:
            self.run_on_page(root, page)

    def run_on_page(self, root: etree.Element, page: str) -> None:
        raise NotImplementedError
