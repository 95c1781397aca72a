"""The README's pictures: the title page, a note shown over the text, a profile, a tapped note on a
phone. The browser tests take them into test-results/screenshots/ on every run (so a run never
changes a tracked file); a maintainer refreshes the README's copies on purpose with

    .venv/bin/python -m tests.readme_screenshots

which builds the site, serves it on 127.0.0.1 and writes tests/screenshots/*.png.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright
from thouez_edition.outputs.pdf import QUIET_CHROMIUM_FLAGS

from tests.site_host import CHROMIUM, ROOT, served

README_PICTURES = ROOT / "tests" / "screenshots"
NAMES = ("title-page", "paper-page-note", "profile", "phone-note")
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def settled(locator: Locator) -> Locator:
    """Wait until the element's fade-in and other transitions have finished, then return it."""
    locator.first.evaluate("element => Promise.all(element.getAnimations().map(animation => animation.finished))")
    return locator


def shown_note(page: Page) -> Locator:
    return settled(page.locator(".edition-tooltip--active"))


def desktop_pictures(page: Page, url: str, folder: Path) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    page.screenshot(path=str(folder / "title-page.png"))
    page.goto(url + "paper/dearth-of-activity/#p31")
    page.locator("a.footnote-ref[href$='#fn:25']").hover()
    expect(shown_note(page)).to_contain_text("Final Report, Commission on Human Security")
    page.screenshot(path=str(folder / "paper-page-note.png"))
    page.mouse.move(0, 0)
    page.goto(url + "organizations/icmc/")
    page.screenshot(path=str(folder / "profile.png"))


def phone_picture(page: Page, url: str, folder: Path) -> None:
    """A note tapped on a phone, shown in place (the first tap shows a note, a second follows it)."""
    page.goto(url + "paper/dearth-of-activity/#p31")
    page.locator("a.footnote-ref[href$='#fn:25']").tap()
    expect(shown_note(page)).to_contain_text("Final Report, Commission on Human Security")
    page.screenshot(path=str(folder / "phone-note.png"))


def take_pictures(browser: Browser, url: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    desktop = browser.new_context()
    desktop_pictures(desktop.new_page(), url, folder)
    desktop.close()
    phone = browser.new_context(**PHONE)
    phone_picture(phone.new_page(), url, folder)
    phone.close()
    return [folder / f"{name}.png" for name in NAMES]


def main() -> None:
    with tempfile.TemporaryDirectory() as work, served(Path(work) / "site") as (url, _log):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET_CHROMIUM_FLAGS)
            for picture in take_pictures(browser, url, README_PICTURES):
                print(f"wrote {picture.relative_to(ROOT)}")
            browser.close()


if __name__ == "__main__":
    main()
