"""Searching the built site as a reader does, with the edition's search box: shared by the relevance
test and the search benchmark. The queries, by kind, are in tests/search_queries.yml."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import yaml
from playwright.sync_api import Page, expect

QUERIES: dict[str, list[dict[str, str]]] = yaml.safe_load(
    (Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8")
)
# The queries of every kind in one list, each with its kind.
ALL_QUERIES = [{**item, "kind": kind} for kind, items in QUERIES.items() for item in items]


@dataclass(frozen=True)
class Hit:
    """A hit as drawn: where it leads (relative to the site's root, without the words to mark),
    the words it says to mark on that page, its label, what it is, and the words marked in it."""

    location: str
    highlight: tuple[str, ...]
    label: str
    kind: str
    marks: tuple[str, ...]


def fold(word: str) -> str:
    """A word without accents or case, as the search compares words."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


def open_search(page: Page) -> None:
    """Open search as a reader does: the box in the header on a wide screen, the magnifier on a
    phone."""
    box = page.locator("input.md-search__input")
    magnifier = page.locator("label.md-header__button[for=__search]")
    if magnifier.is_visible():
        magnifier.click()
    else:
        box.click()
    expect(box).to_be_focused()


def search(page: Page, site_url: str, query: str) -> list[Hit]:
    """The hits drawn for `query`, in order (search already open): the whole query is put in at
    once, and the hits read once the list says it answers this query."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    results = page.locator(".md-search-result__list")
    expect(results).to_have_attribute("data-query", query)
    drawn = results.evaluate(
        """list => [...list.querySelectorAll('.md-search-result__link')].map(link => ({
            href: link.href,
            label: link.querySelector('h2').textContent,
            kind: link.querySelector('article').dataset.kind,
            marks: [...link.querySelectorAll('mark')].map(mark => mark.textContent),
        }))"""
    )
    root = urlsplit(site_url).path
    hits = []
    for item in drawn:
        href = urlsplit(item["href"])
        location = href.path.removeprefix(root) + (f"#{href.fragment}" if href.fragment else "")
        words = parse_qs(href.query).get("h", [""])[0].split()
        hits.append(Hit(location, tuple(words), item["label"], item["kind"], tuple(item["marks"])))
    return hits
