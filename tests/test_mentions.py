"""Finding names in the text and linking their first mentions: the words never change."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from thouez_edition.extensions.mention_links import (
    MentionLinksExtension,
    link_first_mentions,
)
from thouez_edition.extensions.text_pages import TextPages
from thouez_edition.text.mentions import NameMatcher

MATCHER = NameMatcher(
    [
        ("European Council", "european-council"),
        ("European Council on Refugees and Exiles", "ecre"),
        ("ECRE", "ecre"),
        ("UN", "united-nations"),
        ("UNHCR", "unhcr"),
        ("IOM", "iom"),
    ]
)


def test_longest_name_wins_and_names_are_whole_words() -> None:
    text = "The European Council on Refugees and Exiles, the European Council, UNHCR and the UN."
    assert [(m.actor_id, m.text) for m in MATCHER.finditer(text)] == [
        ("ecre", "European Council on Refugees and Exiles"),
        ("european-council", "European Council"),
        ("unhcr", "UNHCR"),
        ("united-nations", "UN"),
    ]


def test_a_possessive_is_a_mention_but_a_longer_word_is_not() -> None:
    assert MATCHER.actors_in("IOM’s mission, not IOMX nor UNDP") == ["iom"]


def convert(source: str) -> BeautifulSoup:
    # The page is known by the passages it holds.
    pages = TextPages({anchor: "paper/a.md" for anchor in ("p1", "p2", "p7", "fn:1")})
    extension = MentionLinksExtension(MATCHER, lambda actor_id: f"actors/{actor_id}.md", pages)
    html = markdown.markdown(source, extensions=["attr_list", "footnotes", extension])
    return BeautifulSoup(html, "lxml")


def test_only_the_first_mention_in_each_paragraph_and_note_is_linked() -> None:
    soup = convert(
        "The ECRE and again ECRE; the IOM.[^1]\n{#p1}\n\nECRE once more.\n{#p2}\n\n"
        "[^1]: ECRE, then ECRE.\n"
    )
    links = [(a.find_parent(["p", "li"]).get("id"), a.get_text(), a["href"]) for a in soup.select("a.mention")]
    assert links == [
        ("p1", "ECRE", "../actors/ecre.md"),
        ("p1", "IOM", "../actors/iom.md"),
        ("p2", "ECRE", "../actors/ecre.md"),
        (None, "ECRE", "../actors/ecre.md"),
    ]
    assert soup.select_one("li#fn\\:1 a.mention") is not None


def test_headings_links_and_unnumbered_paragraphs_are_left_alone() -> None:
    soup = convert("# The IOM\n\nThe IOM, unnumbered.\n\nSee [the IOM](http://www.iom.int).\n{#p3}\n")
    assert soup.select("a.mention") == []


def test_the_paragraph_id_survives_linking() -> None:
    soup = convert("Words about the IOM\n{#p7}\n")
    assert soup.find(id="p7").select_one("a.mention").get_text() == "IOM"


names = st.text(alphabet="ABCDEFGHIJ abc’-", min_size=1, max_size=12).filter(lambda s: s.strip() == s and s)
fragments = st.text(alphabet="ABCDEFGHIJ abc’.,-()“”\n", max_size=30)


@settings(max_examples=300, deadline=None)
@given(
    pairs=st.lists(st.tuples(names, st.sampled_from(["a", "b", "c"])), min_size=1, max_size=5),
    pieces=st.lists(st.tuples(fragments, st.integers(min_value=0, max_value=4)), max_size=8),
    tail=fragments,
)
def test_linking_never_changes_the_words(pairs, pieces, tail) -> None:
    """For arbitrary text made of arbitrary names and other characters, the text is unchanged."""
    matcher = NameMatcher(pairs)
    text = "".join(fragment + pairs[index % len(pairs)][0] for fragment, index in pieces) + tail
    paragraph = etree.Element("p", {"id": "p1"})
    paragraph.text = text
    link_first_mentions(paragraph, matcher, lambda actor_id: f"{actor_id}.md")
    assert "".join(paragraph.itertext()) == text
    linked = [link.get("href") for link in paragraph.iter("a")]
    assert len(linked) == len(set(linked)), "an actor is linked more than once in a paragraph"
    for link in paragraph.iter("a"):
        assert matcher.owner[link.text] + ".md" == link.get("href")


@settings(max_examples=200, deadline=None)
@given(text=fragments, name=names)
def test_linking_keeps_text_around_child_elements(text, name) -> None:
    matcher = NameMatcher([(name, "x")])
    paragraph = etree.Element("p", {"id": "p1"})
    paragraph.text = text + name
    marker = etree.SubElement(paragraph, "sup")
    marker.text = "1"
    marker.tail = name + text
    before = "".join(paragraph.itertext())
    link_first_mentions(paragraph, matcher, lambda actor_id: "x.md")
    assert "".join(paragraph.itertext()) == before
