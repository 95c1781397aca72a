"""The pages of the 2004 print: the map is the source's evidence, and each page's marker stands in the
built text at the word where that page begins in the source."""

from __future__ import annotations

import copy
import re
from functools import cache

import pytest
from bs4 import NavigableString, Tag
from playwright.sync_api import Page, expect
from thouez_edition.data.emendations import load_emendations
from thouez_edition.data.printed_pages import PrintedPage, load_printed_pages
from thouez_edition.errors import DataError
from thouez_edition.text.page_map import locate_pages
from thouez_edition.text.paper import build_paper

from tests.conftest import ROOT
from tests.page_map import (
    PAGE_MAP,
    SourcePages,
    derive,
    page_map_yaml,
    read_edition,
    read_source_pages,
)
from tests.site_html import (
    NOT_THE_AUTHORS,
    PAPER_PAGES,
    BuiltSite,
    body_of,
    ids_in,
    resolve,
)
from tests.source_text import SOURCE, Repair

PAGE_TOKEN = "\u27e6page-{}\u27e7"


@cache
def source_pages() -> SourcePages:
    repairs = [Repair(r.find, r.replace) for r in load_emendations(ROOT / "data").replacements()]
    return read_source_pages(SOURCE.read_text(encoding="utf-8"), repairs)


def words_with_page_tokens(element: Tag) -> list[str]:
    """The author's words in `element`, without note markers, with a token for each page marker."""
    element = copy.copy(element)
    for marker in element.select("a.page-break"):
        marker.replace_with(NavigableString(f" {PAGE_TOKEN.format(marker['data-page'])} "))
    for extra in element.select(f"{NOT_THE_AUTHORS}, sup[id^='fnref']"):
        extra.decompose()
    for block in element.find_all(["p", "h1", "h2", "h3", "h4", "li", "blockquote", "div"]):
        block.append(NavigableString(" "))
    return element.get_text("").split()


def test_the_page_map_is_what_the_source_shows() -> None:
    assert PAGE_MAP.read_text(encoding="utf-8") == page_map_yaml(derive()), (
        "data/pages.yml differs from the derivation: run `python -m tests.page_map`"
    )


def test_the_map_counts_from_the_printed_page_number() -> None:
    _, pages = load_printed_pages(ROOT / "data")
    printed = [page for page in pages if page.numbered == "printed"]
    assert [(page.number, page.at, page.words) for page in printed] == [(6, "p15", "This reticence can certainly")]
    assert [page.number for page in pages] == list(range(1, len(pages) + 1))
    # The quotation whose first line begins with a space does not begin a page: notes 50-53 are
    # called before it and printed at the foot after it.
    assert "leading-space" in {page.evidence for page in pages}
    assert all(page.at != "p67" for page in pages)


def test_each_page_marker_stands_once_in_order_at_the_word_where_the_page_begins(site: BuiltSite) -> None:
    series_note = site.soup("").select_one(".series-note")
    words = words_with_page_tokens(series_note)
    for page in PAPER_PAGES:
        words += words_with_page_tokens(body_of(site.article(page)))
    tokens = [(index, word) for index, word in enumerate(words) if word.startswith("\u27e6")]
    # Where each token stands, counted in the author's words alone.
    positions = [index - count for count, (index, _) in enumerate(tokens)]
    expected = source_pages().body_breaks
    assert [word for _, word in tokens] == [PAGE_TOKEN.format(n) for n in range(1, len(expected) + 1)]
    assert positions == [start.word for start in expected]
    assert [word for word in words if not word.startswith("\u27e6")] == source_pages().body_words


def test_a_note_that_runs_on_shows_the_break_inside_it(site: BuiltSite) -> None:
    runs_on = source_pages().note_breaks
    assert sorted(runs_on) == [13, 34]
    found = {}
    for page in PAPER_PAGES:
        for number in runs_on:
            item = site.article(page).select_one(f"li[id='fn:{number}']")
            if item is not None:
                words = words_with_page_tokens(item)
                found[number] = [index for index, word in enumerate(words) if word.startswith("\u27e6")]
    assert found == {number: [word] for number, word in runs_on.items()}


def test_every_page_has_one_anchor_in_the_text(site: BuiltSite) -> None:
    ids = [marker["id"] for page in ["", *PAPER_PAGES] for marker in site.article(page).select("a.page-break")]
    _, pages = load_printed_pages(ROOT / "data")
    assert [i for i in ids if "-n" not in i] == [f"page-{page.number}" for page in pages]
    assert len(ids) == len(set(ids))


def test_each_note_stands_on_the_page_where_the_source_prints_it() -> None:
    paper = read_edition(ROOT)
    page_map = locate_pages(*load_printed_pages(ROOT / "data"), paper)
    first_page = page_map.pages[0].number
    printed_on = {note: first_page + page for note, page in source_pages().note_pages.items()}
    assert {note.number: page_map.spans[note.anchor][0] for note in paper.notes} == printed_on


def test_each_passage_knows_the_pages_it_stands_on() -> None:
    paper = read_edition(ROOT)
    paper = paper.with_print_pages(locate_pages(*load_printed_pages(ROOT / "data"), paper).spans)
    places = {anchor: paper.passage(anchor).place for anchor in ("sn1", "p15", "p40", "fn:13", "fn:25")}
    assert places == {"sn1": "p. 1, ¶ 1", "p15": "p. 6, ¶ 15", "p40": "pp. 11–12, ¶ 40", "fn:13": "pp. 4–5, n. 13", "fn:25": "p. 10, n. 25"}


PAPER = build_paper([("paper/a.md", "# A\n\nOne two three four five.\n{#p1}\n\nSix seven eight.\n{#p2}\n")])


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ([PrintedPage(1, "counted", "start", "p9", "One two", line=3)],
         "data/pages.yml:3: page 1.at: “p9” is not a paragraph or heading of the text"),
        ([PrintedPage(1, "counted", "start", "p1", "two one", line=3)],
         "data/pages.yml:3: page 1.words: “two one” is not in p1; expected the first words of the page, once"),
        ([PrintedPage(1, "counted", "start", "p2", "Six", line=3), PrintedPage(2, "counted", "after-notes", "p1", "three", line=9)],
         "data/pages.yml:9: page 2.at: page 2 begins before page 1; expected the pages in reading order"),
        ([PrintedPage(1, "counted", "start", "p1", "One", line=3), PrintedPage(3, "counted", "after-notes", "p2", "Six", line=9)],
         "data/pages.yml:9: page 3.number: is 3; expected 2, the page after page 1"),
        ([PrintedPage(1, "counted", "start", "p1", "One", note=4, note_words="x", line=3)],
         "data/pages.yml:3: page 1.note: is 4; expected a note of the paper"),
    ],
)
def test_a_page_map_that_disagrees_with_the_text_stops_the_build(pages: list[PrintedPage], message: str) -> None:
    with pytest.raises(DataError) as caught:
        locate_pages("data/pages.yml", pages, PAPER)
    assert any(str(problem).startswith(message) for problem in caught.value.problems), caught.value


def test_the_print_page_marks_every_page_too(site: BuiltSite) -> None:
    _, pages = load_printed_pages(ROOT / "data")
    numbers = [int(marker["data-page"]) for marker in site.article("print/").select("a.page-break")]
    assert sorted(set(numbers)) == [page.number for page in pages]


def test_every_page_has_an_address_that_leads_to_its_mark(site: BuiltSite) -> None:
    _, pages = load_printed_pages(ROOT / "data")
    listed = site.article("").select("a.page-link")
    assert [link.get_text() for link in listed] == [str(page.number) for page in pages]
    for page, link in zip(pages, listed, strict=True):
        file, fragment = resolve(site, "", link["href"])
        assert fragment == f"page-{page.number}" and fragment in ids_in(file)
        redirect = site.soup(f"pages/{page.number}/index.html")
        target = redirect.select_one("meta[http-equiv='refresh']")["content"].split("url=", 1)[1]
        assert resolve(site, f"pages/{page.number}/", target) == (file, fragment)


@pytest.mark.browser
def test_a_print_citation_lands_on_its_page_and_the_mark_has_a_name(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url("pages/12/"))
    expect(page).to_have_url(re.compile(r"/paper/dearth-of-activity/#page-12$"))
    marker = page.get_by_role("link", name="Page 12 of the 2004 print")
    expect(marker).to_be_in_viewport()
