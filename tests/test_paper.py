"""Reading passages (paragraphs and notes) out of the author's Markdown pages."""

from __future__ import annotations

from thouez_edition.paper import build_paper, plain_words, read_passages
from thouez_edition.templates import relative_link

PAGE = """# A section

First paragraph with a marker.[^3]
{#p1}

> A quotation.
> {#p2}

## A heading

Third.[^4]
{#p3}

[^3]: Note three, see [www.example.org](http://www.example.org).

[^4]: Note four.

    Its second paragraph.
"""


def test_paragraphs_and_notes_are_read_in_order() -> None:
    passages = read_passages("paper/a.md", PAGE)
    assert [(p.kind, p.anchor) for p in passages] == [
        ("paragraph", "p1"),
        ("paragraph", "p2"),
        ("paragraph", "p3"),
        ("note", "fn:3"),
        ("note", "fn:4"),
    ]
    assert all(p.page_title == "A section" for p in passages)


def test_a_quotation_loses_its_marks_and_a_note_keeps_its_paragraphs() -> None:
    passages = {p.anchor: p for p in read_passages("paper/a.md", PAGE)}
    assert passages["p2"].markdown == "A quotation."
    assert passages["fn:4"].markdown == "Note four.\n\nIts second paragraph."


def test_plain_words_drop_markers_and_link_targets() -> None:
    assert plain_words("A marker.[^3] See [www.x.org](http://www.x.org).") == "A marker. See www.x.org."


def test_the_calling_paragraph_of_a_note() -> None:
    paper = build_paper([("paper/a.md", PAGE)])
    assert paper.calling_paragraph(4).anchor == "p3"
    assert paper.calling_paragraph(99) is None


def test_find_reports_every_passage_with_the_words() -> None:
    paper = build_paper([("paper/a.md", PAGE)])
    assert [p.label for p in paper.find("Note  four.")] == ["n. 4"]
    assert paper.find("not there") == []


def test_relative_links_between_sources() -> None:
    assert relative_link("paper/notes.md", "paper/introduction.md", "fnref:1") == "introduction.md#fnref:1"
    assert relative_link("editorial.md", "paper/introduction.md", "p1") == "paper/introduction.md#p1"
    assert relative_link("paper/notes.md", "index.md") == "../index.md"
