"""Accessibility in a real browser: axe-core finds nothing on any kind of page, in the light and the
dark scheme, with the theme's tooltips, previews and search open; and the keyboard does what the
mouse does, with a visible focus that the sticky header never hides."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.site_html import BuiltSite

pytestmark = pytest.mark.browser

# WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices. No rule and no element is
# left out: what the theme gets wrong is fixed in docs/assets/accessibility.css,
# the templates (overrides/) and docs/assets/javascripts/tooltips.js.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = ["default", "slate"]
# The rules (of those run) whose outcome depends on colours.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
NOTE_25 = "a.footnote-ref[href$='#fn:25']"  # hrefs are absolute once instant navigation has run
ICMC_MENTION = "p#p7 a.mention[href$='organizations/icmc/']"
PRINT_PAGE = "print/"

_axe = Axe()


def settle(page: Page) -> None:
    """Wait for the theme's fades and slides to end, so colours are measured as a reader sees them."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")


def use_scheme(page: Page, scheme: str) -> None:
    """Switch the colour scheme as a reader does, with the palette toggle in the header."""
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.locator("form[data-edition-palette] label:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    page.mouse.move(0, 0)  # leave the toggle, so its own tooltip does not stay open


def open_note_25(page: Page) -> None:
    page.locator(NOTE_25).hover()
    expect(page.locator(".edition-tooltip--active[role=dialog]")).to_contain_text("Commission on Human Security")


def open_icmc_preview(page: Page) -> None:
    page.locator(ICMC_MENTION).hover()
    expect(page.locator(".edition-tooltip--active[role=dialog]")).to_contain_text("Operational international NGO")


def show_an_acronym(page: Page) -> None:
    page.locator("p#p3 abbr[tabindex]").first.focus()
    expect(page.locator(".edition-tooltip--active")).to_have_text("civil society organizations")


def search_parinac(page: Page) -> None:
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("PARinAC", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()


# Each kind of page, and what the reader has done on it before axe looks.
STATES = [
    pytest.param("", None, id="title-page"),
    pytest.param("paper/dearth-of-activity/", open_note_25, id="paper-with-note-tooltip"),
    pytest.param("paper/dearth-of-activity/#p33", None, id="paper-at-paragraph-link"),
    pytest.param("paper/current-context/", open_icmc_preview, id="paper-with-profile-preview"),
    pytest.param("paper/introduction/", show_an_acronym, id="paper-with-acronym-shown"),
    pytest.param("paper/notes/", None, id="notes"),
    pytest.param("organizations/icmc/", None, id="profile"),
    pytest.param("organizations/", None, id="directory-organizations"),
    pytest.param("rcpms/", None, id="directory-rcpms"),
    pytest.param("bibliography/", None, id="bibliography"),
    pytest.param("glossary/", None, id="glossary"),
    pytest.param("editorial/", None, id="editorial"),
    pytest.param("changes/", None, id="what-changed"),
    pytest.param("", search_parinac, id="search-results"),
    pytest.param(PRINT_PAGE, None, id="print"),
]


def axe_report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " >>> ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}  {summary}")
    return "\n".join(lines)


def axe_violations(page: Page, only: dict) -> list[dict]:
    return _axe.run(page, options={"runOnly": only, "resultTypes": ["violations"]}).response["violations"]


@pytest.mark.parametrize(("path", "action"), STATES)
def test_axe_finds_no_violation(page: Page, site: BuiltSite, path: str, action: Callable[[Page], None] | None) -> None:
    """Every rule in the light scheme; in the dark one, the rules that look at colours. The schemes
    differ only in colours (the theme's and the edition's slate rules set colour properties and
    nothing else), so every other rule would find the same page twice."""
    if path == PRINT_PAGE and not (site.dir / "print" / "index.html").is_file():
        pytest.skip("the site has no print page (/print/) yet")
    found = []
    for scheme, only in (("default", {"type": "tag", "values": AXE_TAGS}), ("slate", {"type": "rule", "values": COLOUR_RULES})):
        page.goto(site.page_url(path))
        use_scheme(page, scheme)
        if action is not None:
            action(page)
        settle(page)
        if violations := axe_violations(page, only):
            found.append(f"axe-core, {scheme} scheme, /{path}:\n{axe_report(violations)}")
    if found:
        pytest.fail("\n".join(found), pytrace=False)


# Keyboard: each control the edition adds, and the links in notes, is in the Tab order and shows a
# ring when reached by keyboard.
CONTROLS = [
    pytest.param("paper/dearth-of-activity/", "p#p33 a.paragraph-number", id="paragraph-number"),
    pytest.param("paper/dearth-of-activity/", NOTE_25, id="note-marker"),
    pytest.param("paper/dearth-of-activity/", "li[id='fn:25'] a.work-link", id="work-link-in-note"),
    pytest.param("paper/dearth-of-activity/", "li[id='fn:25'] a.footnote-backref", id="note-back-link"),
    pytest.param("paper/notes/", "li#n25 p a", id="link-in-notes-page"),
    pytest.param("paper/introduction/", "p#p3 abbr[tabindex]", id="acronym"),
    pytest.param("rcpms/", ".sortable-table th:nth-child(2) button.sort-button", id="sort-button"),
]


def relative_luminance(rgb: tuple[float, ...]) -> float:
    channels = [c / 255 for c in rgb[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css: str) -> tuple[float, ...]:
    return tuple(float(part) for part in re.findall(r"[\d.]+", css)[:3])


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("path", "selector"), CONTROLS)
def test_keyboard_reaches_each_control_and_shows_its_focus(
    page: Page, site: BuiltSite, path: str, selector: str, scheme: str
) -> None:
    page.goto(site.page_url(path))
    use_scheme(page, scheme)
    control = page.locator(selector).first
    # In the Tab order: from the control, Shift+Tab leaves it and Tab comes back to it.
    control.focus()
    page.keyboard.press("Shift+Tab")
    expect(control).not_to_be_focused()
    page.keyboard.press("Tab")
    expect(control).to_be_focused()
    ring = control.evaluate(
        """(element) => {
            const style = getComputedStyle(element);
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor,
                    background: getComputedStyle(document.body).backgroundColor};
        }"""
    )
    assert ring["style"] != "none" and ring["width"] > 0, f"no focus ring on {selector}: {ring}"
    # A ring must stand out from the page (WCAG 1.4.11: 3:1 for parts of controls).
    assert contrast(rgb(ring["color"]), rgb(ring["background"])) >= 3, f"faint focus ring on {selector}: {ring}"


def test_focus_is_never_hidden_under_the_header(page: Page, site: BuiltSite) -> None:
    """Going back up the page with Shift+Tab, each link comes into view below the sticky header."""
    page.goto(site.page_url("paper/dearth-of-activity/") + "#p40")
    page.locator("p#p40 a.paragraph-number").focus()
    for _ in range(60):
        page.keyboard.press("Shift+Tab")
        place = page.evaluate(
            """() => {
                const focused = document.activeElement;
                return {
                    html: focused.outerHTML.slice(0, 120),
                    bottom: focused.getBoundingClientRect().bottom,
                    header: document.querySelector(".md-header").getBoundingClientRect().bottom,
                    inChrome: !!focused.closest(".md-header, .md-tabs, .md-sidebar"),
                };
            }"""
        )
        if not place["inChrome"]:
            assert place["bottom"] > place["header"], f"focus hidden under the header: {place}"


def test_an_acronym_shows_its_expansion_on_keyboard_focus(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    acronym = page.locator("p#p3 abbr[tabindex]").first
    acronym.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(acronym).to_be_focused()
    expect(page.locator(".edition-tooltip--active")).to_have_text("civil society organizations")
    expect(acronym).to_have_accessible_description("civil society organizations")
    # Only the first use of an acronym in a paragraph takes focus, so Tab does not stop at repeats.
    uses = page.locator("p#p3 abbr", has_text=re.compile(r"^CSOs$"))
    assert uses.count() > 1
    assert page.locator("p#p3 abbr[tabindex]", has_text=re.compile(r"^CSOs$")).count() == 1


def test_escape_dismisses_a_note_shown_on_focus(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/dearth-of-activity/"))
    marker = page.locator(NOTE_25)
    marker.focus()
    tooltip = page.locator(".edition-tooltip--active")
    expect(tooltip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(marker).to_be_focused()


def test_a_mention_shows_its_preview_on_keyboard_focus(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/current-context/"))
    mention = page.locator(ICMC_MENTION)
    mention.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(mention).to_be_focused()
    preview = page.locator(".edition-tooltip--active[role=dialog]")
    expect(preview).to_contain_text("Operational international NGO")
    expect(preview).to_have_accessible_name("Preview: International Catholic Migration Commission")


def test_dialogs_keep_their_names_after_instant_navigation(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("paper/introduction/"))
    page.evaluate("window.notReloaded = true")
    page.locator(".md-footer__link--next").click()
    expect(page).to_have_url(site.page_url("paper/current-context/"))
    # The next page's content is in place before its own footer link is followed.
    expect(page.locator(".md-content h1")).to_have_text(re.compile("The current context"))
    page.locator(".md-footer__link--next").click()
    expect(page).to_have_url(site.page_url("paper/dearth-of-activity/"))
    expect(page.locator(".md-content h1")).to_have_text(re.compile("Explaining the dearth of activity"))
    assert page.evaluate("window.notReloaded === true"), "instant navigation fell back to a page load"
    expect(page.locator(".md-search")).to_have_accessible_name("Search")
    page.locator(NOTE_25).hover()
    note = page.locator(".edition-tooltip--active[role=dialog]")
    expect(note).to_contain_text("Commission on Human Security")
    expect(note).to_have_accessible_name("Note 25")
