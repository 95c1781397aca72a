"""`python -m tests.benchmark [build | scale | lighthouse | features | first-touch] [options]`: see --help."""

from __future__ import annotations

import argparse
import sys

from tests.benchmark import build, first_touch, reader
from tests.lighthouse_runner import LighthouseError
from tests.site_host import BuildFailed


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmark", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("build", help="build time, split into MkDocs, the edition's hooks and extensions, pandoc and the PDF; page weights (the default)")
    scale = commands.add_parser("scale", help="the build with synthetic data at 1x, 10x and 100x organisations, works and mentions")
    scale.add_argument("--factors", default="1,10,100", help="comma-separated scale factors (default 1,10,100)")
    for name, help_text in (
        ("lighthouse", "Lighthouse (mobile) on every kind of page, the edition against the same Markdown on bare Material, interleaved"),
        ("features", "Lighthouse (mobile): the edition against itself with one theme feature off, for each feature in turn"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--runs", type=int, default=reader.RUNS, help=f"runs a page and site (default {reader.RUNS})")
        command.add_argument("--pages", help="comma-separated kinds of page, e.g. 'title page,print' (default: all)"
                             if name == "lighthouse" else "comma-separated kinds of page (default: dearth of activity)")
    touch = commands.add_parser("first-touch", help="on a phone, the main thread's long tasks before and after the first tap, the edition against bare Material")
    touch.add_argument("--runs", type=int, default=first_touch.RUNS, help=f"runs a page and site (default {first_touch.RUNS})")
    touch.add_argument("--pages", help="comma-separated kinds of page (default: all)")
    arguments = parser.parse_args()
    try:
        run(arguments)
    except (BuildFailed, LighthouseError) as error:
        sys.exit(f"benchmark {arguments.command or 'build'} failed: {error}")


def run(arguments: argparse.Namespace) -> None:
    if arguments.command in (None, "build"):
        build.build()
    elif arguments.command == "first-touch":
        first_touch.first_touch(reader.pick_pages(arguments.pages) if arguments.pages else None, arguments.runs)
    elif arguments.command == "scale":
        build.scale([int(factor) for factor in arguments.factors.split(",")])
    else:
        pages = reader.pick_pages(arguments.pages) if arguments.pages else None
        if arguments.command == "lighthouse":
            reader.lighthouse(pages, arguments.runs)
        else:
            reader.features(pages, arguments.runs)


if __name__ == "__main__":
    main()
