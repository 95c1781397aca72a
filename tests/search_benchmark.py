"""The edition's search beside the theme's search as it ships and Pagefind, on the same built site
and the same queries (tests/search_queries.yml: words, words with a slip, citations, names):
the share of queries whose hit is first, and in the first three; the share whose first hit is
at least on the right page; the bytes a reader downloads to search; the time to an answer.
Prints figures, asserts nothing.

- The edition's search is driven through its box, as a reader uses it (results drawn).
- The theme's search is its own worker (the theme's script, in the built site) with the index the
  theme's search plugin writes, with its default settings, asked in the page; hits are taken in
  the order the theme shows them (by page, each page's best first).
- Pagefind indexes the built pages' articles and is asked through its API.

Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python -m tests.search_benchmark

Pagefind comes with the optional `bench` extra only. Without it the whole benchmark stops and
says so, since its figures are a comparison; `--quick` (a few queries of each kind, to see the
benchmark work, as tests/test_benchmarks.py does) then leaves Pagefind's row out and says so.
"""

from __future__ import annotations

import argparse
import functools
import gzip
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
from tests.site_search import ALL_QUERIES, open_search, search

# Queries of each kind in a quick run: enough to go through every step, too few for figures.
QUICK_QUERIES = 2
# What each engine downloads to search, beside the page itself (by the address's path).
EDITION_FILES = ("search/edition-index.json", "assets/javascripts/search-worker.js",
                 "assets/javascripts/vendor/minisearch/index.js")
THEME_FILES = ("search/search_index.json",)
THEME_SEARCH = """async ([worker, index, queries]) => {
  const data = await (await fetch(index)).json();
  const search = new Worker(worker);
  const ask = (message) => new Promise((resolve) => {
    search.onmessage = (event) => resolve(event.data);
    search.postMessage(message);
  });
  await ask({type: 0, data: {...data, options: {suggest: false}}});
  const answers = [];
  for (const query of queries) {
    const start = performance.now();
    const result = await ask({type: 2, data: query});
    const elapsed = performance.now() - start;
    const hits = result.data.items.flatMap((group) => [...group].sort((a, b) => b.score - a.score));
    answers.push({hits: hits.map((hit) => hit.location), elapsed});
  }
  search.terminate();
  return answers;
}"""
PAGEFIND_SEARCH = """async (query) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const start = performance.now();
  const found = await pagefind.search(query);
  const firsts = await Promise.all(found.results.slice(0, 3).map((result) => result.data()));
  const elapsed = performance.now() - start;
  const hits = firsts.map((first) => (first.sub_results && first.sub_results.length ? first.sub_results[0].url : first.url));
  return {hits, elapsed};
}"""

# Each query's hits, each query's time, and the bytes fetched where the engine fetches in parts.
Answers = tuple[dict[str, list[str]], list[float], int | None]


def relative(url: str, site_url: str) -> str:
    parts = urlsplit(url if "://" in url else site_url.rstrip("/") + "/" + url.lstrip("/"))
    location = parts.path.removeprefix(urlsplit(site_url).path).removesuffix("index.html")
    return location + (f"#{parts.fragment}" if parts.fragment else "")


def edition_search(page: Page, url: str, queries: list[dict[str, Any]]) -> Answers:
    page.goto(url + "paper/introduction/")
    open_search(page)
    found, times = {}, []
    for item in queries:
        start = time.perf_counter()
        found[item["query"]] = [hit.location for hit in search(page, url, item["query"])]
        times.append((time.perf_counter() - start) * 1000)
    return found, times, None


def theme_search(worker: str, page: Page, url: str, queries: list[dict[str, Any]]) -> Answers:
    """The theme's search worker (`worker`, its address from the site's root) asked in the page."""
    page.goto(url + "paper/introduction/")
    answers = page.evaluate(THEME_SEARCH, [url + worker, url + THEME_FILES[0], [item["query"] for item in queries]])
    found = {item["query"]: [relative(location, url) for location in answer["hits"]]
             for item, answer in zip(queries, answers, strict=True)}
    return found, [answer["elapsed"] for answer in answers], None


def pagefind_search(page: Page, url: str, queries: list[dict[str, Any]]) -> Answers:
    page.goto(url)
    found, times = {}, []
    for item in queries:
        result = page.evaluate(PAGEFIND_SEARCH, item["query"])
        found[item["query"]] = [relative(hit, url) for hit in result["hits"]]
        times.append(result["elapsed"])
    fetched = page.evaluate("performance.getEntriesByType('resource').filter(r => r.name.includes('/pagefind/'))"
                            ".reduce((sum, r) => sum + (r.encodedBodySize || 0), 0)")
    return found, times, int(fetched)


def has_pagefind() -> bool:
    return importlib.util.find_spec("pagefind") is not None


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.search_benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_QUERIES} queries of each kind; without Pagefind, the edition's and the theme's search")
    arguments = parser.parse_args()
    pagefind = has_pagefind()
    if not pagefind and not arguments.quick:
        sys.exit("Pagefind is not installed: run .venv/bin/pip install -e '.[bench]' first "
                 "(the benchmark compares the edition's search with it)")
    queries = ALL_QUERIES
    if arguments.quick:
        kinds = dict.fromkeys(item["kind"] for item in ALL_QUERIES)
        queries = [item for kind in kinds for item in [q for q in ALL_QUERIES if q["kind"] == kind][:QUICK_QUERIES]]
    try:
        benchmark(queries, pagefind)
    except BuildFailed as error:
        sys.exit(f"search benchmark failed: {error}")


def right(hits: list[str], item: dict[str, Any]) -> tuple[bool, bool, bool]:
    """Whether the hit wanted is first, in the first three, and whether the first hit is on its page."""
    wanted = item.get("first") or item["top3"]
    first = hits[0] if hits else ""
    return first == wanted, wanted in hits[:3], first.split("#")[0] == wanted.split("#")[0]


def download_bytes(site: Path, paths: tuple[str, ...]) -> tuple[int, int]:
    """The files' bytes on disk, and gzipped (as a host that compresses sends them)."""
    data = [(site / path).read_bytes() for path in paths]
    return sum(map(len, data)), sum(len(gzip.compress(item, 9)) for item in data)


def benchmark(queries: list[dict[str, Any]], pagefind: bool) -> None:
    """Search the built site with each engine; print the figures."""
    with tempfile.TemporaryDirectory() as work, served(Path(work) / "site") as (url, _log):
        site = Path(work) / "site"
        (worker,) = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
        worker_path = str(worker.relative_to(site))
        engines: dict[str, tuple[Callable[[Page, str, list[dict[str, Any]]], Answers], tuple[int, int]]] = {
            "edition's search": (edition_search, download_bytes(site, EDITION_FILES)),
            "theme's search": (functools.partial(theme_search, worker_path), download_bytes(site, (*THEME_FILES, worker_path))),
        }
        if pagefind:
            # Pagefind indexes the built pages' articles, leaving out what the edition's index leaves out.
            subprocess.run(
                [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article.md-content__inner",
                 "--exclude-selectors", ".apparatus, .headerlink, .footnote-backref, sup", "--quiet"],
                check=True,
            )
            # Its files are compressed already; what a reader fetches is measured in the page.
            engines["Pagefind"] = (pagefind_search, (0, 0))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET_CHROMIUM_FLAGS)
            results = {}
            for name, (run, _) in engines.items():
                context = browser.new_context()
                results[name] = run(context.new_page(), url, queries)
                context.close()
            browser.close()
    report(queries, results, {name: size for name, (_, size) in engines.items()}, pagefind)


def report(queries: list[dict[str, Any]], results: dict[str, Answers], sizes: dict[str, tuple[int, int]],
           pagefind: bool) -> None:
    kinds = list(dict.fromkeys(item["kind"] for item in queries))
    print(f"{len(queries)} of the {len(ALL_QUERIES)} queries of tests/search_queries.yml ("
          + ", ".join(f"{sum(item['kind'] == kind for item in queries)} {kind}" for kind in kinds) + ")")
    if not pagefind:
        print("Pagefind is not installed (the optional `bench` extra): its row is left out.")
    print("first: the hit wanted is first; top 3: in the first three; page: the first hit is on its page.")
    print(f"{'':18} {'first':>7} {'top 3':>7} {'page':>7}  " + "  ".join(f"{kind + ' (first)':>15}" for kind in kinds)
          + f" {'KiB to search':>14} {'gzipped':>8} {'ms, median':>11}")
    for name, (found, times, fetched) in results.items():
        scores = [right(found[item["query"]], item) for item in queries]
        share = [f"{sum(score[i] for score in scores)}/{len(queries)}" for i in range(3)]
        by_kind = [f"{sum(right(found[item['query']], item)[0] for item in queries if item['kind'] == kind)}"
                   f"/{sum(item['kind'] == kind for item in queries)}" for kind in kinds]
        raw, packed = sizes[name] if fetched is None else (fetched, fetched)
        print(f"{name:18} {share[0]:>7} {share[1]:>7} {share[2]:>7}  " + "  ".join(f"{cell:>15}" for cell in by_kind)
              + f" {raw / 1024:>14.0f} {packed / 1024:>8.0f} {statistics.median(times):>11.0f}")
    print("The edition's time is through its box (the query put in, the hits drawn); the theme's and")
    print("Pagefind's through their own interfaces, without drawing. Pagefind fetches only the chunks its queries need:")
    print("its bytes are those fetched for these queries, as sent (compressed).")
    edition = results["edition's search"][0]
    for item in queries:
        if not right(edition[item["query"]], item)[0 if "first" in item else 1]:
            print(f"  edition's search misses {item['query']!r}: wanted {item.get('first') or item['top3']}, "
                  f"got {edition[item['query']][:3]}")


if __name__ == "__main__":
    main()
