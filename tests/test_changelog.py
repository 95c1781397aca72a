"""A stable version: the changelog gives each version's day, and that day, never the build's, is
the edition's date on every page, in the exports and in the PDF; readers see the changelog as
*What changed*; CITATION.cff agrees with both and is valid Citation File Format."""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from pypdf import PdfReader
from thouez_edition.data.changelog import Changelog, parse_changelog, read_changelog
from thouez_edition.data.colophon import make_colophon
from thouez_edition.errors import DataError
from thouez_edition.stages import Settings, build_edition

from tests.conftest import ROOT
from tests.site_html import BuiltSite
from tests.test_stages import READING_ORDER

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def version_day() -> str:
    """The day the project's version was released, as CHANGELOG.md gives it."""
    return read_changelog(ROOT / "CHANGELOG.md").version_date(VERSION)


VALID = """# Changelog

Some words.

## [Unreleased]

### Added

- A new thing,
  said on two lines.

## [0.2.0] - 2027-01-15

### Changed

- Something *else*.

### Fixed

- A slip.

## [0.1.0] - 2026-12-02

### Added

- The first version.

[0.2.0]: https://example.org/compare/0.1.0...0.2.0
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_changelog(text)
    return [str(problem) for problem in caught.value.problems]


# --- the changelog as data ------------------------------------------------------------------


def test_a_changelog_reads_as_versions_newest_first_with_their_days_and_changes() -> None:
    changelog = parse_changelog(VALID)
    assert [(r.version, r.date) for r in changelog.releases] == [
        ("Unreleased", None), ("0.2.0", "2027-01-15"), ("0.1.0", "2026-12-02")]
    assert changelog.releases[0].changes[0].items == ("A new thing, said on two lines.",)
    assert [c.kind for c in changelog.releases[1].changes] == ["Changed", "Fixed"]
    assert changelog.version_date("0.2.0") == "2027-01-15"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("## [0.2.0] - 2027-01-15", "## [0.2.0]",
     ["CHANGELOG.md:12: 0.2.0.date: is missing; expected the day the version was released, as in "
      "“## [0.2.0] - 2027-01-15”, or “## [Unreleased]” first"]),
    ("## [0.2.0] - 2027-01-15", "## [0.2.0] - 2027-02-30",
     ["CHANGELOG.md:12: 0.2.0.date: is “2027-02-30”, which is not a day of the calendar; expected YYYY-MM-DD"]),
    ("## [0.2.0] - 2027-01-15", "## [0.2.0] - 15 January 2027",
     ["CHANGELOG.md:12: 0.2.0.date: is “15 January 2027”, which is not a day of the calendar; expected YYYY-MM-DD"]),
    ("## [0.2.0] - 2027-01-15", "## [two] - 2027-01-15",
     ["CHANGELOG.md:12: two: is not a version number; expected major.minor.patch, as in "
      "“## [0.2.0] - 2027-01-15”, or “## [Unreleased]” first"]),
    ("### Fixed", "### Repaired",
     ["CHANGELOG.md:18: 0.2.0: has the kind of change “Repaired”; expected one of "
      "Added, Changed, Deprecated, Removed, Fixed, Security"]),
    ("## [0.2.0] - 2027-01-15", "## [0.2.0] - 2026-11-15",
     ["CHANGELOG.md:22: 0.1.0.date: is 2026-12-02, later than 0.2.0's 2026-11-15; expected the versions newest first"]),
    ("## [0.1.0] - 2026-12-02", "## [0.3.0] - 2026-12-02",
     ["CHANGELOG.md:22: 0.3.0: comes after 0.2.0; expected the versions newest first"]),
    ("- The first version.", "The first version.",
     ["CHANGELOG.md:26: 0.1.0: is “The first version.”; expected a change (“- …”) under a kind of change "
      "(“### Added” …), or a version's heading",
      "CHANGELOG.md:22: 0.1.0: lists no change; expected at least one “- …” under a “### Added” "
      "(or Changed, Deprecated, Removed, Fixed, Security) heading"]),
    ("## [Unreleased]", "## [Unreleased] - 2027-02-01",
     ["CHANGELOG.md:5: Unreleased.date: is “2027-02-01”; expected no date for the changes not yet released"]),
])
def test_a_bad_changelog_is_reported_by_line_version_and_field(old: str, new: str, expected: list[str]) -> None:
    assert sorted(problems_of(VALID.replace(old, new, 1))) == sorted(expected)


def test_the_changes_not_yet_released_come_first() -> None:
    text = VALID.replace("## [Unreleased]\n\n### Added\n\n- A new thing,\n  said on two lines.\n\n", "")
    text = text.replace("[0.2.0]: https", "## [Unreleased]\n\n### Added\n\n- Late.\n\n[0.2.0]: https")
    assert problems_of(text) == [
        "CHANGELOG.md:21: Unreleased: comes after a version; expected it first, above the newest version"]


def test_a_version_the_changelog_does_not_give_stops_the_build(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\nversion = "0.3.0"\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        make_colophon(pyproject, parse_changelog(VALID), "http://127.0.0.1:8000/", publishing=False)
    assert str(caught.value).splitlines()[1:] == [
        "  CHANGELOG.md: 0.3.0: is pyproject.toml's version, but the changelog has no section for it; "
        "expected a heading “## [0.3.0] - YYYY-MM-DD” with the day it was released"]


def test_a_missing_changelog_is_named(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"CHANGELOG.md: is missing; expected the edition's changelog"):
        read_changelog(tmp_path / "CHANGELOG.md")


# --- the project's own changelog, and the date it gives -------------------------------------


def test_the_projects_version_has_its_day_in_the_changelog() -> None:
    changelog = read_changelog(ROOT / "CHANGELOG.md")
    assert isinstance(changelog, Changelog)
    assert date.fromisoformat(version_day()) <= date.today()


def test_the_editions_date_is_the_versions_whenever_it_is_built() -> None:
    """SOURCE_DATE_EPOCH, or the day of the build, change nothing: the same version, the same day."""
    footers = set()
    for environment in ({}, {"SOURCE_DATE_EPOCH": "1796000000"}):
        edition = build_edition(Settings(
            project_dir=ROOT, docs_dir=ROOT / "docs", reading_order=READING_ORDER,
            site_url="http://127.0.0.1:8000/", command="serve", environment=environment))
        footers.add(edition.footer)
        assert edition.identity.date == version_day()
    assert len(footers) == 1 and f"Edition version {VERSION} ({version_day()})" in footers.pop()


def test_the_site_the_exports_and_the_pdf_give_the_versions_day(site: BuiltSite) -> None:
    day = version_day()
    year, month, dom = (int(part) for part in day.split("-"))
    footer = " ".join(site.soup("glossary/").select_one(".md-copyright").get_text().split())
    assert f"Edition version {VERSION} ({day})" in footer
    identity = " ".join(site.article("editorial/").select_one("dl.edition-identity").get_text().split())
    assert f"{VERSION}, released on {day} (what changed)." in identity
    (record,) = json.loads((site.dir / "downloads" / "thouez-2004-digital-edition.json").read_text(encoding="utf-8"))
    assert record["issued"] == {"date-parts": [[year, month, dom]]}
    biblatex = (site.dir / "downloads" / "thouez-2004-digital-edition.biblatex.bib").read_text(encoding="utf-8")
    assert re.search(rf"date = \{{{day}\}}", biblatex), biblatex
    reader = PdfReader(site.dir / "downloads" / "thouez-2004-edition.pdf")
    assert reader.metadata.creation_date.date() == date(year, month, dom)
    assert f"Edition version {VERSION}, released on {day}." in " ".join(reader.pages[-1].extract_text().split())


# --- What changed, for readers --------------------------------------------------------------


def test_what_changed_shows_every_version_and_change_of_the_changelog(site: BuiltSite) -> None:
    changelog = read_changelog(ROOT / "CHANGELOG.md")
    article = site.article("changes/")
    headings = [" ".join(h.get_text().split()).removesuffix("¶").strip() for h in article.select("h2")]
    assert headings == [f"Version {r.version}" if r.released else "Not yet in a version" for r in changelog.releases]
    items = [" ".join(li.get_text().split()) for li in article.select("li")]
    expected = [re.sub(r"[*`]", "", item) for r in changelog.releases for c in r.changes for item in c.items]
    assert items == expected
    released = next(r for r in changelog.releases if r.released)
    section = article.select_one(f"#version-{released.version.replace('.', '-')}")
    assert section is not None
    assert "Released on " in section.find_next("p").get_text()
    tabs = [" ".join(a.get_text().split()) for a in site.soup("").select(".md-tabs__link")]
    assert "What changed" in tabs


# --- CITATION.cff ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def citation() -> dict:
    # CFF dates are strings: read with the YAML 1.2 core types PyYAML's safe loader gives, quoted.
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def cff_errors(document: dict) -> list[str]:
    schema = json.loads((ROOT / "tests" / "fixtures" / "cff" / "schema-1.2.0.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'.'.join(map(str, error.path))}: {error.message}" for error in validator.iter_errors(document)]


def test_citation_cff_is_valid_citation_file_format(citation: dict) -> None:
    assert cff_errors(citation) == []
    # The schema does refuse what is wrong: a check that passes everything would pass this too.
    assert cff_errors({**citation, "version-of": "x", "date-released": "2 December"})


def test_citation_cff_gives_the_version_its_day_and_the_editions_editors(citation: dict) -> None:
    day = version_day()
    assert (citation["version"], citation["date-released"]) == (VERSION, day)
    preferred = citation["preferred-citation"]
    assert (preferred["version"], preferred["date-released"], preferred["year"]) == (VERSION, day, int(day[:4]))
    editors = yaml.safe_load((ROOT / "data" / "edition.yml").read_text(encoding="utf-8"))["editors"]
    paper = yaml.safe_load((ROOT / "data" / "paper.yml").read_text(encoding="utf-8"))
    assert citation["authors"] == [{"name": editors}] == preferred["editors"]
    assert preferred["title"] == paper["title"] == citation["references"][0]["title"]
    assert preferred["authors"] == [{"family-names": "Thouez", "given-names": "Colleen"}]
