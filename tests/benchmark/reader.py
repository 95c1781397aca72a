"""What a reader on a phone waits for: Lighthouse (mobile preset) on every kind of page of the
edition and of its baseline (the same Markdown on bare Material, see baseline.py), run interleaved
(edition, baseline, edition, baseline …) so that the machine's load falls on both alike.

Printed per kind of page, as the median and range of the runs: the performance score, total blocking
time, largest contentful paint, the main-thread time of each script (Lighthouse's bootup-time, in
simulated mobile milliseconds), style and layout time, and the bytes transferred; with the ratio of
the edition's median to the baseline's. Nothing is asserted: on a shared machine these figures move
with the load, which is printed too (the load average, and Lighthouse's own benchmark index of the
CPU: higher is faster, about 1000 or more on a quiet laptop).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tests.benchmark.baseline import ROOT, IgnoreTags, write_baseline
from tests.lighthouse_runner import LIGHTHOUSE, run_lighthouse
from tests.site_host import RESULTS, served

# Every kind of page, by the name the figures print and its path.
PAGE_KINDS = {
    "title page": "",
    "introduction": "paper/introduction/",
    "current context": "paper/current-context/",
    "dearth of activity": "paper/dearth-of-activity/",
    "potential contribution": "paper/potential-contribution/",
    "conclusion": "paper/conclusion/",
    "all notes": "paper/notes/",
    "profile": "organizations/icmc/",
    "organisations": "organizations/",
    "processes": "rcpms/",
    "bibliography": "bibliography/",
    "glossary": "glossary/",
    "editorial": "editorial/",
    "print": "print/",
}
RUNS = 5
REPORTS = RESULTS / "benchmark"
# Lighthouse's default settings, except that bootup-time lists every script, however little it runs.
LIGHTHOUSE_CONFIG = Path(__file__).with_name("lighthouse-config.json")


@dataclass
class Run:
    """The figures of one Lighthouse run."""

    score: float
    blocking_ms: float
    lcp_ms: float
    # When Chromium first painted, as observed (not simulated), and whether that came only after
    # the page had loaded: headless Chromium then withholds frames for up to a second, and the
    # simulated paint counts every script (see the README on the late first paint).
    first_paint_ms: float
    painted_after_load: bool
    style_layout_ms: float
    transferred_bytes: float
    # Main-thread milliseconds by script: Material's bundle, each of the edition's, the page itself.
    scripts: dict[str, float]
    benchmark_index: float

    @property
    def editions_scripts_ms(self) -> float:
        return sum(ms for name, ms in self.scripts.items() if name in EDITION_SCRIPTS)


EDITION_SCRIPTS: set[str] = set()  # filled from the edition's mkdocs.yml when figures are printed


def script_name(url: str, page_url: str) -> str:
    """A short name for a script in bootup-time: its file name; the page itself for inline code."""
    if url == page_url or url.rstrip("/") == page_url.rstrip("/"):
        return "page (inline)"
    if "://" not in url:
        return url  # "Unattributable"
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return "material bundle" if name.startswith("bundle.") else name


def read_run(lhr: dict) -> Run:
    audits = lhr["audits"]
    breakdown = {item["group"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]}
    observed = audits["metrics"]["details"]["items"][0]
    scripts: dict[str, float] = {}
    for item in audits["bootup-time"]["details"]["items"]:
        name = script_name(item["url"], lhr["finalDisplayedUrl"])
        scripts[name] = scripts.get(name, 0.0) + item["total"]
    return Run(
        score=lhr["categories"]["performance"]["score"],
        blocking_ms=audits["total-blocking-time"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        first_paint_ms=observed["observedFirstPaint"],
        painted_after_load=observed["observedFirstPaint"] > observed["observedLoad"],
        style_layout_ms=breakdown.get("styleLayout", 0.0),
        transferred_bytes=audits["total-byte-weight"]["numericValue"],
        scripts=scripts,
        benchmark_index=lhr["environment"]["benchmarkIndex"],
    )


@dataclass
class Series:
    """The runs of one page of one site."""

    runs: list[Run] = field(default_factory=list)

    def values(self, pick: Callable[[Run], float]) -> list[float]:
        return [pick(run) for run in self.runs]


def interleaved(
    sites: dict[str, str], pages: dict[str, str], runs: int, reports: Path
) -> dict[tuple[str, str], Series]:
    """Run Lighthouse `runs` times on each page of each site, in turn: for each run, each page,
    each site (A B A B …). `sites` maps a site's name to its served URL."""
    results: dict[tuple[str, str], Series] = {(site, kind): Series() for site in sites for kind in pages}
    total = runs * len(pages) * len(sites)
    done = 0
    for number in range(runs):
        for kind, path in pages.items():
            for site, url in sites.items():
                stem = reports / f"{site}-{kind.replace(' ', '-')}-{number + 1}"
                lhr = run_lighthouse(url + path, stem, ["performance"], LIGHTHOUSE_CONFIG)
                results[(site, kind)].runs.append(read_run(lhr))
                done += 1
                print(f"\r  {done}/{total} runs, load average {os.getloadavg()[0]:.1f}", end="", flush=True)
    print()
    return results


def spread(values: Iterable[float], digits: int = 0) -> str:
    values = list(values)
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def ratio(a: list[float], b: list[float]) -> str:
    base = statistics.median(b)
    return f"{statistics.median(a) / base:.2f}" if base else "-"


def print_figures(results: dict[tuple[str, str], Series], pages: dict[str, str], edition: str, baseline: str) -> None:
    rows: list[tuple[str, Callable[[Run], float], int, float]] = [
        ("performance score", lambda run: run.score, 2, 1),
        ("total blocking time, ms", lambda run: run.blocking_ms, 0, 1),
        ("largest contentful paint, ms", lambda run: run.lcp_ms, 0, 1),
        ("first paint, observed, ms", lambda run: run.first_paint_ms, 0, 1),
        ("style and layout, ms", lambda run: run.style_layout_ms, 0, 1),
        ("transferred, KiB", lambda run: run.transferred_bytes, 0, 1024),
        ("edition's scripts, main thread ms", lambda run: run.editions_scripts_ms, 0, 1),
    ]
    width = 36
    print(f"{'':{width}} {edition:>22} {baseline:>22} {'ratio':>6}")
    for kind, path in pages.items():
        a, b = results[(edition, kind)], results[(baseline, kind)]
        print(f"{kind} (/{path})")
        for label, pick, digits, unit in rows:
            va = [value / unit for value in a.values(pick)]
            vb = [value / unit for value in b.values(pick)]
            print(f"  {label:{width - 2}} {spread(va, digits):>22} {spread(vb, digits):>22} {ratio(va, vb):>6}")
        late = [f"{sum(run.painted_after_load for run in series.runs)} of {len(series.runs)}" for series in (a, b)]
        print(f"  {'first painted after load, runs':{width - 2}} {late[0]:>22} {late[1]:>22}")
        names = sorted({name for run in a.runs + b.runs for name in run.scripts},
                       key=lambda name: -statistics.median(run.scripts.get(name, 0) for run in a.runs))
        for name in names:
            va = [run.scripts.get(name, 0.0) for run in a.runs]
            vb = [run.scripts.get(name, 0.0) for run in b.runs]
            print(f"    main thread, {name:{width - 18}} {spread(va):>22} {spread(vb):>22}")
    index = [run.benchmark_index for series in results.values() for run in series.runs]
    print(f"Lighthouse's CPU benchmark index over all runs: {spread(index)} (higher is faster)")


def lighthouse(pages: dict[str, str] | None = None, runs: int = RUNS) -> None:
    """The reader benchmark: the edition against its baseline, every kind of page."""
    pages = pages or PAGE_KINDS
    EDITION_SCRIPTS.update(edition_script_names())
    print(f"Lighthouse {lighthouse_version()}, mobile preset, {runs} runs a page, interleaved; "
          f"load average at start {load()}")
    with tempfile.TemporaryDirectory() as work, ExitStack() as stack:
        work_dir = Path(work)
        write_baseline(work_dir / "baseline", work_dir / "scratch")
        edition_url, _ = stack.enter_context(served(work_dir / "edition-site"))
        baseline_url, _ = stack.enter_context(served(work_dir / "baseline-site", work_dir / "baseline"))
        results = interleaved({"edition": edition_url, "baseline": baseline_url}, pages, runs, REPORTS)
    print(f"load average at end {load()}")
    print_figures(results, pages, "edition", "baseline")


def load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg()) + f" (1/5/15 min, {os.cpu_count()} cores)"


def lighthouse_version() -> str:
    package = LIGHTHOUSE.parent.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"


def edition_script_names() -> set[str]:
    """The file names of the edition's own scripts, all in docs/assets/javascripts/: those
    mkdocs.yml lists and those the templates load (overrides/partials/javascripts/)."""
    return {script.name for script in (ROOT / "docs" / "assets" / "javascripts").glob("*.js")}


def pick_pages(names: str) -> dict[str, str]:
    wanted = [name.strip() for name in names.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in PAGE_KINDS]
    if unknown:
        raise SystemExit(f"unknown kind of page {', '.join(unknown)}; expected some of: {', '.join(PAGE_KINDS)}")
    return {name: PAGE_KINDS[name] for name in wanted}


# What can be switched off, one at a time, by how it changes mkdocs.yml's text: each theme feature,
# the previews of profiles (a Markdown extension of the theme's) and the edition's own scripts.
def without_line(line: str) -> Callable[[str], str]:
    def change(config: str) -> str:
        if f"\n{line}\n" not in config:
            raise SystemExit(f"mkdocs.yml has no line {line.strip()!r}")
        return config.replace(f"\n{line}\n", "\n", 1)
    return change


def without_block(start: str) -> Callable[[str], str]:
    """Drop the line `start` and every line below it that is indented more deeply."""
    def change(config: str) -> str:
        lines = config.split("\n")
        if start not in lines:
            raise SystemExit(f"mkdocs.yml has no line {start.strip()!r}")
        at = lines.index(start)
        depth = len(start) - len(start.lstrip())
        end = at + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > depth):
            end += 1
        return "\n".join(lines[:at] + lines[end:])
    return change


def switchable(config: str) -> dict[str, Callable[[str], str]]:
    features = yaml.load(config, Loader=IgnoreTags)["theme"].get("features", [])
    variants = {f"without {feature}": without_line(f"    - {feature}") for feature in features}
    if "material.extensions.preview" in config:
        variants["without previews"] = without_block("  - material.extensions.preview:")
    variants["without the edition's scripts"] = without_block("extra_javascript:")
    return variants


def variant_project(folder: Path, change: Callable[[str], str]) -> Path:
    """A copy of the project in `folder` whose mkdocs.yml is changed by `change`: the rest are links."""
    folder.mkdir(parents=True)
    for name in ("docs", "data", "overrides", "hooks"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    (folder / "CHANGELOG.md").symlink_to(ROOT / "CHANGELOG.md")
    (folder / "mkdocs.yml").write_text(change((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def features(pages: dict[str, str] | None = None, runs: int = RUNS, measure_one: bool = False) -> None:
    """Each theme feature's cost: the edition against itself with that one feature off, all
    variants interleaved in one series.

    `measure_one` makes every variant's mkdocs.yml (so a change that no longer applies fails) but
    builds and measures only the last, the edition's own scripts off: a check that the command
    works, not figures."""
    pages = pages or {"dearth of activity": PAGE_KINDS["dearth of activity"]}
    EDITION_SCRIPTS.update(edition_script_names())
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    variants = switchable(config)
    if measure_one:
        for change in variants.values():
            change(config)
        print(f"{len(variants)} variants made; measuring only one: {list(variants)[-1]}")
        variants = dict(list(variants.items())[-1:])
    print(f"Lighthouse {lighthouse_version()}, mobile preset, {runs} runs a page and variant, interleaved; "
          f"load average at start {load()}")
    with tempfile.TemporaryDirectory() as work, ExitStack() as stack:
        work_dir = Path(work)
        sites = {"edition": stack.enter_context(served(work_dir / "edition-site"))[0]}
        for number, (name, change) in enumerate(variants.items()):
            project = variant_project(work_dir / f"variant-{number}", change)
            sites[name] = stack.enter_context(served(work_dir / f"variant-{number}-site", project))[0]
        results = interleaved(sites, pages, runs, REPORTS / "features")
    print(f"load average at end {load()}")
    for kind, path in pages.items():
        print(f"{kind} (/{path}): median (range) of {runs} runs")
        print(f"  {'':40} {'score':>18} {'blocking ms':>18} {'style+layout ms':>18} {'KiB':>14}")
        for site in sites:
            series = results[(site, kind)]
            print(f"  {site:40} {spread(series.values(lambda run: run.score), 2):>18}"
                  f" {spread(series.values(lambda run: run.blocking_ms)):>18}"
                  f" {spread(series.values(lambda run: run.style_layout_ms)):>18}"
                  f" {spread(value / 1024 for value in series.values(lambda run: run.transferred_bytes)):>14}")
