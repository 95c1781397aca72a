"""Finding names in the text and linking their first mentions: the words never change."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from pathlib import Path
from types import SimpleNamespace

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from thouez_edition.data.actors import Actors, load_actors
from thouez_edition.extensions.mention_links import (
    MentionLinksExtension,
    link_first_mentions,
)
from thouez_edition.extensions.text_pages import TextPages
from thouez_edition.text.mentions import (
    NameMatcher,
    PassagesByWord,
    check_mentions,
    every_passage,
    longest_first,
    name_matcher,
    whole_word,
)
from thouez_edition.text.paper import build_paper

from tests.bad_inputs import Case, Edit, edition_copy

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


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(fragments, max_size=6), name=st.text(alphabet="AB ab’-().", min_size=1, max_size=8))
def test_a_name_is_looked_for_in_every_passage_it_stands_in(texts, name) -> None:
    """The check of names looks for a name only in the passages that hold its rarest word: never
    one where it stands, whatever characters begin or end it."""
    passages = tuple(SimpleNamespace(text=text) for text in texts + [f"({name})", f"x{name}"])
    looked_in = PassagesByWord(passages).that_may_hold(name)  # type: ignore[arg-type]
    assert [p for p in passages if whole_word(name).search(p.text)] == [
        p for p in looked_in if whole_word(name).search(p.text)]
    assert list(looked_in) == [p for p in passages if p in looked_in], "not in reading order"


@settings(max_examples=500, deadline=None)
@given(names=st.lists(st.text(alphabet="AB ab’-(.", min_size=1, max_size=6), min_size=1, max_size=8),
       text=st.text(alphabet="AB ab’-(.,x", max_size=40))
def test_the_tree_of_names_finds_what_the_names_longest_first_find(names, text) -> None:
    """The matcher's pattern, a tree of the names' beginnings, finds the same names at the same
    places as the alternation of every name sorted longest first."""
    flat = "|".join(re.escape(name) for name in sorted(set(names), key=lambda name: (-len(name), name)))
    found = [(m.start(), m.group()) for m in re.finditer(rf"(?<!\w)(?:{flat})(?!\w)", text)]
    assert [(m.start(), m.group()) for m in re.finditer(rf"(?<!\w){longest_first(names)}(?!\w)", text)] == found


# --- every passage, in reading order ------------------------------------------------------------

BERNE_PART_OF_IOM = (
    Edit("data/organizations.yml", "  kind: state-led-process\n", "  kind: state-led-process\n  relations:\n    - {type: part-of, target: iom}\n"),
    Edit("data/organizations.yml", "supports: [kind, summary], consulted", "supports: [kind, summary, part-of:iom], consulted"),
)
TEXT = (
    "# A\n\nThe Berne Initiative met; so did the Puebla Process.[^1]\n{#p1}\n\n"
    "The International Organization for Migration (IOM) spoke.\n{#p2}\n\n[^1]: The IOM Berne Initiative, so called.\n"
)


def actors_with(tmp_path: Path, *changes: Edit) -> Actors:
    return load_actors(edition_copy(tmp_path, Case("test", changes)) / "data")


def test_a_passage_naming_a_part_is_listed_on_the_whole_through_it_in_reading_order(tmp_path: Path) -> None:
    actors = actors_with(tmp_path, *BERNE_PART_OF_IOM)
    paper = build_paper([("paper/a.md", TEXT)])
    found = every_passage(paper, name_matcher(actors), actors)
    # The note stands where its marker does: after ¶ 1, before ¶ 2.
    assert [(o.passage.anchor, o.how, o.through) for o in found["iom"]] == [
        ("p1", "part", "berne-initiative"), ("fn:1", "name", None), ("p2", "name", None),
    ]
    assert [o.passage.anchor for o in found["berne-initiative"]] == ["p1", "fn:1"]


def test_a_name_inside_the_name_of_a_part_is_attributed_and_elsewhere_it_must_be_declared(tmp_path: Path) -> None:
    paper = build_paper([("paper/a.md", TEXT)])
    with_alias = Edit("data/organizations.yml", "aliases: [Berne Initiative]", "aliases: [Berne Initiative, IOM Berne Initiative]")
    unrelated = actors_with(tmp_path / "a", with_alias)
    assert [(p.entry, p.field) for p in check_mentions(unrelated, paper)] == [("iom", "aliases[1]")]
    part = actors_with(tmp_path / "b", with_alias, *BERNE_PART_OF_IOM)
    assert check_mentions(part, paper) == []
    declared = actors_with(tmp_path / "c", with_alias, Edit(
        "data/organizations.yml", "  kind: international-organization",
        "  not_mentions:\n    - {name: IOM, passage: 'fn:1', reason: Part of another name.}\n  kind: international-organization"))
    assert check_mentions(declared, paper) == []


def test_a_name_declared_no_mention_is_neither_linked_nor_listed() -> None:
    matcher = NameMatcher([("IOM", "iom")], excluded={"IOM": frozenset({"p2"})})
    assert matcher.actors_in("The IOM spoke.", "p1") == ["iom"]
    assert matcher.actors_in("The IOM spoke.", "p2") == []
