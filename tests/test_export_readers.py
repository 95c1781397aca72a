"""What independent readers make of the files the site publishes for reference managers: citation-js
(npm, pinned in tests/citation-js) reads all eight and renders every entry in APA; pybtex in strict
mode reads the BibTeX and BibLaTeX files, rispy the RIS files. Field by field, what each reader gets
back must equal the CSL-JSON record, for the 38 works and the paper."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pybtex.errors
import pytest
import rispy
from pybtex.database import Person, parse_string
from pybtex.plugin import find_plugin
from pybtex.richtext import Text
from thouez_edition.citations.exports import to_biblatex, to_bibtex, to_ris
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.works import load_works

from tests.citation_js_reader import read_with_citation_js
from tests.conftest import ROOT
from tests.site_html import BuiltSite
from tests.test_exports import HOSTILE

RECORDS: list[dict[str, Any]] = [*load_works(ROOT / "data").records(), load_paper_record(ROOT / "data")]
BY_ID = {record["id"]: record for record in RECORDS}
EDITION = "thouez-2004-digital-edition"
FILES = {"works-cited": [r["id"] for r in RECORDS[:-1]], "thouez-2004": ["thouez-2004"], EDITION: [EDITION]}
ENDINGS = [".bib", ".biblatex.bib", ".ris", ".json"]
# Organisations whose names hold a comma: RIS cannot keep them whole (see ris_name).
COMMA_NAMES = {name["literal"] for r in RECORDS for name in r.get("author", []) if "," in name.get("literal", "")}
NAME_ROLES = ("author", "editor", "collection-editor")
# APA lists no personal communications (and unpublished interviews): cited in the text only.
NOT_IN_APA_LIST = {"personal_communication", "interview"}
# Where a format has no field that its readers take a variable from, by (ending, record type,
# variable): what citation-js reads there instead (None: nothing).
RIS_DIFFERENCES = {
    # Zotero's manuscript has no publisher, so its RIS translator (and citation-js) reads no PB.
    ("manuscript", "publisher"): lambda record: None,
    # A presentation has one place, the event's: written CY, read back as publisher-place.
    ("speech", "publisher-place"): lambda record: record.get("event-place"),
}


def name_text(name: Mapping[str, Any]) -> str:
    """A CSL name as one string: an organisation's whole name, a person's "Family, Given"."""
    if "literal" in name:
        return name["literal"]
    return ", ".join(str(name[part]) for part in ("family", "given", "suffix") if name.get(part))


def year(record: Mapping[str, Any]) -> str | None:
    parts = (record.get("issued") or {}).get("date-parts") or [[]]
    return str(parts[0][0]) if parts[0] else None


def compared(record: Mapping[str, Any]) -> dict[str, Any]:
    """The fields every reader must give back: what a reference manager shows and styles print."""
    fields: dict[str, Any] = {role: [name_text(n) for n in record.get(role, [])] for role in NAME_ROLES}
    fields |= {variable: record.get(variable) or None for variable in (
        "title", "container-title", "volume", "issue", "page", "publisher", "publisher-place", "collection-title",
        "URL")}
    fields["year"] = year(record)
    # A paper in a numbered series: its number is the report's number in BibTeX, RIS and Zotero.
    fields["number"] = record.get("number") or record.get("collection-number") or None
    return fields


def differences(read: Mapping[str, dict[str, Any]], ids: Iterable[str], ris: bool = False) -> list[str]:
    problems = []
    assert sorted(read) == sorted(ids)
    for id_ in ids:
        expected, got = compared(BY_ID[id_]), read[id_]
        if ris:
            for (kind, variable), instead in RIS_DIFFERENCES.items():
                if BY_ID[id_]["type"] == kind:
                    expected[variable] = instead(BY_ID[id_])
        problems += [f"{id_}.{key}: expected {expected[key]!r}, read {got.get(key)!r}"
                     for key in expected if got.get(key) != expected[key]]
    return problems


# --- citation-js --------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def edition_record(site: BuiltSite) -> None:
    """The edition's record carries the build's version, date and address: the one the site
    publishes as CSL-JSON is the record the other files must agree with."""
    (record,) = json.loads((site.dir / "downloads" / f"{EDITION}.json").read_text(encoding="utf-8"))
    BY_ID[EDITION] = record


@pytest.fixture(scope="module")
def citation_js(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What citation-js reads from each published file (named by its ending), and its APA entries."""
    copies = tmp_path_factory.mktemp("exports")
    files = {}
    for stem in FILES:
        for ending in ENDINGS:
            # citation-js tells formats by extension; BibLaTeX is read by its BibTeX reader either way.
            copy = copies / f"{stem}{ending.replace('.biblatex.bib', '-biblatex.bib')}"
            shutil.copy(site.dir / "downloads" / f"{stem}{ending}", copy)
            files[f"{stem}{ending}"] = str(copy)
    output = read_with_citation_js(files.values())
    return {name: output[path] for name, path in files.items()}


def from_citation_js(item: Mapping[str, Any]) -> dict[str, Any]:
    return compared(item)


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("stem", FILES)
def test_citation_js_renders_every_entry_in_apa(citation_js: dict[str, Any], stem: str, ending: str) -> None:
    read = citation_js[f"{stem}{ending}"]
    assert len(read["items"]) == len(read["apa"]) == len(read["citations"]) == len(FILES[stem])
    for entry, citation, item in zip(read["apa"], read["citations"], read["items"]):
        assert citation.startswith("(") and (year(item) or "n.d.") in citation, citation
        if item["type"] in NOT_IN_APA_LIST:
            assert entry == "", entry
        else:
            assert item["title"].split(":")[0].strip("[]") in entry, entry


@pytest.mark.parametrize("ending", ENDINGS)
@pytest.mark.parametrize("stem", FILES)
def test_citation_js_reads_back_every_field(citation_js: dict[str, Any], stem: str, ending: str) -> None:
    items = citation_js[f"{stem}{ending}"]["items"]
    if ending == ".ris":  # RIS has no ids: records are matched in order
        read = {id_: from_citation_js(item) for id_, item in zip(FILES[stem], items, strict=True)}
    else:
        read = {item["id"]: from_citation_js(item) for item in items}
    assert differences(read, FILES[stem], ris=ending == ".ris") == []


def test_citation_js_reads_organisations_whole_except_where_ris_splits_them(citation_js: dict[str, Any]) -> None:
    """RIS names are "Family, Given": a comma in an organisation's name splits it, as in Zotero."""
    assert COMMA_NAMES
    for ending in (".bib", ".biblatex.bib", ".json"):
        names = [n for item in citation_js[f"works-cited{ending}"]["items"] for n in item.get("author", [])]
        whole = {n.get("literal") or n["family"] for n in names if "given" not in n}
        assert COMMA_NAMES <= whole, ending
    split = [n for item in citation_js["works-cited.ris"]["items"] for n in item.get("author", []) if "given" in n]
    assert {name_text(n) for n in split} >= COMMA_NAMES


def test_markup_characters_escaped_by_the_writers_read_back_as_written(tmp_path: Path) -> None:
    files = {}
    for ending, export in ((".bib", to_bibtex), ("-biblatex.bib", to_biblatex), (".ris", to_ris)):
        files[ending] = tmp_path / f"hostile{ending}"
        files[ending].write_text(export([HOSTILE]), encoding="utf-8", newline="")
    output = read_with_citation_js(str(path) for path in files.values())
    for ending, path in files.items():
        (item,) = output[str(path)]["items"]
        for variable in ("title", "publisher", "collection-title", "URL"):
            assert item[variable] == HOSTILE[variable], (ending, variable)
        assert [name_text(n) for n in item["author"]][0] == "Élan, José", ending


# --- pybtex (strict) ----------------------------------------------------------------------------


def latex_text(value: str | None) -> str | None:
    return Text.from_latex(value).render_as("text") if value else None


def person_text(person: Person) -> str:
    family = latex_text(" ".join([*person.prelast_names, *person.last_names]))
    given = latex_text(" ".join([*person.first_names, *person.middle_names]))
    return ", ".join(part for part in (family, given) if part)


def from_pybtex(entry: Any) -> dict[str, Any]:
    fields = entry.fields

    def first(*names: str) -> str | None:
        return next((latex_text(fields[name]) for name in names if name in fields), None)

    date = first("year", "date")
    return {
        **{role: [person_text(p) for p in entry.persons.get(role.replace("collection-", "series"), [])] for role in NAME_ROLES},
        "title": first("title"),
        "container-title": first("booktitle", "journal", "journaltitle"),
        "volume": first("volume"),
        # BibTeX's `number` of an article is its issue.
        "issue": first("number") if entry.type == "article" else first("issue"),
        "page": first("pages"),
        "publisher": first("publisher", "institution", "school"),
        "publisher-place": first("address", "location"),
        "collection-title": first("series"),
        "URL": fields.get("url"),
        "year": date[:4] if date else None,
        "number": None if entry.type == "article" else first("number"),
    }


@pytest.mark.parametrize("ending", [".bib", ".biblatex.bib"])
@pytest.mark.parametrize("stem", FILES)
def test_pybtex_in_strict_mode_reads_back_every_field(site: BuiltSite, stem: str, ending: str) -> None:
    pybtex.errors.set_strict_mode(True)
    database = parse_string((site.dir / "downloads" / f"{stem}{ending}").read_text(encoding="utf-8"), "bibtex")
    read = {key: from_pybtex(entry) for key, entry in database.entries.items()}
    assert differences(read, FILES[stem]) == []


# --- rispy --------------------------------------------------------------------------------------

# What Zotero's RIS translator reads each tag as, by record type (its fieldMap), in CSL terms;
# tags not listed mean the same for every type.
RIS_READING: dict[str, dict[str, str]] = {
    "JOUR": {"T2": "container-title", "A2": "editor", "T3": "collection-title"},
    "BOOK": {"A3": "editor", "A2": "collection-editor", "T2": "collection-title", "M1": "number"},
    "CHAP": {"T2": "container-title", "A2": "editor", "T3": "collection-title", "A3": "collection-editor", "SV": "number"},
    "RPRT": {"T2": "collection-title", "A2": "collection-editor", "SN": "number"},
    "ELEC": {"T2": "container-title"},
    "SLIDE": {"T2": "event-title", "CY": "event-place"},
}
RIS_COMMON = {"TI": "title", "AU": "author", "PB": "publisher", "CY": "publisher-place", "UR": "URL", "PY": "year",
              "VL": "volume", "IS": "issue"}


def from_rispy(entry: Mapping[str, Any]) -> dict[str, Any]:
    tags = {tag: entry[key] for tag, key in rispy.TAG_KEY_MAPPING.items() if key in entry}
    tags |= entry.get("unknown_tag", {})
    reading = {**RIS_COMMON, **RIS_READING.get(entry["type_of_reference"], {})}
    fields: dict[str, Any] = {role: [] for role in NAME_ROLES}
    for tag, value in tags.items():
        variable = reading.get(tag)
        if variable in NAME_ROLES:
            fields[variable] = list(value)
        elif variable:
            fields[variable] = value[0] if isinstance(value, list) and tag != "UR" else value
    fields["URL"] = tags["UR"][0] if "UR" in tags else None
    if "SP" in tags:
        fields["page"] = "-".join([tags["SP"], *([tags["EP"]] if "EP" in tags else [])])
        if entry["type_of_reference"] == "BOOK":  # a book's SP is its number of pages
            fields["page"] = None
    return fields


@pytest.mark.parametrize("stem", FILES)
def test_rispy_reads_back_every_field(site: BuiltSite, stem: str) -> None:
    entries = rispy.loads((site.dir / "downloads" / f"{stem}.ris").read_text(encoding="utf-8"), skip_unknown_tags=False)
    read = {id_: from_rispy(entry) for id_, entry in zip(FILES[stem], entries, strict=True)}
    assert differences(read, FILES[stem]) == []


def test_rispy_reads_the_papers_series_and_number_apart(site: BuiltSite) -> None:
    (entry,) = rispy.loads((site.dir / "downloads" / "thouez-2004.ris").read_text(encoding="utf-8"))
    assert (entry["secondary_title"], entry["issn"]) == ("Global Migration Perspectives", "12")


# --- a report's institution ------------------------------------------------------------------------

# The entry kind of a report in each file: BibTeX's @techreport, BibLaTeX's @report.
REPORT_KINDS = {".bib": "techreport", ".biblatex.bib": "report"}


@pytest.mark.parametrize("ending", [".bib", ".biblatex.bib"])
@pytest.mark.parametrize("stem", FILES)
def test_a_reports_issuing_body_is_its_institution(site: BuiltSite, stem: str, ending: str) -> None:
    """BibTeX's and BibLaTeX's standard styles print a report's issuing body from `institution`
    and ignore `publisher`; pybtex (strict) reads the field back as the record's publisher."""
    pybtex.errors.set_strict_mode(True)
    database = parse_string((site.dir / "downloads" / f"{stem}{ending}").read_text(encoding="utf-8"), "bibtex")
    reports = {key: entry for key, entry in database.entries.items() if entry.type == REPORT_KINDS[ending]}
    assert sorted(reports) == sorted(id_ for id_ in FILES[stem] if BY_ID[id_]["type"] == "report")
    for key, entry in reports.items():
        assert "publisher" not in entry.fields, key
        assert latex_text(entry.fields.get("institution")) == BY_ID[key].get("publisher"), key


def test_bibtexs_plain_style_prints_each_reports_institution(site: BuiltSite) -> None:
    """pybtex's `plain`, which follows BibTeX's plain.bst, formats every report that has the
    fields the style requires of one (author, title, institution, year; strict, so a missing one
    would stop it) and prints its issuing body."""
    pybtex.errors.set_strict_mode(True)
    database = parse_string("".join((site.dir / "downloads" / f"{stem}.bib").read_text(encoding="utf-8")
                                    for stem in ("works-cited", "thouez-2004")), "bibtex")
    reports = [key for key, entry in database.entries.items() if entry.type == "techreport"
               and "author" in entry.persons and {"title", "institution", "year"} <= set(entry.fields)]
    assert "thouez-2004" in reports and len(reports) >= 2
    style = find_plugin("pybtex.style.formatting", "plain")()
    formatted = {entry.key: entry.text.render_as("text")
                 for entry in style.format_entries(database.entries[key] for key in reports)}
    for key in reports:
        assert BY_ID[key]["publisher"] in formatted[key], formatted[key]
