"""The whole paper on one page for printing, the PDF made from it at build time, read from the
positions of its characters (pdfplumber), and what printing any page of the site gives."""

from __future__ import annotations

import re
import unicodedata
from datetime import timezone
from functools import cache
from typing import Any

import pdfplumber
import pytest
from lxml import etree
from pypdf import PdfReader
from thouez_edition.data.colophon import Colophon
from thouez_edition.data.emendations import load_emendations
from thouez_edition.errors import PrintError
from thouez_edition.outputs.pdf import print_to_pdf
from thouez_edition.rendering.print_page import render_print_page
from thouez_edition.text.paper import build_paper

from tests.conftest import CHROMIUM, ROOT
from tests.site_html import BuiltSite, body_of, reader_text
from tests.source_text import NOTE_COUNT, Repair, expected_text, word_differences
from tests.test_changelog import VERSION, version_day

PDF = "downloads/thouez-2004-edition.pdf"


@pytest.fixture(scope="module")
def repairs() -> list[Repair]:
    return [Repair(r.find, r.replace) for r in load_emendations(ROOT / "data").replacements()]


def test_the_print_page_has_every_word_of_the_paper_in_order(site: BuiltSite, repairs: list[Repair]) -> None:
    article = body_of(site.article("print/"))
    differences = word_differences(expected_text(repairs).body_words, reader_text(article).split())
    assert not differences, "\n".join(differences[:20])


def test_the_print_page_has_the_58_notes_with_their_printed_numbers(site: BuiltSite, repairs: list[Repair]) -> None:
    article = site.article("print/")
    items = article.select("div.footnote > ol > li")
    assert [int(item["value"]) for item in items] == list(range(1, NOTE_COUNT + 1))
    expected = expected_text(repairs).note_words
    for item in items:
        assert reader_text(item).split() == expected[int(item["value"])]
    markers = [a.get_text() for a in article.select("a.footnote-ref")]
    assert markers == [str(n) for n in range(1, NOTE_COUNT + 1)]


def test_the_title_page_links_to_the_print_page_and_the_pdf(site: BuiltSite) -> None:
    article = site.article("")
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert "print/" in hrefs
    assert PDF in hrefs
    assert "the paper on one page or as a PDF." in " ".join(article.get_text().split())


def test_the_pdf_has_the_title_all_notes_and_a_sane_length(site: BuiltSite) -> None:
    reader = PdfReader(site.dir / PDF)
    assert 10 <= len(reader.pages) <= 40
    # NFKC undoes ligatures ("ﬀ" for "ff"), which the fonts of one machine make and another's do not.
    text = unicodedata.normalize("NFKC", " ".join(" ".join(page.extract_text().split()) for page in reader.pages))
    assert "The Role of Civil Society in the Migration Policy Debate" in text
    assert "Colleen Thouez" in text
    notes_part = text[text.rindex("1. The terms human mobility") :]
    numbers = [int(n) for n in re.findall(r"(?:^|\s)(\d{1,2})\.\s", notes_part)]
    assert [n for n in range(1, NOTE_COUNT + 1) if n not in numbers] == []
    for opening in ("Brinkerhoff describes", "Florini notes", "Nelson emphasizes", "Awakening Civil Society"):
        assert opening in notes_part


# --- the PDF ----------------------------------------------------------------------------------

A4 = (595.3, 841.9)  # points
MM = 72 / 25.4
TITLE = "The Role of Civil Society in the Migration Policy Debate"


@cache
def pdf_lines(path: str) -> list[list[dict[str, Any]]]:
    """Each page's lines of words, top to bottom, with their fonts, sizes and positions."""
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
            lines: dict[int, list[dict[str, Any]]] = {}
            for word in words:
                # NFKC undoes ligatures ("ﬁ" for "fi"), which one machine's fonts make and another's do not.
                word["text"] = unicodedata.normalize("NFKC", word["text"])
                lines.setdefault(round(word["top"]), []).append(word)
            pages.append([sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())])
    return pages


def line_text(line: list[dict[str, Any]]) -> str:
    return " ".join(word["text"] for word in line)


def body_lines(page: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """A page's lines without its running head and page number (both in the page margins) and
    without the 2004 print's page numbers, which stand right of the text ("p. 6")."""
    lines = []
    for line in page:
        if not 20 * MM < line[0]["top"] < A4[1] - 20 * MM:
            continue
        words = [w for w in line if not (w["x0"] > 170 * MM and re.fullmatch(r"p\.|\d+", w["text"]))]
        if words:
            lines.append(words)
    return lines


@pytest.fixture(scope="module")
def pdf(site: BuiltSite) -> str:
    return str(site.dir / PDF)


def test_the_pdf_is_a4_throughout(pdf: str) -> None:
    reader = PdfReader(pdf)
    assert 15 <= len(reader.pages) <= 40
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)


def test_every_page_but_the_cover_has_its_number_and_the_running_head(pdf: str) -> None:
    pages = pdf_lines(pdf)
    cover = pages[0]
    assert not any(line[0]["top"] > A4[1] - 20 * MM for line in cover), "the cover has no page number"
    for number, page in enumerate(pages[1:], start=2):
        head, foot = page[0], page[-1]
        assert head[0]["top"] < 20 * MM and line_text(head) == f"Colleen Thouez {TITLE}", number
        assert foot[0]["top"] > A4[1] - 20 * MM and line_text(foot) == str(number), number
        centre = (foot[0]["x0"] + foot[-1]["x1"]) / 2
        assert centre == pytest.approx(A4[0] / 2, abs=3 * MM), number


def test_the_cover_comes_first_and_the_notes_and_colophon_last(pdf: str) -> None:
    pages = pdf_lines(pdf)
    cover = [line_text(line) for line in pages[0]]
    assert cover[:2] == ["Global Migration Perspectives", "No. 12"]
    assert " ".join(cover[2:4]) == TITLE
    assert "Colleen Thouez" in cover and "Geneva, 2004" in cover
    assert line_text(body_lines(pages[1])[0]) == "Global Commission on International Migration"
    notes_page = next(i for i, page in enumerate(pages) if line_text(body_lines(page)[0]) == "Notes")
    assert line_text(body_lines(pages[notes_page])[1]).startswith("1. The terms human mobility")
    colophon = " ".join(line_text(line) for line in body_lines(pages[-1]))
    assert colophon.startswith("About this copy From the digital edition of Colleen Thouez")
    assert f"Edition version {VERSION}, released on {version_day()}." in colophon


def test_notes_1_to_58_each_print_their_whole_number_inside_the_page(pdf: str) -> None:
    """Numbers are read where they stand: each at the start of a line, wholly inside the text
    area (Chromium cuts what falls into the page margin; notes 10-58 once read as one digit)."""
    pages = pdf_lines(pdf)
    notes_page = next(i for i, page in enumerate(pages) if line_text(body_lines(page)[0]) == "Notes")
    # A list number ends before its note's text begins (a year that opens a line of a note does not).
    starts = [line[:2] for page in pages[notes_page:] for line in body_lines(page)
              if re.fullmatch(r"\d+\.", line[0]["text"]) and len(line) > 1]
    text_left = min(second["x0"] for _, second in starts)
    markers = [first for first, _ in starts if first["x1"] < text_left]
    assert [int(marker["text"][:-1]) for marker in markers] == list(range(1, NOTE_COUNT + 1))
    # List numbers are right-aligned: every marker ends where the others do, before its note.
    assert max(m["x1"] for m in markers) - min(m["x1"] for m in markers) < 2
    assert min(m["x0"] for m in markers) >= 15 * MM


def test_no_heading_stands_alone_at_the_foot_of_a_page(pdf: str) -> None:
    for number, page in enumerate(pdf_lines(pdf)[1:], start=2):
        last = body_lines(page)[-1]
        heading = any("Bold" in word["fontname"] and word["size"] >= 10.9 for word in last)
        assert not heading, f"page {number} ends with the heading “{line_text(last)}”"


def test_acronyms_and_links_print_without_underlines(pdf: str) -> None:
    """An underline, dotted or not, is drawn as thin lines or boxes under the text: there are none."""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            thin = [r for r in page.rects if r["height"] < 2 and r["width"] > 1] + page.lines + page.curves
            assert thin == [], f"page {number}"


def test_the_pdf_names_its_title_author_subject_and_language(pdf: str) -> None:
    reader = PdfReader(pdf)
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "Colleen Thouez"
    assert reader.metadata.subject.startswith("Global Migration Perspectives No. 12, Global Commission on International Migration")
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_the_pdfs_links_lead_to_the_web_or_to_its_own_notes(pdf: str) -> None:
    reader = PdfReader(pdf)
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            targets.append(action.get_object()["/URI"] if action is not None else "internal")
    assert "http://www.icva.ch/" in targets and targets.count("internal") >= 2 * NOTE_COUNT
    assert [t for t in targets if t != "internal" and not t.startswith(("http://", "https://", "mailto:"))] == []


def outline_titles(outline: list, depth: int = 0) -> list[tuple[int, str]]:
    """The outline's items as (depth, title), in order."""
    items: list[tuple[int, str]] = []
    for item in outline:
        if isinstance(item, list):
            items += outline_titles(item, depth + 1)
        else:
            items.append((depth, item.title))
    return items


def test_the_pdf_has_an_outline_of_its_sections(site: BuiltSite, pdf: str) -> None:
    """Every heading of the print page is a bookmark, under the title, at its level, reading as the
    heading reads."""
    article = site.article("print/")
    headings = []
    for heading in article.select("h1, h2, h3, h4, h5, h6"):
        for permalink in heading.select("a.headerlink"):
            permalink.decompose()
        headings.append(" ".join(heading.get_text().split()))
    titles = outline_titles(PdfReader(pdf).outline)
    assert [title for _, title in titles] == headings
    assert titles[0] == (0, TITLE)
    for section in ("Introduction", "The current context", "Explaining the dearth of activity",
                    "CSO’s potential contribution to the debate", "Conclusion", "Notes"):
        assert (1, section) in titles, section
    assert (2, "Policy networks") in titles and (3, "Regional consultative mechanisms") in titles


def test_the_pdfs_xmp_metadata_says_what_its_document_information_says(pdf: str) -> None:
    reader = PdfReader(pdf)
    info, xmp = reader.metadata, reader.xmp_metadata
    assert xmp is not None, "the PDF has no XMP metadata"
    # pypdf parses the packet; lxml reads it again as plain XML, to show it is well-formed RDF.
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    rdf = etree.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    assert rdf.find(".//{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description") is not None
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_creator == [info.author]
    assert xmp.dc_description == {"x-default": info.subject}
    assert xmp.pdf_keywords == info["/Keywords"] == "; ".join(xmp.dc_subject)
    assert xmp.xmp_creator_tool == info.creator and xmp.pdf_producer == info.producer
    assert xmp.dc_language == [reader.trailer["/Root"]["/Lang"]]
    assert xmp.xmp_create_date.replace(tzinfo=timezone.utc) == info.creation_date.astimezone(timezone.utc)
    assert xmp.xmp_modify_date.replace(tzinfo=timezone.utc) == info.modification_date.astimezone(timezone.utc)


def test_every_link_in_the_pdf_says_where_it_leads(pdf: str) -> None:
    descriptions: dict[str, str] = {}
    links = 0
    for page in PdfReader(pdf).pages:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            links += 1
            description = str(annotation.get("/Contents", "")).strip()
            action = annotation.get("/A")
            target = str(action.get_object()["/URI"]) if action is not None else str(annotation["/Dest"])
            assert description, f"the link to {target} has no description"
            descriptions[target] = description
    assert links >= 2 * NOTE_COUNT + 77
    assert descriptions["/fn:25"] == "Note 25"
    assert descriptions["/p40"] == "Paragraph 40"
    assert descriptions["/sn3"] == "Series note, paragraph 3"
    assert descriptions["/page-6"] == "Page 6 of the 2004 print"
    assert descriptions["http://www.icva.ch/"] == "Web address http://www.icva.ch/"
    assert not [d for d in descriptions.values() if d.startswith("Go to ")], "a link the page does not describe"


def test_the_pdf_keeps_the_pdf_version_chromium_wrote(site: BuiltSite, pdf: str, tmp_path) -> None:
    """The finishing step must not rewrite the header (pypdf writes 1.3 unless told to keep it)."""
    fresh = tmp_path / "fresh.pdf"
    print_to_pdf(str(CHROMIUM), site.dir / "print" / "index.html", fresh)
    assert PdfReader(pdf).pdf_header == PdfReader(fresh).pdf_header
    assert PdfReader(pdf).pdf_header >= "%PDF-1.4"


def pdf_text(pdf: str) -> str:
    """The PDF's words with all white space removed (long addresses break across lines)."""
    with pdfplumber.open(pdf) as document:
        text = "".join("".join((page.extract_text() or "").split()) for page in document.pages)
    return unicodedata.normalize("NFKC", text)


@pytest.mark.browser
def test_each_external_address_prints_once_in_the_pdf(page, site: BuiltSite, pdf: str) -> None:
    """As often as the printed page shows it, no more: an address shown as a link's text is not
    repeated after it. What the page shows is read in the browser under print media."""
    page.goto(site.page_url("print/"))
    page.emulate_media(media="print")
    shown = "".join(page.locator("article").inner_text().split()).lower()
    addresses = set(page.eval_on_selector_all(
        "article a[href]", "links => links.filter(a => a.host && a.host !== location.host).map(a => a.href)"))
    text = pdf_text(pdf).lower()
    assert len(addresses) >= 10
    for address in addresses:
        bare = address.removeprefix("http://").removeprefix("https://").rstrip("/")
        assert text.count(bare) == shown.count(bare) >= 1, address


# --- printing any page from the browser --------------------------------------------------------


def printed_links(page) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        ".md-content a[href]",
        """links => links.filter(a => a.offsetParent !== null).map(a => ({
            href: a.href, text: a.textContent.trim(), internal: a.host === location.host,
            after: getComputedStyle(a, '::after').content,
            decoration: getComputedStyle(a).textDecorationLine }))""",
    )


@pytest.mark.browser
@pytest.mark.parametrize("path", ["paper/current-context/", "organizations/icmc/", "bibliography/"])
def test_printing_prints_internal_links_as_plain_text_and_other_sites_once(page, site: BuiltSite, path: str) -> None:
    page.goto(site.page_url(path))
    page.emulate_media(media="print")
    links = printed_links(page)
    internal = [link for link in links if link["internal"]]
    assert len(internal) >= 5
    for link in internal:
        assert "<" not in link["after"] and link["decoration"] == "none", link
    for link in links:
        if not link["internal"]:
            bare = link["text"].removeprefix("http://").removeprefix("https://").rstrip("/").lower()
            is_address = bare == link["href"].removeprefix("http://").removeprefix("https://").rstrip("/").lower()
            assert ("<" in link["after"]) == (not is_address), link
    acronyms = page.eval_on_selector_all(
        ".md-content abbr", "items => items.map(a => getComputedStyle(a).textDecorationLine)")
    assert set(acronyms) <= {"none"}


@pytest.mark.browser
def test_printing_any_page_drops_the_navigation_and_keeps_the_notes(page, site: BuiltSite) -> None:
    page.emulate_media(media="print")
    page.goto(site.page_url("organizations/icmc/"))
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
        assert page.locator(chrome).first.is_hidden(), chrome
    page.goto(site.page_url("paper/dearth-of-activity/"))
    assert page.locator("li[id='fn:25']").is_visible()
    assert page.locator("li[id='fn:25']").inner_text().startswith("Final Report")


def test_the_series_note_is_found_whatever_its_markdown_attribute_says() -> None:
    for opening in ('<div class="series-note" markdown="block">', '<div class="series-note" markdown="1">', '<div class="series-note" markdown>'):
        (title_page,) = build_paper([("index.md", f"# T\n\n{opening}\n\nWords.\n{{#sn1}}\n</div>\n")]).pages
        assert title_page.has_series_note and 'id="sn1"' in title_page.html, opening


def test_a_title_page_without_the_series_note_stops_the_build_with_a_message() -> None:
    paper = build_paper([("index.md", "# T\n\nNo series note.\n")])
    with pytest.raises(PrintError, match=r"^docs/index.md: the series note is missing; expected"):
        render_print_page({}, paper, Colophon("0.1.0", "2004-01-01", None))
