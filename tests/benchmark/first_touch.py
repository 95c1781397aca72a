"""The reader's first tap on a phone, the edition against stock Material with its tooltips on (the
same Markdown; the theme's `content.tooltips` and `content.footnote.tooltips`). Both start the
theme's script with the page; work left for the first touch is work a reader's first tap waits for.

This opens each kind of page of both sites in Debian's chromium with a phone's screen and the
processor slowed four times (as Lighthouse's mobile preset simulates), waits until the page is
still, taps the first note marker of the text (on a page without one, its first paragraph), and
waits until it is still again. Printed per kind of page, as the median and range of the runs:
the main thread's long tasks (over 50 ms) before the tap and after it, in total and the longest
after it; the tap's Interaction to Next Paint (the longest event of that interaction, as the
browser's Event Timing reports it); for the edition, the time from the tap until its tooltip is
drawn (the frame its fade begins in: the reader's answer to the tap; the stock theme answers a
tap by following the link to the note, which its Interaction to Next Paint includes); and the
layout shift from the tap on. Observed milliseconds, not simulated; they move with the machine's
load, which is printed too. Nothing is asserted.
"""

from __future__ import annotations

import math
import tempfile
from contextlib import ExitStack
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from tests.benchmark.baseline import write_baseline
from tests.benchmark.reader import PAGE_KINDS, load, spread
from tests.readme_screenshots import PHONE
from tests.site_host import served

RUNS = 3
SLOWDOWN = 4
# Long tasks as they happen, from the first script of the page on.
WATCH_LONG_TASKS = """
window.longTasks = [];
new PerformanceObserver(list => window.longTasks.push(...list.getEntries().map(task => [task.startTime, task.duration])))
    .observe({type: "longtask", buffered: true});
window.interactions = [];
new PerformanceObserver(list => window.interactions.push(...list.getEntries()
    .filter(entry => entry.interactionId).map(entry => [entry.interactionId, entry.startTime, entry.duration])))
    .observe({type: "event", durationThreshold: 16, buffered: true});
// When the edition's tooltip is first drawn visible: its fade begins in the frame that adds the
// class, and a task queued from there runs once that frame is painted.
window.tooltipShown = null;
new MutationObserver(records => {
    if (window.tooltipShown === null && records.some(record => record.target.classList.contains("edition-tooltip--active")))
        setTimeout(() => { window.tooltipShown ??= performance.now(); });
}).observe(document, {subtree: true, attributeFilter: ["class"]});
window.shifts = [];
new PerformanceObserver(list => window.shifts.push(...list.getEntries().map(shift => [shift.startTime, shift.value])))
    .observe({type: "layout-shift", buffered: true});
"""
# What the first tap touches: the first note marker of the text, else its first paragraph.
TAP_TARGETS = ("article a.footnote-ref", "article p")
# The theme's tooltips, on for the stock site this benchmark compares with.
STOCK_TOOLTIPS = ["content.tooltips", "content.footnote.tooltips"]
# Resolves once a second has passed since `since` (a time on the page's clock) and since the end
# of the last long task (at most ten seconds).
STILL = """(since) => new Promise(resolve => {
    const begun = performance.now();
    const look = () => {
        const last = Math.max(since, ...window.longTasks.map(([start, duration]) => start + duration));
        const now = performance.now();
        now - last > 1000 || now - begun > 10000 ? resolve() : setTimeout(look, 100);
    };
    look();
})"""


def one_run(browser: Browser, url: str) -> tuple[float, float, float, float, float, float]:
    """Long tasks before the first tap, after it, the longest after it, the tap's interaction to
    next paint, the time from the tap until the edition's tooltip is drawn (milliseconds; NaN on
    a site without it), and the layout shift from the tap on."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.add_init_script(WATCH_LONG_TASKS)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(url, wait_until="load")
        page.evaluate(STILL, 0)
        touched = page.evaluate("performance.now()")
        target = next(page.locator(selector).first for selector in TAP_TARGETS if page.locator(selector).count())
        target.tap()
        page.evaluate(STILL, touched)
        tasks = page.evaluate("window.longTasks")
        interactions = [entry for entry in page.evaluate("window.interactions") if entry[1] >= touched]
        shifts = [value for start, value in page.evaluate("window.shifts") if start >= touched]
        tooltip_shown = page.evaluate("window.tooltipShown")
    finally:
        context.close()
    before = [duration for start, duration in tasks if start < touched]
    after = [duration for start, duration in tasks if start >= touched]
    first = min((entry[0] for entry in interactions), default=None)
    paint = max((duration for interaction, _, duration in interactions if interaction == first), default=0.0)
    tapped = min((start for interaction, start, _ in interactions if interaction == first), default=touched)
    shown = tooltip_shown - tapped if tooltip_shown is not None else math.nan
    return sum(before), sum(after), max(after, default=0.0), paint, shown, sum(shifts)


def first_touch(pages: dict[str, str] | None = None, runs: int = RUNS) -> None:
    pages = pages or PAGE_KINDS
    print(f"Processor {SLOWDOWN}x slower, phone screen, {runs} runs a page, interleaved; load average at start {load()}")
    figures: dict[tuple[str, str], list[tuple[float, float, float, float, float, float]]] = {}
    with tempfile.TemporaryDirectory() as work, ExitStack() as stack, sync_playwright() as playwright:
        work_dir = Path(work)
        write_baseline(work_dir / "baseline", work_dir / "scratch", features=STOCK_TOOLTIPS)
        sites = {
            "edition": stack.enter_context(served(work_dir / "edition-site"))[0],
            "baseline": stack.enter_context(served(work_dir / "baseline-site", work_dir / "baseline"))[0],
        }
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for _ in range(runs):
            for kind, path in pages.items():
                for site, url in sites.items():
                    figures.setdefault((site, kind), []).append(one_run(browser, url + path))
        browser.close()
    print(f"load average at end {load()}")
    print(f"{'':42}{'edition':>22}{'stock + tooltips':>22}")
    for kind, path in pages.items():
        print(f"{kind} (/{path})")
        for index, label in enumerate(("long tasks before the tap, ms", "long tasks after the tap, ms",
                                       "longest task after the tap, ms", "first tap, interaction to next paint, ms",
                                       "first tap, tooltip drawn, ms", "layout shift at the first tap")):
            values = [[run[index] for run in figures[(site, kind)]] for site in sites]
            print(f"  {label:40}" + "".join(
                f"{'–' if any(map(math.isnan, site_values)) else spread(site_values, 3 if index == 5 else 0):>22}"
                for site_values in values))
