"""Targets for fingers and type for eyes, measured in the browser on a phone's viewport: every note
marker and every acronym that takes focus answers a tap in a 24 x 24 px square around it, and
tooltips are set no smaller than the notes."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.readme_screenshots import PHONE
from tests.site_html import BuiltSite

pytestmark = pytest.mark.browser

# For each target: does a tap at its centre, 11.5 px up, down, left and right (the arms of a
# 24 px square) reach it, and at the square's corners reach it or another target, never text?
MEASURE = """(selector) => {
  const targets = "a.footnote-ref, abbr[tabindex]";
  const misses = [];
  const elements = [...document.querySelectorAll(selector)];
  for (const element of elements) {
    element.scrollIntoView({block: "center"});
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const arms = [[0, 0], [0, -11.5], [0, 11.5], [-11.5, 0], [11.5, 0]];
    const corners = [[-11.5, -11.5], [11.5, -11.5], [-11.5, 11.5], [11.5, 11.5]];
    for (const [dx, dy] of [...arms, ...corners]) {
      const hit = document.elementFromPoint(x + dx, y + dy);
      const own = hit && (hit === element || element.contains(hit));
      const other = hit && hit.closest(targets);
      if (!own && !(corners.some(([cx, cy]) => cx === dx && cy === dy) && other)) {
        misses.push(`${element.textContent} at (${dx}, ${dy}) reaches ${hit ? hit.tagName : "nothing"}`);
        break;
      }
    }
  }
  return {count: elements.length, misses};
}"""


@pytest.mark.parametrize("page_path", ["paper/dearth-of-activity/", "paper/current-context/"])
def test_note_markers_and_acronyms_are_24_px_targets_on_a_phone(browser: Browser, site: BuiltSite, page_path: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site.page_url(page_path))
    for selector in (".md-content a.footnote-ref", ".md-content abbr[tabindex]"):
        result = page.evaluate(MEASURE, selector)
        assert result["count"] > 0, selector
        assert result["misses"] == [], selector
    context.close()


def test_tooltips_are_set_no_smaller_than_the_notes(browser: Browser, site: BuiltSite) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site.page_url("paper/dearth-of-activity/"))
    notes_size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.footnote li p')).fontSize)")
    page.locator(".md-content abbr[tabindex]").first.focus()
    acronym = page.locator(".edition-tooltip--active .edition-tooltip__inner")
    acronym.wait_for()
    assert float(acronym.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")) >= notes_size
    context.close()
