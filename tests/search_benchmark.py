"""The theme's search, as the edition tunes it, beside Pagefind, on the same built site and the same
queries (tests/search_queries.yml): relevance (is the first hit the passage a reader wants, or at
least its page?), bytes a reader downloads to search, and time to the first results. Prints
figures, asserts nothing.

Run: .venv/bin/pip install -e '.[bench]' && .venv/bin/python -m tests.search_benchmark
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, sync_playwright
from thouez_edition.outputs.pdf import QUIET_CHROMIUM_FLAGS

from tests.site_host import CHROMIUM, served
from tests.site_search import QUERIES, first_hit

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


def score(found: dict[str, str]) -> tuple[int, int]:
    """How many first hits are the expected passage, and how many at least its page."""
    exact = sum(found[item["query"]] == item["first"] for item in QUERIES)
    same_page = sum(found[item["query"]].split("#")[0] == item["first"].split("#")[0] for item in QUERIES)
    return exact, same_page


def theme_search(page: Page, url: str) -> tuple[dict[str, str], list[float], int]:
    page.goto(url)
    found, times = {}, []
    for item in QUERIES:
        start = time.perf_counter()
        found[item["query"]] = first_hit(page, url, item["query"])
        times.append((time.perf_counter() - start) * 1000)
    return found, times, transferred(page, SEARCH_FILES)


def pagefind_search(page: Page, url: str) -> tuple[dict[str, str], list[float], int]:
    page.goto(url)
    found, times = {}, []
    for item in QUERIES:
        result = page.evaluate(PAGEFIND_SEARCH, item["query"])
        found[item["query"]] = relative(result["url"], url) if result["url"] else ""
        times.append(result["elapsed"])
    return found, times, transferred(page, ("/pagefind/",))


def main() -> None:
    with tempfile.TemporaryDirectory() as work, served(Path(work) / "site") as (url, _log):
        site = Path(work) / "site"
        # Pagefind indexes the built pages' articles, leaving out what the edition's index leaves out.
        subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(site), "--root-selector", "article.md-content__inner",
             "--exclude-selectors", ".apparatus, .headerlink, .footnote-backref, sup", "--quiet"],
            check=True,
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET_CHROMIUM_FLAGS)
            results = {}
            for name, run in (("theme search (tuned)", theme_search), ("Pagefind", pagefind_search)):
                context = browser.new_context()
                results[name] = run(context.new_page(), url)
                context.close()
            browser.close()
        pagefind_bytes = sum(path.stat().st_size for path in (site / "pagefind").rglob("*") if path.is_file())
    print(f"{len(QUERIES)} queries from tests/search_queries.yml; the theme's time is through its search")
    print("box (the query put in, the results drawn), Pagefind's through its API (results' data loaded)")
    print(f"{'':24} {'first hit right':>16} {'its page right':>15} {'KiB fetched':>12} {'ms to results, median':>22}")
    for name, (found, times, fetched) in results.items():
        exact, same_page = score(found)
        print(f"{name:24} {exact:>13}/{len(QUERIES)} {same_page:>12}/{len(QUERIES)} {fetched / 1024:>12.0f} {statistics.median(times):>22.0f}")
    print(f"(Pagefind's whole index on disk: {pagefind_bytes / 1024:.0f} KiB; it fetches only the chunks a query needs.)")
    theme, pagefind = results["theme search (tuned)"][0], results["Pagefind"][0]
    for item in QUERIES:
        if pagefind[item["query"]] != item["first"] or theme[item["query"]] != item["first"]:
            print(f"  {item['query']!r}: wanted {item['first']}; theme {theme[item['query']]}; Pagefind {pagefind[item['query']] or '-'}")


if __name__ == "__main__":
    main()
