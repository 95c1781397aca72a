"""What a build costs, and how that grows with the data.

`build` times the real build, in this process, split into its parts: MkDocs itself (with Material,
its search plugin and Python-Markdown's own extensions), the edition's hooks (hooks/edition.py and
the package code they call), the edition's Markdown extensions (its tree processors, which run
while MkDocs converts each page), pandoc (every citeproc run) and the PDF (headless Chromium).
Time inside pandoc or Chromium is counted there, not in the hook that started it. It also prints
what a reader downloads for each kind of page, raw and gzip-compressed.

`scale` makes the same project with synthetic data at 1x, 10x and 100x (copies of every
organisation, process and work under new names and ids, and copies of the paper's five sections
that mention the copied bodies and cite the copied works, their paragraphs and notes numbered on
as the edition requires, the words each emendation quotes marked as the copy's so that they stand
once, and a paragraph with the names only the title page's series note prints, so that every
name of a copied body stands in its copy), in a temporary folder, builds each once without the PDF and prints the
time per passage, body and work, so that any part that grows faster than linearly shows. The
edition's bounds on the size of a data file are lifted for these builds (see
`edition.unbounded_data_files`).

A build that fails raises `BuildFailed` with what MkDocs and the edition logged.
"""

from __future__ import annotations

import dataclasses
import gzip
import logging
import os
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
import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from tests.benchmark.edition import (
    DATA_FILE_BYTES,
    PDF_PATH,
    counts,
    edition_modules,
    unbounded_data_files,
)
from tests.benchmark.in_process import reported_failure
from tests.benchmark.reader import PAGE_KINDS
from tests.site_host import BuildFailed

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("MkDocs itself", "edition's hooks", "edition's extensions", "pandoc", "PDF")
BUILDS = 3
FACTORS = [1, 10, 100]


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
    for module in edition_modules():
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
        with reported_failure("mkdocs build --strict"):
            mkdocs_build(config)
        wall = time.perf_counter() - start
        _watch._switch()
        seconds = {part: _watch.totals.get(part, 0.0) for part in PARTS}
    finally:
        subprocess.run = _real_run  # type: ignore[assignment]
        _watch = None
        config.plugins.on_shutdown()
    return Timed(seconds, wall, counts(config.plugins[hook_name]))


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


def build(builds: int = BUILDS) -> None:
    """Time `builds` builds of the edition by part; print the figures and the pages' weights."""
    print(f"mkdocs build --strict, in process, {builds} build{'s' if builds != 1 else ''}; load average {load()}")
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        runs = [timed_build(ROOT, site) for _ in range(builds)]
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
PARAGRAPH_ID = re.compile(r"\{#p(\d+)\}")
NOTE_LABEL = re.compile(r"\[\^(\d+)\]")
NOTE_DEFINITION = re.compile(r"^\[\^(\d+)\]:", flags=re.M)


@dataclass(frozen=True)
class Numbering:
    """How many paragraphs and notes one copy of the five sections has. The edition requires the
    paragraphs numbered p1, p2 … and the notes 1, 2, 3 … in reading order, without a gap, across
    every page of the text: copy j (from 2) goes on where copy j - 1 ended, so its paragraph pN
    becomes p(N + (j - 1) * paragraphs + (j - 2) * added) and its note N becomes
    N + (j - 1) * notes. `added` counts the paragraphs a copy has after the five sections' own
    (see `series_note_names`), numbered on from them."""

    paragraphs: int
    notes: int
    added: int = 0

    def paragraph(self, number: int, copy: int) -> int:
        return number + (copy - 1) * self.paragraphs + max(copy - 2, 0) * self.added

    def note(self, number: int, copy: int) -> int:
        return number + (copy - 1) * self.notes


def sections_text(docs: Path) -> str:
    return "\n\n".join((docs / "paper" / f"{section}.md").read_text(encoding="utf-8") for section in SECTIONS)


def numbering(text: str) -> Numbering:
    """The highest paragraph id and note label of the five sections (they run from 1, checked by the build)."""
    return Numbering(
        paragraphs=max(int(number) for number in PARAGRAPH_ID.findall(text)),
        notes=max(int(number) for number in NOTE_DEFINITION.findall(text)),
    )


def tag(name: str, copy: int) -> str:
    # Every word tagged, so no name of the original stands as whole words inside a copy's.
    return " ".join(f"{word}X{copy}" for word in name.split(" "))


def whole_words(names: list[str]) -> re.Pattern[str]:
    """Any of `names` standing as whole words, the longest first (as the edition's matcher)."""
    by_length = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in by_length) + r")(?!\w)")


def series_note_names(text: str, names: list[str]) -> list[str]:
    """The names that stand only in the series note of the title page, which is not copied (“Core
    Group of Governments”, “GCIM Secretariat”): each copy prints them in a paragraph of its own, so
    that every name of every copied body stands in the copy's text, as the edition requires."""
    return [name for name in names if not whole_words([name]).search(text)]


def address_in_copy(address: str, copy: int, names: re.Pattern[str]) -> str:
    """A 2004 address (without its scheme) as copy `copy` prints it: its names tagged, as
    everywhere in the copy's text, and its host made a subdomain of the copy's
    (`www.hrw.org` → `x2.www.hrw.org`). The paper prints the addresses of the bodies it names, and
    a profile lists every passage that prints its body's address: with the addresses of the
    original, each copy's body would list the passages of every copy, which grow as the square
    of the copies."""
    return f"x{copy}." + names.sub(lambda match: tag(match[0], copy), address)


def mark_quotation(quotation: str, copy: int) -> str:
    """`quotation` with its first word tagged as names are (“loosing out” → “loosingX2 out”). The
    edition requires the words an emendation quotes to stand once in its text, so a copy's must
    differ from the original's; the rest of the words stay, and with them any locator a copied
    work's citation gives (“2000,p. 213” → “2000X2,p. 213”)."""
    first = re.search(r"\w+", quotation)
    if first is None or first.end() == len(quotation):
        raise BuildFailed(f"the emendation's words “{quotation}” end at their first word; the copies can mark "
                          "only words that go on after it")
    return f"{quotation[:first.end()]}X{copy}{quotation[first.end():]}"


def quotations(emendations: dict[str, Any]) -> list[str]:
    """The words each judgement and each thing kept quotes from the text (data/emendations.yml)."""
    return [item["text"] for section in ("judgements", "kept") for item in emendations.get(section) or []]


# Identifiers of a body that must be unique: its copies have none.
UNIQUE_IDENTIFIERS = ("wikidata", "ror")


def copy_actor(entry: dict[str, Any], copy: int, numbers: Numbering, ids: set[str], names: re.Pattern[str]) -> dict[str, Any]:
    """A new body like `entry`, under new names and with its 2004 address as its copy prints it
    (`names`: every name of a body, `whole_words`): its references to others and to passages of
    the paper stay as they are (they stay valid); identifiers that must be unique are left out,
    and so are names scoped to passages (the copy's passages are not those)."""
    new = {key: value for key, value in entry.items() if key not in UNIQUE_IDENTIFIERS}
    new["id"] = f"{entry['id']}-x{copy}"
    if "website_2004" in entry:
        scheme, _, printed = entry["website_2004"].partition("://")
        new["website_2004"] = f"{scheme}://{address_in_copy(printed, copy, names)}"
    new["name"] = tag(entry["name"], copy)
    if "acronym" in entry:
        new["acronym"] = tag(entry["acronym"], copy)
    new["aliases"] = [tag(alias, copy) for alias in entry["aliases"] if isinstance(alias, str)]
    # A copy's relations lead to the other copies of its copy, as its names stand in that copy's
    # text; so do its names that are no mention, at the copy's passages.
    if "relations" in entry:
        new["relations"] = [dict(relation, target=f"{relation['target']}-x{copy}")
                            if relation.get("target") in ids else relation for relation in entry["relations"]]
    if "sources" in entry:
        # The identifiers left out, the sources of them support nothing more; a source left with
        # nothing to support is left out too.
        sources = [dict(source, supports=[retarget(fact, copy, ids) for fact in source["supports"]
                                          if fact not in UNIQUE_IDENTIFIERS])
                   if "supports" in source else source for source in entry["sources"]]
        new["sources"] = [source for source in sources if source.get("supports", True)]
    if "not_mentions" in entry:
        new["not_mentions"] = [dict(item, name=tag(item["name"], copy), passage=copy_anchor(item["passage"], copy, numbers))
                               for item in entry["not_mentions"]]
    return new


def retarget(fact: str, copy: int, ids: set[str]) -> str:
    """A fact a source supports, its relation's target the copy's (`part-of:iom` → `part-of:iom-x2`)."""
    kind, _, target = fact.partition(":")
    return f"{kind}:{target}-x{copy}" if target in ids else fact


def copy_anchor(anchor: str, copy: int, numbers: Numbering) -> str:
    """A passage's id in copy `copy` of the text."""
    if anchor.startswith("fn:"):
        return f"fn:{numbers.note(int(anchor[3:]), copy)}"
    return f"p{numbers.paragraph(int(anchor[1:]), copy)}"


def copy_work(entry: dict[str, Any], copy: int, numbers: Numbering) -> dict[str, Any]:
    """A new work like `entry`, under a new id and names, cited in the copy's notes."""
    new = dict(entry, id=f"{entry['id']}-x{copy}")
    named = False
    for role in ("author", "editor"):
        if role in entry:
            new[role] = [{key: tag(value, copy) if key in ("family", "literal") else value
                          for key, value in person.items()} for person in entry[role]]
            named = True
    if not named:
        new["title"] = tag(entry["title"], copy)
    new["cited_in"] = [dict(citation, note=numbers.note(citation["note"], copy)) for citation in entry.get("cited_in", [])]
    return new


def copy_sections(text: str, copy: int, names: re.Pattern[str], numbers: Numbering,
                  series_names: list[str], quoted: list[str], addresses: list[str]) -> str:
    """The five sections (`text`) as one page, headings under a title of their own, then a paragraph
    with the names only the series note prints (`series_names`); paragraph ids and note labels
    numbered on from the copy before, every name of a body (`names`, `whole_words`) replaced by
    its copy's, every 2004 address of a body (`addresses`, without their scheme) by its copy's,
    and the words of each emendation (`quoted`) marked as the copy's."""
    if series_names:
        text += f"\n\nThe series note also names {', '.join(series_names)}.\n{{#p{numbers.paragraphs + 1}}}\n"
    text = re.sub(r"^(#+) ", lambda match: f"{match[1]}# Copy {copy}: ", text, flags=re.M)
    text = PARAGRAPH_ID.sub(lambda match: f"{{#p{numbers.paragraph(int(match[1]), copy)}}}", text)
    text = NOTE_LABEL.sub(lambda match: f"[^{numbers.note(int(match[1]), copy)}]", text)
    text = names.sub(lambda match: tag(match[0], copy), text)
    # In one pass, longest first: an address may begin another (www.hrw.org, www.hrw.org/campaigns).
    printed = [names.sub(lambda match: tag(match[0], copy), address) for address in addresses]
    text = whole_words(printed).sub(lambda match: f"x{copy}.{match[0]}", text)
    # After the names: words quoted with a name in them differ already (“such UNX2 Inter-AgencyX2”).
    for quotation in quoted:
        text = text.replace(quotation, mark_quotation(quotation, copy))
    return f"# Synthetic copy {copy}\n\n{text}"


def synthetic_project(folder: Path, factor: int) -> Path:
    """The project with `factor` times its bodies, works and text, in `folder`: copies 2 … `factor`
    of the five sections are pages of their own after the conclusion. The emendations stay the
    original's: they name places of the original text."""
    for name in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    (folder / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    (folder / "CHANGELOG.md").symlink_to(ROOT / "CHANGELOG.md")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    data = folder / "data"
    text = sections_text(ROOT / "docs")
    actor_files = ("organizations.yml", "rcpms.yml")
    actors = {file_name: yaml.safe_load((data / file_name).read_text(encoding="utf-8")) for file_name in actor_files}
    names = [alias for entries in actors.values() for entry in entries for alias in entry["aliases"] if isinstance(alias, str)]
    ids = {entry["id"] for entries in actors.values() for entry in entries}
    series_names = series_note_names(text, names)
    addresses = [entry["website_2004"].partition("://")[2] for entries in actors.values()
                 for entry in entries if "website_2004" in entry]
    names_pattern = whole_words(names)
    numbers = dataclasses.replace(numbering(text), added=1 if series_names else 0)
    for file_name, entries in actors.items():
        copies = [copy_actor(entry, copy, numbers, ids, names_pattern) for copy in range(2, factor + 1) for entry in entries]
        write_yaml(data / file_name, entries + copies)
    works = yaml.safe_load((data / "citations.yml").read_text(encoding="utf-8"))
    write_yaml(data / "citations.yml",
               works + [copy_work(work, copy, numbers) for copy in range(2, factor + 1) for work in works])
    quoted = quotations(yaml.safe_load((data / "emendations.yml").read_text(encoding="utf-8")))
    pages = []
    for copy in range(2, factor + 1):
        (folder / "docs" / "paper" / f"copy-{copy}.md").write_text(
            copy_sections(text, copy, names_pattern, numbers, series_names, quoted, addresses), encoding="utf-8")
        pages.append(f"      - paper/copy-{copy}.md\n")
    last = "      - paper/conclusion.md\n"
    if last not in config:
        raise BuildFailed(f"mkdocs.yml has no line {last.strip()!r} to put the synthetic copies of the text after")
    config = config.replace(last, last + "".join(pages), 1)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


class WrittenOut(yaml.SafeDumper):
    """Writes every value out in full: the copies share their unchanged parts with the original
    entries, which PyYAML would otherwise write once with an anchor and then as aliases, and the
    edition refuses a file with more than a few aliases (as it would a YAML bomb)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_yaml(path: Path, entries: list[dict[str, Any]]) -> None:
    """Write entries with the file's schema line kept, so the build validates them as it does the real ones."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    text = yaml.dump(entries, Dumper=WrittenOut, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(first + "\n" + text, encoding="utf-8")


def scale(factors: list[int]) -> None:
    """Build the synthetic project once at each factor; print the time and its cost per item."""
    print(f"mkdocs build --strict with synthetic data, one build a factor; load average {load()}")
    print(f"The edition's bounds on a data file ({DATA_FILE_BYTES / 1e6:.0f} MB, so many values) are lifted: they guard\n"
          "against runaway files, and 100x passes them. No PDF: the copies would make the print 100 times\n"
          "as long, past Chromium's time limit; `build` times the PDF.")
    rows: list[tuple[int, Timed]] = []
    with tempfile.TemporaryDirectory() as work:
        for factor in factors:
            project = synthetic_project(Path(work) / f"x{factor}", factor)
            largest = max((project / "data").glob("*.yml"), key=lambda path: path.stat().st_size)
            largest_text = f"largest data file {largest.name}, {largest.stat().st_size / 1e6:.1f} MB"
            try:
                with unbounded_data_files():
                    rows.append((factor, timed_build(project, Path(work) / f"x{factor}-site", pdf=False)))
            except BuildFailed as error:
                raise BuildFailed(f"the build at {factor}x failed: {error}") from None
            shutil.rmtree(Path(work) / f"x{factor}-site")
            shutil.rmtree(project)
            print(f"  {factor}x built in {rows[-1][1].wall:.1f} s ({largest_text}); load average {load()}", flush=True)
    print(f"load average at end {load()}")
    names = list(rows[0][1].counts)
    print(f"\n{'factor':>6} " + " ".join(f"{name:>9}" for name in names)
          + f" {'build s':>8} {'ms/passage':>11} {'ms/body':>8} {'ms/work':>8}")
    for factor, timed in rows:
        per = {name: timed.wall * 1000 / timed.counts[name] for name in ("passages", "bodies", "works")}
        print(f"{factor:>5}x " + " ".join(f"{timed.counts[name]:>9}" for name in names)
              + f" {timed.wall:8.1f} {per['passages']:11.2f} {per['bodies']:8.2f} {per['works']:8.2f}")
    parts = [part for part in PARTS if part != "PDF"]
    print("\nms per passage, by part (time inside pandoc counted there)")
    print(f"{'factor':>6} " + " ".join(f"{part[:14]:>14}" for part in (*parts, "whole build")))
    for factor, timed in rows:
        passages = timed.counts["passages"]
        per_part = [timed.seconds[part] * 1000 / passages for part in parts] + [timed.wall * 1000 / passages]
        print(f"{factor:>5}x " + " ".join(f"{value:14.2f}" for value in per_part))


def load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg()) + f" ({os.cpu_count()} cores)"


if __name__ == "__main__":
    sys.exit("run: python -m tests.benchmark build | scale")
