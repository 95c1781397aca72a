"""The theme's script on a phone: not fetched until the reader first does something with the page,
and then handed what the reader did before it ran (overrides/partials/theme-on-demand.html)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.readme_screenshots import PHONE
from tests.site_html import BuiltSite

pytestmark = pytest.mark.browser

THEME_RUNNING = "() => typeof document$ !== 'undefined'"
# Resolves once the theme has mounted the page (its document$ has given the page to its components).
THEME_MOUNTED = "() => new Promise(resolve => document$.subscribe(() => resolve(true)))"


def open_on_a_phone(browser: Browser, site: BuiltSite, path: str, **options) -> tuple[Page, list[str]]:
    """A page opened at its top on a phone, loaded and painted, with what it asked for so far."""
    context = browser.new_context(**{**PHONE, **options})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site.page_url(path))
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))")
    assert not page.evaluate(THEME_RUNNING), f"{path}: the theme's script ran before the reader did anything"
    assert not [url for url in requested if "/bundle." in url], f"{path}: the theme's script was fetched"
    return page, errors


def test_on_a_phone_the_themes_script_starts_at_the_readers_first_touch(browser: Browser, site: BuiltSite) -> None:
    page, errors = open_on_a_phone(browser, site, "organizations/")
    # The toggle of the colour scheme is there without it.
    expect(page.locator("[data-md-component=palette] label:not([hidden])")).to_have_count(1)
    expect(page.locator("[data-md-component=palette] label:not([hidden])")).to_be_visible()
    page.locator("article h1").first.tap()
    page.wait_for_function(THEME_RUNNING)
    page.evaluate(THEME_MOUNTED)
    # Once it runs, instant navigation brings the next page in, and the edition's scripts still
    # see it (sortable-tables.js makes the headings of the table of processes buttons).
    page.evaluate("window.stayed = true")
    page.locator("a.md-footer__link--next[href$='rcpms/']").tap()
    expect(page.locator("article h1")).to_have_id("regional-consultative-processes-on-migration")
    expect(page.locator(".sortable-table th button").first).to_be_visible()
    assert page.evaluate("window.stayed === true"), "the page was loaded anew, not brought in by instant navigation"
    assert errors == []
    page.context.close()


def test_on_a_wide_screen_the_themes_script_starts_at_once(page: Page, site: BuiltSite) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site.page_url("rcpms/"))
    page.wait_for_function(THEME_RUNNING)
    page.evaluate(THEME_MOUNTED)


def test_on_a_phone_what_the_reader_did_before_the_themes_script_ran_is_handed_to_it(
    browser: Browser, site: BuiltSite
) -> None:
    # The first tap switches the colour scheme, and the theme keeps it once it runs.
    page, errors = open_on_a_phone(browser, site, "paper/introduction/", color_scheme="light")
    page.locator("[data-md-component=palette] label:not([hidden])").tap()
    page.wait_for_function(THEME_RUNNING)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("[data-md-component=palette] label:not([hidden])")).to_have_attribute(
        "title", "Switch to light mode"
    )
    page.context.close()
    # The first tap opens search: its box takes focus and finds.
    page, more = open_on_a_phone(browser, site, "paper/introduction/")
    errors += more
    page.locator("label.md-header__button[for=__search]").tap()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.type("PARinAC")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.context.close()
    # The first key is the theme's shortcut for search.
    page, more = open_on_a_phone(browser, site, "paper/introduction/")
    errors += more
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.context.close()
    # The first key is Tab: the element it reaches shows its focus as the theme shows keyboard focus.
    page, more = open_on_a_phone(browser, site, "paper/introduction/")
    errors += more
    page.keyboard.press("Tab")
    page.wait_for_function(THEME_RUNNING)
    page.wait_for_function("() => document.activeElement.classList.contains('focus-visible')")
    page.keyboard.press("Tab")
    page.wait_for_function("() => document.activeElement.classList.contains('focus-visible')")
    page.context.close()
    assert errors == []


def test_on_a_phone_a_page_reached_from_a_search_result_starts_the_theme_at_once(browser: Browser, site: BuiltSite) -> None:
    # search.highlight marks the words searched for, which only the theme's script can do.
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(site.page_url("paper/current-context/") + "?h=PARinAC")
    expect(page.locator("article mark[data-md-highlight]").first).to_be_attached()
    context.close()
