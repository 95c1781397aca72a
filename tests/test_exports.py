"""The CSL-JSON, BibTeX and RIS exports: each parses, holds every work with the right fields, and
comes out byte for byte the same from the same records."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import subprocess

import pytest
from pybtex.database import parse_string
from pybtex.richtext import Text

from thouez_edition.exports import CSL_ITEM_TYPES, to_bibtex, to_csl_json, to_ris

WORKS: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "fixtures" / "citations" / "works.json").read_text(encoding="utf-8")
)
BY_ID = {work["id"]: work for work in WORKS}
TRICKY = {
    "id": "tricky-2001",
    "type": "webpage",
    "author": [{"family": "Élan", "given": "José"}, {"literal": "Research and Action Group"}],
    "title": "Fees & 10% of $5 for #1 under_score {braced} ~ ^ \\ “quoted”",
    "URL": "http://example.org/a_b?c=1&d=%20#top",
    "issued": {"date-parts": [[2001, 3, 9]]},
}
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - .*$")


def from_latex(value: str) -> str:
    return Text.from_latex(value).render_as("text")


def ris_records(ris: str) -> list[list[str]]:
    records: list[list[str]] = []
    for line in ris.split("\r\n")[:-1]:
        if line.startswith("TY  - "):
            records.append([])
        records[-1].append(line)
    return records


def ris_values(record: list[str], tag: str) -> list[str]:
    return [line[6:] for line in record if line.startswith(f"{tag}  - ")]


# --- CSL-JSON -----------------------------------------------------------------------------------


def test_csl_json_is_read_by_pandocs_csl_json_reader() -> None:
    """pandoc, an independent CSL implementation, reads every item back with its id and type."""
    from thouez_edition.references import pandoc_path

    result = subprocess.run(
        [pandoc_path(), "--from=csljson", "--to=csljson"],
        input=to_csl_json(WORKS), capture_output=True, text=True, encoding="utf-8", check=True,
    )
    items = json.loads(result.stdout)
    assert [(item["id"], item["type"]) for item in items] == [(w["id"], w["type"]) for w in WORKS]


def test_csl_json_parses_with_every_work_carrying_id_and_a_valid_type() -> None:
    items = json.loads(to_csl_json(WORKS))
    assert [item["id"] for item in items] == [work["id"] for work in WORKS]
    assert all(isinstance(item["id"], str) and item["type"] in CSL_ITEM_TYPES for item in items)
    assert items == WORKS


def test_csl_json_sorts_keys_and_keeps_unicode_as_text() -> None:
    output = to_csl_json(WORKS)
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
    for export in (to_csl_json, to_bibtex, to_ris):
        with pytest.raises(ValueError, match=message):
            export(records)


@pytest.mark.parametrize("export", [to_csl_json, to_bibtex, to_ris])
def test_each_export_is_deterministic(export: Any) -> None:
    shuffled_keys = [dict(reversed(list(work.items()))) for work in WORKS]
    first = export(WORKS)
    assert export(copy.deepcopy(WORKS)) == first
    assert export(shuffled_keys) == first
    assert first.encode("utf-8") == export(WORKS).encode("utf-8")


# --- BibTeX -------------------------------------------------------------------------------------


def test_bibtex_parses_with_one_entry_per_work_keyed_by_id() -> None:
    database = parse_string(to_bibtex(WORKS), "bibtex")
    assert list(database.entries) == [work["id"] for work in WORKS]


@pytest.mark.parametrize(
    ("id_", "entry_type"),
    [
        ("kaul-1999-global-public-goods", "book"),
        ("florini-2000-lessons", "incollection"),
        ("nelson-2002-agendas", "article"),
        ("unhcr-1998-composite-flows", "techreport"),
        ("icmc-programs", "misc"),
        ("thouez-2002-data", "misc"),
        ("llosa-2003-interview", "misc"),
        ("mri-2003-conversation", "misc"),
        ("channac-2003-decision-making", "unpublished"),
    ],
)
def test_bibtex_entry_types_follow_the_csl_types(id_: str, entry_type: str) -> None:
    assert parse_string(to_bibtex([BY_ID[id_]]), "bibtex").entries[id_].type == entry_type


def test_bibtex_chapter_has_book_title_editor_and_pages() -> None:
    entry = parse_string(to_bibtex(WORKS), "bibtex").entries["florini-2000-lessons"]
    assert [str(person) for person in entry.persons["author"]] == ["Florini, Ann M."]
    assert [str(person) for person in entry.persons["editor"]] == ["Florini, Ann M."]
    assert from_latex(entry.fields["booktitle"]) == "The Third Force: The Rise of Transnational Civil Society"
    assert entry.fields["pages"] == "211--240"
    assert entry.fields["address"] == "Tokyo; Washington, DC"
    assert entry.fields["year"] == "2000"


def test_bibtex_article_has_journal_volume_number_month_and_doi() -> None:
    entry = parse_string(to_bibtex(WORKS), "bibtex").entries["nelson-2002-agendas"]
    assert from_latex(entry.fields["journal"]).startswith("Voluntas")
    assert (entry.fields["volume"], entry.fields["number"]) == ("13", "4")
    assert entry.fields["month"] == "December"
    assert entry.fields["doi"] == "10.1023/A:1022062010375"


def test_bibtex_editors_are_joined_with_and() -> None:
    source = to_bibtex([BY_ID["kaul-1999-global-public-goods"]])
    assert "editor = {Kaul, Inge and Grunberg, Isabelle and Stern, Marc A.}" in source
    entry = parse_string(source, "bibtex").entries["kaul-1999-global-public-goods"]
    assert [person.last_names for person in entry.persons["editor"]] == [["Kaul"], ["Grunberg"], ["Stern"]]


def test_bibtex_keeps_a_corporate_author_whole() -> None:
    entry = parse_string(to_bibtex(WORKS), "bibtex").entries["unhcr-1998-composite-flows"]
    (author,) = entry.persons["author"]
    assert author.last_names == [
        "{UNHCR, Executive Committee of the High Commissioner's Programme, Standing Committee}"
    ]
    assert entry.fields["number"] == "EC/48/SC/CRP.29"
    assert entry.fields["type"] == "Conference room paper"
    assert entry.fields["institution"] == "UNHCR"


def test_bibtex_escapes_specials_and_keeps_unicode() -> None:
    source = to_bibtex([TRICKY])
    entry = parse_string(source, "bibtex").entries["tricky-2001"]
    # pybtex reads the field whole (the braces balance); the outer pair protects the capitals.
    assert entry.fields["title"] == (
        r"{Fees \& 10\% of \$5 for \#1 under\_score \{braced\} \textasciitilde{} \textasciicircum{} "
        r"\textbackslash{} “quoted”}"
    )
    assert [str(person) for person in entry.persons["author"]] == ["Élan, José", "{Research and Action Group}"]
    assert entry.fields["url"] == TRICKY["URL"]
    assert entry.fields["howpublished"] == r"\url{http://example.org/a_b?c=1&d=\%20\#top}"
    assert (entry.fields["month"], entry.fields["date"]) == ("March", "2001-03-09")


def test_bibtex_moves_editorial_notes_to_annote() -> None:
    entry = parse_string(to_bibtex(WORKS), "bibtex").entries["wri-2003-awakening-civil-society"]
    assert "note" not in entry.fields
    assert from_latex(entry.fields["annote"]) == BY_ID["wri-2003-awakening-civil-society"]["note"]


def test_bibtex_refuses_an_id_that_cannot_be_a_key() -> None:
    with pytest.raises(ValueError, match="record a b: id cannot be a BibTeX key"):
        to_bibtex([{"id": "a b", "type": "book"}])


# --- RIS ----------------------------------------------------------------------------------------


def test_ris_has_one_ty_to_er_record_per_work_with_well_formed_lines() -> None:
    ris = to_ris(WORKS)
    assert ris.endswith("ER  - \r\n")
    assert "\n" not in ris.replace("\r\n", "")
    records = ris_records(ris)
    assert len(records) == len(WORKS)
    for record in records:
        assert record[0].startswith("TY  - ") and record[-1] == "ER  - "
        assert sum(line.startswith("TY  - ") for line in record) == 1
        assert sum(line.startswith("ER  - ") for line in record) == 1
        assert all(RIS_LINE.match(line) for line in record), record


def test_ris_chapter_has_authors_editors_titles_and_pages() -> None:
    (record,) = ris_records(to_ris([BY_ID["florini-2000-lessons"]]))
    assert ris_values(record, "TY") == ["CHAP"]
    assert ris_values(record, "AU") == ["Florini, Ann M."]
    assert ris_values(record, "A2") == ["Florini, Ann M."]
    assert ris_values(record, "TI") == ["Lessons Learned"]
    assert ris_values(record, "T2") == ["The Third Force: The Rise of Transnational Civil Society"]
    assert (ris_values(record, "SP"), ris_values(record, "EP")) == (["211"], ["240"])
    assert (ris_values(record, "PY"), ris_values(record, "CY")) == (["2000"], ["Tokyo; Washington, DC"])
    assert ris_values(record, "PB") == [
        "Japan Center for International Exchange; Carnegie Endowment for International Peace"
    ]


def test_ris_article_and_web_page_fields() -> None:
    article, page, tricky = ris_records(to_ris([BY_ID["nelson-2002-agendas"], BY_ID["icmc-programs"], TRICKY]))
    assert ris_values(article, "TY") == ["JOUR"]
    assert (ris_values(article, "VL"), ris_values(article, "IS")) == (["13"], ["4"])
    assert ris_values(article, "DO") == ["10.1023/A:1022062010375"]
    assert ris_values(article, "DA") == ["2002/12//"]
    assert ris_values(page, "TY") == ["ELEC"]
    assert ris_values(page, "UR") == ["http://www.icmc.net/docs/en/programs"]
    assert ris_values(page, "PY") == []
    assert ris_values(tricky, "AU") == ["Élan, José", "Research and Action Group"]
    assert ris_values(tricky, "TI") == [TRICKY["title"]]


def test_ris_keeps_every_value_on_one_line() -> None:
    work = {"id": "long", "type": "report", "title": "A title\nover two lines", "note": "One\r\ntwo"}
    (record,) = ris_records(to_ris([work]))
    assert ris_values(record, "TI") == ["A title over two lines"]
    assert ris_values(record, "N1") == ["One two"]
