"""Reading passages (paragraphs and notes) out of the author's Markdown pages, with Python-Markdown."""

from __future__ import annotations

import yaml
from thouez_edition.text.paper import STRUCTURE_EXTENSIONS, build_paper, read_page
from thouez_edition.urls import relative_link

from tests.conftest import ROOT

PAGE = """# A section

First paragraph with a marker.[^3]
{#p1}

> A *quotation*.
> {#p2}

## A heading

Third.[^4]
{#p3}

[^3]: Note three, see [www.example.org](http://www.example.org).

[^4]: Note four.

    Its second paragraph.
"""


def test_paragraphs_and_notes_are_read_in_order() -> None:
    passages = read_page("paper/a.md", PAGE).passages
    assert [(p.kind, p.anchor) for p in passages] == [
        ("paragraph", "p1"),
        ("paragraph", "p2"),
        ("paragraph", "p3"),
        ("note", "fn:3"),
        ("note", "fn:4"),
    ]
    assert all(p.page_title == "A section" for p in passages)


def test_a_passage_has_the_words_a_reader_sees_and_a_note_keeps_its_markdown() -> None:
    passages = {p.anchor: p for p in read_page("paper/a.md", PAGE).passages}
    assert passages["p1"].text == "First paragraph with a marker."
    assert passages["p2"].text == "A quotation." and passages["p2"].quotation
    assert passages["fn:3"].text == "Note three, see www.example.org."
    assert passages["fn:4"].note_markdown == "Note four.\n\nIts second paragraph."


def test_each_passage_knows_its_headings_and_line() -> None:
    passages = {p.anchor: p for p in read_page("paper/a.md", PAGE).passages}
    assert passages["p1"].headings == ("A section",)
    assert passages["p3"].headings == ("A section", "A heading")
    # A note stands where it is called.
    assert passages["fn:4"].section == "A heading"
    assert (passages["p1"].line, passages["fn:4"].line) == (4, 16)


def test_the_calling_paragraph_of_a_note() -> None:
    paper = build_paper([("paper/a.md", PAGE)])
    assert paper.calling_paragraph(4).anchor == "p3"
    assert paper.calling_paragraph(99) is None


def test_find_reports_every_passage_with_the_words() -> None:
    paper = build_paper([("paper/a.md", PAGE)])
    assert [p.label for p in paper.find("Note  four.")] == ["n. 4"]
    assert paper.find("not there") == []


def test_the_text_is_read_with_extensions_the_site_renders_it_with() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    names = [next(iter(item)) if isinstance(item, dict) else item for item in config["markdown_extensions"]]
    assert set(STRUCTURE_EXTENSIONS) <= set(names)


def test_relative_links_between_sources() -> None:
    assert relative_link("paper/notes.md", "paper/introduction.md", "fnref:1") == "introduction.md#fnref:1"
    assert relative_link("editorial.md", "paper/introduction.md", "p1") == "paper/introduction.md#p1"
    assert relative_link("paper/notes.md", "index.md") == "../index.md"
