"""HTML made from data, put into the page's tree after the Markdown is parsed: never read as Markdown.

The pages and sections the edition makes from its data are HTML written by autoescaping Jinja2
templates, wrapped in `<div data-edition="html">` in the Markdown page. Python-Markdown keeps
such a block as raw HTML, so nothing in it is read as Markdown; this extension then parses the
block (after `attr_list`, so "{: onclick=…}" in the data stays text) and puts its elements into
the document in place of the block. There the later treeprocessors see them as they see the
author's text: `abbr` marks acronyms, `toc` gives headings their ids, and MkDocs resolves and
validates the links to `.md` sources, as it does for links written in Markdown.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import lxml.html
from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

from thouez_edition.escaping import tree_text
from thouez_edition.rendering.data_blocks import OPENING

PLACEHOLDER = re.compile("^" + HTML_PLACEHOLDER.replace("%s", r"(?P<index>\d+)") + "$")


def to_tree(block: str) -> list[etree.Element]:
    """The elements inside a data block, as Python-Markdown's ElementTree elements.

    Text is kept as text; `tree_text` guards the `&`s that Python-Markdown's serializer would
    otherwise take for the start of a character reference.
    """
    wrapper = lxml.html.fragment_fromstring(block)
    elements = []
    if wrapper.text and wrapper.text.strip():
        loose = etree.Element("p")
        loose.text = tree_text(wrapper.text.strip())
        elements.append(loose)
    for child in wrapper:
        if isinstance(child.tag, str):
            elements.append(_convert(child))
            if child.tail and child.tail.strip():
                loose = etree.Element("p")
                loose.text = tree_text(child.tail.strip())
                elements.append(loose)
    return elements


def _convert(element: lxml.html.HtmlElement) -> etree.Element:
    assert isinstance(element.tag, str), "only elements are converted, and a parsed element's tag is text"
    converted = etree.Element(element.tag, {name: tree_text(value) for name, value in element.attrib.items()})
    converted.text = tree_text(element.text) if element.text else None
    for child in element:
        if isinstance(child.tag, str):
            converted.append(_convert(child))
            converted[-1].tail = tree_text(child.tail) if child.tail else None
        elif child.tail:  # a comment: only the text after it stays
            if len(converted):
                converted[-1].tail = (converted[-1].tail or "") + tree_text(child.tail)
            else:
                converted.text = (converted.text or "") + tree_text(child.tail)
    return converted


class DataHtml(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        stash = self.md.htmlStash
        for parent in list(root.iter()):
            for position, child in reversed(list(enumerate(parent))):
                match = PLACEHOLDER.match(child.text or "") if child.tag == "p" and len(child) == 0 else None
                if not match:
                    continue
                index = int(match["index"])
                block = stash.rawHtmlBlocks[index] if index < len(stash.rawHtmlBlocks) else None
                if not isinstance(block, str) or not block.startswith(OPENING):
                    continue
                elements = to_tree(block)
                parent.remove(child)
                for offset, element in enumerate(elements):
                    parent.insert(position + offset, element)
                if elements:
                    elements[-1].tail = child.tail
                stash.rawHtmlBlocks[index] = ""


class DataHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # 7.9: after attr_list (8), so no text from data is read as an attribute list; before
        # abbr (7), toc (5) and MkDocs' links (0), so those treat the elements as the author's.
        md.treeprocessors.register(DataHtml(md), "data_html", 7.9)


def makeExtension(**kwargs: object) -> DataHtmlExtension:
    return DataHtmlExtension(**kwargs)
