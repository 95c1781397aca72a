"""Which page of the text Python-Markdown is converting, and treeprocessors that need to know.

Python-Markdown does not tell an extension which file it converts. The build sets `page` before
each page is converted (to the page's path under `docs/` for pages of the paper, to None for
others), and the extensions that add links to the author's text read it to make relative links.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor


@dataclass
class PageContext:
    page: str | None = None
    # True while the print page (the whole paper on one page) is converted.
    printing: bool = False


class TextPageTreeprocessor(Treeprocessor):
    """Runs on the pages of the text only, with the page's path; other pages are left alone."""

    def __init__(self, md: Markdown, context: PageContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: etree.Element) -> None:
        if self.context.page is not None:
            self.run_on_page(root, self.context.page)

    def run_on_page(self, root: etree.Element, page: str) -> None:
        raise NotImplementedError
