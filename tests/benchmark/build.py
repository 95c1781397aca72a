"""What a build costs, and how that grows with the data.

`build` times the real build, in this process, split into its parts: MkDocs itself (with Material,
its search plugin and Python-Markdown's own extensions), the edition's hooks (hooks/edition.py and
the package code they call), the edition's Markdown extensions (its tree processors, which run
while MkDocs converts each page), pandoc (every citeproc run) and the PDF (headless Chromium).
Time inside pandoc or Chromium is counted there, not in the hook that started it. It also prints
what a reader downloads for each kind of page, raw and gzip-compressed.

`scale` makes the same project with synthetic data at 1x, 10x and 100x (copies of every
organisation, process and work under new names and ids, and copies of the paper's five sections
that mention the copied bodies and cite the copied works), in a temporary folder, builds each once
and prints the time per item, so that any part that grows faster than linearly shows.
"""

from __future__ import annotations

import gzip
import importlib
import logging
import os
import pkgutil
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any

import lxml.html
import markdown.util
import thouez_edition
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from thouez_edition.outputs.pdf import PDF_PATH
from thouez_edition.text.mentions import name_matcher

from tests.benchmark.reader import PAGE_KINDS

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("MkDocs itself", "edition's hooks", "edition's extensions", "pandoc", "PDF")
BUILDS = 3


class Stopwatch:
    """Exclusive time by part: time spent in a part entered from inside another counts only once,
    for the inner part; whatever is in no part is MkDocs' own."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self.stack: list[str] = [PARTS[0]]
        self.mark = time.perf_counter()

    def _switch(self) -> None:
        now = time.perf_counter()
        self.totals[self.stack[-1]] += now - self.mark
        self.mark = now

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        self._switch()
        self.stack.append(name)
        try:
            yield
        finally:
            self._switch()
            self.stack.pop()

    def timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self.part(name):
                return function(*args, **kwargs)
        return run


# The one stopwatch the patched functions report to; replaced for each build.
_watch: Stopwatch | None = None


def _report(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        if _watch is None:
            return function(*args, **kwargs)
        with _watch.part(name):
            return function(*args, **kwargs)
    return run


def _instrument_extensions() -> None:
    """Wrap the `run` of every Markdown processor the edition defines, once per process."""
    for info in pkgutil.walk_packages(thouez_edition.__path__, "thouez_edition."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, markdown.util.Processor)
                    and value.__module__ == module.__name__ and "run" in vars(value)
                    and not getattr(value.run, "_benchmarked", False)):
                value.run = _report("edition's extensions", value.run)
                value.run._benchmarked = True  # type: ignore[attr-defined]


_real_run = subprocess.run


def _timed_subprocess(command: Any, *args: Any, **kwargs: Any) -> Any:
    program = Path(str(command[0] if isinstance(command, (list, tuple)) else command)).name
    part = "pandoc" if "pandoc" in program else "PDF" if "chrom" in program else None
    if _watch is None or part is None:
        return _real_run(command, *args, **kwargs)
    with _watch.part(part):
        return _real_run(command, *args, **kwargs)


@dataclass
class Timed:
    seconds: dict[str, float]
    wall: float
    counts: dict[str, int]


def timed_build(project: Path, site_dir: Path, pdf: bool = True) -> Timed:
    """One strict build of `project`, in this process, timed by part."""
    global _watch
    _instrument_extensions()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    hook_name = next(name for name, plugin in config.plugins.items() if name.startswith("hooks/"))
    for handlers in config.plugins.events.values():
        for index, handler in enumerate(handlers):
            if config.plugins._event_origins.get(handler) == hook_name:
                wrapped = _report("edition's hooks", handler)
                handlers[index] = wrapped
                config.plugins._event_origins[wrapped] = hook_name
    config.plugins.on_startup(command="build" if pdf else "serve", dirty=False)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    _watch = Stopwatch()
    subprocess.run = _timed_subprocess  # type: ignore[assignment]
    start = time.perf_counter()
    try:
        mkdocs_build(config)
        wall = time.perf_counter() - start
        _watch._switch()
        seconds = {part: _watch.totals.get(part, 0.0) for part in PARTS}
    finally:
        subprocess.run = _real_run  # type: ignore[assignment]
        _watch = None
        config.plugins.on_shutdown()
    return Timed(seconds, wall, counts(config.plugins[hook_name]))


def counts(hooks: Any) -> dict[str, int]:
    """How much data the build had: bodies, works, passages and mentions (each body once a passage)."""
    state = hooks._build
    matcher = name_matcher(state.actors)
    passages = state.paper.passages
    return {
        "bodies": len(state.actors.all),
        "works": len(state.works.works),
        "passages": len(passages),
        "mentions": sum(len(matcher.actors_in(passage.text, passage.anchor)) for passage in passages),
    }


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


def build() -> None:
    print(f"mkdocs build --strict, in process, {BUILDS} builds; load average {load()}")
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        runs = [timed_build(ROOT, site) for _ in range(BUILDS)]
        print(f"{'part':24} {'median s':>9} {'range s':>13}")
        for part in PARTS:
            values = [run.seconds[part] for run in runs]
            print(f"{part:24} {statistics.median(values):9.2f} {min(values):6.2f}-{max(values):.2f}")
        walls = [run.wall for run in runs]
        print(f"{'whole build':24} {statistics.median(walls):9.2f} {min(walls):6.2f}-{max(walls):.2f}")
        pdf = site / PDF_PATH
        if pdf.exists():
            print(f"PDF: {pdf.stat().st_size / 1024:.0f} KiB")
        print(f"\n{'page (HTML, its CSS and JS)':40} {'raw KiB':>8} {'gzip KiB':>9}")
        for kind, page in PAGE_KINDS.items():
            raw, compressed = page_weight(site, page)
            print(f"{kind + ' (/' + page + ')':40} {raw / 1024:8.0f} {compressed / 1024:9.0f}")
        search = site / "search" / "search_index.json"
        print(f"{'search index (on opening search)':40} {search.stat().st_size / 1024:8.0f}"
              f" {len(gzip.compress(search.read_bytes())) / 1024:9.0f}")


# --- synthetic data ----------------------------------------------------------------------------

SECTIONS = ["introduction", "current-context", "dearth-of-activity", "potential-contribution", "conclusion"]
# Copy j's paragraphs and notes are numbered from j * OFFSET: p12 becomes p2012 in copy 2.
OFFSET = 1000


def tag(name: str, copy: int) -> str:
    return f"{name} X{copy}"


def copy_actor(entry: dict[str, Any], copy: int) -> dict[str, Any]:
    """A new body like `entry`, under new names: its references to others and to passages of the
    paper stay as they are (they stay valid); identifiers that must be unique are left out."""
    new = {key: value for key, value in entry.items() if key not in ("wikidata", "ror")}
    new["id"] = f"{entry['id']}-x{copy}"
    new["name"] = tag(entry["name"], copy)
    if "acronym" in entry:
        new["acronym"] = tag(entry["acronym"], copy)
    new["aliases"] = [tag(alias, copy) for alias in entry["aliases"] if isinstance(alias, str)]
    return new


def copy_work(entry: dict[str, Any], copy: int) -> dict[str, Any]:
    new = dict(entry, id=f"{entry['id']}-x{copy}")
    named = False
    for role in ("author", "editor"):
        if role in entry:
            new[role] = [{key: tag(value, copy) if key in ("family", "literal") else value
                          for key, value in person.items()} for person in entry[role]]
            named = True
    if not named:
        new["title"] = tag(entry["title"], copy)
    new["cited_in"] = [dict(citation, note=citation["note"] + copy * OFFSET) for citation in entry.get("cited_in", [])]
    return new


def copy_sections(docs: Path, copy: int, names: list[str]) -> str:
    """The five sections as one page, headings under a title of their own, ids and note labels
    moved by the copy's offset, and every name of a body replaced by its copy's."""
    by_length = sorted(set(names), key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in by_length) + r")(?!\w)")
    text = "\n\n".join((docs / "paper" / f"{section}.md").read_text(encoding="utf-8") for section in SECTIONS)
    text = re.sub(r"^(#+) ", lambda match: f"{match[1]}# Copy {copy}: ", text, flags=re.M)
    text = re.sub(r"\{#(p)(\d+)\}", lambda match: f"{{#p{int(match[2]) + copy * OFFSET}}}", text)
    text = re.sub(r"\[\^(\d+)\]", lambda match: f"[^{int(match[1]) + copy * OFFSET}]", text)
    text = pattern.sub(lambda match: tag(match[0], copy), text)
    return f"# Synthetic copy {copy}\n\n{text}"


def synthetic_project(folder: Path, factor: int) -> Path:
    """The project with `factor` times its bodies, works and mentions, in `folder`."""
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    (folder / "CHANGELOG.md").symlink_to(ROOT / "CHANGELOG.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    data = folder / "data"
    names: list[str] = []
    for file_name in ("organizations.yml", "rcpms.yml"):
        entries = yaml.safe_load((data / file_name).read_text(encoding="utf-8"))
        names += [alias for entry in entries for alias in entry["aliases"] if isinstance(alias, str)]
        copies = [copy_actor(entry, copy) for copy in range(2, factor + 1) for entry in entries]
        write_yaml(data / file_name, entries + copies)
    works = yaml.safe_load((data / "citations.yml").read_text(encoding="utf-8"))
    write_yaml(data / "citations.yml", works + [copy_work(work, copy) for copy in range(2, factor + 1) for work in works])
    pages = []
    for copy in range(2, factor + 1):
        (folder / "docs" / "paper" / f"copy-{copy}.md").write_text(copy_sections(ROOT / "docs", copy, names), encoding="utf-8")
        pages.append(f"      - paper/copy-{copy}.md\n")
    last = "      - paper/conclusion.md\n"
    config = config.replace(last, last + "".join(pages), 1)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def write_yaml(path: Path, entries: list[dict[str, Any]]) -> None:
    """Write entries with the file's schema line kept, so the build validates them as it does the real ones."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    path.write_text(first + "\n" + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def scale(factors: list[int]) -> None:
    print(f"mkdocs build --strict with synthetic data, one build a factor; load average {load()}")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for factor in factors:
            project = synthetic_project(Path(work) / f"x{factor}", factor)
            rows.append((factor, timed_build(project, Path(work) / f"x{factor}-site")))
            shutil.rmtree(Path(work) / f"x{factor}-site")
            print(f"  {factor}x built in {rows[-1][1].wall:.1f} s; load average {load()}", flush=True)
    print(f"load average at end {load()}")
    first = rows[0][1]
    header = " ".join(f"{name:>12}" for name in first.counts)
    print(f"{'factor':>6} {header} {'build s':>8}   ms per item (bodies + works + mentions), by part")
    print(f"{'':6} {'':{len(header)}} {'':8}   " + " ".join(f"{part[:14]:>14}" for part in (*PARTS, "whole build")))
    for factor, timed in rows:
        items = timed.counts["bodies"] + timed.counts["works"] + timed.counts["mentions"]
        per_item = [timed.seconds[part] * 1000 / items for part in PARTS] + [timed.wall * 1000 / items]
        counts_text = " ".join(f"{value:>12}" for value in timed.counts.values())
        print(f"{factor:>6} {counts_text} {timed.wall:8.1f}   " + " ".join(f"{value:14.2f}" for value in per_item))


def load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg()) + f" ({os.cpu_count()} cores)"


if __name__ == "__main__":
    sys.exit("run: python -m tests.benchmark build | scale")
