"""The edition builds the same with ProperDocs, the maintained continuation of MkDocs 1.x, as with
MkDocs, whose last release is 1.6.1: the same files, the same article text on every page, the same search index and the
same downloads.

ProperDocs reads `mkdocs.yml` and redirects the `mkdocs.*` imports of the hook, the theme and its
plugins to itself, so the project can move to it without a change to its sources; these tests
show that nothing a reader gets depends on which of the two built the site. The only difference
expected is the `generator` meta tag, which names the engine.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from io import BytesIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from pypdf import PdfReader

from tests.site_host import ROOT
from tests.site_html import BuiltSite

PDF = "downloads/thouez-2004-edition.pdf"
# The offline copy: its pages carry their engine's generator tag, so it is compared entry by entry.
OFFLINE_COPY = "downloads/thouez-2004-edition-offline.zip"
SEARCH_INDEX = "search/edition-index.json"
# The PDF's dates are the moment Chromium printed it, not the edition's date.
PDF_DATES = {"/CreationDate", "/ModDate"}
# The same in its bytes: a literal string, whose parentheses the PDF writes escaped.
PDF_DATE_BYTES = re.compile(rb"/(CreationDate|ModDate) ?\([^)]*\)")
# Pages shown in a failure message; the rest are counted.
SHOWN = 5


@dataclass(frozen=True)
class Page:
    """What is compared of one built HTML page."""

    # The text of `article.md-content__inner`, one line per text node; for a page without one
    # (the redirects from the print's page numbers), the text of its body.
    text: list[str]
    has_article: bool
    # The whole document, without the `generator` tag, one line per serialized line.
    html: list[str]
    generator: str


def without_dates(pdf: bytes) -> bytes:
    return PDF_DATE_BYTES.sub(rb"/\1 ()", pdf)


def read_page(soup: BeautifulSoup) -> Page:
    article = soup.select_one("article.md-content__inner")
    holder = article if article is not None else soup.body
    text = [line for line in (s.strip() for s in holder.get_text("\n").splitlines()) if line] if holder else []
    generator = ""
    if (meta := soup.find("meta", attrs={"name": "generator"})) is not None:
        generator = str(meta.get("content", ""))
        meta.decompose()
    return Page(text, article is not None, str(soup).splitlines(), generator)


def read_pages(site: BuiltSite) -> dict[str, Page]:
    return {page: read_page(site.soup(page)) for page in site.pages()}


def first_difference(expected: list[str], actual: list[str], context: int = 2) -> str:
    """The first hunk of a unified diff between two lists of lines, MkDocs' first."""
    lines = list(difflib.unified_diff(expected, actual, "MkDocs", "ProperDocs", n=context, lineterm=""))
    if not lines:
        return ""
    hunk_starts = [i for i, line in enumerate(lines) if line.startswith("@@")]
    end = hunk_starts[1] if len(hunk_starts) > 1 else len(lines)
    return "\n".join(lines[:end])


def report(differences: dict[str, str], what: str) -> str:
    """A failure message naming every page that differs and showing the first few diffs."""
    shown = [f"--- {name}\n{diff}" for name, diff in list(differences.items())[:SHOWN]]
    more = len(differences) - SHOWN
    tail = [f"... and {more} more: {', '.join(list(differences)[SHOWN:])}"] if more > 0 else []
    return f"{what} differs between MkDocs and ProperDocs on {len(differences)} file(s):\n" + "\n".join(shown + tail)


def build_date(site: BuiltSite) -> date:
    """The date the MkDocs build ran on, as MkDocs wrote it into the sitemap (in UTC, like the
    colophon's)."""
    tree = etree.parse(str(site.dir / "sitemap.xml"))
    dates = tree.xpath("//s:lastmod/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert dates, "the MkDocs build's sitemap gives no date"
    return date.fromisoformat(max(dates))


@pytest.fixture(scope="module")
def properdocs_site(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The site built by ProperDocs exactly as the suite builds it with MkDocs (tests/site_host.py):
    strict, for the same address, in the same environment."""
    site_dir = tmp_path_factory.mktemp("properdocs") / "site"
    environment = {**os.environ, "SITE_URL": site.url, "NO_MKDOCS_2_WARNING": "1"}
    # The sitemap carries the build's date (the colophon gives the version's, from CHANGELOG.md):
    # unless the run fixes it for both builds, give this build the MkDocs build's, so a run that
    # passes midnight compares like with like.
    if "SOURCE_DATE_EPOCH" not in environment:
        midnight = datetime.combine(build_date(site), datetime.min.time(), timezone.utc)
        environment["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    # `-f mkdocs.yml`: named explicitly, the legacy file name is read without a note about it.
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"properdocs build --strict failed:\n{log}")
    return BuiltSite(site_dir, site.url, log)


@pytest.fixture(scope="module")
def mkdocs_pages(site: BuiltSite) -> dict[str, Page]:
    return read_pages(site)


@pytest.fixture(scope="module")
def properdocs_pages(properdocs_site: BuiltSite) -> dict[str, Page]:
    return read_pages(properdocs_site)


def log_lines(log: str, site_dir: Path) -> list[str]:
    """The build's log with what changes from one build to the next (its folder, its duration)
    taken out."""
    log = log.replace(str(site_dir), "<site>")
    return [re.sub(r"built in [\d.]+ seconds", "built in N seconds", line) for line in log.splitlines()]


def files(site_dir: Path) -> set[str]:
    return {str(path.relative_to(site_dir)) for path in site_dir.rglob("*") if path.is_file()}


def test_properdocs_builds_strictly_and_says_nothing_mkdocs_does_not(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    assert "WARNING" not in properdocs_site.log
    assert log_lines(properdocs_site.log, properdocs_site.dir) == log_lines(site.log, site.dir)


def test_properdocs_built_it(mkdocs_pages: dict[str, Page], properdocs_pages: dict[str, Page]) -> None:
    """The comparison is between two engines, not one engine twice."""
    themed = [page for page in properdocs_pages.values() if page.generator]
    assert themed and all("ProperDocs" in page.generator for page in themed)
    assert not any("ProperDocs" in page.generator for page in mkdocs_pages.values())


def test_same_files(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    mkdocs_files, properdocs_files = files(site.dir), files(properdocs_site.dir)
    assert sorted(mkdocs_files - properdocs_files) == [], "built by MkDocs only"
    assert sorted(properdocs_files - mkdocs_files) == [], "built by ProperDocs only"


def test_same_article_text_on_every_page(mkdocs_pages: dict[str, Page], properdocs_pages: dict[str, Page]) -> None:
    assert sorted(properdocs_pages) == sorted(mkdocs_pages)
    differences: dict[str, str] = {}
    for name, page in mkdocs_pages.items():
        other = properdocs_pages[name]
        if page.has_article != other.has_article:
            differences[name] = f"article.md-content__inner: MkDocs {page.has_article}, ProperDocs {other.has_article}"
        elif page.text != other.text:
            differences[name] = first_difference(page.text, other.text)
    assert not differences, report(differences, "The article text")


def test_same_pages_apart_from_the_generator_tag(
    mkdocs_pages: dict[str, Page], properdocs_pages: dict[str, Page]
) -> None:
    """Beyond the article: the head's metadata, the navigation, the footer and the scripts."""
    differences = {
        name: first_difference(page.html, properdocs_pages[name].html)
        for name, page in mkdocs_pages.items()
        if name in properdocs_pages and page.html != properdocs_pages[name].html
    }
    assert not differences, report(differences, "The HTML")


def test_same_search_index(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    def load(site_dir: Path) -> dict:
        return json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))

    expected, actual = load(site.dir), load(properdocs_site.dir)
    assert (actual["citations"], actual["spellings"]) == (expected["citations"], expected["spellings"])
    docs, other_docs = expected["docs"], actual["docs"]
    assert [doc["location"] for doc in other_docs] == [doc["location"] for doc in docs]
    differences = {
        f"{SEARCH_INDEX}: {doc['location']}": first_difference(
            json.dumps(doc, indent=1, ensure_ascii=False).splitlines(),
            json.dumps(other, indent=1, ensure_ascii=False).splitlines(),
        )
        for doc, other in zip(docs, other_docs)
        if doc != other
    }
    assert not differences, report(differences, "The search index")
    assert actual == expected


def test_same_downloads_and_other_files(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    """Every file but the pages, the search index (above) and the PDF (below), byte for byte:
    the downloads, the sitemap, the schemas, the stylesheets and scripts."""
    differences: dict[str, str] = {}
    for name in sorted(files(site.dir) & files(properdocs_site.dir)):
        if name.endswith(".html") or name in (SEARCH_INDEX, PDF, OFFLINE_COPY):
            continue
        expected, actual = (site.dir / name).read_bytes(), (properdocs_site.dir / name).read_bytes()
        if expected != actual:
            try:
                differences[name] = first_difference(expected.decode().splitlines(), actual.decode().splitlines())
            except UnicodeDecodeError:
                differences[name] = f"binary files of {len(expected)} and {len(actual)} bytes"
    assert not differences, report(differences, "The file")


def test_same_offline_copy_apart_from_the_generator_tag(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    """The offline copy's entries: the same names, pages alike apart from the generator tag,
    every other file byte for byte."""
    with zipfile.ZipFile(site.dir / OFFLINE_COPY) as expected, zipfile.ZipFile(properdocs_site.dir / OFFLINE_COPY) as actual:
        assert actual.namelist() == expected.namelist()
        differences: dict[str, str] = {}
        for name in expected.namelist():
            mine, theirs = expected.read(name), actual.read(name)
            if name.endswith(".html"):
                page, other = (read_page(BeautifulSoup(content, "lxml")) for content in (mine, theirs))
                if page.html != other.html:
                    differences[name] = first_difference(page.html, other.html)
            elif mine != theirs:
                differences[name] = f"{len(mine)} and {len(theirs)} bytes"
    assert not differences, report(differences, "The offline copy")


def test_same_pdf(site: BuiltSite, properdocs_site: BuiltSite) -> None:
    """The PDF's bytes carry the moment Chromium printed it; apart from that they must be the same.
    Its text is read (slow) only to say where they differ."""
    expected_bytes, actual_bytes = (site.dir / PDF).read_bytes(), (properdocs_site.dir / PDF).read_bytes()
    expected, actual = PdfReader(BytesIO(expected_bytes)), PdfReader(BytesIO(actual_bytes))
    assert len(actual.pages) == len(expected.pages)

    def information(reader: PdfReader) -> dict[str, str]:
        return {key: str(value) for key, value in (reader.metadata or {}).items() if key not in PDF_DATES}

    assert information(actual) == information(expected)
    if without_dates(actual_bytes) == without_dates(expected_bytes):
        return
    texts = [[page.extract_text().splitlines() for page in reader.pages] for reader in (expected, actual)]
    differences = {
        f"{PDF}, page {number}": first_difference(text, other)
        for number, (text, other) in enumerate(zip(*texts), start=1)
        if text != other
    }
    assert not differences, report(differences, "The PDF's text")
    pytest.fail(f"{PDF}: the same text, but other bytes (its layout, fonts or images differ)")
