"""The Markdown extension that gives numbered paragraphs a discreet permalink, on its own."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup


def convert(source: str) -> BeautifulSoup:
    html = markdown.markdown(source, extensions=["attr_list", "footnotes", "thouez_edition.extensions.paragraph_numbers"])
    return BeautifulSoup(html, "lxml")


def test_a_numbered_paragraph_gets_a_link_to_itself_without_visible_text() -> None:
    soup = convert("Some words.[^1]\n{#p12}\n\n[^1]: A note.\n")
    paragraph = soup.find(id="p12")
    link = paragraph.contents[0]
    assert link.name == "a" and link["href"] == "#p12" and link["data-number"] == "12"
    assert link.get_text() == ""
    assert link["aria-label"] == "Paragraph 12"
    assert "apparatus" in link["class"]


def test_the_paragraph_text_is_unchanged() -> None:
    soup = convert("Some *emphasised* words.\n{#p3}\n")
    paragraph = soup.find(id="p3")
    paragraph.select_one("a.paragraph-number").decompose()
    assert paragraph.get_text() == "Some emphasised words."


def test_a_quotation_paragraph_is_numbered_too() -> None:
    soup = convert("> Quoted words.\n> {#p4}\n")
    assert soup.select_one("blockquote p#p4 a.paragraph-number")["data-number"] == "4"


def test_series_note_paragraphs_are_named_as_such() -> None:
    soup = convert("Words.\n{#sn2}\n")
    assert soup.select_one("a.paragraph-number")["aria-label"] == "Series note, paragraph 2"


def test_other_ids_are_left_alone() -> None:
    soup = convert("Words.\n{#somewhere}\n")
    assert soup.select("a.paragraph-number") == []
