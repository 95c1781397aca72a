"""Figures about the edition's build and pages, printed, never asserted.

Run: .venv/bin/python -m tests.benchmark [build | lighthouse]
`build` (the default) prints how long a strict build takes (with the PDF), how long pandoc takes
to format the bibliography, how long the files for reference managers take to write, and what a
reader downloads for a few pages (raw and gzip-compressed, as a static host sends them). `lighthouse` prints Lighthouse's mobile performance score and total
blocking time for the same pages, five runs each: figures that depend on the machine's load, which
is why they are printed here and not tested.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import lxml.html

from tests.lighthouse_runner import run_lighthouse
from tests.site_host import served

from thouez_edition.bibliography import download_files
from thouez_edition.references import format_references
from thouez_edition.works import load_works

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "paper/dearth-of-activity/", "organizations/icmc/", "bibliography/"]


def timed_build(site_dir: Path, command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", *command, "--strict", "-q", "--site-dir", str(site_dir)],
        cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


def page_weight(site: Path, page: str) -> tuple[int, int]:
    """Bytes of the page and of the styles and scripts it loads: raw and gzip-compressed."""
    html_file = site / page / "index.html"
    document = lxml.html.fromstring(html_file.read_bytes())
    files = [html_file]
    for reference in document.xpath("//link[@rel='stylesheet']/@href | //script/@src"):
        path = (html_file.parent / reference.split("?")[0]).resolve()
        if path.is_file():
            files.append(path)
    raw = sum(path.stat().st_size for path in files)
    compressed = sum(len(gzip.compress(path.read_bytes())) for path in files)
    return raw, compressed


LIGHTHOUSE_RUNS = 5


def lighthouse() -> None:
    with tempfile.TemporaryDirectory() as work, served(Path(work) / "site") as (url, _log):
        print(f"Lighthouse, mobile, {LIGHTHOUSE_RUNS} runs a page; load average {os.getloadavg()[0]:.1f}")
        print(f"{'page':32} {'performance median (range)':>28} {'blocking ms median (range)':>28}")
        for page in PAGES:
            runs = [
                run_lighthouse(url + page, Path(work) / f"run-{run}", ["performance"])
                for run in range(LIGHTHOUSE_RUNS)
            ]
            scores = [run["categories"]["performance"]["score"] for run in runs]
            blocking = [run["audits"]["total-blocking-time"]["numericValue"] for run in runs]
            print(
                f"/{page:31} {statistics.median(scores):>10.2f} ({min(scores):.2f}-{max(scores):.2f})"
                f" {statistics.median(blocking):>16.0f} ({min(blocking):.0f}-{max(blocking):.0f})"
            )


def build() -> None:
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        builds = [timed_build(site, ["build"]) for _ in range(3)]
        print(f"mkdocs build --strict, with the PDF: median {statistics.median(builds):.2f} s of {len(builds)}")
        works = load_works(ROOT / "data")
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            format_references(works.records())
            runs.append(time.perf_counter() - start)
        print(f"pandoc formatting {len(works.works)} works: median {statistics.median(runs):.2f} s")
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            download_files("works-cited", works.records())
            runs.append(time.perf_counter() - start)
        print(f"writing the {len(works.works)} works as BibTeX, BibLaTeX, RIS and CSL-JSON: median {statistics.median(runs):.2f} s")
        pdf = site / "downloads" / "thouez-2004-edition.pdf"
        if pdf.exists():
            print(f"PDF: {pdf.stat().st_size / 1024:.0f} KiB")
        print(f"{'page':32} {'raw KiB':>8} {'gzip KiB':>9}")
        for page in PAGES:
            raw, compressed = page_weight(site, page)
            print(f"/{page:31} {raw / 1024:8.0f} {compressed / 1024:9.0f}")
        search = site / "search" / "search_index.json"
        print(f"search index: {search.stat().st_size / 1024:.0f} KiB raw, {len(gzip.compress(search.read_bytes())) / 1024:.0f} KiB gzip")


def main() -> None:
    commands = {"build": build, "lighthouse": lighthouse}
    wanted = sys.argv[1:] or ["build"]
    unknown = [name for name in wanted if name not in commands]
    if unknown:
        sys.exit(f"unknown benchmark {', '.join(unknown)}; expected one of {', '.join(commands)}")
    for name in wanted:
        commands[name]()


if __name__ == "__main__":
    main()
