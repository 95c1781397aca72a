"""The EPUB 3 of the paper (`downloads/thouez-2004-edition.epub`): epubcheck (Debian's) finds no
error and no warning, and the publication, read back with a zip reader and an XML parser, holds
what it must: every word of the paper in order, the 58 notes as EPUB footnotes under their
printed numbers, a page list that leads to the word where each printed page begins, the 77
paragraphs, contents that lead to every section, the bibliography, the cover and the metadata."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath

import lxml.etree
import pytest
from thouez_edition.data.emendations import load_emendations
from thouez_edition.data.identity import load_edition
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.printed_pages import PrintedPage, load_printed_pages
from thouez_edition.data.works import load_works

from tests.conftest import ROOT
from tests.site_html import BuiltSite
from tests.source_text import (
    NOTE_COUNT,
    Repair,
    expected_text,
    marker_token,
    word_differences,
)

EPUB = "downloads/thouez-2004-edition.epub"
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "svg": "http://www.w3.org/2000/svg"}
EPUB_TYPE = f"{{{NS['epub']}}}type"
# The blocks of the text: each ends a word.
BLOCKS = {f"{{{NS['x']}}}{name}" for name in ("p", "h1", "h2", "h3", "blockquote", "section", "aside", "li")}

Element = lxml.etree._Element


class Publication:
    """The EPUB's files, its package and its documents in reading order, parsed."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}
        container = lxml.etree.fromstring(self.files["META-INF/container.xml"])
        self.package_path = container.find(".//{*}rootfile").get("full-path")
        self.folder = PurePosixPath(self.package_path).parent
        self.package = lxml.etree.fromstring(self.files[self.package_path])
        self.manifest = {item.get("id"): item for item in self.package.iterfind("opf:manifest/opf:item", NS)}
        self.spine = [self.manifest[ref.get("idref")].get("href") for ref in self.package.iterfind("opf:spine/opf:itemref", NS)]

    def document(self, href: str) -> Element:
        return lxml.etree.fromstring(self.files[str(self.folder / href)])

    def resolve(self, href: str, base: str) -> Element:
        """The element a link on document `base` leads to (the document's root without a fragment)."""
        file, _, fragment = href.partition("#")
        document = self.document(str(PurePosixPath(base).parent / file) if file else base)
        if not fragment:
            return document
        (found,) = document.xpath("//*[@id=$id]", id=fragment)
        return found

    def item_with(self, property_: str) -> Element:
        (item,) = [item for item in self.manifest.values() if property_ in (item.get("properties") or "").split()]
        return item


@pytest.fixture(scope="module")
def publication(site: BuiltSite) -> Publication:
    return Publication(site.dir / EPUB)


@pytest.fixture(scope="module")
def pages() -> list[PrintedPage]:
    return load_printed_pages(ROOT / "data")[1]


def text_documents(publication: Publication) -> list[str]:
    """The series note and the sections: the spine's documents that hold the author's text."""
    return [href for href in publication.spine
            if publication.document(href).xpath("//x:section[@class='series-note' or @epub:type='chapter']", namespaces=NS)]


def words_of(element: Element, leave_out: str = "") -> list[str]:
    """The words of `element` as a reader meets them, each note reference as its marker's token and
    without what `leave_out` (an XPath relative to `element`) selects."""
    left_out = set(element.xpath(leave_out, namespaces=NS)) if leave_out else set()
    pieces: list[str] = []

    def walk(node: Element) -> None:
        pieces.append(node.text or "")
        for child in node:
            reference = child.find("x:a", NS) if child.tag == f"{{{NS['x']}}}sup" else None
            if reference is not None and reference.get(EPUB_TYPE) == "noteref":
                pieces.append(marker_token(int(reference.text)))
            elif child not in left_out:
                walk(child)
            pieces.append(child.tail or "")
        if node.tag in BLOCKS:
            pieces.append(" ")

    walk(element)
    return "".join(pieces).split()


def words_after(mark: Element) -> list[str]:
    """The words that follow `mark` in its section, note references left out."""
    (section,) = mark.xpath("ancestor::x:section", namespaces=NS)
    kept = []
    for text in mark.xpath("following::text()", namespaces=NS):
        parent = text.getparent().getparent() if text.is_tail else text.getparent()
        chain = [parent, *parent.iterancestors()]
        if section in chain and not any(element.tag == f"{{{NS['x']}}}sup" for element in chain):
            kept.append(str(text))
    return "".join(kept).split()


# --- the validator ------------------------------------------------------------------------------------


def test_epubcheck_finds_no_error_and_no_warning(site: BuiltSite, tmp_path: Path) -> None:
    java = shutil.which("java")
    if not EPUBCHECK.exists() or java is None:
        pytest.fail(f"{EPUBCHECK} is missing: install Debian's epubcheck (tests/run does)")
    report = tmp_path / "epubcheck.json"
    result = subprocess.run([java, "-jar", str(EPUBCHECK), str(site.dir / EPUB), "--json", str(report)],
                            capture_output=True, text=True, timeout=600)
    checked = json.loads(report.read_text(encoding="utf-8"))
    assert checked["messages"] == [], result.stdout + result.stderr
    counts = {key: checked["checker"][key] for key in ("nFatal", "nError", "nWarning")}
    assert (result.returncode, counts) == (0, {"nFatal": 0, "nError": 0, "nWarning": 0})


def test_the_zip_begins_with_its_media_type_stored(site: BuiltSite) -> None:
    with zipfile.ZipFile(site.dir / EPUB) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
        assert archive.read(first) == b"application/epub+zip"


# --- what it holds ------------------------------------------------------------------------------------


def test_every_word_of_the_paper_stands_in_order_and_each_note_whole(publication: Publication) -> None:
    repairs = [Repair(r.find, r.replace) for r in load_emendations(ROOT / "data").replacements()]
    expected = expected_text(repairs)
    documents = [publication.document(href) for href in text_documents(publication)]
    words = [word for document in documents for section in document.iterfind(".//x:section", NS)
             for word in words_of(section)]
    differences = word_differences(expected.body_words, words)
    assert not differences, "\n".join(differences[:20])
    for document in documents:
        for note in document.xpath("//x:aside[@epub:type='footnote']", namespaces=NS):
            number = int(note.get("id").removeprefix("fn"))
            # The edition's own: the note's number leading back, and the works it cites.
            words = words_of(note, ".//x:a[@class='note-number'] | .//x:p[@class='apparatus']")
            assert words == expected.note_words[number], number


def test_the_58_notes_are_footnotes_under_their_printed_numbers(publication: Publication) -> None:
    seen = []
    for href in text_documents(publication):
        document = publication.document(href)
        references = document.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
        notes = document.xpath("//x:aside[@epub:type='footnote']", namespaces=NS)
        assert [reference.text for reference in references] == [note.get("id").removeprefix("fn") for note in notes]
        for reference in references:
            note = publication.resolve(reference.get("href"), href)
            assert note.get(EPUB_TYPE) == "footnote" and note.get("role") == "doc-footnote"
            (number,) = note.xpath(".//x:a[@class='note-number']", namespaces=NS)
            assert number.text == reference.text
            assert publication.resolve(number.get("href"), href) is not None
        seen += [int(reference.text) for reference in references]
    assert seen == list(range(1, NOTE_COUNT + 1))


def test_the_page_list_leads_to_the_word_where_each_printed_page_begins(
    publication: Publication, pages: list[PrintedPage]
) -> None:
    navigation = publication.item_with("nav").get("href")
    (page_list,) = publication.document(navigation).xpath("//x:nav[@epub:type='page-list']", namespaces=NS)
    links = page_list.findall(".//x:a", NS)
    assert [link.text for link in links] == [str(page.number) for page in pages]
    assert len(links) == 19
    for link, page in zip(links, pages, strict=True):
        mark = publication.resolve(link.get("href"), navigation)
        assert (mark.get(EPUB_TYPE), mark.get("role"), mark.get("title")) == ("pagebreak", "doc-pagebreak", str(page.number))
        assert words_after(mark)[: len(page.words.split())] == page.words.split(), page.number
    marks = [mark for href in text_documents(publication)
             for mark in publication.document(href).xpath("//*[@epub:type='pagebreak']", namespaces=NS)]
    assert [mark.get("title") for mark in marks] == [str(page.number) for page in pages]


def test_the_77_paragraphs_keep_their_ids_and_numbers(publication: Publication) -> None:
    paragraphs = [(p.get("id"), p.get("data-number")) for href in text_documents(publication)
                  for p in publication.document(href).xpath("//x:section//x:p[@id]", namespaces=NS)]
    assert paragraphs == [*((f"sn{n}", str(n)) for n in range(1, 7)), *((f"p{n}", str(n)) for n in range(1, 78))]


def test_the_contents_lead_to_every_section_and_heading(publication: Publication) -> None:
    navigation = publication.item_with("nav").get("href")
    (toc,) = publication.document(navigation).xpath("//x:nav[@epub:type='toc']", namespaces=NS)
    links = toc.findall(".//x:a", NS)
    titles = [" ".join("".join(link.itertext()).split()) for link in links]
    assert titles[:3] == ["Cover", "Global Commission on International Migration", "Introduction"]
    assert titles[-2:] == ["Works cited", "About this copy"]
    # The cover, the series note's heading, the five sections and their twelve headings, the back.
    assert "Regional consultative mechanisms" in titles and len(titles) == 1 + 1 + 5 + 12 + 2
    for link, title in zip(links, titles):
        target = publication.resolve(link.get("href"), navigation)
        if "#" in link.get("href"):
            assert " ".join("".join(target.itertext()).split()) == title


def test_the_bibliography_lists_every_work_and_the_notes_lead_to_it(publication: Publication) -> None:
    works = load_works(ROOT / "data")
    bibliography = publication.document("bibliography.xhtml")
    entries = bibliography.xpath("//x:section[@epub:type='bibliography']//x:li[@id]", namespaces=NS)
    assert sorted(entry.get("id") for entry in entries) == sorted(work.id for work in works.works)
    for entry in entries:
        for link in entry.xpath(".//x:p[@class='cited-in']/x:a", namespaces=NS):
            assert publication.resolve(link.get("href"), "bibliography.xhtml").get(EPUB_TYPE) == "footnote"
    cited = {number: [work.id for work, _ in found] for number, found in works.by_note().items()}
    for href in text_documents(publication):
        for note in publication.document(href).xpath("//x:aside", namespaces=NS):
            links = note.xpath(".//x:p[@class='apparatus']/x:a", namespaces=NS)
            assert [link.get("href").partition("#")[2] for link in links] == cited.get(int(note.get("id")[2:]), [])
            for link in links:
                assert publication.resolve(link.get("href"), href).getparent().getparent() is not None


def test_the_metadata_names_the_paper_the_edition_and_the_print(publication: Publication) -> None:
    record, identity = load_paper_record(ROOT / "data"), load_edition(ROOT / "data", "0.1.0", "2026-01-01")
    metadata = publication.package.find("opf:metadata", NS)

    def value(name: str) -> str:
        return metadata.findtext(name, namespaces=NS)

    assert publication.package.get("version") == "3.0"
    assert value("dc:title") == record["title"]
    assert value("dc:creator") == "Colleen Thouez"
    assert value("dc:publisher") == identity.editors
    assert value("dc:language") == "en"
    identifier = metadata.find(f"dc:identifier[@id='{publication.package.get('unique-identifier')}']", NS)
    assert identifier.text.startswith("urn:uuid:")
    (modified,) = metadata.xpath("opf:meta[@property='dcterms:modified']", namespaces=NS)
    made = datetime.strptime(modified.text, "%Y-%m-%dT%H:%M:%SZ")
    assert value("dc:date") == made.date().isoformat()
    source = value("dc:source")
    assert all(part in source for part in (record["title"], record["collection-title"], "2004"))


def test_the_cover_is_made_from_the_papers_record(publication: Publication) -> None:
    record = load_paper_record(ROOT / "data")
    cover = publication.item_with("cover-image")
    assert cover.get("media-type") == "image/svg+xml"
    drawing = lxml.etree.fromstring(publication.files[str(publication.folder / cover.get("href"))])
    lines = [" ".join(text.itertext()) for text in drawing.iterfind("svg:text", NS)]
    assert " ".join(lines).count(record["title"].split()[-1]) == 1
    assert record["collection-title"] in lines and "Colleen Thouez" in lines
    (image,) = publication.document(publication.spine[0]).xpath("//x:img[@role='doc-cover']", namespaces=NS)
    assert record["title"] in image.get("alt")


def test_the_title_page_offers_the_epub_and_the_tei(site: BuiltSite) -> None:
    links = {link["href"] for link in site.article("").select("a[href]")}
    assert {EPUB, "downloads/thouez-2004-edition.tei.xml"} <= links
