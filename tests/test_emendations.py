"""Loading `data/emendations.yml`: valid data loads; each kind of bad data fails with a message that
names the file, the line, the entry and the field, and says what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from thouez_edition.data.emendations import load_emendations
from thouez_edition.errors import DataError
from thouez_edition.rendering.pages import (
    UnknownSection,
    emendation_sections,
    fill_placeholders,
    render_emendations,
)
from thouez_edition.text.paper import build_paper

from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "emendations"
PAPER = build_paper([("paper/a.md", "# A\n\nThey risk loosing out.\n{#p1}\n")])


def data_dir_with(tmp_path: Path, fixture: str) -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "schemas")
    shutil.copy(FIXTURES / fixture, tmp_path / "emendations.yml")
    return tmp_path


def problems_of(tmp_path: Path, fixture: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        emendations = load_emendations(data_dir_with(tmp_path, fixture))
        render_emendations("kept", emendations, PAPER, "editorial.md")
    return [str(problem) for problem in caught.value.problems]


def test_the_edition_data_loads() -> None:
    emendations = load_emendations(ROOT / "data")
    assert {kind.id for kind in emendations.silent_repairs} >= {"page-furniture", "spaced-full-stops"}
    assert emendations.replacements()


def test_a_valid_fixture_loads_and_locates_its_items(tmp_path: Path) -> None:
    emendations = load_emendations(data_dir_with(tmp_path, "valid.yml"))
    markdown = render_emendations("kept", emendations, PAPER, "editorial.md")
    assert '<a href="paper/a.md#p1">¶ 1</a>' in markdown


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("yaml_syntax.yml", "data/emendations.yml:5: is not valid YAML"),
        ("missing_field.yml", "data/emendations.yml:2: silent_repairs[page-furniture].label: is missing; expected a short name"),
        ("wrong_type.yml", "data/emendations.yml:8: kept[0].text: is the number 42; expected words exactly as they stand"),
        ("unknown_field.yml", "data/emendations.yml:2: silent_repairs[page-furniture]: has unknown field colour; expected only"),
        ("duplicate_id.yml", "data/emendations.yml:5: silent_repairs[page-furniture].id: repeats the id of entry 1; expected each id once"),
        ("duplicate_key.yml", "data/emendations.yml:4: silent_repairs[page-furniture].label: is given twice in the same entry; expected each field once"),
        ("self_replacement.yml", "data/emendations.yml:6: silent_repairs[spaced-full-stops].instances[0]: replaces a text with itself"),
        ("change_without_reason.yml", "data/emendations.yml:3: changes[0].reason: is missing; expected why the text was changed"),
        ("text_not_found.yml", "data/emendations.yml:5: kept[0].text: “words that the paper never uses” is not in the edition's text"),
    ],
)
def test_bad_data_is_reported_with_file_line_entry_and_field(tmp_path: Path, fixture: str, expected: str) -> None:
    problems = problems_of(tmp_path, fixture)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "schemas")
    (tmp_path / "emendations.yml").write_text(
        "silent_repairs:\n  - id: Bad Id\n    label: ''\n    description: x\nchanges: []\njudgements: []\nkept: []\n"
    )
    with pytest.raises(DataError) as caught:
        load_emendations(tmp_path)
    fields = [problem.field for problem in caught.value.problems]
    assert fields == ["id", "label"]
    assert str(caught.value).startswith("2 problems in the edition's data:")


def test_an_unknown_placeholder_names_the_page_and_line() -> None:
    emendations = load_emendations(ROOT / "data")
    with pytest.raises(UnknownSection, match=r"docs/editorial.md:3: placeholder “nonsense” is unknown"):
        fill_placeholders("# T\n\n<!-- edition: nonsense -->\n", "editorial.md", emendation_sections(emendations, PAPER))


def test_a_build_with_bad_data_stops_with_the_message_and_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    for name in ("mkdocs.yml", "docs", "data", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    shutil.copy(FIXTURES / "missing_field.yml", tmp_path / "data" / "emendations.yml")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path, capture_output=True, text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/emendations.yml:2: silent_repairs[page-furniture].label: is missing" in output
    assert "Traceback" not in output
