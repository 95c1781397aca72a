"""The writers of the downloadable references, on the edition's own records and on hostile ones:
each file parses, the writers escape what their format treats as markup, and the same records
always give the same bytes. What independent readers make of the published files is checked in
test_export_readers.py."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rispy
from pybtex.database import parse_string
from pybtex.richtext import Text
from thouez_edition.citations.exports import (
    CSL_ITEM_TYPES,
    ExportError,
    ris_name,
    to_biblatex,
    to_bibtex,
    to_csl_json,
    to_ris,
)
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.works import load_works

from tests.conftest import ROOT

RECORDS: list[dict[str, Any]] = [*load_works(ROOT / "data").records(), load_paper_record(ROOT / "data")]
BY_ID = {record["id"]: record for record in RECORDS}
CSL_SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "csl-data.schema.json").read_text(encoding="utf-8"))
HOSTILE = {
    "id": "hostile-2001",
    "type": "report",
    "author": [{"family": "Élan", "given": "José"}, {"literal": "Research, Action & Co"}],
    "title": "Fees & 10% of $5 for #1 under_score {braced} ~ \\ “quoted” \"straight\" 'single' x^2 1--2 a---b Oh !",
    "publisher": "50% Press",
    "collection-title": "Papers on $ and %",
    "collection-number": "7",
    "URL": "http://example.org/a_b?c=1&d=%20#top",
    "issued": {"date-parts": [[2001, 3, 9]]},
}
WRITERS = [to_csl_json, to_bibtex, to_biblatex, to_ris]


def latex_text(value: str) -> str:
    return Text.from_latex(value).render_as("text")


# --- CSL-JSON -----------------------------------------------------------------------------------


def test_csl_json_is_valid_against_the_csl_json_schema() -> None:
    items = json.loads(to_csl_json(RECORDS))
    jsonschema.validate(items, CSL_SCHEMA)
    assert items == RECORDS


def test_csl_json_gives_every_number_as_a_string() -> None:
    """citation-js's renderer fails on a volume given as a number; the schema's readers expect text."""
    items = json.loads(to_csl_json(RECORDS))
    numbers = [(item["id"], key) for item in items for key, value in item.items() if isinstance(value, (int, float))]
    assert numbers == []
    assert BY_ID["nelson-2002-agendas"]["volume"] == "13" and BY_ID["thouez-2004"]["collection-number"] == "12"


def test_csl_json_sorts_keys_and_keeps_unicode_as_text() -> None:
    output = to_csl_json(RECORDS)
    assert output == json.dumps(json.loads(output), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert "Frédérique" in output and "\\u" not in output


@pytest.mark.parametrize(
    ("records", "message"),
    [
        ([{"id": "a", "type": "blog"}], "record a: type 'blog' is not a CSL item type"),
        ([{"type": "book"}], r"record \[0\]: needs an 'id'"),
        ([{"id": "a", "type": "book"}, {"id": "a", "type": "report"}], "record a: id used twice"),
    ],
)
def test_records_without_csl_id_or_type_are_refused(records: list[dict[str, Any]], message: str) -> None:
    for export in WRITERS:
        with pytest.raises(ValueError, match=message):
            export(records)


@pytest.mark.parametrize("export", WRITERS)
def test_each_export_is_deterministic(export: Any) -> None:
    shuffled_keys = [dict(reversed(list(record.items()))) for record in RECORDS]
    first = export(RECORDS)
    assert export(copy.deepcopy(RECORDS)) == first
    assert export(shuffled_keys) == first


def test_every_csl_type_in_the_data_is_a_csl_item_type() -> None:
    assert {record["type"] for record in RECORDS} <= CSL_ITEM_TYPES


# --- BibTeX and BibLaTeX (pandoc) ---------------------------------------------------------------


@pytest.mark.parametrize("export", [to_bibtex, to_biblatex])
def test_bibtex_and_biblatex_hold_one_entry_per_record_keyed_by_id(export: Any) -> None:
    database = parse_string(export(RECORDS), "bibtex")
    assert list(database.entries) == [record["id"] for record in RECORDS]


@pytest.mark.parametrize(
    ("id_", "bibtex", "biblatex"),
    [
        ("kaul-1999-global-public-goods", "book", "book"),
        ("florini-2000-lessons", "incollection", "incollection"),
        ("nelson-2002-agendas", "article", "article"),
        ("unhcr-1998-composite-flows", "techreport", "report"),
        ("icmc-programs", "misc", "online"),
        ("mri-2003-conversation", "misc", "letter"),
        ("channac-2003-decision-making", "unpublished", "unpublished"),
        ("thouez-2004", "techreport", "report"),
    ],
)
def test_entry_types_follow_the_csl_types(id_: str, bibtex: str, biblatex: str) -> None:
    assert parse_string(to_bibtex([BY_ID[id_]]), "bibtex").entries[id_].type == bibtex
    assert parse_string(to_biblatex([BY_ID[id_]]), "bibtex").entries[id_].type == biblatex


@pytest.mark.parametrize("export", [to_bibtex, to_biblatex])
def test_markup_characters_are_escaped_by_pandoc(export: Any) -> None:
    """Every field is read whole and apart (what the escapes decode to is read back by citation-js
    in test_export_readers.py: pybtex's own LaTeX decoder is not exact)."""
    entry = parse_string(export([HOSTILE, BY_ID["thouez-2004"]]), "bibtex").entries["hostile-2001"]
    assert entry.fields["title"].startswith("{{Fees} \\&") and entry.fields["title"].endswith("{Oh} !}")
    assert r"\{braced\}" in entry.fields["title"] and r"10\%" in entry.fields["title"]
    # pandoc's own forms for "^" and "--" are replaced by ones that citation-js decodes.
    assert r"x\textasciicircum{}2 1-{}-2 a-{}-{}-b" in entry.fields["title"]
    assert entry.fields["series"] == r"Papers on \$ and \%"
    assert entry.fields["url"] == HOSTILE["URL"]
    assert [str(person) for person in entry.persons["author"]] == ["Élan, José", "{Research, Action \\& Co}"]


@pytest.mark.parametrize("export", [to_bibtex, to_biblatex])
def test_a_lone_brace_is_refused_by_name_rather_than_written_unreadable(export: Any) -> None:
    with pytest.raises(ExportError, match=r"record lone: a \{ or \} in its text has no partner"):
        export([BY_ID["thouez-2004"], {"id": "lone", "type": "book", "title": "Half {open"}])


def test_titles_keep_the_capitals_they_are_given() -> None:
    """pandoc would title-case them ("Lessons Learned", "Norms Versus the Norms")."""
    entries = parse_string(to_bibtex(RECORDS), "bibtex").entries
    for id_ in ("risse-2000-norms", "dichter-1999-globalization", "un-2001-sg-migration-report", "mri-2003-conversation"):
        assert latex_text(entries[id_].fields["title"]) == BY_ID[id_]["title"]


# --- RIS (rispy) --------------------------------------------------------------------------------


def ris_entries(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return rispy.loads(to_ris(records), skip_unknown_tags=False)


def test_ris_has_one_record_per_work_and_crlf_line_ends() -> None:
    ris = to_ris(RECORDS)
    assert "\n" not in ris.replace("\r\n", "")
    lines = ris.split("\r\n")
    assert sum(line.startswith("TY  - ") for line in lines) == len(RECORDS)
    assert sum(line == "ER  - " for line in lines) == len(RECORDS)
    assert len(ris_entries(RECORDS)) == len(RECORDS)


def test_ris_book_editors_are_a3_as_zotero_writes_them() -> None:
    (book,) = ris_entries([BY_ID["kaul-1999-global-public-goods"]])
    assert book["type_of_reference"] == "BOOK"
    assert book["tertiary_authors"] == ["Kaul, Inge", "Grunberg, Isabelle", "Stern, Marc A."]
    assert "secondary_authors" not in book and "authors" not in book


def test_ris_chapter_has_book_title_editor_series_and_pages() -> None:
    chapter = {**BY_ID["wri-2003-awakening-civil-society"], "collection-title": "A Series",
               "collection-number": "4", "collection-editor": [{"family": "Ed", "given": "Series"}]}
    (entry,) = rispy.loads(to_ris([chapter]), skip_unknown_tags=False)
    assert entry["type_of_reference"] == "CHAP"
    assert entry["secondary_title"] == chapter["container-title"]
    assert (entry["start_page"], entry["end_page"]) == ("65", "88")
    assert entry["tertiary_title"] == "A Series"
    assert entry["tertiary_authors"] == ["Ed, Series"]
    assert entry["unknown_tag"]["SV"] == ["4"]


def test_ris_report_has_series_t2_number_sn_and_kind_m3_as_zotero_reads_them() -> None:
    paper, unhcr = ris_entries([BY_ID["thouez-2004"], BY_ID["unhcr-1998-composite-flows"]])
    assert paper["type_of_reference"] == "RPRT"
    assert paper["secondary_title"] == "Global Migration Perspectives"
    assert paper["issn"] == "12"
    assert (paper["publisher"], paper["place_published"]) == ("Global Commission on International Migration", "Geneva")
    assert (paper["year"], paper["date"]) == ("2004", "2004///")
    assert unhcr["issn"] == "EC/48/SC/CRP.29" and unhcr["type_of_work"] == "Conference room paper"
    assert unhcr["date"] == "1998/05/25/"


def test_ris_keeps_corporate_names_whole_as_zotero_itself_writes_them() -> None:
    (entry,) = ris_entries([BY_ID["sid-2002-hague-declaration"]])
    assert entry["authors"] == ["Society for International Development (SID), Netherlands Chapter"]
    assert ris_name({"family": "Thouez", "given": "Colleen"}) == "Thouez, Colleen"


def test_ris_values_stay_on_one_line_whatever_the_record_holds() -> None:
    record = {"id": "long", "type": "report", "title": "A title\nover two lines", "publisher": "One\r\ntwo"}
    (entry,) = ris_entries([record])
    assert (entry["title"], entry["publisher"]) == ("A title over two lines", "One two")
