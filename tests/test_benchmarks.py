"""The benchmarks keep working: each command runs in its quick mode, as a reader of the README
would run it (`python -m tests.benchmark <command> --quick`, `python -m tests.search_benchmark
--quick`), must end with status 0 and print its figures: the rows of its tables, each with a
number in every column. A build that fails must say why and end with a status other than 0.

Only that the figures are printed is tested, never what they are: on a shared machine they move
with the load, so speed is what the benchmarks print, not what a test asserts. The bound on each
command's time only ends one that would otherwise hang.

The commands of the tests that this run selects start together, two at a time (as
tests/test_lighthouse.py runs Lighthouse), when the first of these tests asks for its output:
each spends much of its time waiting for Chromium, Lighthouse or a build in another process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from tests.benchmark.__main__ import QUICK_FACTORS
from tests.benchmark.__main__ import QUICK_PAGE as QUICK_KIND
from tests.benchmark.build import PARTS
from tests.benchmark.reader import PAGE_KINDS
from tests.conftest import ROOT

AT_ONCE = 2
HANG_SECONDS = 900
# The synthetic text of the scale benchmark numbered as it was before the build checked that
# paragraphs and notes run on without a gap (copy 2's paragraphs from p1001): its build fails.
OLD_NUMBERING = ("import sys; from tests.benchmark import __main__ as benchmark, build; "
                 "build.numbering = lambda text: build.Numbering(paragraphs=1000, notes=1000); "
                 "sys.argv = ['tests.benchmark', 'scale', '--factors', '2']; benchmark.main()")
# Each test's command (the arguments of `python`), the longest first, so that two at a time end soonest.
COMMANDS: dict[str, list[str]] = {
    "test_lighthouse": ["-m", "tests.benchmark", "lighthouse", "--quick"],
    "test_features": ["-m", "tests.benchmark", "features", "--quick"],
    "test_first_touch": ["-m", "tests.benchmark", "first-touch", "--quick"],
    "test_scale": ["-m", "tests.benchmark", "scale", "--quick"],
    "test_search_benchmark": ["-m", "tests.search_benchmark", "--quick"],
    "test_build": ["-m", "tests.benchmark", "build", "--quick"],
    "test_scale_reports_a_failed_build": ["-c", OLD_NUMBERING],
}
# A figure as the benchmarks print it, and a median with its range, "12 (10-15)".
NUMBER = r"\d+(?:\.\d+)?"
SPREAD = rf"{NUMBER} \({NUMBER}-{NUMBER}\)"
# The heading of the one page that Lighthouse, features and first-touch measure in quick mode.
QUICK_PAGE = re.escape(f"{QUICK_KIND} (/{PAGE_KINDS[QUICK_KIND]})")

Finished = subprocess.CompletedProcess[str]


def run(arguments: list[str]) -> Finished:
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                          capture_output=True, text=True, timeout=HANG_SECONDS)


@pytest.fixture(scope="module")
def started(request: pytest.FixtureRequest) -> Iterator[dict[str, Future[Finished]]]:
    """The commands of this module's tests that the run selected, started two at a time."""
    selected = {item.originalname for item in request.session.items
                if isinstance(item, pytest.Function) and item.module is request.module}
    pool = ThreadPoolExecutor(max_workers=AT_ONCE)
    try:
        yield {name: pool.submit(run, arguments) for name, arguments in COMMANDS.items() if name in selected}
    finally:
        pool.shutdown(cancel_futures=True)


@pytest.fixture
def finished(request: pytest.FixtureRequest, started: dict[str, Future[Finished]]) -> Finished:
    """This test's command, once it has ended."""
    return started[request.node.originalname].result()


@pytest.fixture
def output(finished: Finished) -> str:
    """What this test's command printed, once it has ended with 0."""
    assert finished.returncode == 0, (f"{' '.join(finished.args[1:])} ended with {finished.returncode}:\n"
                                      f"{finished.stdout[-4000:]}\n{finished.stderr[-4000:]}")
    return finished.stdout


def row(output: str, label: str, *columns: str) -> re.Match[str]:
    """The line of `output` that starts with `label` (a pattern), then has exactly `columns`
    (patterns), separated by spaces."""
    pattern = re.compile(r"^\s*" + label + "".join(rf"\s+({column})" for column in columns) + r"\s*$", re.M)
    match = pattern.search(output)
    assert match, f"no row {label!r} with {len(columns)} figures in:\n{output}"
    return match


def test_build(output: str) -> None:
    for part in (*PARTS, "whole build"):
        row(output, re.escape(part), NUMBER, rf"{NUMBER}-{NUMBER}")
    for kind, path in PAGE_KINDS.items():
        row(output, re.escape(f"{kind} (/{path})"), NUMBER, NUMBER)
    row(output, re.escape("search index (on opening search)"), NUMBER, NUMBER)


def test_scale(output: str) -> None:
    counts = {}
    for factor in QUICK_FACTORS:
        # bodies, works, passages, mentions; the build's seconds; ms a passage, a body, a work
        figures = row(output, f"{factor}x", *[r"\d+"] * 4, *[NUMBER] * 4).groups()
        counts[factor] = dict(zip(("bodies", "works", "passages", "mentions"), map(int, figures[:4])))
        # the same build's ms a passage by part (no PDF), and in all
        row(output, f"{factor}x", *[NUMBER] * len(PARTS))
    # Every body and work is copied; the text too (not the title page's passages), with its mentions.
    first, *others = QUICK_FACTORS
    for factor in others:
        for name in ("bodies", "works"):
            assert counts[factor][name] * first == factor * counts[first][name], counts
        for name in ("passages", "mentions"):
            assert counts[factor][name] > counts[first][name], counts


def test_scale_reports_a_failed_build(finished: Finished) -> None:
    """The edition's own message, and a status other than 0."""
    assert finished.returncode != 0, finished.stdout
    assert "the build at 2x failed" in finished.stderr, finished.stderr
    assert "{#p1001}: comes where {#p78} was expected" in finished.stderr, finished.stderr


@pytest.mark.browser
@pytest.mark.slow
def test_lighthouse(output: str) -> None:
    assert re.search(rf"^{QUICK_PAGE}$", output, re.M), output
    for label in ("performance score", "total blocking time, ms", "largest contentful paint, ms",
                  "first paint, observed, ms", "style and layout, ms", "transferred, KiB",
                  "edition's scripts, main thread ms"):
        # the edition's median (range), the baseline's, and their ratio ("-" over a baseline of 0)
        row(output, re.escape(label), SPREAD, SPREAD, rf"{NUMBER}|-")
    row(output, re.escape("first painted after load, runs"), r"\d+ of 1", r"\d+ of 1")
    row(output, re.escape("Lighthouse's CPU benchmark index over all runs:"), SPREAD, re.escape("(higher is faster)"))


@pytest.mark.browser
@pytest.mark.slow
def test_features(output: str) -> None:
    measured = re.search(r"variants made; measuring only one: (.+)$", output, re.M)
    assert measured, output
    assert re.search(rf"^{QUICK_PAGE}: median \(range\) of 1 runs$", output, re.M), output
    for site in ("edition", measured[1]):
        # score, blocking ms, style and layout ms, KiB
        row(output, re.escape(site), *[SPREAD] * 4)


@pytest.mark.browser
def test_first_touch(output: str) -> None:
    assert re.search(rf"^{QUICK_PAGE}$", output, re.M), output
    for label in ("long tasks before the tap, ms", "long tasks after the tap, ms", "longest task after the tap, ms",
                  "first tap, interaction to next paint, ms", "layout shift at the first tap"):
        row(output, re.escape(label), SPREAD, SPREAD)


@pytest.mark.browser
def test_search_benchmark(output: str) -> None:
    """Without the optional `bench` extra the quick run measures the edition's and the theme's
    search, and says that Pagefind's row is left out."""
    # first, top 3, page, then first by kind (words, slips, citations, names); KiB, gzipped, ms
    figures = (*[r"\d+/\d+"] * 7, NUMBER, NUMBER, NUMBER)
    row(output, re.escape("edition's search"), *figures)
    row(output, re.escape("theme's search"), *figures)
    if "Pagefind is not installed" in output:
        assert not re.search(r"^Pagefind\s+\d", output, re.M), output
    else:
        row(output, "Pagefind", *figures)
