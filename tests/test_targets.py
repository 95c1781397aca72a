"""Targets for fingers and type for eyes, measured in the browser on a phone's viewport: every
target in the text of every kind of page is 24 x 24 px or spaced so (WCAG 2.2, 2.5.8), every note
marker and every acronym that takes focus answers a tap in a 24 x 24 px square around it, the
table of processes keeps its key columns on the screen, and tooltips are set no smaller than the
notes."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser, Page

from tests.readme_screenshots import PHONE
from tests.site_html import EVERY_KIND_OF_PAGE, BuiltSite

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


MINIMUM = 24  # CSS px, WCAG 2.2, 2.5.8

# A reader scrolls through the page, so every block is laid out where it stands (a phone lays out
# a block of a page opened at its top only as it nears the screen).
SCROLL_THROUGH = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await frame();
  }
  scrollTo(0, 0);
  await frame();
}"""

# Every target in the article (a link, a button, anything that takes focus), as drawn: its box,
# the boxes of its lines, and whether it is inline in a sentence, the case 2.5.8 exempts: laid
# out inline, with words of its own, in a block that has words outside any target.
TARGETS = """() => {
  const article = document.querySelector("article");
  const targets = [...article.querySelectorAll("a[href], button, [tabindex]")].filter(element => {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.pointerEvents === "none") return false;
    if (!element.matches("a[href], button") && element.tabIndex < 0) return false;
    return [...element.getClientRects()].some(rect => rect.width > 0 && rect.height > 0);
  });
  const inTarget = node => targets.some(target => target.contains(node));
  const blockOf = element => {
    let block = element.parentElement;
    while (["inline", "contents"].includes(getComputedStyle(block).display)) block = block.parentElement;
    return block;
  };
  const wordsOutsideTargets = block => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!inTarget(node) && /\\p{L}/u.test(node.data)) return true;
    }
    return false;
  };
  const onPage = rect => [rect.left + scrollX, rect.top + scrollY, rect.width, rect.height];
  return targets.map(element => ({
    name: `${element.tagName.toLowerCase()}${[...element.classList].map(name => "." + name).join("")}`
      + ` “${element.textContent.trim().slice(0, 30)}” ${element.getAttribute("href") || ""}`.trimEnd(),
    box: onPage(element.getBoundingClientRect()),
    lines: [...element.getClientRects()].map(onPage),
    inline: getComputedStyle(element).display === "inline" && element.textContent.trim() !== ""
      && wordsOutsideTargets(blockOf(element)),
  }));
}"""


@dataclass(frozen=True)
class Target:
    name: str
    box: tuple[float, float, float, float]  # left, top, width, height on the page, in CSS px
    lines: tuple[tuple[float, float, float, float], ...]
    inline: bool

    @property
    def undersized(self) -> bool:
        return self.box[2] < MINIMUM or self.box[3] < MINIMUM

    @property
    def centre(self) -> tuple[float, float]:
        left, top, width, height = self.box
        return left + width / 2, top + height / 2


def _circle_meets(centre: tuple[float, float], rect: tuple[float, float, float, float]) -> bool:
    """Whether a circle of 24 px across, centred at `centre`, overlaps `rect`."""
    (x, y), (left, top, width, height) = centre, rect
    nearest = (min(max(x, left), left + width), min(max(y, top), top + height))
    return math.dist((x, y), nearest) < MINIMUM / 2


def crowded_targets(targets: list[Target]) -> list[str]:
    """The targets that fail WCAG 2.2, 2.5.8: under 24 x 24 px, not inline in a sentence, and with
    a 24 px circle centred on them that meets another target, or the circle of another target
    under 24 px."""
    failures = []
    for target in targets:
        if target.inline or not target.undersized:
            continue
        for other in targets:
            if other is target:
                continue
            meets = any(_circle_meets(target.centre, line) for line in other.lines)
            if meets or (other.undersized and math.dist(target.centre, other.centre) < MINIMUM):
                width, height = target.box[2:]
                failures.append(f"{target.name}: {width:.0f} x {height:.0f} px, its circle meets {other.name}")
                break
    return failures


def test_the_rule_measures_size_and_spacing_and_exempts_words_in_a_sentence() -> None:
    def target(name: str, box: tuple[float, float, float, float], inline: bool = False) -> Target:
        return Target(name, box, (box,), inline)

    big, small = target("big", (0, 0, 30, 30)), target("small", (40, 0, 10, 10))
    assert crowded_targets([big, small]) == []  # the small one's circle ends at x = 33
    near = target("near", (35, 0, 10, 10))
    assert crowded_targets([big, near]) == ["near: 10 x 10 px, its circle meets big"]
    # Two small targets whose boxes the other's circle misses, but whose circles meet.
    pair = [target("left", (0, 0, 4, 4)), target("right", (18, 0, 4, 4))]
    assert [failure.split(":")[0] for failure in crowded_targets(pair)] == ["left", "right"]
    assert crowded_targets([big, target("word", (35, 0, 10, 10), inline=True)]) == []


def open_on_a_phone(browser: Browser, site: BuiltSite, path: str) -> Page:
    page = browser.new_context(**PHONE).new_page()
    page.goto(site.page_url(path))
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("page_path", EVERY_KIND_OF_PAGE)
def test_every_target_in_the_text_is_24_px_or_spaced_so_on_a_phone(browser: Browser, site: BuiltSite, page_path: str) -> None:
    page = open_on_a_phone(browser, site, page_path)
    page.evaluate(SCROLL_THROUGH)
    targets = [
        Target(found["name"], tuple(found["box"]), tuple(tuple(line) for line in found["lines"]), found["inline"])
        for found in page.evaluate(TARGETS)
    ]
    assert targets, page_path
    assert crowded_targets(targets) == []
    page.context.close()


# Each row's name and what is known of NGOs' part: the columns a reader looks for.
KEY_COLUMNS = """() => {
  const table = document.querySelector(".process-table table");
  const key = [...table.tBodies[0].rows].flatMap(row => [row.cells[0], row.cells[4]]);
  const outside = key.filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.width === 0 || box.left < 0 || box.right > innerWidth;
  });
  return {
    cells: key.length,
    outside: outside.map(cell => cell.textContent.trim().slice(0, 40)),
    pageWidth: document.documentElement.scrollWidth,
    sideways: [...document.querySelectorAll(".process-table, .process-table *")]
      .filter(element => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== "visible")
      .map(element => element.tagName),
  };
}"""
THEME_RUNNING = "() => typeof document$ !== 'undefined'"


def test_the_table_of_processes_keeps_its_key_columns_on_a_phones_screen(browser: Browser, site: BuiltSite) -> None:
    page = open_on_a_phone(browser, site, "rcpms/")
    width = PHONE["viewport"]["width"]
    as_opened = page.evaluate(KEY_COLUMNS)
    assert as_opened == {"cells": 20, "outside": [], "pageWidth": width, "sideways": []}
    # Once the reader has touched the page, the theme has started and framed the table too.
    page.locator("article h1").tap()
    page.wait_for_function(THEME_RUNNING)
    page.evaluate("() => new Promise(resolve => document$.subscribe(() => resolve(true)))")
    assert page.evaluate(KEY_COLUMNS) == as_opened
    page.context.close()
