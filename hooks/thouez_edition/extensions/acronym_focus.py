"""Acronyms a keyboard can reach: the first use of each acronym in a paragraph, note, list item,
table cell or heading takes focus (`tabindex="0"`), so its expansion shows on focus as it does on
hover, and Tab does not stop at every repeat (the rule the name links follow). Acronyms inside a
link are reached through the link and are left alone, and so are those in the column headings of
a sortable table, which `sortable-tables.js` makes buttons (nothing focusable goes inside a control).

Done here, once, at build time, rather than by a script that would walk every page after it loads.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# The blocks within which only an acronym's first use takes focus.
BLOCKS = frozenset({"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"})
# A table inside an element of this class has buttons for column headings once the page runs.
SORTABLE_TABLE_CLASS = "sortable-table"


def _made_controls(root: etree.Element) -> set[int]:
    """The column headings of sortable tables: each becomes a button around its content."""
    return {
        id(heading)
        for element in root.iter()
        if SORTABLE_TABLE_CLASS in (element.get("class") or "").split()
        for heading in element.iter("th")
    }


class AcronymFocus(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # Depth first, in document order, knowing the nearest block and whether a link (or what
        # will be a button) is open; the whole page counts as one block for acronyms in none.
        controls = _made_controls(root)
        seen: dict[int, set[str]] = {}
        stack: list[tuple[etree.Element, int, bool]] = [(root, id(root), False)]
        while stack:
            element, block, in_control = stack.pop()
            if element.tag == "abbr" and element.get("title") and not in_control:
                acronym = "".join(element.itertext()).strip()
                met = seen.setdefault(block, set())
                if acronym not in met:
                    met.add(acronym)
                    element.set("tabindex", "0")
            for child in reversed(element):
                if isinstance(child.tag, str):
                    child_block = id(child) if child.tag in BLOCKS else block
                    child_in_control = in_control or child.tag == "a" or id(child) in controls
                    stack.append((child, child_block, child_in_control))


class AcronymFocusExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Below 7 and 5: after abbr (7) has made the acronyms and every extension that adds links
        # around text has run (the name links at 7.5, the notes' apparatus at 6.5, toc at 5);
        # above Material's previews (0), which only mark links.
        md.treeprocessors.register(AcronymFocus(md), "acronym_focus", 4)


def makeExtension(**kwargs: object) -> AcronymFocusExtension:
    return AcronymFocusExtension(**kwargs)
