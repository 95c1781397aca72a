"""On a phone (390 × 844, touch), every way of reaching a passage lands on it, just below the sticky
header: a search hit, a link from another page, a link on the same page (a note marker and its
back link), going back and forward, and an address typed in; on pages opened at their top and at a
passage, before and after the reader's first touch. And no tap moves the text: the first tap on a
note marker leaves it where it was, and no kind of page shifts its layout at the first tap."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.readme_screenshots import PHONE
from tests.site_html import BuiltSite
from tests.test_browser_reading import (
    EVERY_KIND_OF_PAGE,
    assert_rests_below_the_header,
    wait_until_still,
)

pytestmark = pytest.mark.browser

SECTION = "paper/dearth-of-activity/"
# A passage of the section that a page opened "elsewhere" is opened at.
ELSEWHERE = "p16"
STARTS = ["top", "passage"]


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def open_section(page: Page, site: BuiltSite, start: str, touched: bool, path: str = SECTION) -> None:
    """Open a page at its top or at a passage; with `touched`, the reader has touched it once
    already (on the header's title, which does nothing)."""
    page.goto(site.page_url(path) + ("" if start == "top" else f"#{ELSEWHERE}"))
    page.wait_for_load_state("load")
    wait_until_still(page)
    if touched:
        page.locator(".md-header__title").tap()


def search_and_tap(page: Page, query: str, fragment: str) -> None:
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    hit = page.locator(f".md-search-result a.md-search-result__link[href$='#{fragment}']").first
    expect(hit).to_be_visible()
    hit.tap()


def follow_marker(page: Page, note: int) -> None:
    """On a touch screen the first tap on a marker shows its note in place; the second follows it."""
    marker = page.locator(f"a.footnote-ref[href$='#fn:{note}']")
    marker.tap()
    expect(page.locator(".edition-tooltip--active[role=dialog]")).to_have_accessible_name(f"Note {note}")
    marker.tap()
    expect(page).to_have_url(re.compile(f"#fn:{note}$"))


@pytest.mark.parametrize("touched", [False, True], ids=["first-touch", "touched-before"])
@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize(
    ("query", "path", "fragment"),
    [("Puebla", SECTION, "p30"), ("Issyk-Kul", "paper/potential-contribution/", "fn:49")],
    ids=["hit-on-the-same-page", "hit-on-another-page"],
)
def test_a_search_hit_lands_on_its_passage(
    phone: Page, site: BuiltSite, start: str, touched: bool, query: str, path: str, fragment: str
) -> None:
    open_section(phone, site, start, touched)
    search_and_tap(phone, query, fragment)
    expect(phone).to_have_url(re.compile(re.escape(path) + r"\?h=[^#]*#" + re.escape(fragment) + "$"))
    assert_rests_below_the_header(phone, fragment)


@pytest.mark.parametrize("touched", [False, True], ids=["first-touch", "touched-before"])
@pytest.mark.parametrize("start", STARTS)
def test_a_link_from_another_page_lands_on_its_passage(phone: Page, site: BuiltSite, start: str, touched: bool) -> None:
    # A note cited by a work of the bibliography, from the bibliography (at its top, or at the work).
    phone.goto(site.page_url("bibliography/") + ("" if start == "top" else "#brinkerhoff-1999-collaboration"))
    wait_until_still(phone)
    if touched:
        phone.locator(".md-header__title").tap()
    phone.locator("article a[href$='paper/current-context/#fn:5']").first.tap()
    expect(phone).to_have_url(re.compile("current-context/#fn:5$"))
    assert_rests_below_the_header(phone, "fn:5")
    # A paragraph that mentions a body, from the body's profile.
    phone.goto(site.page_url("organizations/icmc/"))
    wait_until_still(phone)
    phone.locator("a.passage-link", has_text="¶ 7").tap()
    expect(phone).to_have_url(re.compile("current-context/#p7$"))
    assert_rests_below_the_header(phone, "p7")


@pytest.mark.parametrize("touched", [False, True], ids=["first-touch", "touched-before"])
@pytest.mark.parametrize("start", STARTS)
def test_a_note_marker_and_its_back_link_land_on_the_same_page(phone: Page, site: BuiltSite, start: str, touched: bool) -> None:
    open_section(phone, site, start, touched)
    follow_marker(phone, 36)
    assert_rests_below_the_header(phone, "fn:36")
    phone.locator("li[id='fn:36'] a.footnote-backref").tap()
    expect(phone).to_have_url(re.compile("#fnref:36$"))
    assert_rests_below_the_header(phone, "fnref:36")


@pytest.mark.parametrize("start", STARTS)
def test_back_and_forward_land_on_the_passage(phone: Page, site: BuiltSite, start: str) -> None:
    # Within a page: a note and the marker it was reached from.
    open_section(phone, site, start, touched=False)
    follow_marker(phone, 25)
    assert_rests_below_the_header(phone, "fn:25")
    phone.locator("li[id='fn:25'] a.footnote-backref").tap()
    assert_rests_below_the_header(phone, "fnref:25")
    phone.go_back()
    expect(phone).to_have_url(re.compile("#fn:25$"))
    assert_rests_below_the_header(phone, "fn:25")
    phone.go_forward()
    expect(phone).to_have_url(re.compile("#fnref:25$"))
    assert_rests_below_the_header(phone, "fnref:25")
    # Between pages, by instant navigation: from the bibliography to a note and back again.
    phone.goto(site.page_url("bibliography/"))
    wait_until_still(phone)
    phone.locator("article a[href$='paper/current-context/#fn:5']").first.tap()
    assert_rests_below_the_header(phone, "fn:5")
    phone.go_back()
    expect(phone).to_have_url(site.page_url("bibliography/"))
    wait_until_still(phone)
    phone.go_forward()
    expect(phone).to_have_url(re.compile("current-context/#fn:5$"))
    assert_rests_below_the_header(phone, "fn:5")


@pytest.mark.parametrize("touched", [False, True], ids=["first-touch", "touched-before"])
@pytest.mark.parametrize("start", STARTS)
def test_an_address_typed_in_lands_on_its_passage(phone: Page, site: BuiltSite, start: str, touched: bool) -> None:
    open_section(phone, site, start, touched)
    # Another passage of the page shown: only the fragment changes, the page is not loaded again.
    phone.evaluate("window.stayed = true")
    phone.goto(site.page_url(SECTION) + "#p40")
    assert_rests_below_the_header(phone, "p40")
    assert phone.evaluate("window.stayed === true")
    # A passage of another page.
    phone.goto(site.page_url("paper/potential-contribution/") + "#fn:49")
    assert_rests_below_the_header(phone, "fn:49")


# --- no tap moves the text ---------------------------------------------------------------------

# Every layout shift from now on, as the browser reports it, including those right after an input
# (which Lighthouse's CLS leaves out, and which are exactly those a tap would cause).
WATCH_SHIFTS = """() => {
    window.shiftsSince = [];
    new PerformanceObserver(list => window.shiftsSince.push(...list.getEntries().map(
        shift => [shift.value, shift.sources.map(source => source.node && (source.node.id || source.node.nodeName))]
    ))).observe({type: "layout-shift"});
}"""
# Where an element is in the document (not on the screen, which scrolls).
IN_THE_DOCUMENT = """element => {
    const box = element.getBoundingClientRect();
    return [box.left + scrollX, box.top + scrollY, box.width, box.height];
}"""


def settle(page: Page) -> None:
    """Wait until the tooltip's fade has ended and ten more frames have been drawn."""
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')")
    page.evaluate("() => new Promise(resolve => { let n = 0; const f = () => ++n < 10 ? requestAnimationFrame(f) : resolve(); requestAnimationFrame(f); })")


@pytest.mark.parametrize("note", [14, 36], ids=["first-marker", "marker-far-down"])
def test_the_first_tap_on_a_note_marker_leaves_it_where_it_was(phone: Page, site: BuiltSite, note: int) -> None:
    phone.context.new_cdp_session(phone).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    phone.goto(site.page_url(SECTION))
    phone.wait_for_load_state("load")
    marker = phone.locator(f"a.footnote-ref[href$='#fn:{note}']")
    marker.scroll_into_view_if_needed()
    wait_until_still(phone)
    before = marker.evaluate(IN_THE_DOCUMENT)
    height = phone.evaluate("document.documentElement.scrollHeight")
    phone.evaluate(WATCH_SHIFTS)
    marker.tap()
    expect(phone.locator(".edition-tooltip--active[role=dialog]")).to_have_accessible_name(f"Note {note}")
    settle(phone)
    assert marker.evaluate(IN_THE_DOCUMENT) == before
    assert phone.evaluate("document.documentElement.scrollHeight") == height
    assert phone.evaluate("window.shiftsSince") == []


def test_no_kind_of_page_shifts_its_layout_at_the_first_tap(browser: Browser, site: BuiltSite) -> None:
    """The first tap on each kind of page: on its first note marker where it has one, on its
    heading where it has none."""
    shifts = {}
    for path in EVERY_KIND_OF_PAGE:
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(site.page_url(path))
        page.wait_for_load_state("load")
        wait_until_still(page)
        marker = page.locator("article a.footnote-ref")
        target = marker.first if marker.count() else page.locator("article h1").first
        target.scroll_into_view_if_needed()
        wait_until_still(page)
        page.evaluate(WATCH_SHIFTS)
        target.tap()
        settle(page)
        if found := page.evaluate("window.shiftsSince"):
            shifts[path] = found
        context.close()
    assert shifts == {}
