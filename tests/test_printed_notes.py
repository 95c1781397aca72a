"""The Markdown extension that shows printed note numbers, on its own."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

PAGE = """Text with a marker.[^25] And another.[^26]

[^25]: Note twenty-five.

[^26]: Note twenty-six,

    in two paragraphs.
"""


def convert(source: str, *extensions: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=["footnotes", *extensions])
    return BeautifulSoup(html, "lxml")


def test_without_it_python_markdown_numbers_notes_by_position() -> None:
    soup = convert(PAGE)
    assert [a.get_text() for a in soup.select("a.footnote-ref")] == ["1", "2"]


def test_markers_show_their_labels() -> None:
    soup = convert(PAGE, "thouez_edition.text.printed_notes")
    assert [a.get_text() for a in soup.select("a.footnote-ref")] == ["25", "26"]


def test_list_items_count_from_their_labels() -> None:
    soup = convert(PAGE, "thouez_edition.text.printed_notes")
    assert [(li["id"], li["value"]) for li in soup.select("div.footnote li")] == [
        ("fn:25", "25"),
        ("fn:26", "26"),
    ]


def test_back_links_name_the_printed_number() -> None:
    soup = convert(PAGE, "thouez_edition.text.printed_notes")
    titles = [a["title"] for a in soup.select("a.footnote-backref")]
    assert titles == ["Back to the text at note 25", "Back to the text at note 26"]


def test_a_multi_paragraph_note_stays_whole() -> None:
    soup = convert(PAGE, "thouez_edition.text.printed_notes")
    assert len(soup.select("li#fn\\:26 p")) == 2


def test_labels_that_are_not_numbers_keep_python_markdown_numbering() -> None:
    soup = convert("A[^x] and B[^7].\n\n[^x]: X.\n\n[^7]: Seven.\n", "thouez_edition.text.printed_notes")
    assert [a.get_text() for a in soup.select("a.footnote-ref")] == ["1", "7"]
    assert soup.select_one("li#fn\\:x").get("value") is None


def test_a_second_marker_for_the_same_note_shows_its_label_too() -> None:
    soup = convert("A[^9] and again[^9].\n\n[^9]: Nine.\n", "thouez_edition.text.printed_notes")
    assert [a.get_text() for a in soup.select("a.footnote-ref")] == ["9", "9"]
