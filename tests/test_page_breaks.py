"""Where a page-break marker goes in a passage's tree: before the word where the page begins, and
never inside a link."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest
from thouez_edition.extensions.page_breaks import insert_marker


def marked(html: str, word: int) -> str:
    """`html` with a marker (`<a id="m" />`) put before word number `word`."""
    element = etree.fromstring(html)
    assert insert_marker(element, word, etree.Element("a", {"id": "m"}))
    return etree.tostring(element, encoding="unicode")


@pytest.mark.parametrize(("html", "word", "expected"), [
    # In plain text and at an inline element's first word.
    ("<p>one two three</p>", 1, '<p>one <a id="m" />two three</p>'),
    ("<p>one <em>two</em> three</p>", 1, '<p>one <a id="m" /><em>two</em> three</p>'),
    ("<p>one <em>two three</em></p>", 2, '<p>one <em>two <a id="m" />three</em></p>'),
    # A link's first word: before the link, also when an acronym opens it (¶ 63, page 17).
    ('<p>the <a href="u">UN Statistics Division</a> gather</p>', 1,
     '<p>the <a id="m" /><a href="u">UN Statistics Division</a> gather</p>'),
    ('<p>the <a href="u"><abbr>UN</abbr> Statistics Division</a> gather</p>', 1,
     '<p>the <a id="m" /><a href="u"><abbr>UN</abbr> Statistics Division</a> gather</p>'),
    # Any later word of a link: just after the link.
    ('<p>the <a href="u">UN Statistics Division</a> gather</p>', 2,
     '<p>the <a href="u">UN Statistics Division</a><a id="m" /> gather</p>'),
    ('<p>the <a href="u"><abbr>UN</abbr> <em>Statistics</em> Division</a></p>', 2,
     '<p>the <a href="u"><abbr>UN</abbr> <em>Statistics</em> Division</a><a id="m" /></p>'),
    ('<p><em>see <a href="u">the UN</a></em> now</p>', 2,
     '<p><em>see <a href="u">the UN</a><a id="m" /></em> now</p>'),
])
def test_a_marker_stands_before_its_word_and_never_inside_a_link(html: str, word: int, expected: str) -> None:
    assert marked(html, word) == expected


def test_a_word_beyond_the_text_places_no_marker() -> None:
    element = etree.fromstring("<p>one <a href='u'>two</a></p>")
    assert not insert_marker(element, 2, etree.Element("a"))
    assert element.find(".//a[@id]") is None
