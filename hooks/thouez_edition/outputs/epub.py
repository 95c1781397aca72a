"""The paper as an EPUB 3 (`downloads/thouez-2004-edition.epub`), for e-readers: a cover made from
the paper's record, the GCIM's series note, the five sections with their notes as EPUB
footnotes under their printed numbers, a page list that maps the pages of the 2004 print (so a
reading system can say "p. 12"), the bibliography, a colophon and the edition's metadata.

The text is the one conversion the load stage made; each page of the print is marked where it
begins, at the word (a note that runs on to the next page keeps no mark there: an e-reader
shows the notes apart, and the page list names each page once). Every file but the text is a
template in `rendering/templates/epub-*`; the zip is written here, `mimetype` first and stored.
"""

from __future__ import annotations

import io
import textwrap
import uuid
import xml.etree.ElementTree as etree
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

import lxml.etree
import lxml.html
from markupsafe import Markup

from thouez_edition.citations.notes import NoteCitation
from thouez_edition.citations.references import Formatted
from thouez_edition.data.actors import Actors
from thouez_edition.data.colophon import Colophon
from thouez_edition.data.identity import EDITION_STEM
from thouez_edition.data.identity import Edition as Identity
from thouez_edition.data.works import Works
from thouez_edition.outputs.text_tree import (
    PAGE_START,
    is_note_marker,
    mark_page_starts,
    xml_blocks,
)
from thouez_edition.rendering.bibliography import entries_by_group
from thouez_edition.rendering.templating import render
from thouez_edition.text.page_map import PageMap
from thouez_edition.text.paper import (
    MARKER_PREFIX,
    PASSAGE_ID,
    PageText,
    Paper,
    Passage,
    note_number,
)

EPUB_PATH = "downloads/thouez-2004-edition.epub"
# The publication's files, in the zip; the documents name each other relative to it.
FOLDER = "EPUB"
SERIES_NOTE_FILE = "series-note.xhtml"
# Written as it stands: every document declares the `epub` prefix on its root.
EPUB_TYPE = "epub:type"
MEDIA_TYPES = {".xhtml": "application/xhtml+xml", ".css": "text/css", ".svg": "image/svg+xml"}


def document_of(page: str, has_series_note: bool = False) -> str:
    """The file of the EPUB that holds a page of the text (`paper/introduction.md`)."""
    return SERIES_NOTE_FILE if has_series_note else f"{PurePosixPath(page).stem}.xhtml"


# --- the text as XHTML ------------------------------------------------------------------------------


def _xhtml(element: etree.Element) -> etree.Element:
    """An element of the converted HTML as XHTML for the EPUB: note markers as EPUB note
    references, page starts as EPUB page breaks, paragraphs with their number."""
    new: etree.Element
    if is_note_marker(element):
        number = note_number(element.get("id") or "", MARKER_PREFIX)
        new = etree.Element("sup")
        reference = etree.SubElement(new, "a", {EPUB_TYPE: "noteref", "role": "doc-noteref",
                                                "id": f"fnref{number}", "href": f"#fn{number}"})
        reference.text = str(number)
    elif element.tag == PAGE_START:
        page = element.get("n") or ""
        new = etree.Element("span", {EPUB_TYPE: "pagebreak", "role": "doc-pagebreak", "id": element.get("id") or "",
                                     "class": "page-break", "title": page,
                                     "aria-label": f"Page {page} of the 2004 print"})
    else:
        attributes = {name: value for name, value in element.attrib.items() if name in ("id", "href")}
        match = PASSAGE_ID.match(attributes.get("id", "")) if element.tag == "p" else None
        if match:
            attributes["data-number"] = match["number"]
        new = etree.Element(element.tag, attributes)
        new.text = element.text
        for child in element:
            new.append(_xhtml(child))
    new.tail = element.tail
    return new


def _serialise(elements: Iterable[etree.Element]) -> Markup:
    # The author's text, escaped by the serialiser: nothing here is data.
    return Markup("".join(etree.tostring(element, encoding="unicode") for element in elements))


def text_body(page: PageText, page_map: PageMap) -> Markup:
    """A page's blocks as XHTML, each printed page marked where it begins."""
    holder = xml_blocks(page.html)
    if len(holder) == 1 and holder[0].tag == "div":  # the title page's series-note block
        holder = holder[0]
    for element in list(holder.iter()):
        mark_page_starts(element, page_map.breaks.get(element.get("id") or "", []))
    return _serialise(_xhtml(element) for element in holder)


@dataclass(frozen=True)
class Footnote:
    number: int
    body: Markup
    citations: tuple[NoteCitation, ...]


def footnote(note: Passage, citations: Sequence[NoteCitation]) -> Footnote:
    """A note's blocks as XHTML, its printed number first, leading back to its marker."""
    blocks = [_xhtml(block) for block in xml_blocks(note.note_html)]
    back = etree.Element("a", {"class": "note-number", "href": f"#fnref{note.number}", "role": "doc-backlink",
                               "title": f"Back to the text at note {note.number}"})
    back.text = str(note.number)
    first = blocks[0]
    back.tail = " " + (first.text or "")
    first.text = None
    first.insert(0, back)
    return Footnote(note.number, _serialise(blocks), tuple(citations))


# --- navigation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TocEntry:
    href: str
    title: str
    children: tuple[TocEntry, ...] = ()


def toc_entries(pages: Iterable[PageText]) -> list[TocEntry]:
    """The headings of the text, nested by level, each leading to its place."""

    def nested(headings: list[tuple[int, str, str]]) -> list[TocEntry]:
        entries: list[TocEntry] = []
        while headings:
            level, href, title = headings.pop(0)
            children = []
            while headings and headings[0][0] > level:
                children.append(headings.pop(0))
            entries.append(TocEntry(href, title, tuple(nested(children))))
        return entries

    entries = []
    for page in pages:
        file = document_of(page.page, page.has_series_note)
        headings = [(heading.level, f"{file}#{heading.anchor}" if index else file, heading.text)
                    for index, heading in enumerate(page.headings)]
        entries += nested(headings)
    return entries


@dataclass(frozen=True)
class PageTarget:
    number: int
    href: str


def page_targets(page_map: PageMap, paper: Paper) -> list[PageTarget]:
    """Where each page of the 2004 print begins, for the page list."""
    series = {page.page for page in paper.pages if page.has_series_note}
    return [PageTarget(number, f"{document_of(page, page in series)}#{marker}")
            for number, (page, marker) in sorted(page_map.locations.items())]


# --- the bibliography --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitingNote:
    href: str
    place: str
    locator: str | None


@dataclass(frozen=True)
class BibliographyEntry:
    id: str
    reference: Markup
    cited_in: tuple[CitingNote, ...]


def reference_xhtml(html: str) -> Markup:
    """A reference as pandoc's citeproc wrote it in HTML, as XHTML (pandoc escaped the data)."""
    holder = lxml.html.fragment_fromstring(html, create_parent="span")
    written = lxml.etree.tostring(holder, encoding="unicode", method="xml")
    return Markup(written.removeprefix("<span>").removesuffix("</span>"))


def bibliography(works: Works, references: list[Formatted], paper: Paper, actors: Actors) -> dict[str, list[BibliographyEntry]]:
    """The works cited, grouped as on the site's bibliography, each with the notes that cite it."""
    return {
        label: [
            BibliographyEntry(
                entry.work.id,
                reference_xhtml(entry.formatted.html),
                tuple(CitingNote(f"{document_of(cited.note.page)}#fn{cited.note.number}", cited.note.place,
                                 cited.citation.locator) for cited in entry.cited_in),
            )
            for entry in entries
        ]
        for label, entries in entries_by_group(works, references, paper, actors).items()
    }


# --- the whole ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A file of the publication: its name under `EPUB/`, its content, its manifest properties."""

    name: str
    content: str
    properties: str = ""
    in_spine: bool = True

    @property
    def id(self) -> str:
        return self.name.replace(".", "-")

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[PurePosixPath(self.name).suffix]


def cover_lines(text: str, width: int) -> list[str]:
    """A line of the cover broken into lines of at most `width` characters, at spaces."""
    return textwrap.wrap(" ".join(text.split()), width) or [""]


def identifier(version: str) -> str:
    """The same for every build of a version, on any machine: a name-based UUID."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{EDITION_STEM}/{version}')}"


def people(names: Iterable[Mapping[str, str]]) -> list[tuple[str, str]]:
    """Each name as it is written and as it is filed ("Colleen Thouez", "Thouez, Colleen")."""
    written = []
    for name in names:
        if "literal" in name:
            written.append((name["literal"], name["literal"]))
            continue
        family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
        given = name.get("given", "")
        written.append((" ".join(part for part in (given, family) if part), ", ".join(part for part in (family, given) if part)))
    return written


def epub_file(
    record: Mapping[str, Any],
    description: str,
    source: str,
    identity: Identity,
    colophon: Colophon,
    paper: Paper,
    page_map: PageMap,
    works: Works,
    references: list[Formatted],
    actors: Actors,
    note_citations: Mapping[int, list[NoteCitation]],
) -> bytes:
    """The EPUB 3 of the paper: `source` is the 2004 print's reference, as the EPUB names it."""
    authors = people(record["author"])
    context: dict[str, Any] = {
        "record": record, "authors": authors, "identity": identity, "colophon": colophon,
        "language": record.get("language", "en"),
    }
    items = [Item("cover.xhtml", render("epub-cover.xhtml", **context)),
             Item("cover.svg", render("epub-cover.svg", **context, title_lines=cover_lines(record["title"], 20),
                                      publisher_lines=cover_lines(record.get("publisher", ""), 36)),
                  "cover-image", in_spine=False)]
    notes_by_page: dict[str, list[Passage]] = {}
    for note in paper.notes:
        notes_by_page.setdefault(note.page, []).append(note)
    for page in paper.pages:
        items.append(Item(document_of(page.page, page.has_series_note), render(
            "epub-text.xhtml", **context, title=page.headings[0].text if page.headings else page.title,
            series_note=page.has_series_note, body=text_body(page, page_map),
            footnotes=[footnote(note, note_citations.get(note.number, [])) for note in notes_by_page.get(page.page, [])],
        )))
    items += [
        Item("bibliography.xhtml", render("epub-bibliography.xhtml", **context,
                                          groups=bibliography(works, references, paper, actors))),
        Item("colophon.xhtml", render("epub-colophon.xhtml", **context, source=source)),
        Item("nav.xhtml", render("epub-nav.xhtml", **context, toc=toc_entries(paper.pages),
                                 pages=page_targets(page_map, paper),
                                 first_section=next(document_of(page.page) for page in paper.pages
                                                    if not page.has_series_note)),
             "nav", in_spine=False),
        Item("edition.css", render("epub.css"), in_spine=False),
    ]
    package = render("epub-package.opf", **context, items=items, description=description, source=source,
                     identifier=identifier(identity.version), modified=f"{identity.date}T00:00:00Z")
    files = [("mimetype", "application/epub+zip"),
             ("META-INF/container.xml", render("epub-container.xml", package=f"{FOLDER}/package.opf")),
             (f"{FOLDER}/package.opf", package),
             *((f"{FOLDER}/{item.name}", item.content) for item in items)]
    return zipped(files, date.fromisoformat(identity.date))


def zipped(files: Sequence[tuple[str, str]], day: date) -> bytes:
    """The files as an OCF zip: `mimetype` first and stored, the rest compressed; every entry dated
    `day`, so that the same files make the same bytes."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()
