"""The theme's search, as the edition tunes it, beside Pagefind, on the same built site and the same
queries (tests/search_queries.yml): relevance (is the first hit the passage a reader wants, or at
least its page?), bytes a reader downloads to search, and time to the first results. Prints
figures, asserts nothing.

Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python -m tests.search_benchmark

Pagefind comes with the optional `bench` extra only. Without it the whole benchmark stops and
says so, since its figures are a comparison; `--quick` (a few queries, to see the benchmark work,
as tests/test_benchmarks.py does) then measures the theme's search alone and prints that
Pagefind's row is left out.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, sync_playwright

from tests.benchmark.edition import QUIET_CHROMIUM_FLAGS
from tests.site_host import CHROMIUM, BuildFailed, served
from tests.site_search import QUERIES, first_hit

# The queries of a quick run: enough to go through every step, too few for figures.
QUICK_QUERIES = 3
SEARCH_FILES = ("search_index.json", "search.", "lunr")
PAGEFIND_SEARCH = """async (query) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const start = performance.now();
  const found = await pagefind.search(query);
  const first = found.results.length ? await found.results[0].data() : null;
  const elapsed = performance.now() - start;
  const url = first ? (first.sub_results && first.sub_results.length ? first.sub_results[0].url : first.url) : "";
  return {url, elapsed};
}"""


def transferred(page: Page, parts: tuple[str, ...]) -> int:
    """Bytes the page has fetched from resources whose address holds one of `parts`."""
    return int(page.evaluate(
        "(parts) => performance.getEntriesByType('resource').filter(r => parts.some(p => r.name.includes(p)))"
        ".reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize || 0), 0)",
        list(parts),
    ))


def relative(url: str, site_url: str) -> str:
    parts = urlsplit(url if "://" in url else site_url.rstrip("/") + "/" + url.lstrip("/"))
    location = parts.path.removeprefix(urlsplit(site_url).path).removesuffix("index.html")
    return location + (f"#{parts.fragment}" if parts.fragment else "")


def score(found: dict[str, str], queries: list[dict[str, Any]]) -> tuple[int, int]:
    """How many first hits are the expected passage, and how many at least its page."""
    exact = sum(found[item["query"]] == item["first"] for item in queries)
    same_page = sum(found[item["query"]].split("#")[0] == item["first"].split("#")[0] for item in queries)
    return exact, same_page


Results = tuple[dict[str, str], list[float], int]


def theme_search(page: Page, url: str, queries: list[dict[str, Any]]) -> Results:
    page.goto(url)
    found, times = {}, []
    for item in queries:
        start = time.perf_counter()
        found[item["query"]] = first_hit(page, url, item["query"])
        times.append((time.perf_counter() - start) * 1000)
    return found, times, transferred(page, SEARCH_FILES)


def pagefind_search(page: Page, url: str, queries: list[dict[str, Any]]) -> Results:
    page.goto(url)
    found, times = {}, []
    for item in queries:
        result = page.evaluate(PAGEFIND_SEARCH, item["query"])
        found[item["query"]] = relative(result["url"], url) if result["url"] else ""
        times.append(result["elapsed"])
    return found, times, transferred(page, ("/pagefind/",))


def has_pagefind() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.search_benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help=f"the first {QUICK_QUERIES} queries only; without Pagefind, the theme's search alone")
    arguments = parser.parse_args()
    pagefind = has_pagefind()
    if not pagefind and not arguments.quick:
        sys.exit("Pagefind is not installed: run .venv/bin/pip install -e '.[bench]' first "
                 "(the benchmark compares the theme's search with it)")
    queries = QUERIES[:QUICK_QUERIES] if arguments.quick else QUERIES
    try:
        benchmark(queries, pagefind)
    except BuildFailed as error:
        sys.exit(f"search benchmark failed: {error}")


def benchmark(queries: list[dict[str, Any]], pagefind: bool) -> None:
    """Search the built site with each engine; print the figures."""
    engines: dict[str, Callable[[Page, str, list[dict[str, Any]]], Results]] = {"theme search (tuned)": theme_search}
    with tempfile.TemporaryDirectory() as work, served(Path(work) / "site") as (url, _log):
        site = Path(work) / "site"
        if pagefind:
            # Pagefind indexes the built pages' articles, leaving out what the edition's index leaves out.
            subprocess.run(
                [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article.md-content__inner",
                 "--exclude-selectors", ".apparatus, .headerlink, .footnote-backref, sup", "--quiet"],
                check=True,
            )
            engines["Pagefind"] = pagefind_search
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET_CHROMIUM_FLAGS)
            results = {}
            for name, run in engines.items():
                context = browser.new_context()
                results[name] = run(context.new_page(), url, queries)
                context.close()
            browser.close()
        pagefind_bytes = sum(path.stat().st_size for path in (site / "pagefind").rglob("*") if path.is_file())
    print(f"{len(queries)} of the {len(QUERIES)} queries from tests/search_queries.yml; the theme's time is through its search")
    print("box (the query put in, the results drawn)" + (", Pagefind's through its API (results' data loaded)" if pagefind else ""))
    if not pagefind:
        print("Pagefind is not installed (the optional `bench` extra): its row is left out.")
    print(f"{'':24} {'first hit right':>16} {'its page right':>15} {'KiB fetched':>12} {'ms to results, median':>22}")
    for name, (found, times, fetched) in results.items():
        exact, same_page = score(found, queries)
        print(f"{name:24} {exact:>13}/{len(queries)} {same_page:>12}/{len(queries)} {fetched / 1024:>12.0f} {statistics.median(times):>22.0f}")
    if pagefind:
        print(f"(Pagefind's whole index on disk: {pagefind_bytes / 1024:.0f} KiB; it fetches only the chunks a query needs.)")
    theme = results["theme search (tuned)"][0]
    other = results["Pagefind"][0] if pagefind else {}
    for item in queries:
        if theme[item["query"]] != item["first"] or (pagefind and other[item["query"]] != item["first"]):
            print(f"  {item['query']!r}: wanted {item['first']}; theme {theme[item['query']]}"
                  + (f"; Pagefind {other[item['query']] or '-'}" if pagefind else ""))


if __name__ == "__main__":
    main()
