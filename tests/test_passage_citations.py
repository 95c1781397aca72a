"""Cite this passage: each paragraph and note carries citeproc's citation of the paper at its printed
page, and a reader copies it with a mouse, the keyboard or a finger."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Page, expect
from thouez_edition.citations.references import format_citations, style_path
from thouez_edition.data.paper_metadata import load_paper_record

from tests.conftest import ROOT
from tests.readme_screenshots import PHONE
from tests.site_html import BuiltSite


def citations_on(site: BuiltSite, page: str) -> dict:
    return json.loads(site.soup(page).select_one("#passage-citations")["data-citations"])


@pytest.mark.parametrize(
    ("page", "anchor", "pages", "passage"),
    [
        ("paper/dearth-of-activity/", "p15", "6", "¶ 15"),
        ("paper/dearth-of-activity/", "p40", "11–12", "¶ 40"),
        ("paper/dearth-of-activity/", "fn:25", "10", "n. 25"),
        ("", "sn2", "1", "series note, ¶ 2"),
    ],
)
def test_a_passage_carries_the_citation_citeproc_makes_with_its_page(site: BuiltSite, page: str, anchor: str, pages: str, passage: str) -> None:
    record = load_paper_record(ROOT / "data")
    expected_chicago = format_citations(record, {anchor: (pages, passage)})[anchor]
    expected_apa = format_citations(record, {anchor: (pages, passage)}, style_path("apa"))[anchor]
    citation = citations_on(site, page)["passages"][anchor]
    assert (citation["chicago"], citation["apa"]) == (expected_chicago, expected_apa)
    assert citation["url"] == f"{site.url}{page}#{anchor}"


def test_the_citations_read_as_a_scholar_writes_them(site: BuiltSite) -> None:
    citation = citations_on(site, "paper/dearth-of-activity/")["passages"]["p40"]
    assert citation["chicago"] == "(Thouez 2004, 11–12, ¶ 40)"
    assert citation["apa"] == "(Thouez, 2004, pp. 11–12, ¶ 40)"
    assert citation["place"] == "pp. 11–12, ¶ 40"


def test_every_paragraph_and_note_of_a_page_has_its_citation(site: BuiltSite) -> None:
    article = site.article("paper/dearth-of-activity/")
    anchors = [p["id"] for p in article.select("p[id^='p']")] + [li["id"] for li in article.select("div.footnote li[id^='fn:']")]
    assert sorted(citations_on(site, "paper/dearth-of-activity/")["passages"]) == sorted(anchors)
    buttons = [button["data-passage"] for button in article.select("button.cite-button")]
    assert buttons == [li["id"] for li in article.select("div.footnote li[id^='fn:']")]


@pytest.mark.browser
def test_on_a_phone_a_reader_taps_a_paragraph_number_and_copies_its_citation(browser: Browser, site: BuiltSite) -> None:
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site.page_url("paper/dearth-of-activity/"))
    page.locator("p#p15 a.paragraph-number").tap()
    panel = page.get_by_role("dialog", name="Cite p. 6, ¶ 15")
    expect(panel).to_be_visible()
    expect(page).to_have_url(re.compile(r"#p15$|#sensitivities"))
    panel.get_by_role("button", name="Copy Chicago, in the text").tap()
    expect(panel.locator(".cite-panel__status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == "(Thouez 2004, 6, ¶ 15)"
    panel.get_by_role("button", name="Copy Link to this passage").tap()
    expect(panel.locator(".cite-panel__status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == site.page_url("paper/dearth-of-activity/") + "#p15"
    context.close()


@pytest.mark.browser
def test_with_the_keyboard_a_reader_opens_a_notes_citation_and_closes_it(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/dearth-of-activity/"))
    button = page.get_by_role("button", name="Cite p. 10, n. 25")
    button.focus()
    page.keyboard.press("Enter")
    panel = page.get_by_role("dialog", name="Cite p. 10, n. 25")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("(Thouez, 2004, p. 10, n. 25)")
    assert page.evaluate("document.activeElement.closest('.cite-panel') !== null")
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)
    expect(button).to_be_focused()
