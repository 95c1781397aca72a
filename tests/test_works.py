"""Loading `data/citations.yml`: valid data loads, and each kind of bad data is reported with the
file, the line, the work and the field, and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thouez_edition.data.works import csl_record, load_works
from thouez_edition.errors import DataError
from thouez_edition.text.against_data import check_against_paper
from thouez_edition.text.paper import build_paper

from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "citations"
PAPER = build_paper(
    [("paper/a.md", "# A\n\nText.[^1] More.[^2] End.[^3]\n{#p1}\n\n"
      "[^1]: Nelson, p. 380\n\n[^2]: http://www.hrw.org\n\n[^3]: Paul Nelson, New Agendas, p. 377\n")]
)
ACTOR_IDS = frozenset({"iom", "berne-initiative", "puebla-process"})


def data_dir(tmp_path: Path, citations: Path = FIXTURES / "citations.yml") -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "schemas")
    shutil.copy(citations, tmp_path / "citations.yml")
    return tmp_path


def problems(tmp_path: Path, fixture: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        works = load_works(data_dir(tmp_path, FIXTURES / "bad" / fixture))
        found = check_against_paper(works, PAPER, ACTOR_IDS)
        if found:
            raise DataError(found)
    return [str(problem) for problem in caught.value.problems]


def test_the_edition_data_loads() -> None:
    works = load_works(ROOT / "data")
    assert len(works.works) >= 35


def test_a_valid_fixture_loads_as_csl(tmp_path: Path) -> None:
    works = load_works(data_dir(tmp_path))
    assert check_against_paper(works, PAPER, ACTOR_IDS) == []
    nelson = works.works[0].csl
    assert nelson["issued"] == {"date-parts": [[2002, 12]]}
    assert "cited_in" not in nelson and "group" not in nelson and "sources" not in nelson
    assert [(n, [w.id for w, _ in cited]) for n, cited in sorted(works.by_note().items())] == [
        (1, ["nelson-2002"]), (2, ["hrw-website"]), (3, ["nelson-2002"]),
    ]


def test_a_date_range_becomes_two_date_parts() -> None:
    record = csl_record({"id": "x", "type": "speech", "event-date": "2003-09-10/2003-09-14"})
    assert record["event-date"] == {"date-parts": [[2003, 9, 10], [2003, 9, 14]]}


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("note_out_of_range.yml", "data/citations.yml:13: nelson-2002.cited_in[1].note: is 59; expected a note of the paper, 1 to 3"),
        ("unknown_actor.yml", "data/citations.yml:20: hrw-website.actors[0]: “human-rights-watch” is not the id of an organisation or process"),
        ("duplicate_id.yml", "data/citations.yml:17: nelson-2002.id: is already the id of the work at line 1; expected a unique id"),
        ("cited_nowhere.yml", "data/citations.yml:25: hrw-website.cited_in: is empty; expected a list of {note, locator?}: every note that cites the work"),
        ("wrong_locator.yml", "data/citations.yml:13: nelson-2002.cited_in[1].locator: “p. 378” is not in note 3"),
        ("bad_date.yml", "data/citations.yml:10: nelson-2002.issued: is \"December 2002\"; expected a year (2003), or an ISO date"),
    ],
)
def test_bad_citation_data_is_reported_with_file_line_entry_and_field(tmp_path: Path, fixture: str, expected: str) -> None:
    found = problems(tmp_path, fixture)
    assert any(problem.startswith(expected) for problem in found), found
