"""Loading the organisations and processes: valid data loads; every kind of bad data is reported
with the file, the line, the entry and the field, and what was expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from thouez_edition.data.actors import load_actors
from thouez_edition.data.glossary import load_glossary
from thouez_edition.errors import DataError
from thouez_edition.rendering.profiles import profile_pages
from thouez_edition.text.paper import build_paper

from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
PAPER = build_paper([("paper/a.md", "# A\n\nThe IOM and the Berne Initiative.[^1]\n{#p1}\n\n[^1]: See the Puebla Process.\n")])


def data_dir(tmp_path: Path, organizations: Path = FIXTURES / "organizations.yml") -> Path:
    shutil.copytree(ROOT / "data" / "schemas", tmp_path / "schemas")
    shutil.copy(organizations, tmp_path / "organizations.yml")
    shutil.copy(FIXTURES / "rcpms.yml", tmp_path / "rcpms.yml")
    shutil.copy(FIXTURES / "glossary.yml", tmp_path / "glossary.yml")
    return tmp_path


def problems(tmp_path: Path, fixture: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_actors(data_dir(tmp_path, FIXTURES / "bad" / fixture))
    return [str(problem) for problem in caught.value.problems]


def test_the_edition_data_loads() -> None:
    actors = load_actors(ROOT / "data")
    assert len(actors.organizations) >= 35
    assert len(actors.processes) >= 10
    assert load_glossary(ROOT / "data", actors)


def test_a_valid_fixture_loads(tmp_path: Path) -> None:
    actors = load_actors(data_dir(tmp_path))
    assert [a.id for a in actors.all] == ["iom", "berne-initiative", "puebla-process"]
    assert actors.page_of("puebla-process") == "rcpms/puebla-process.md"
    assert actors.get("iom").relations[0].target == "berne-initiative"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("yaml_syntax.yml", "data/organizations.yml:17: is not valid YAML"),
        ("duplicate_id.yml", "data/organizations.yml:14: iom.id: is already the id of the entry at data/organizations.yml:1; expected a unique id"),
        ("missing_field.yml", "data/organizations.yml:14: berne-initiative.summary: is missing; expected a few sentences"),
        ("wrong_type.yml", "data/organizations.yml:6: iom.founded: is \"nineteen fifty-one\"; expected a year, as a whole number"),
        ("unknown_kind.yml", "data/organizations.yml:17: berne-initiative.kind: is \"think-tank\"; expected one of"),
        ("dangling_relation.yml", "data/organizations.yml:10: iom.relations[0].target: “berne-process” is not an id in either file"),
        ("alias_twice.yml", "data/organizations.yml:16: berne-initiative.aliases[1]: “IOM” is already an alias of iom"),
        ("unsafe_url.yml", "data/organizations.yml:7: iom.website: is \"javascript:alert(1)\", which does not start with http:// or https://; expected an http:// or https:// address"),
    ],
)
def test_bad_data_is_reported_with_file_line_entry_and_field(tmp_path: Path, fixture: str, expected: str) -> None:
    found = problems(tmp_path, fixture)
    assert any(problem.startswith(expected) for problem in found), found


def test_a_duplicate_id_across_the_two_files_is_reported(tmp_path: Path) -> None:
    directory = data_dir(tmp_path)
    (directory / "rcpms.yml").write_text((FIXTURES / "rcpms.yml").read_text().replace("id: puebla-process", "id: iom"))
    with pytest.raises(DataError, match=r"data/rcpms.yml:1: iom.id: is already the id of the entry at data/organizations.yml:1"):
        load_actors(directory)


def test_an_unknown_observer_id_is_reported(tmp_path: Path) -> None:
    directory = data_dir(tmp_path)
    (directory / "rcpms.yml").write_text((FIXTURES / "rcpms.yml").read_text().replace("[iom, Colombia]", "[iom, unhcr]"))
    with pytest.raises(DataError, match=r"data/rcpms.yml:8: puebla-process.observers\[1\]: “unhcr” looks like an id"):
        load_actors(directory)


def test_a_glossary_term_that_an_entry_already_defines_is_reported(tmp_path: Path) -> None:
    directory = data_dir(tmp_path)
    (directory / "glossary.yml").write_text("- term: IOM\n  expansion: something else\n")
    actors = load_actors(directory)
    with pytest.raises(DataError, match=r"data/glossary.yml:1: IOM.term: is already defined by iom"):
        load_glossary(directory, actors)


def test_text_from_data_is_escaped_on_output(tmp_path: Path) -> None:
    actors = load_actors(data_dir(tmp_path, FIXTURES / "bad" / "script_summary.yml"))
    from mkdocs.utils.meta import get_data

    page, meta = get_data(profile_pages(actors, PAPER)["organizations/iom.md"])
    assert meta["structured_data"]["description"] == "<script>alert('x')</script> *not emphasis* [not a link](x.md)"
    html = markdown.markdown(page, extensions=["attr_list", "md_in_html", "tables", "thouez_edition.extensions.data_html"])
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("script") is None
    summary = next(p for p in soup.find_all("p") if "alert" in p.get_text())
    for reference in summary.select("sup.fact-references"):
        reference.decompose()  # the edition's reference to the summary's source, not data
    assert summary.get_text() == "<script>alert('x')</script> *not emphasis* [not a link](x.md)"
    assert summary.find_all(True) == []


def test_profiles_list_every_passage_that_mentions_the_entry(tmp_path: Path) -> None:
    actors = load_actors(data_dir(tmp_path))
    pages = profile_pages(actors, PAPER)
    assert '<a class="passage-link" href="../paper/a.md#p1">¶ 1</a>' in pages["organizations/iom.md"]
    assert '<a class="passage-link" href="../paper/a.md#fn:1">n. 1</a>' in pages["rcpms/puebla-process.md"]
    assert '<a href="berne-initiative.md">Berne Initiative</a>' in pages["organizations/iom.md"]


@pytest.mark.parametrize("name", ["organizations", "rcpms", "glossary", "emendations"])
def test_each_data_file_names_its_schema_and_the_site_publishes_it(site, name: str) -> None:
    import json

    first_line = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=schemas/{name}.schema.json"
    published = site.dir / "schemas" / f"{name}.schema.json"
    assert json.loads(published.read_text(encoding="utf-8"))["$id"] == f"{name}.schema.json"
