"""The page-break markers of the 2004 print, put into the pages of the text and the print page at
the word where each printed page began (a Python-Markdown treeprocessor).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from thouez_edition.data.printed_pages import BREAK_CLASS, PrintedPage
from thouez_edition.extensions.text_pages import TextPages, is_print_page
from thouez_edition.text.page_map import PageMap
from thouez_edition.text.paper import HEADINGS, NOTE_PREFIX, Heading

SKIPPED_CLASSES = {"apparatus", "footnote-backref"}

def _skipped(element: etree.Element) -> bool:
    if element.tag == "sup" and (element.get("id") or "").startswith("fnref"):
        return True
    return bool(SKIPPED_CLASSES & set((element.get("class") or "").split()))

def _text_slots(element: etree.Element) -> list[tuple[etree.Element, str]]:
    """The text of `element` in reading order, as (node, "text" or "tail") slots, leaving out
    note markers and the edition's apparatus (whose tails are the author's text again)."""
    slots: list[tuple[etree.Element, str]] = [(element, "text")]
    for child in element:
        if not _skipped(child):
            slots.extend(_text_slots(child))
        slots.append((child, "tail"))
    return slots

def insert_marker(element: etree.Element, word: int, marker: etree.Element) -> bool:
    """Put `marker` just before word number `word` (from 0) of `element`'s text; False if the
    text has fewer words. A marker never goes inside a link: where the page begins at a link's
    first word it stands before the link, elsewhere in a link just after it."""
    parents = {child: parent for parent in element.iter() for child in parent}
    count, in_word = -1, False
    for node, slot in _text_slots(element):
        text = getattr(node, slot) or ""
        for offset, char in enumerate(text):
            if char.isspace():
                in_word = False
                continue
            if not in_word:
                count += 1
                in_word = True
                if count == word:
                    _put(element, parents, node, slot, offset, marker)
                    return True
    return False

def _opens(parent: etree.Element, child: etree.Element) -> bool:
    """Whether `child` holds the first word of `parent`."""
    return not (parent.text or "").strip() and len(parent) > 0 and parent[0] is child

def _put(root: etree.Element, parents: dict, node: etree.Element, slot: str, offset: int, marker: etree.Element) -> None:
    text = getattr(node, slot) or ""
    if slot == "text" and offset == 0 and node is not root:
        # The word opens an inline element (a linked name, an acronym in one): the marker goes
        # before the outermost element that the word opens.
        while parents[node] is not root and _opens(parents[node], node):
            node = parents[node]
        container = parents[node]
        link = _outermost_link(root, parents, container)
        if link is not None:
            _put_after(parents, link, marker)
            return
        marker.tail = None
        container.insert(list(container).index(node), marker)
        return
    container = node if slot == "text" else parents[node]
    link = _outermost_link(root, parents, container)
    if link is not None:
        _put_after(parents, link, marker)
    elif slot == "text":
        node.text, marker.tail = text[:offset] or None, text[offset:]
        node.insert(0, marker)
    else:
        node.tail, marker.tail = text[:offset] or None, text[offset:]
        container.insert(list(container).index(node) + 1, marker)

def _outermost_link(root: etree.Element, parents: dict, element: etree.Element) -> etree.Element | None:
    """The outermost link that is or holds `element`, inside `root`; None if there is none."""
    link = None
    while element is not root:
        if element.tag == "a":
            link = element
        element = parents[element]
    return link

def _put_after(parents: dict, link: etree.Element, marker: etree.Element) -> None:
    """The page begins inside a link, after its first word: the marker follows the link (a link
    inside a link is invalid HTML and loses the outer link's name)."""
    parent = parents[link]
    marker.tail, link.tail = link.tail, None
    parent.insert(list(parent).index(link) + 1, marker)

def marker_element(page: PrintedPage, marker_id: str) -> etree.Element:
    return etree.Element("a", {
        "class": f"apparatus {BREAK_CLASS}",
        "id": marker_id,
        "href": f"#{marker_id}",
        "data-page": str(page.number),
        "aria-label": f"Page {page.number} of the 2004 print",
    })

class PageBreaks(Treeprocessor):
    """A marker where each printed page begins, in paragraphs, headings and notes, on the pages of
    the text and the print page."""

    def __init__(self, md: Markdown, extension: PageBreaksExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        page_map = self.extension.page_map
        if self.extension.text_pages.page_of(root) is None and not is_print_page(root):
            return
        # Headings have no ids yet (toc gives them later): they are known by their words.
        headings = {heading.text: heading.anchor for heading in self.extension.headings}
        for element in list(root.iter()):
            anchor = element.get("id") or ""
            if element.tag in HEADINGS:
                anchor = headings.get(" ".join("".join(element.itertext()).split()), "")
            elif element.tag == "li" and not anchor.startswith(NOTE_PREFIX):
                continue
            for found in page_map.breaks.get(anchor, []):
                insert_marker(element, found.word, marker_element(found.page, found.marker_id))

class PageBreaksExtension(Extension):
    def __init__(
        self,
        page_map: PageMap,
        headings: tuple[Heading, ...],
        text_pages: TextPages,
        **kwargs: object,
    ) -> None:
        self.page_map = page_map
        self.headings = headings
        self.text_pages = text_pages
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 6: after the apparatus (6.5), whose text the markers skip, and before toc (5) and
        # MkDocs' anchor collection (5), so `#page-6` is a known anchor that links can name.
        md.treeprocessors.register(PageBreaks(md, self), "page_breaks", 6)
