"""What a reader does, in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.site_html import PAPER_PAGES, BuiltSite

pytestmark = pytest.mark.browser

NOTE_25_PAGE = "paper/dearth-of-activity/"
NOTE_25_TEXT = "Final Report, Commission on Human Security"
ONE_PAGE_OF_EACH_KIND = [
    "",
    *PAPER_PAGES,
    "paper/notes/",
    "editorial/",
    "changes/",
    "organizations/",
    "organizations/icmc/",
    "rcpms/",
    "rcpms/puebla-process/",
    "glossary/",
    "404.html",
]


def tooltip_of(page: Page, selector: str):
    """A note's tooltip is made when it is shown (tooltips.js), and the marker points at it with aria-controls."""
    marker = page.locator(selector)
    expect(marker).to_have_attribute("aria-controls", re.compile(r".+"))
    return page.locator(f"#{marker.get_attribute('aria-controls')}")


def test_hovering_the_marker_of_note_25_shows_note_25(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(NOTE_25_PAGE))
    page.locator("a.footnote-ref[href$='#fn:25']").hover()
    tooltip = tooltip_of(page, "a.footnote-ref[href$='#fn:25']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(NOTE_25_TEXT)


def test_focusing_the_marker_of_note_25_shows_note_25(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(NOTE_25_PAGE))
    page.locator("a.footnote-ref[href$='#fn:25']").focus()
    tooltip = tooltip_of(page, "a.footnote-ref[href$='#fn:25']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(NOTE_25_TEXT)


def test_following_a_marker_and_its_back_link_returns_to_the_same_place(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(NOTE_25_PAGE) + "#p31")
    marker = page.locator("sup#fnref\\:25")
    expect(marker).to_be_in_viewport()
    page.locator("a.footnote-ref[href$='#fn:25']").click()
    expect(page).to_have_url(site.page_url(NOTE_25_PAGE) + "#fn:25")
    note = page.locator("li#fn\\:25")
    expect(note).to_be_in_viewport()
    expect(marker).not_to_be_in_viewport()
    note.locator("a.footnote-backref").click()
    expect(page).to_have_url(site.page_url(NOTE_25_PAGE) + "#fnref:25")
    expect(marker).to_be_in_viewport()


def test_paragraph_number_is_a_permalink(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(NOTE_25_PAGE))
    page.locator("p#p33 a.paragraph-number").click()
    expect(page).to_have_url(site.page_url(NOTE_25_PAGE) + "#p33")
    expect(page.locator("p#p33")).to_be_in_viewport()


def test_no_request_leaves_for_another_host(page: Page, site: BuiltSite) -> None:
    foreign: list[str] = []
    own_host = urlsplit(site.url).netloc

    def guard(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc != own_host and not url.startswith(("data:", "blob:")):
            foreign.append(url)
            route.abort()
        else:
            route.continue_()

    page.context.route("**/*", guard)
    for path in ONE_PAGE_OF_EACH_KIND:
        page.goto(site.page_url(path))
        page.wait_for_load_state("networkidle")
    page.goto(site.page_url(NOTE_25_PAGE))
    page.locator("a.footnote-ref[href$='#fn:25']").hover()
    page.wait_for_load_state("networkidle")
    assert foreign == []
