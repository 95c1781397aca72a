"""`python -m tests.benchmark [build | scale | lighthouse | features | first-touch] [--quick] [options]`: see --help.

Every command prints figures and asserts nothing. `--quick` runs the fewest builds, runs, pages
and scale factors that still take the command through all of its code, so that a test can see it
work (tests/test_benchmarks.py); its figures are too few to compare anything by.
"""

from __future__ import annotations

import argparse
import sys

from tests.benchmark import build, first_touch, reader
from tests.lighthouse_runner import LighthouseError
from tests.site_host import BuildFailed

# What --quick runs: one build; the scale at 1x and 2x (2x is the first with copies of the data
# and the text); Lighthouse and first-touch on one page, one run a site.
QUICK_BUILDS = 1
QUICK_FACTORS = [1, 2]
QUICK_PAGE = "introduction"
QUICK_RUNS = 1


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command")
    build_command = commands.add_parser("build", help="build time, split into MkDocs, the edition's hooks and extensions, pandoc and the PDF; page weights (the default)")
    scale = commands.add_parser("scale", help="the build with synthetic data at 1x, 10x and 100x organisations, works and text")
    scale.add_argument("--factors", help="comma-separated scale factors (default 1,10,100; with --quick 1,2)")
    build_command.add_argument("--quick", action="store_true", help=f"{QUICK_BUILDS} build instead of {build.BUILDS}")
    scale.add_argument("--quick", action="store_true", help="factors 1 and 2 only")
    for name, help_text in (
        ("lighthouse", "Lighthouse (mobile) on every kind of page, the edition against the same Markdown on bare Material, interleaved"),
        ("features", "Lighthouse (mobile): the edition against itself with one theme feature off, for each feature in turn"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--runs", type=int, help=f"runs a page and site (default {reader.RUNS}; with --quick {QUICK_RUNS})")
        command.add_argument("--pages", help="comma-separated kinds of page, e.g. 'title page,print' (default: all)"
                             if name == "lighthouse" else "comma-separated kinds of page (default: dearth of activity)")
        command.add_argument("--quick", action="store_true", help=(
            f"one run of one page ({QUICK_PAGE})" if name == "lighthouse" else
            f"one run of one page ({QUICK_PAGE}); every variant's change to mkdocs.yml is made, one variant is measured"))
    touch = commands.add_parser("first-touch", help="on a phone, the first tap on a note: interaction to next paint, tooltip drawn, layout shift and long tasks, the edition against stock Material with its tooltips on")
    touch.add_argument("--runs", type=int, help=f"runs a page and site (default {first_touch.RUNS}; with --quick {QUICK_RUNS})")
    touch.add_argument("--pages", help="comma-separated kinds of page (default: all)")
    touch.add_argument("--quick", action="store_true", help=f"one run of one page ({QUICK_PAGE})")
    arguments = parser.parse_args()
    quick = getattr(arguments, "quick", False)
    try:
        run(arguments, quick)
    except (BuildFailed, LighthouseError) as error:
        sys.exit(f"benchmark {arguments.command or 'build'} failed: {error}")


def run(arguments: argparse.Namespace, quick: bool) -> None:
    if arguments.command in (None, "build"):
        build.build(QUICK_BUILDS if quick else build.BUILDS)
        return
    if arguments.command == "scale":
        factors = arguments.factors or ",".join(map(str, QUICK_FACTORS if quick else build.FACTORS))
        build.scale([int(factor) for factor in factors.split(",")])
        return
    pages = reader.pick_pages(arguments.pages or QUICK_PAGE) if arguments.pages or quick else None
    runs = arguments.runs or (QUICK_RUNS if quick else None)
    if arguments.command == "first-touch":
        first_touch.first_touch(pages, runs or first_touch.RUNS)
    elif arguments.command == "lighthouse":
        reader.lighthouse(pages, runs or reader.RUNS)
    else:
        reader.features(pages, runs or reader.RUNS, measure_one=quick)


if __name__ == "__main__":
    main()
