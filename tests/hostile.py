"""A hostile edition: the project's own data with every text field of every data file holding
script tags, "</title>", a Markdown image with `onerror`, braces, pipes, quotes, backslashes and
"]]>", to be built and read back (tests/test_hostile.py).

Fields that are not free text keep their values: ids and references to ids, kinds and other
values from a fixed list, numbers and dates, addresses (an address holding markup is refused by
the loader, see tests/bad_inputs.py), and the words that must be found in the text (a work's
locator, the words of a judgement, of what is kept and of a repair, the paper's words where it differs from
the sources, the facts a source supports, the names and acronyms looked for in the text and
those declared no mention). A name from the data that the author's text does not hold stops the
build (tests/bad_inputs.py), so no alias or glossary term can be hostile. `data/pages.yml` is
copied as it is: it holds no free text, only page numbers, kinds of evidence, ids and the words
with which each page begins.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

# A payload that runs, or asks for a resource, wherever it is taken for markup: as HTML, in a
# <title>, in Markdown (image, link, attribute list, footnote, paragraph id, table), in a
# <script> (JSON-LD) and in a CDATA section.
HOSTILE = (
    "<script>alert('script')</script></title><script>alert('title')</script>"
    " ![x](x.png){: onerror=alert('attr') } <img src=x onerror=alert('img')>"
    " {{braces}} {single} a | pipe | cell \"double\" 'single' back\\slash ]]> *em* _u_"
    " [link](javascript:alert('link')) [^1] {#p1} &amp; <!-- comment -->"
)
# Keys whose values are not free text.
KEPT = {
    "id", "type", "group", "kind", "paper_category", "target", "secretariat_id", "actors",
    "URL", "url", "website", "website_2004", "DOI", "ISBN", "issued", "event-date", "accessed",
    "language", "locator", "note", "founded", "established", "members_as_of", "volume", "issue",
    "page", "number", "collection-number", "number-of-pages", "aliases", "supports", "passage",
    "only_in", "facts", "wikidata", "ror", "term", "find", "replace", "consulted", "archived",
}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
FILES = ("organizations.yml", "rcpms.yml", "glossary.yml", "citations.yml", "emendations.yml", "paper.yml", "edition.yml")


@dataclass(frozen=True)
class Planted:
    """A hostile string, and where it was put: the file and the path to the field."""

    file: str
    path: tuple[str | int, ...]
    value: str


def hostile(value: str) -> str:
    return f"{value} {HOSTILE}"


def _plant(data: Any, file: str, path: tuple[str | int, ...], planted: list[Planted]) -> Any:
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    if isinstance(data, dict):
        return {name: _plant(value, file, (*path, name), planted) for name, value in data.items()}
    if isinstance(data, list):
        return [_plant(value, file, (*path, index), planted) for index, value in enumerate(data)]
    if not isinstance(data, str) or key in KEPT or "aliases" in path:
        return data
    if key == "paper" and "paper_differs" in path:  # the paper's words, found in its passage
        return data
    if key == "name" and "not_mentions" in path:  # a name of the entry, found in its passage
        return data
    if key == "text" and path[0] in ("judgements", "kept"):
        return data
    if key == "observers" and ID.match(data):
        return data
    value = hostile(data)
    planted.append(Planted(file, path, value))
    return value


def hostile_data(target: Path) -> list[Planted]:
    """Write the hostile data files (and the schemas) to `target`; return every string planted."""
    planted: list[Planted] = []
    shutil.copytree(ROOT / "data" / "schemas", target / "schemas")
    shutil.copy(ROOT / "data" / "pages.yml", target / "pages.yml")
    for name in FILES:
        source = (ROOT / "data" / name).read_text(encoding="utf-8")
        data = _plant(yaml.safe_load(source), name, (), planted)
        schema_line = source.splitlines()[0]
        (target / name).write_text(
            schema_line + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
            encoding="utf-8",
        )
    return planted


def hostile_project(target: Path) -> list[Planted]:
    """The whole project with hostile data, ready for `mkdocs build`."""
    for name in ("mkdocs.yml", "CHANGELOG.md", "docs", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    return hostile_data(target / "data")


def by_file(planted: list[Planted], file: str) -> Iterator[Planted]:
    return (item for item in planted if item.file == file)
