"""A discreet number and permalink on every numbered paragraph of the paper.

Paragraph ids are written into the Markdown once (`{#p12}`), so they never move. This extension
adds, at the start of each such paragraph, an empty link to its own anchor; the number itself is
drawn by CSS from `data-number`, so it is neither copied with the text nor indexed by search.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from thouez_edition.text.paper import PASSAGE_ID

APPARATUS = "apparatus"


class ParagraphNumbers(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for paragraph in root.iter("p"):
            match = PASSAGE_ID.match(paragraph.get("id") or "")
            if not match:
                continue
            number = match["number"]
            link = etree.Element("a")
            link.set("class", f"{APPARATUS} paragraph-number")
            link.set("href", f"#{paragraph.get('id')}")
            link.set("data-number", number)
            label = "Series note, paragraph" if match["series"] == "sn" else "Paragraph"
            link.set("aria-label", f"{label} {number}")
            link.set("title", f"Link to this paragraph (¶ {number})")
            link.tail = paragraph.text
            paragraph.text = None
            paragraph.insert(0, link)


class ParagraphNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Below 8: attr_list (8) must first have moved `{#p12}` into the paragraph's id.
        md.treeprocessors.register(ParagraphNumbers(md), "paragraph_numbers", 7)


def makeExtension(**kwargs: object) -> ParagraphNumbersExtension:
    return ParagraphNumbersExtension(**kwargs)
