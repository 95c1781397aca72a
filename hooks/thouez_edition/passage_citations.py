"""A ready citation for every paragraph and note: the printed page, the paragraph or note, and the
passage's permalink, in Chicago and APA, made by pandoc's citeproc from the paper's record with
the page as a CSL locator.

On each page of the text the citations of its passages travel as JSON in one hidden element's
`data-citations` attribute (not a <script> block: the theme re-runs every script in the content
as code after instant navigation); a small script
(`passage-cite.js`) shows them, with buttons to copy, when a reader activates a paragraph's
number or a note's "Cite" button.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .page_context import PageContext
from .paper import NOTE_PREFIX, PASSAGE_ID, Paper, Passage
from .references import CHICAGO, format_citations

DATA_ID = "passage-citations"


@dataclass(frozen=True)
class PassageCitation:
    place: str
    chicago: str
    apa: str
    url: str


@dataclass(frozen=True)
class Citations:
    """The paper's reference in each style, and the citation of each passage by its id."""

    reference: dict[str, str]
    passages: dict[str, PassageCitation]
    page_of: dict[str, str]


def locator(passage: Passage) -> tuple[str, str]:
    """The CSL page locator ("6", "11–12") and the suffix that names the passage ("¶ 15")."""
    assert passage.print_pages is not None
    first, last = passage.print_pages
    pages = str(first) if first == last else f"{first}–{last}"
    suffix = f"series note, {passage.label}" if passage.series_note else passage.label
    return pages, suffix


def passage_citations(
    paper: Paper, record: Mapping[str, Any], reference: Mapping[str, str], url_of: Callable[[str], str], apa: Path
) -> Citations:
    """Citations of every passage that knows its page; `url_of` gives a page's public address."""
    passages = [p for p in paper.passages if p.print_pages is not None]
    locators = {p.anchor: locator(p) for p in passages}
    chicago = format_citations(record, locators, CHICAGO)
    apa_citations = format_citations(record, locators, apa)
    return Citations(
        reference=dict(reference),
        passages={
            p.anchor: PassageCitation(p.place, chicago[p.anchor], apa_citations[p.anchor], f"{url_of(p.page)}#{p.anchor}")
            for p in passages
        },
        page_of={p.anchor: p.page for p in passages},
    )


class PassageCitationsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PassageCitationsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page, citations = self.extension.context.page, self.extension.citations()
        if page is None or citations is None:
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
    """`citations` is read when a page is converted: the citations are known once the build has
    read the text and its page map, after the extension is made."""

    def __init__(self, citations: Callable[[], Citations | None], context: PageContext, **kwargs: object) -> None:
        self.citations = citations
        self.context = context
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 5.8: after the paragraph numbers (7) it labels and the page markers (6), before toc
        # (5) and MkDocs' relative links (0).
        md.treeprocessors.register(PassageCitationsTreeprocessor(md, self), "passage_citations", 5.8)
