"""Show each note's printed number, not its position on the page.

Python-Markdown numbers footnotes 1, 2, 3... on every page, whatever their labels. The paper is
split into pages, so its note 25 would show as "1" on its page. This extension runs after the
footnotes extension and puts each numeric label back: on the marker in the text, as the list
item's `value` (so the note list counts from the printed number), and in the back-link's title.
Labels that are not numbers are left alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

BACKLINK_TITLE = "Back to the text at note {}"


def _label(reference: str | None, prefix: str) -> str | None:
    """The label in `#fn:25` or `fn:25`, if it is a number."""
    if not reference:
        return None
    label = reference.removeprefix("#").removeprefix(prefix)
    return label if label != reference.removeprefix("#") and label.isdigit() else None


class PrintedNoteNumbers(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            classes = (element.get("class") or "").split()
            if element.tag == "a" and "footnote-ref" in classes:
                label = _label(element.get("href"), "fn:")
                if label:
                    element.text = label
            elif element.tag == "a" and "footnote-backref" in classes:
                label = _label(element.get("href"), "fnref:")
                if label:
                    element.set("title", BACKLINK_TITLE.format(label))
            elif element.tag == "li":
                label = _label(element.get("id"), "fn:")
                if label:
                    element.set("value", label)


class PrintedNoteNumbersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Below 15: after the footnotes extension has built its list (50), numbered the markers
        # (inline, 20), reordered the list (19) and added back-links for repeated markers (15).
        md.treeprocessors.register(PrintedNoteNumbers(md), "printed_note_numbers", 14)


def makeExtension(**kwargs: object) -> PrintedNoteNumbersExtension:
    return PrintedNoteNumbersExtension(**kwargs)
