"""The whole paper on one page for printing, and the PDF made from it at build time."""

from __future__ import annotations

import re
import unicodedata

import pytest
from pypdf import PdfReader

from tests.conftest import ROOT
from tests.site_html import BuiltSite, body_of, reader_text
from tests.source_text import NOTE_COUNT, Repair, expected_text, word_differences
from thouez_edition.emendations import load_emendations
from thouez_edition.printing import PrintError, series_note

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


@pytest.mark.browser
def test_printing_any_page_drops_the_navigation_shows_addresses_and_keeps_the_notes(page, site: BuiltSite) -> None:
    page.emulate_media(media="print")
    page.goto(site.page_url("organizations/icmc/"))
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs"):
        assert page.locator(chrome).first.is_hidden(), chrome
    address = page.evaluate(
        "() => getComputedStyle(document.querySelector(\"dl.facts a[href^='https://www.icmc.net']\"), '::after').content"
    )
    assert "https://www.icmc.net" in address
    page.goto(site.page_url("paper/dearth-of-activity/"))
    assert page.locator("li[id='fn:25']").is_visible()
    assert page.locator("li[id='fn:25']").inner_text().startswith("Final Report")


def test_the_series_note_is_found_whatever_its_markdown_attribute_says() -> None:
    for opening in ('<div class="series-note" markdown="block">', '<div class="series-note" markdown="1">', '<div class="series-note" markdown>'):
        assert series_note(f"# T\n\n{opening}\n\nWords.\n{{#sn1}}\n</div>\n").startswith(opening)


def test_a_title_page_without_the_series_note_stops_the_build_with_a_message() -> None:
    with pytest.raises(PrintError, match=r"^docs/index.md: the series note is missing; expected"):
        series_note("# T\n\nNo series note.\n")
