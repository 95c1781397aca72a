"""The site's search, as a reader uses it on a desktop and on a phone, finds what a reader of an
edition looks for (tests/search_queries.yml): words with or without accents and in either
spelling, words with one slip, citations of notes, printed pages and paragraphs, and bodies by
their names; and it marks only the words that matched, in the hits and on the page a hit opens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.readme_screenshots import PHONE
from tests.site_html import BuiltSite
from tests.site_search import ALL_QUERIES, QUERIES, Hit, fold, open_search, search

pytestmark = pytest.mark.browser

DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 900}}, "phone": PHONE}
PASSAGES = {"paragraph", "note", "series-note"}


@pytest.fixture(params=sorted(DEVICES))
def reader(request: pytest.FixtureRequest, browser: Browser, site: BuiltSite) -> Iterator[Page]:
    """A reader's page, on a desktop or a phone, with search open."""
    context = browser.new_context(**DEVICES[request.param])
    page = context.new_page()
    page.goto(site.page_url("paper/introduction/"))
    open_search(page)
    yield page
    context.close()


def hits_of(reader: Page, site: BuiltSite, kind: str) -> dict[str, list[Hit]]:
    return {item["query"]: search(reader, site.url, item["query"]) for item in QUERIES[kind]}


def test_the_queries_name_real_places(site: BuiltSite) -> None:
    assert {kind: len(items) >= 8 for kind, items in QUERIES.items()} == dict.fromkeys(QUERIES, True)
    for item in ALL_QUERIES:
        page, _, anchor = (item.get("first") or item["top3"]).partition("#")
        assert not anchor or site.soup(page).find(id=anchor) is not None, item


def test_words_are_found_with_or_without_accents_and_in_either_spelling(reader: Page, site: BuiltSite) -> None:
    found = hits_of(reader, site, "words")
    assert {query: hits[0].location for query, hits in found.items()} == {
        item["query"]: item["first"] for item in QUERIES["words"]
    }


def test_a_word_with_one_slip_finds_the_word_in_the_first_three_hits(reader: Page, site: BuiltSite) -> None:
    found = hits_of(reader, site, "slips")
    assert {query: item["top3"] in [hit.location for hit in found[query][:3]] for query, item in
            zip(found, QUERIES["slips"], strict=True)} == dict.fromkeys(found, True)


def test_a_word_the_text_holds_is_not_taken_for_a_slip(reader: Page, site: BuiltSite) -> None:
    # "Risse", a cited author, is one slip from "rise"; "loosing", as the paper prints it, from "looking".
    for query in ("Risse", "loosing"):
        hits = search(reader, site.url, query)
        assert {fold(mark) for hit in hits for mark in hit.marks + hit.highlight} == {fold(query)}, query


def test_citations_go_first_to_that_note_page_or_paragraph(reader: Page, site: BuiltSite) -> None:
    found = hits_of(reader, site, "citations")
    assert {query: hits[0].location for query, hits in found.items()} == {
        item["query"]: item["first"] for item in QUERIES["citations"]
    }
    # A citation marks nothing: not the letter "n", not the number.
    assert {query: [hit.marks + hit.highlight for hit in hits] for query, hits in found.items()} == {
        query: [()] for query in found
    }


def test_a_citation_says_what_it_found_and_where(reader: Page, site: BuiltSite) -> None:
    (note,) = search(reader, site.url, "n. 25")
    assert note.label == "p. 10, n. 25 · Explaining the dearth of activity › Regional consultative mechanisms"
    (page,) = search(reader, site.url, "p. 12")
    assert page.label == "p. 12 of the print begins · in ¶ 40 · Explaining the dearth of activity › Relations with states"
    (paragraph,) = search(reader, site.url, "¶ 31")
    assert paragraph.label == "pp. 9–10, ¶ 31 · Explaining the dearth of activity › Regional consultative mechanisms"
    assert search(reader, site.url, "n. 999") == []


def test_a_name_brings_its_profile_first_then_the_passages_that_name_it(reader: Page, site: BuiltSite) -> None:
    found = hits_of(reader, site, "names")
    assert {query: hits[0].location for query, hits in found.items()} == {
        item["query"]: item["first"] for item in QUERIES["names"]
    }
    for query, hits in found.items():
        profile = site.article(hits[0].location)
        listed = {link["href"].split("/")[-2] + "/#" + link["href"].split("#")[1]
                  for link in profile.select("a.passage-link[href*='#']")}
        # The next hits (three, or as many as the profile lists) are passages the profile lists.
        following = hits[1 : 1 + min(3, len(listed))]
        assert all(hit.kind in PASSAGES and hit.location.split("/", 1)[1] in listed for hit in following), (
            query, [hit.location for hit in following], listed)


def test_hits_mark_only_the_words_that_matched(reader: Page, site: BuiltSite) -> None:
    for item in ALL_QUERIES:
        if "marks" not in item:
            continue
        hits = search(reader, site.url, item["query"])
        marked = {fold(mark) for hit in hits for mark in hit.marks + hit.highlight}
        assert marked and marked <= set(item["marks"]), (item["query"], marked)


def test_the_page_a_hit_opens_marks_the_words_in_the_passage(reader: Page, site: BuiltSite) -> None:
    search(reader, site.url, "tafficking")
    reader.locator(".md-search-result__link[href*='#p36']").first.click()
    expect(reader).to_have_url(f"{site.url}paper/dearth-of-activity/?h=trafficking#p36")
    marks = reader.locator("article mark.edition-search-mark")
    expect(marks).to_have_count(3)
    assert set(marks.all_text_contents()) == {"trafficking"}
    assert marks.evaluate_all("marks => marks.every(mark => mark.closest('[id=p36]'))")


def test_the_page_a_citation_opens_marks_nothing(reader: Page, site: BuiltSite) -> None:
    search(reader, site.url, "n. 25")
    reader.locator(".md-search-result__link").first.click()
    expect(reader).to_have_url(f"{site.url}paper/dearth-of-activity/#fn:25")
    expect(reader.locator("mark")).to_have_count(0)


def test_the_index_is_fetched_only_when_search_opens(browser: Browser, site: BuiltSite) -> None:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    # The context's requests include the worker's.
    context.on("request", lambda request: fetched.append(request.url))
    page.goto(site.page_url("paper/introduction/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/search/" in url or "minisearch" in url or "search-worker" in url]
    open_search(page)
    search(page, site.url, "Cancun")
    assert [url for url in fetched if "/search/" in url] == [site.page_url("search/edition-index.json")]
    assert all(url.startswith(site.url) for url in fetched)
    context.close()
