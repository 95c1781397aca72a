"""A reader moving between the text and the profiles, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.site_html import BuiltSite

pytestmark = pytest.mark.browser

PAGE = "paper/current-context/"
ICMC_MENTION = "p#p7 a.mention[href$='organizations/icmc/']"


def test_a_mention_previews_the_profile_and_leads_to_it_and_back(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(PAGE) + "#p7")
    mention = page.locator(ICMC_MENTION)
    expect(mention).to_have_text("International Catholic Migration Commission")
    mention.hover()
    # The profile's preview (tooltips.js): a tooltip that shows the profile page's heading and summary.
    preview = page.locator(".edition-tooltip--active")
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("International Catholic Migration Commission")
    expect(preview).to_contain_text("Operational international NGO")

    mention.click()
    expect(page).to_have_url(site.page_url("organizations/icmc/"))
    expect(page.locator(".md-content h1")).to_contain_text("International Catholic Migration Commission")

    back = page.locator("a.passage-link", has_text="¶ 7")
    back.click()
    expect(page).to_have_url(site.page_url(PAGE) + "#p7")
    expect(page.locator("p#p7")).to_be_in_viewport()


def test_the_rcpm_table_sorts_by_a_column(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("rcpms/"))
    established = page.locator(".sortable-table th button", has_text="Established")
    established.click()
    expect(page.locator(".sortable-table th").nth(1)).to_have_attribute("aria-sort", "ascending")
    years = page.locator(".sortable-table tbody tr td:nth-child(2)").all_inner_texts()
    numbers = [int(year) for year in years if year.strip()]
    assert numbers == sorted(numbers)
    established.press("Enter")
    expect(page.locator(".sortable-table th").nth(1)).to_have_attribute("aria-sort", "descending")
    years = page.locator(".sortable-table tbody tr td:nth-child(2)").all_inner_texts()
    numbers = [int(year) for year in years if year.strip()]
    assert numbers == sorted(numbers, reverse=True)


def test_an_acronym_shows_what_it_stands_for(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    abbr = page.locator("p#p3 abbr", has_text=re.compile(r"^CSOs$")).first
    expect(abbr).to_have_attribute("title", "civil society organizations")


def test_a_reader_cites_a_profile_and_copies_its_address(browser: Browser, site: BuiltSite) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site.page_url("organizations/icmc/"))
    button = page.get_by_role("button", name="Cite this profile: International Catholic Migration Commission (ICMC)")
    button.click()
    panel = page.get_by_role("dialog", name="Cite International Catholic Migration Commission (ICMC)")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("s.v. “International Catholic Migration Commission (ICMC)”")
    expect(panel).to_contain_text("Version ")
    panel.get_by_role("button", name="Copy Link to this profile").click()
    expect(panel.locator(".cite-panel__status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == site.page_url("organizations/icmc/")
    page.keyboard.press("Escape")
    expect(panel).to_have_count(0)
    expect(button).to_be_focused()
    context.close()
