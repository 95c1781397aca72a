"""Editorial additions to the paper's notes, set apart from the author's words.

In each note on a page of the text: after every web address the paper printed, a link to the
Internet Archive's 2004 copy (and the organisation's address today, where it moved); at the end,
the works the note cites, each linked to its bibliography entry with the note's locator and
showing the formatted reference on hover. Everything added carries the class `apparatus`; the
author's text is not touched.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension

from thouez_edition.citations.notes import NoteCitation
from thouez_edition.data.addresses import AddressNote
from thouez_edition.escaping import tree_text
from thouez_edition.extensions.text_pages import TextPages, TextPageTreeprocessor
from thouez_edition.urls import relative_link

APPARATUS = "apparatus"


def _link(parent: etree.Element, href: str, text: str, **attributes: str) -> etree.Element:
    link = etree.SubElement(parent, "a", {name: tree_text(value) for name, value in {"href": href, **attributes}.items()})
    link.text = tree_text(text)
    return link


def address_apparatus(note: AddressNote) -> etree.Element:
    span = etree.Element("span", {"class": f"{APPARATUS} address-note"})
    span.text = " [2004 address: "
    archived = _link(span, note.archived, "archived copy")
    if note.now:
        archived.tail = "; now "
        _link(span, note.now, note.now).tail = "]"
    else:
        archived.tail = "]"
    return span


def notes_heading() -> etree.Element:
    """The heading over a section's notes, so the page's contents lead to them."""
    heading = etree.Element("h2", {"id": "notes", "class": APPARATUS})
    heading.text = "Notes"
    return heading


def citations_apparatus(citations: list[NoteCitation], href_of: Callable[[str], str]) -> etree.Element:
    paragraph = etree.Element("p", {"class": f"{APPARATUS} note-citations"})
    paragraph.text = "Works cited: "
    for index, citation in enumerate(citations):
        link = _link(paragraph, href_of(citation.work_id), citation.label, title=citation.reference)
        link.set("class", "work-link")
        link.tail = "; " if index < len(citations) - 1 else ""
    return paragraph


class NoteApparatus(TextPageTreeprocessor):
    def __init__(self, md: Markdown, extension: NoteApparatusExtension) -> None:
        super().__init__(md, extension.text_pages)
        self.extension = extension

    def run_on_page(self, root: etree.Element, page: str) -> None:
        for index, notes in reversed(list(enumerate(root))):
            if notes.tag == "div" and "footnote" in (notes.get("class") or "").split():
                root.insert(index, notes_heading())
        for notes in root.iter():
            classes = (notes.get("class") or "").split()
            # The notes at the foot of a section ("fn:25"), and on the All notes page ("n25").
            prefix = "fn:" if notes.tag == "div" and "footnote" in classes else "n" if "all-notes" in classes else None
            if prefix is None:
                continue
            for item in notes.iter("li"):
                label = (item.get("id") or "").removeprefix(prefix)
                if label.isdigit() and label != item.get("id"):
                    self.annotate(item, int(label), page)

    def annotate(self, item: etree.Element, number: int, page: str) -> None:
        for parent in list(item.iter()):
            for index, child in reversed(list(enumerate(parent))):
                if child.tag == "a" and (child.get("href") or "").startswith(("http://", "https://")):
                    note = self.extension.address_of(child.text or "", child.get("href") or "")
                    apparatus = address_apparatus(note)
                    apparatus.tail, child.tail = child.tail, None
                    parent.insert(index + 1, apparatus)
        citations = self.extension.citations.get(number)
        if citations:
            bibliography = self.extension.bibliography_page
            item.append(citations_apparatus(citations, lambda work: relative_link(page, bibliography, work)))


class NoteApparatusExtension(Extension):
    def __init__(
        self,
        citations: dict[int, list[NoteCitation]],
        address_of: Callable[[str, str], AddressNote],
        bibliography_page: str,
        text_pages: TextPages,
        **kwargs: object,
    ) -> None:
        self.citations = citations
        self.address_of = address_of
        self.bibliography_page = bibliography_page
        self.text_pages = text_pages
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 6.5: after abbr (7), so acronyms inside the added labels are not wrapped again, and
        # before MkDocs' relpath (0) resolves and validates the `.md` links made here.
        md.treeprocessors.register(NoteApparatus(md, self), "note_apparatus", 6.5)
