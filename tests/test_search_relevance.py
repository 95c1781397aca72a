"""The site's search, as a reader uses it, finds the text first: for each query of
tests/search_queries.yml the first hit is the passage a reader is looking for."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.site_html import BuiltSite
from tests.site_search import QUERIES, first_hit

pytestmark = pytest.mark.browser


def test_the_query_set_is_large_enough_and_names_real_places(site: BuiltSite) -> None:
    assert len(QUERIES) >= 20
    for item in QUERIES:
        page, _, anchor = item["first"].partition("#")
        assert site.soup(page).find(id=anchor) is not None, item


def test_each_query_finds_what_a_reader_looks_for_first(page: Page, site: BuiltSite) -> None:
    page.goto(site.page_url(""))
    found = {item["query"]: first_hit(page, site.url, item["query"]) for item in QUERIES}
    assert found == {item["query"]: item["first"] for item in QUERIES}
