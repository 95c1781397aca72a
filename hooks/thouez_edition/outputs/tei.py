"""The paper in TEI P5 (`downloads/thouez-2004-edition.tei.xml`), for the tools digital editions
exchange texts with.

- The header describes the 2004 print (`sourceDesc`) and the edition (`editionStmt`,
  `publicationStmt`, `encodingDesc/editorialDecl` from `data/emendations.yml`).
- The text is the one conversion the load stage made: the series note in `front`, the five
  sections in `body` as nested `div`s, each paragraph `<p xml:id="p12" n="12">`, each note
  `<note xml:id="fn12" n="12" place="foot">` where its marker stands, pointing with `corresp` to
  the works it cites; `<pb n="6"/>` where each printed page begins (a note that runs on to the
  next page has a `milestone` there, so the pages' breaks stay one sequence).
- Every name of a body the paper names is an `<orgName ref="#iom">`, each body an `org` in a
  `listOrg` of the `standOff`; the works cited are `bibl`s in the `back`.
- What stands as printed although it may look like an error is `<sic>`; readings chosen where the
  source is unclear are `<seg type="judgement">`; changes from the source would be
  `<choice><sic/><corr/></choice>`. The editors' comments on them are notes in the `back` that
  point to them. The silent repairs of the extraction restore what was printed, so they are
  described in the header and not marked.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from thouez_edition.citations.references import Formatted
from thouez_edition.data.actors import Actor, Actors
from thouez_edition.data.colophon import Colophon
from thouez_edition.data.emendations import Emendations
from thouez_edition.data.identity import Edition as Identity
from thouez_edition.data.works import Works
from thouez_edition.errors import EditionError, Problem, raise_if_any
from thouez_edition.outputs.text_tree import (
    PAGE_START,
    find_words,
    insert_at,
    is_note_marker,
    mark_page_starts,
    matches_in_slots,
    wrap,
    wrap_in_slot,
    xml_blocks,
)
from thouez_edition.rendering.bibliography import entries_by_group
from thouez_edition.rendering.templating import render
from thouez_edition.text.mentions import NameMatcher
from thouez_edition.text.page_map import PageMap
from thouez_edition.text.paper import (
    HEADINGS,
    MARKER_PREFIX,
    PASSAGE_ID,
    Paper,
    Passage,
    note_number,
)
from thouez_edition.urls import page_location

TEI_PATH = "downloads/thouez-2004-edition.tei.xml"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# Kinds of work whose title is part of another (an article, a chapter, a page of a site), and
# kinds that were never published (a talk, a conversation): TEI's title levels `a` and `u`.
ANALYTIC = frozenset({"article", "article-journal", "article-magazine", "article-newspaper", "chapter",
                      "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference", "post",
                      "post-weblog", "webpage"})
UNPUBLISHED = frozenset({"manuscript", "speech", "interview", "personal_communication"})
PERIODICAL = frozenset({"article", "article-journal", "article-magazine", "article-newspaper"})


class TeiError(EditionError):
    """The TEI could not be written as the data asks; the message says why."""


# --- the bibliographic records --------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    literal: str | None
    given: str | None
    family: str | None


@dataclass(frozen=True)
class Bibl:
    """A CSL record as the parts of a TEI `bibl`."""

    id: str | None
    type: str
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    title: str | None
    title_level: str
    container: str | None
    container_level: str
    series: str | None
    series_number: str | None
    scopes: tuple[tuple[str, str], ...]
    meeting: str | None
    publisher: str | None
    place: str | None
    date: str | None
    genre: str | None
    idnos: tuple[tuple[str, str], ...]
    url: str | None
    printed_as: str | None = None


def _names(people: Iterable[Mapping[str, Any]]) -> tuple[Name, ...]:
    return tuple(
        Name(person.get("literal"), person.get("given"),
             " ".join(part for part in (person.get("non-dropping-particle"), person.get("family")) if part) or None)
        for person in people
    )


def _when(date: Any) -> str | None:
    """A CSL date as an ISO date of its precision ("2003", "2003-11", "2003-11-18")."""
    parts = date.get("date-parts") if isinstance(date, Mapping) else None
    if not parts or not parts[0]:
        return None
    return "-".join(f"{int(part):04d}" if index == 0 else f"{int(part):02d}" for index, part in enumerate(parts[0]))


def bibl(record: Mapping[str, Any], id_: str | None, printed_as: str | None = None) -> Bibl:
    kind = str(record.get("type", ""))
    scopes = [(unit, str(record[unit])) for unit in ("volume", "issue", "number", "page") if record.get(unit)]
    meeting = ", ".join(str(record[part]) for part in ("event-title", "event-place") if record.get(part)) or None
    return Bibl(
        id=id_,
        type=kind,
        authors=_names(record.get("author", [])),
        editors=_names(record.get("editor", [])),
        title=record.get("title"),
        title_level="a" if kind in ANALYTIC else "u" if kind in UNPUBLISHED else "m",
        container=record.get("container-title"),
        container_level="j" if kind in PERIODICAL else "m",
        series=record.get("collection-title"),
        series_number=str(record["collection-number"]) if record.get("collection-number") else None,
        scopes=tuple(scopes),
        meeting=meeting,
        publisher=record.get("publisher"),
        place=record.get("publisher-place"),
        date=_when(record.get("issued")),
        genre=record.get("genre"),
        idnos=tuple((kind_, str(record[kind_])) for kind_ in ("DOI", "ISBN") if record.get(kind_)),
        url=record.get("URL"),
        printed_as=printed_as,
    )


# --- the bodies the paper names -------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    id: str
    kind: str
    kind_label: str
    name: str
    acronym: str | None
    variants: tuple[str, ...]
    wikidata: str | None
    ror: str | None
    profile: str | None


def _org(actor: Actor, kind: str, kind_label: str, ror: str | None, site: str | None, page: str) -> Org:
    names = {actor.name, *((actor.acronym,) if actor.acronym else ())}
    return Org(actor.id, kind, kind_label, actor.name, actor.acronym,
               tuple(alias for alias in dict.fromkeys(actor.aliases) if alias not in names),
               actor.wikidata, ror, urljoin(site, page_location(page)) if site else None)


def orgs(actors: Actors, site: str | None) -> tuple[tuple[Org, ...], tuple[Org, ...]]:
    """The organisations and the regional processes, for the `listOrg`s; each has its profile's
    address only in a published build (a local build's address is no one else's)."""
    organizations = tuple(_org(org, org.kind, org.kind_label, org.ror, site, actors.page_of(org.id))
                          for org in actors.organizations)
    processes = tuple(_org(process, "rcpm", "Regional consultative process on migration", None, site,
                           actors.page_of(process.id)) for process in actors.processes)
    return organizations, processes


# --- what the editors comment on ------------------------------------------------------------------


@dataclass(frozen=True)
class Comment:
    """Words of the text the editors comment on, how the TEI marks them, and the comment."""

    id: str
    kind: str  # kept, judgement, change
    words: str
    comment: str
    source_reading: str | None = None  # a change's: what the source reads
    where: str = ""  # the entry in data/emendations.yml, for messages


@dataclass(frozen=True)
class EditorialNote:
    kind: str
    target: str
    target_end: str | None
    comment: str


def comments(emendations: Emendations) -> list[Comment]:
    return [
        *(Comment(f"change-{index + 1}", "change", change.replace, change.reason, change.find, f"changes[{index}]")
          for index, change in enumerate(emendations.changes)),
        *(Comment(f"judgement-{item.index + 1}", "judgement", item.text, item.comment, where=f"judgements[{item.index}]")
          for item in emendations.judgements),
        *(Comment(f"kept-{item.index + 1}", "kept", item.text, item.comment, where=f"kept[{item.index}]")
          for item in emendations.kept),
    ]


def _marker_element(comment: Comment, id_: str) -> etree.Element:
    if comment.kind == "kept":
        return etree.Element("sic", {XML_ID: id_})
    if comment.kind == "judgement":
        return etree.Element("seg", {"type": "judgement", XML_ID: id_})
    return etree.Element("corr", {XML_ID: id_})


def _as_choice(root: etree.Element, corr: etree.Element, source_reading: str) -> None:
    """A change's `corr`, once it holds the edition's words, set in a `choice` with the source's."""
    parent = next(element for element in root.iter() if corr in list(element))
    choice = etree.Element("choice")
    sic = etree.SubElement(choice, "sic")
    sic.text = source_reading
    index = list(parent).index(corr)
    parent.remove(corr)
    choice.append(corr)
    choice.tail, corr.tail = corr.tail, None
    parent.insert(index, choice)


def mark_comments(element: etree.Element, anchor: str, wanted: Iterable[Comment]) -> list[EditorialNote]:
    """Mark each commented reading in the passage `element` (every place it stands); where one
    crosses the text's markup, an `anchor` marks its start and another its end."""
    notes = []
    for comment in wanted:
        places = find_words(element, comment.words, is_note_marker)
        if not places:
            raise TeiError(f"data/emendations.yml: {comment.where}.text: “{comment.words}” was not found in "
                           f"{anchor} as the TEI writes it; expected the words within the passage's own text")
        for number, (start, end) in reversed(list(enumerate(places, start=1))):
            id_ = comment.id if number == 1 else f"{comment.id}-{number}"
            marker = _marker_element(comment, id_)
            if wrap(element, start, end, marker):
                if comment.source_reading is not None:
                    _as_choice(element, marker, comment.source_reading)
                notes.append(EditorialNote(comment.kind, f"#{id_}", None, _note_text(comment)))
            else:
                insert_at(element, end, etree.Element("anchor", {XML_ID: f"{id_}-end"}))
                insert_at(element, start, etree.Element("anchor", {XML_ID: id_}))
                notes.append(EditorialNote(comment.kind, f"#{id_}", f"#{id_}-end", _note_text(comment)))
    return notes


def _note_text(comment: Comment) -> str:
    if comment.source_reading is not None:
        return f"{comment.comment} (the source reads “{comment.source_reading}”)"
    return comment.comment


def mark_names(element: etree.Element, anchor: str, matcher: NameMatcher) -> None:
    """Every name of a body in the passage `element` as an `orgName` pointing to its `org`."""

    def skip(child: etree.Element) -> bool:
        return is_note_marker(child) or child.tag in ("a", "orgName")

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        return ((mention.start, mention.end, mention.actor_id) for mention in matcher.finditer(text, anchor))

    for slot, start, end, actor_id in reversed(matches_in_slots(element, skip, find)):
        wrap_in_slot(element, slot, start, end, etree.Element("orgName", {"ref": f"#{actor_id}"}))


# --- the text ---------------------------------------------------------------------------------------


def _convert(element: etree.Element, notes: Mapping[int, etree.Element], in_note: bool) -> etree.Element:
    """An element of the converted HTML (with the marks made above) as TEI."""
    tag, attributes = element.tag, element.attrib
    new: etree.Element
    if is_note_marker(element):
        number = note_number(element.get("id") or "", MARKER_PREFIX)
        if number is None or number not in notes:
            raise TeiError(f"the note marker {element.get('id')} calls no note of the paper")
        new = copy.deepcopy(notes[number])
    elif tag == PAGE_START:
        page = attributes["n"]
        new = (etree.Element("milestone", {"unit": "page", "n": page, "type": "note-continues",
                                           XML_ID: attributes["id"], "corresp": f"#page-{page}"})
               if in_note else etree.Element("pb", {"n": page, XML_ID: attributes["id"]}))
    else:
        if tag == "p" and PASSAGE_ID.match(attributes.get("id", "")):
            match = PASSAGE_ID.match(attributes["id"])
            assert match is not None
            new = etree.Element("p", {XML_ID: attributes["id"], "n": match["number"]})
        elif tag in HEADINGS:
            new = etree.Element("head")
        elif tag == "blockquote":
            new = etree.Element("quote")
        elif tag == "a":
            new = etree.Element("ref", {"target": attributes.get("href", "")})
        elif tag in ("p", "div"):
            new = etree.Element(tag)
        else:  # the marks made above are TEI already
            new = etree.Element(tag, dict(attributes))
        new.text = element.text
        for child in element:
            new.append(_convert(child, notes, in_note))
    new.tail = element.tail
    return new


def _leading_break(element: etree.Element) -> etree.Element | None:
    """A `pb` that opens `element` before any of its words, taken out of it."""
    if len(element) and element[0].tag == "pb" and not (element.text or "").strip():
        page_break = element[0]
        element.remove(page_break)
        element.text = (element.text or "") + (page_break.tail or "")
        page_break.tail = "\n"
        return page_break
    return None


def divisions(blocks: Iterable[etree.Element], top_type: str) -> list[etree.Element]:
    """Blocks (headings and paragraphs, in TEI) as nested `div`s, one per heading; a page that
    begins with a heading or a paragraph has its `pb` before it."""
    top: list[etree.Element] = []
    open_divisions: list[tuple[int, etree.Element]] = []

    def place(element: etree.Element) -> None:
        element.tail = "\n"
        if open_divisions:
            open_divisions[-1][1].append(element)
        else:
            top.append(element)

    for block in blocks:
        level = int(block.get("level", "0"))
        if block.tag != "head":
            page_break = _leading_break(block) if block.tag == "p" else None
            if page_break is not None:
                place(page_break)
            place(block)
            continue
        del block.attrib["level"]
        heading_id = block.attrib.pop("heading-id")
        while open_divisions and open_divisions[-1][0] >= level:
            open_divisions.pop()
        division = etree.Element("div", {"type": top_type if not open_divisions else "subsection", XML_ID: heading_id})
        division.text = "\n"
        page_break = _leading_break(block)
        if page_break is not None:
            place(page_break)
        place(division)
        division.append(block)
        block.tail = "\n"
        open_divisions.append((level, division))
    for block in (element for division in top for element in division.iter("quote")):
        for paragraph in list(block):
            page_break = _leading_break(paragraph)
            if page_break is not None:
                block.insert(list(block).index(paragraph), page_break)
    return top


@dataclass(frozen=True)
class TextParts:
    front: Markup
    body: Markup
    editorial_notes: tuple[EditorialNote, ...]


def _serialise(elements: Iterable[etree.Element]) -> Markup:
    # The text is the author's (or pandoc's), escaped by the serialiser: nothing here is data.
    return Markup("".join(etree.tostring(element, encoding="unicode") for element in elements))


def text_parts(paper: Paper, page_map: PageMap, matcher: NameMatcher, wanted: list[Comment],
               cites: Mapping[int, list[str]]) -> TextParts:
    """The series note and the sections in TEI, with their notes in place."""
    by_passage: dict[str, list[Comment]] = defaultdict(list)
    for comment in wanted:
        found = paper.find(comment.words)
        if not found:
            raise TeiError(f"data/emendations.yml: {comment.where}.text: “{comment.words}” is not in the text; "
                           "expected words exactly as they stand in a paragraph or note")
        for passage in found:
            by_passage[passage.anchor].append(comment)
    editorial: list[EditorialNote] = []

    def marked(element: etree.Element, passage: Passage) -> None:
        mark_names(element, passage.anchor, matcher)
        editorial.extend(mark_comments(element, passage.anchor, by_passage.get(passage.anchor, ())))

    notes: dict[int, etree.Element] = {}
    for passage in paper.notes:
        holder = xml_blocks(passage.note_html)
        mark_page_starts(holder, page_map.breaks.get(passage.anchor, []))
        marked(holder, passage)
        note = etree.Element("note", {XML_ID: f"fn{passage.number}", "n": str(passage.number), "place": "foot"})
        if cites.get(passage.number):
            note.set("corresp", " ".join(f"#{work_id}" for work_id in cites[passage.number]))
        blocks = [_convert(block, {}, in_note=True) for block in holder]
        if len(blocks) == 1 and blocks[0].tag == "p":
            note.text = blocks[0].text
            note.extend(list(blocks[0]))
        else:
            for block in blocks:
                block.tail = None
                note.append(block)
        notes[passage.number] = note

    parts: dict[str, list[etree.Element]] = {"front": [], "body": []}
    for page in paper.pages:
        holder = xml_blocks(page.html)
        if len(holder) == 1 and holder[0].tag == "div":  # the title page's series-note block
            holder = holder[0]
        passages = {passage.anchor: passage for passage in page.passages}
        for element in list(holder.iter()):
            mark_page_starts(element, page_map.breaks.get(element.get("id") or "", []))
        for paragraph in list(holder.iter("p")):
            if paragraph.get("id") in passages:
                marked(paragraph, passages[paragraph.get("id") or ""])
        blocks = []
        for element in holder:
            converted = _convert(element, notes, in_note=False)
            if element.tag in HEADINGS:
                converted.set("level", element.tag[1])
                converted.set("heading-id", element.get("id") or "")
            blocks.append(converted)
        if page.has_series_note:
            parts["front"] += divisions(blocks, "series-note")
        else:
            parts["body"] += divisions(blocks, "section")
    return TextParts(_serialise(parts["front"]), _serialise(parts["body"]), tuple(editorial))


# What an element with an id is, for messages about an id given twice.
ID_OWNERS = {"div": "a heading of the text", "p": "a paragraph", "note": "a note", "pb": "a page of the print",
             "milestone": "a page of the print", "org": "an organisation or process", "bibl": "a work cited"}


def id_problems(root: etree.Element, actors: Actors, works: Works) -> list[Problem]:
    """Each id of the data (a body, a work) that the TEI would give to something else too: every
    `xml:id` must stand once."""
    owners: dict[str, list[str]] = defaultdict(list)
    for element in root.iter():
        if element.get(XML_ID) is not None:
            tag = element.tag.rsplit("}", 1)[-1]
            owners[element.get(XML_ID) or ""].append(ID_OWNERS.get(tag, "a reading of data/emendations.yml"))
    data_ids = [(actor.id, actor.source_file, actor.lines.get("id"), "an organisation or process") for actor in actors.all]
    data_ids += [(work.id, works.display_path, work.line, "a work cited") for work in works.works]
    problems = []
    for id_, file, line, own in data_ids:
        others = list(owners[id_])
        if own in others:
            others.remove(own)
        if others:
            problems.append(Problem(file, line, id_, "id", f"is also the id of {others[0]} in the TEI, where each id "
                                    "stands once; expected an id that no heading, paragraph, note, page or other "
                                    "entry has"))
    return problems


def tei_document(
    record: Mapping[str, Any],
    identity: Identity,
    colophon: Colophon,
    paper: Paper,
    page_map: PageMap,
    actors: Actors,
    matcher: NameMatcher,
    works: Works,
    references: list[Formatted],
    emendations: Emendations,
) -> str:
    """The TEI P5 document of the paper and the edition."""
    cites = {number: [work.id for work, _ in cited] for number, cited in works.by_note().items()}
    text = text_parts(paper, page_map, matcher, comments(emendations), cites)
    organizations, processes = orgs(actors, colophon.address)
    groups = {label: [bibl(entry.work.csl, entry.work.id, entry.work.printed_as) for entry in entries]
              for label, entries in entries_by_group(works, references, paper, actors).items()}
    document = render(
        "tei.xml",
        record=record,
        source=bibl(record, None),
        author_names=_names(record["author"]),
        identity=identity,
        colophon=colophon,
        emendations=emendations,
        organizations=organizations,
        processes=processes,
        text=text,
        groups=groups,
    )
    raise_if_any(id_problems(etree.fromstring(document.encode("utf-8")), actors, works))
    return document

