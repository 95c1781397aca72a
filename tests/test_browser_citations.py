"""A reader following a citation in a note to the bibliography and back, in a real browser."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.site_html import BuiltSite

pytestmark = pytest.mark.browser

PAGE = "paper/current-context/"


def test_a_works_cited_link_shows_the_reference_leads_to_it_and_back(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(PAGE) + "#fn:6")
    link = page.locator("li#fn\\:6 a.work-link")
    expect(link).to_have_text("Florini 2000a, p. 213")
    link.hover()
    tooltip = page.locator(".edition-tooltip--active")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Florini, Ann M. 2000a. “Lessons Learned.”")
    expect(link).to_have_accessible_description(re.compile("^Florini, Ann M. 2000a"))
    # Left, the link has its title again (taken off while the tooltip shows, so that the
    # browser's own does not cover it) and the tooltip is gone.
    page.mouse.move(0, 0)
    expect(tooltip).to_have_count(0)
    expect(link).to_have_attribute("title", re.compile("^Florini, Ann M. 2000a"))

    link.click()
    expect(page).to_have_url(site.page_url("bibliography/") + "#florini-2000-lessons")
    entry = page.locator("#florini-2000-lessons")
    expect(entry).to_be_in_viewport()

    entry.locator("p.cited-in a", has_text=re.compile(r"n\. 6$")).click()
    expect(page).to_have_url(site.page_url(PAGE) + "#fn:6")
    expect(page.locator("li#fn\\:6")).to_be_in_viewport()


def test_the_bibliography_sets_each_entry_with_a_hanging_indent_and_its_notes_below(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("bibliography/"))
    styles = page.evaluate(
        """() => [...document.querySelectorAll('.md-content .work')].map(work => {
            const reference = work.querySelector('.work-reference');
            const lines = [...work.querySelectorAll(':scope > p')];
            const size = element => parseFloat(getComputedStyle(element).fontSize);
            return {
                indent: parseFloat(getComputedStyle(reference).textIndent),
                hang: parseFloat(getComputedStyle(reference).paddingLeft),
                first: work.firstElementChild === reference,
                smaller: lines.length > 0 && lines.every(line => size(line) < size(reference)),
                below: lines.every(line => line.getBoundingClientRect().top >= reference.getBoundingClientRect().bottom - 1),
            };
        })"""
    )
    assert len(styles) >= 38
    for style in styles:
        assert style["indent"] < 0 and style["hang"] == -style["indent"], style
        assert style["first"] and style["smaller"] and style["below"], style
