"""Reading with search, keyboard, touch and instant navigation, in a real browser; the README's
pictures are taken here too, into test-results/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.readme_screenshots import PHONE, take_pictures
from tests.site_host import RESULTS
from tests.site_html import EVERY_KIND_OF_PAGE, BuiltSite

pytestmark = pytest.mark.browser



def search(page: Page, query: str) -> None:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially(query, delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def tab_to(page: Page, selector: str, limit: int = 250) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def wait_until_still(page: Page) -> None:
    """Wait until, for a few frames running, the page has not scrolled and nothing on it moves (no
    animation or transition runs: a closing search overlay, a fading tooltip). Frames, not
    milliseconds, so a slow machine waits longer rather than failing."""
    page.evaluate(
        """() => new Promise(resolve => {
            let last = null, still = 0;
            const look = () => {
                const moving = document.getAnimations().some(animation => animation.playState === "running");
                still = scrollY === last && !moving ? still + 1 : 0;
                last = scrollY;
                still >= 5 ? resolve() : requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
        })"""
    )


def test_search_finds_the_profile_and_the_paragraphs_that_mention_a_name(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(""))
    search(page, "PARinAC")
    results = page.locator(".md-search-result")
    expect(results.locator("a[href*='organizations/parinac/']").first).to_be_attached()
    expect(results.locator("a[href*='paper/current-context/'][href$='#p10']")).to_be_attached()
    paragraph = results.locator("a[href*='paper/dearth-of-activity/'][href$='#p42']")
    expect(paragraph).to_be_attached()
    paragraph.click()
    expect(page).to_have_url(re.compile(r"/paper/dearth-of-activity/(\?h=parinac)?#p42$"))
    expect(page.locator("p#p42")).to_be_in_viewport()


def test_search_finds_a_cited_author_in_the_bibliography(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    search(page, "Brinkerhoff")
    entry = page.locator(".md-search-result a[href*='bibliography/'][href$='#brinkerhoff-1999-collaboration']")
    expect(entry).to_be_attached()
    entry.click()
    expect(page).to_have_url(re.compile(r"/bibliography/(\?h=brinkerhoff)?#brinkerhoff-1999-collaboration$"))
    expect(page.locator("#brinkerhoff-1999-collaboration")).to_be_in_viewport()


def test_search_finds_words_of_a_note(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(""))
    search(page, "Issyk-Kul")
    note = page.locator(".md-search-result a[href*='paper/potential-contribution/'][href$='#fn:49']")
    expect(note).to_be_attached()


def test_a_tap_on_a_phone_shows_the_note_in_place(browser: Browser, site: BuiltSite) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site.page_url("paper/dearth-of-activity/") + "#p31")
    marker = page.locator("a.footnote-ref[href$='#fn:25']")
    marker.tap()
    tooltip = page.locator(f"#{marker.get_attribute('aria-controls')}") if marker.get_attribute("aria-controls") else None
    expect(page.locator(".edition-tooltip--active")).to_contain_text("Final Report, Commission on Human Security")
    assert tooltip is None or tooltip.is_visible()
    expect(page).to_have_url(site.page_url("paper/dearth-of-activity/") + "#p31")
    expect(marker).to_be_in_viewport()
    context.close()


# On a phone, each kind of passage a reader is sent to by its address comes to rest just below
# the sticky header, not under it and not moved away by what happens after the jump (every other
# way of reaching a passage: test_browser_landing.py).
PHONE_ADDRESSES = [
    ("paper/potential-contribution/", "p70"),
    ("paper/dearth-of-activity/", "fn:25"),
    ("paper/dearth-of-activity/", "fnref:25"),
    ("bibliography/", "brinkerhoff-1999-collaboration"),
    ("paper/notes/", "n55"),
    ("organizations/", "government-agency"),
]
LANDING = """(id) => [document.getElementById(id).getBoundingClientRect().top,
                   document.querySelector(".md-header").getBoundingClientRect().bottom]"""


def assert_rests_below_the_header(page: Page, fragment: str) -> None:
    """The passage rests just below the header, or lower on the screen when the page can scroll no further."""
    wait_until_still(page)
    top, header = page.evaluate(LANDING, fragment)
    at_the_end = page.evaluate("scrollY >= document.documentElement.scrollHeight - innerHeight - 1")
    lowest = page.viewport_size["height"] / 2 if at_the_end else header + 40
    assert header - 1 <= top <= lowest, f"#{fragment} rests at {top:.0f} px, the header ends at {header:.0f} px"


@pytest.mark.parametrize(("path", "fragment"), PHONE_ADDRESSES)
def test_on_a_phone_an_address_brings_its_passage_just_below_the_header(
    browser: Browser, site: BuiltSite, path: str, fragment: str
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site.page_url(path)}#{fragment}")
    assert_rests_below_the_header(page, fragment)
    context.close()


# The layout shifts of a page as it loads (what Lighthouse sums as CLS), read after ten frames.
LAYOUT_SHIFTS = """() => new Promise(resolve => {
    const shifts = [];
    new PerformanceObserver(list => shifts.push(...list.getEntries().filter(shift => !shift.hadRecentInput).map(
        shift => [shift.value, shift.sources.map(source => source.node && (source.node.id || source.node.nodeName))]
    ))).observe({type: "layout-shift", buffered: true});
    let frames = 0;
    const later = () => ++frames < 10 ? requestAnimationFrame(later) : resolve(shifts);
    requestAnimationFrame(later);
})"""


def test_on_a_phone_no_page_moves_its_text_while_it_loads(browser: Browser, site: BuiltSite) -> None:
    """No kind of page shifts its layout as it loads, on a phone's slower processor (four times
    slower, as in Lighthouse's mobile preset)."""
    shifts = {}
    for path in EVERY_KIND_OF_PAGE:
        context = browser.new_context(**PHONE)  # a first visit: nothing cached
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(site.page_url(path))
        if found := page.evaluate(LAYOUT_SHIFTS):
            shifts[path] = found
        context.close()
    assert shifts == {}


def test_keyboard_alone_reaches_a_note_follows_it_and_comes_back(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    tab_to(page, "a.footnote-ref")
    marker = page.locator("a.footnote-ref").first
    expect(page.locator(".edition-tooltip--active")).to_contain_text("The terms human mobility")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#fn:1$"))
    expect(page.locator("li[id='fn:1']")).to_be_in_viewport()
    wait_until_still(page)  # the jump to the note has finished scrolling
    tab_to(page, "li[id='fn:1'] a.footnote-backref", limit=30)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#fnref:1$"))
    expect(marker).to_be_in_viewport()


def test_focus_is_visible_on_the_editions_own_controls(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    tab_to(page, "a.paragraph-number")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_instant_navigation_keeps_tooltips_and_previews(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(""))
    page.locator(".md-typeset a[href$='paper/current-context/']").first.click()
    expect(page).to_have_url(site.page_url("paper/current-context/"))
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    page.locator("a.footnote-ref[href$='#fn:7']").hover()
    expect(page.locator(".edition-tooltip--active", has_text="icmc.net")).to_be_visible()
    page.mouse.move(0, 0)
    page.locator("p#p7 a.mention").first.hover()
    # The note's tooltip may still be fading out: look for the preview by what it shows.
    preview = page.locator(".edition-tooltip--active", has_text="Operational international NGO")
    expect(preview).to_contain_text("International Catholic Migration Commission")
    # Navigation happened in place: the document was not reloaded.
    assert page.evaluate("performance.getEntriesByType('navigation')[0].name").endswith("/")


def test_no_console_errors_on_any_kind_of_page(page: Page, site: BuiltSite) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(f"{page.url}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    for path in EVERY_KIND_OF_PAGE:
        page.goto(site.page_url(path))
        page.wait_for_load_state("networkidle")
    assert errors == []


def test_the_readme_pictures_can_be_taken(browser: Browser, site: BuiltSite) -> None:
    for picture in take_pictures(browser, site.url, RESULTS / "screenshots"):
        assert picture.stat().st_size > 10_000, picture
