"""Puts each passage's ready citation on the pages of the text (a Python-Markdown treeprocessor).

The citations of a page's passages travel as JSON in one hidden element's `data-citations`
attribute (not a <script> block: the theme re-runs every script in the content as code after
instant navigation); `passage-cite.js` shows them when a reader activates a paragraph's number or
a note's "Cite" button.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import asdict

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from thouez_edition.citations.passages import DATA_ID, Citations, PassageCitation
from thouez_edition.extensions.text_pages import TextPages
from thouez_edition.text.paper import NOTE_PREFIX, PASSAGE_ID


class PassageCitationsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PassageCitationsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page, citations = self.extension.text_pages.page_of(root), self.extension.citations
        if page is None:
            return
        here: dict[str, PassageCitation] = {}
        for element in list(root.iter()):
            anchor = element.get("id") or ""
            citation = citations.passages.get(anchor)
            if citation is None or citations.page_of[anchor] != page:
                continue
            if element.tag == "p" and PASSAGE_ID.match(anchor):
                self.mark_paragraph(element, anchor, citation)
                here[anchor] = citation
            elif element.tag == "li" and anchor.startswith(NOTE_PREFIX):
                self.mark_note(element, anchor, citation)
                here[anchor] = citation
        if here:
            value = {"reference": citations.reference, "passages": {a: asdict(c) for a, c in here.items()}}
            # The serializer escapes the attribute for HTML.
            etree.SubElement(root, "div", {
                "id": DATA_ID,
                "class": "apparatus",
                "hidden": "hidden",
                "data-citations": json.dumps(value, ensure_ascii=False, separators=(",", ":")),
            })

    @staticmethod
    def mark_paragraph(paragraph: etree.Element, anchor: str, citation: PassageCitation) -> None:
        for link in paragraph.iter("a"):
            if "paragraph-number" in (link.get("class") or "").split():
                link.set("data-passage", anchor)
                link.set("title", f"{citation.place}: link to this paragraph and cite it")
                link.set("aria-label", f"{link.get('aria-label')}, {citation.place.split(', ')[0]} of the print: cite it")

    @staticmethod
    def mark_note(item: etree.Element, anchor: str, citation: PassageCitation) -> None:
        # The note's place, for its tooltip (the list of notes shows it by its number already).
        paragraphs = [child for child in item if child.tag == "p"]
        if paragraphs:
            first = paragraphs[0]
            place = etree.Element("span", {"class": "apparatus note-place"})
            place.text = f"{citation.place} · "
            place.tail, first.text = first.text, None
            first.insert(0, place)
            last = paragraphs[-1]
        else:
            last = item
        button = etree.SubElement(last, "button", {
            "type": "button",
            "class": "apparatus cite-button",
            "data-passage": anchor,
            "aria-label": f"Cite {citation.place}",
        })
        button.text = "Cite"
        button.tail = None

class PassageCitationsExtension(Extension):
    def __init__(self, citations: Citations, text_pages: TextPages, **kwargs: object) -> None:
        self.citations = citations
        self.text_pages = text_pages
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 5.8: after the paragraph numbers (7) it labels and the page markers (6), before toc
        # (5) and MkDocs' relative links (0).
        md.treeprocessors.register(PassageCitationsTreeprocessor(md, self), "passage_citations", 5.8)
