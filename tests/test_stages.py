"""The build's stages run without any engine: plain data in, one immutable `Edition` out."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from thouez_edition.outputs.offline import engine_command
from thouez_edition.outputs.pdf import PDF_PATH
from thouez_edition.stages import Edition, Settings, build_edition, offline_job
from thouez_edition.text.paper import build_paper
from thouez_edition.text.passage_index import PassageIndex

ROOT = Path(__file__).resolve().parent.parent
READING_ORDER = ("index.md", *(f"paper/{name}.md" for name in (
    "introduction", "current-context", "dearth-of-activity", "potential-contribution", "conclusion")), "paper/notes.md")


@pytest.fixture(scope="module")
def edition() -> Edition:
    return build_edition(Settings(
        project_dir=ROOT, docs_dir=ROOT / "docs", reading_order=READING_ORDER,
        site_url="http://127.0.0.1:8000/", command="serve", environment={"SOURCE_DATE_EPOCH": "1796000000"},
    ))


def test_the_stages_import_no_engine() -> None:
    code = ("import sys, thouez_edition.stages; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'material', 'properdocs'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_edition_is_made_once_and_never_changed(edition: Edition) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        edition.footer = "changed"  # type: ignore[misc]
    assert {"paper/notes.md", "print.md", "bibliography.md", "glossary.md"} <= set(edition.generated)
    assert len(edition.extensions) == 5


def test_the_search_records_are_the_passages_words_from_memory(edition: Edition) -> None:
    pages = [(path, (ROOT / "docs" / path).read_text(encoding="utf-8")) for path in READING_ORDER[:-1]]
    passages = {passage.anchor: passage for passage in build_paper(pages).passages}
    records = {record.location.split("#")[1]: record for page in edition.search.text_pages for _, record in page.after_heading}
    assert set(records) == set(passages)
    assert sum(anchor.startswith("p") for anchor in records) == 77
    assert sum(anchor.startswith("fn:") for anchor in records) == 58
    assert all(records[anchor].text == passage.text for anchor, passage in passages.items())


def test_the_bibliography_and_glossary_are_indexed_entry_by_entry(edition: Edition) -> None:
    bibliography, glossary = edition.search.whole_pages["bibliography/"], edition.search.whole_pages["glossary/"]
    assert bibliography[0].title == "Bibliography" and len(bibliography) == 1 + 38
    assert all(record.title.endswith(" · work cited") for record in bibliography[1:])
    assert glossary[0].title == "Glossary" and all(record.location.startswith("glossary/#term-") for record in glossary[1:])


def test_the_notes_and_print_pages_reuse_the_texts_one_conversion(edition: Edition) -> None:
    pages = [(path, (ROOT / "docs" / path).read_text(encoding="utf-8")) for path in READING_ORDER[:-1]]
    paper = build_paper(pages)
    for generated in (edition.generated["paper/notes.md"], edition.generated["print.md"]):
        assert isinstance(generated, str)
        # No note's Markdown is left for the engine to convert again: only its converted HTML.
        assert "[^" not in generated and "Footnotes Go Here" not in generated
    assert all(note.note_html in str(edition.generated["paper/notes.md"]) for note in paper.notes)
    assert all(f'<li id="fn:{note.number}"' in str(edition.generated["print.md"]) for note in paper.notes)


def test_the_offline_copy_is_made_by_a_writing_build_with_the_engine_that_runs_it() -> None:
    settings = Settings(project_dir=ROOT, docs_dir=ROOT / "docs", reading_order=READING_ORDER, site_url="",
                        command="build", environment={}, config_file=ROOT / "mkdocs.yml")
    job = offline_job(settings, publishing=False, day="2026-12-02", pdf=True)
    assert job is not None and job.engine[:2] == (sys.executable, "-m") and job.pdf == PDF_PATH
    assert offline_job(settings, publishing=False, day="2026-12-02", pdf=False).pdf is None  # type: ignore[union-attr]
    for other in (dataclasses.replace(settings, command="serve"), dataclasses.replace(settings, directory_urls=False),
                  dataclasses.replace(settings, config_file=None)):
        assert offline_job(other, publishing=False, day="2026-12-02", pdf=True) is None
    assert engine_command("python", {"mkdocs", "properdocs"}) == ("python", "-m", "properdocs")
    assert engine_command("python", {"mkdocs"}) == ("python", "-m", "mkdocs")


# Text made mostly of brackets and a few letters, so that addresses and brackets meet often.
BRACKETY = st.text(alphabet="()[]ab.:/ ", max_size=30)


@given(notes=st.lists(BRACKETY, max_size=4), url=BRACKETY)
def test_the_index_finds_a_printed_address_as_a_search_of_every_note_would(notes: list[str], url: str) -> None:
    assert PassageIndex({}, tuple(notes)).prints(url) == any(f"({url})" in note for note in notes)


def test_the_index_finds_the_addresses_the_paper_prints(edition: Edition) -> None:
    pages = [(path, (ROOT / "docs" / path).read_text(encoding="utf-8")) for path in READING_ORDER[:-1]]
    index = PassageIndex.of(build_paper(pages))
    assert index.prints("http://www.hrw.org") and not index.prints("http://www.hrw.org/")
    assert index.passages["fn:12"].anchor == "fn:12" and len(index.passages) == 77 + 58 + len(
        [anchor for anchor in index.passages if anchor.startswith("sn")])
