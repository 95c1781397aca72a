"""The Content-Security-Policy: every page carries it, it allows no inline script and no other host,
and every kind of page, opened and used in Chromium under it, breaks none of its rules while every
reading feature still works (thouez_edition.rendering.content_policy)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect
from thouez_edition.rendering.content_policy import CONTENT_SECURITY_POLICY

from tests.site_html import BuiltSite

# Every break of the policy, as the page reports it (a `securitypolicyviolation` event), handed to
# the test as it happens: the listener is set before any of the page's own scripts run.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => window.reportViolation(
    [location.href, event.effectiveDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber].join(" ")
));
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split(";") if part.strip())}


def test_the_policy_allows_no_inline_script_and_no_other_host() -> None:
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    for name, sources in policy.items():
        assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, name
        # Only the site itself, nothing (object-src) and, for images, data: addresses.
        assert set(sources) <= {"'self'", "'none'", "data:"}, f"{name} allows {sources}"
    assert policy["img-src"] == ["'self'", "data:"]


def test_every_page_carries_the_policy_before_any_script_or_style(site: BuiltSite) -> None:
    missing, late, inline = [], [], []
    for path in site.pages():
        soup = site.soup(path)
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if meta is None or meta.get("content") != CONTENT_SECURITY_POLICY:
            missing.append(path)
            continue
        # A policy given by <meta> governs only what comes after it.
        if meta.find_previous(["script", "style"]) or meta.find_previous("link", rel="stylesheet"):
            late.append(path)
        # A script that runs is a file; a script element with text is data (JSON, JSON-LD).
        inline += [f"{path}: {script.get('type')}" for script in soup.find_all("script")
                   if not script.get("src") and script.get("type") not in ("application/json", "application/ld+json")]
        inline += [f"{path}: <style>" for _ in soup.find_all("style")]
        inline += [f"{path}: style= on <{tag.name}>" for tag in soup.find_all(style=True)]
    assert missing == []
    assert late == []
    assert inline == []


@pytest.fixture
def watched(browser: Browser, site: BuiltSite) -> Iterator[tuple[Page, list[str]]]:
    """A desktop page whose breaks of the policy, and console errors about it, are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    broken: list[str] = []
    page.expose_function("reportViolation", lambda violation: broken.append(violation))
    page.add_init_script(REPORT_VIOLATIONS)

    def console(message: ConsoleMessage) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            broken.append(f"{page.url} console: {message.text}")

    page.on("console", console)
    page.on("pageerror", lambda error: broken.append(f"{page.url} error: {error}"))
    yield page, broken
    context.close()


def note_tooltip(page: Page) -> None:
    page.locator("a.footnote-ref[href$='#fn:25']").hover()
    expect(page.locator(".edition-tooltip--active[role=dialog]")).to_contain_text("Commission on Human Security")
    page.mouse.move(0, 0)


def profile_preview(page: Page) -> None:
    page.locator("article a[data-lazy-preview][href*='organizations/icmc/']").first.hover()
    expect(page.locator(".edition-tooltip--active[role=dialog]")).to_contain_text("Operational international NGO")
    page.mouse.move(0, 0)


def passage_citation(page: Page) -> None:
    page.locator("p#p33 a.paragraph-number").click()
    panel = page.locator(".cite-panel")
    expect(panel).to_contain_text("Chicago, in the text")
    expect(panel).to_contain_text("¶ 33")
    panel.locator(".cite-panel__close").click()
    expect(panel).to_have_count(0)


def search_opens(page: Page) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("PARinAC", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")


def table_sorts(page: Page) -> None:
    page.locator(".sortable-table th button", has_text="Established").click()
    expect(page.locator(".sortable-table th").nth(1)).to_have_attribute("aria-sort", "ascending")


def scheme_toggles(page: Page) -> None:
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-edition-palette] label:visible").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "")
    page.mouse.move(0, 0)


def follows_a_link_in_place(page: Page) -> None:
    """Instant navigation brings the next page in without a load, and re-runs nothing inline."""
    page.evaluate("window.stayed = true")
    page.locator("a.md-footer__link--next").click()
    page.wait_for_function("() => performance.getEntriesByType('navigation').length === 1 && location.hash === ''")
    expect(page.locator("a.md-footer__link--prev")).to_be_attached()
    assert page.evaluate("window.stayed === true"), "the next page was loaded anew, not by instant navigation"


# Every kind of page, and what a reader does on it.
PAGES: list[tuple[str, list[Callable[[Page], None]]]] = [
    ("", [search_opens, scheme_toggles]),
    ("paper/dearth-of-activity/", [note_tooltip, passage_citation, follows_a_link_in_place]),
    ("paper/current-context/", [profile_preview]),
    ("paper/notes/", []),
    ("organizations/icmc/", []),
    ("organizations/", []),
    ("rcpms/", [table_sorts]),
    ("bibliography/", []),
    ("glossary/", []),
    ("editorial/", []),
    ("print/", []),
    ("404.html", []),
    ("pages/12/", []),  # leads on to where page 12 begins
]


@pytest.mark.browser
@pytest.mark.parametrize(("path", "actions"), PAGES, ids=[path.strip("/") or "title-page" for path, _ in PAGES])
def test_every_kind_of_page_works_under_the_policy_and_breaks_none_of_it(
    watched: tuple[Page, list[str]], site: BuiltSite, path: str, actions: list[Callable[[Page], None]]
) -> None:
    page, broken = watched
    page.goto(site.page_url(path))
    if path.startswith("pages/"):
        expect(page).to_have_url(re.compile(r"/paper/[a-z-]+/#page-12$"))
    page.wait_for_load_state("networkidle")
    # The theme's script ran (it swaps the root's no-js for js) and the edition's with it.
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))
    for action in actions:
        action(page)
    page.wait_for_load_state("networkidle")
    assert broken == []
