"""Searching the built site as a reader does, with the theme's search box: shared by the relevance
test and the search benchmark."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page, expect

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))


def first_hit(page: Page, site_url: str, query: str) -> str:
    """Where the first result leads, relative to the site's root: the theme shows each page's own
    entry first, then its passages, so the first link to a passage (or the first link, if none is
    a passage)."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    # The theme searches on each key released: the whole query is put in at once and one key
    # released, so the only results shown are the query's (typing letter by letter would show
    # a shorter query's results first, for as long as the machine takes).
    box.fill("")
    box.press("End")
    expect(meta).not_to_contain_text("matching")
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text("matching")
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    expect(links.first).to_be_attached()
    hrefs = [urlsplit(href) for href in links.evaluate_all("links => links.map(link => link.href)")]
    chosen = next((href for href in hrefs if href.fragment), hrefs[0])
    page.keyboard.press("Escape")
    return chosen.path.removeprefix(urlsplit(site_url).path) + (f"#{chosen.fragment}" if chosen.fragment else "")
