"""Markdown for the pages and page sections that the edition derives from its text and data."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from thouez_edition.data.actors import Actors
from thouez_edition.data.emendations import Emendations, Located
from thouez_edition.errors import DataError, EditionError, Problem
from thouez_edition.rendering.profiles import paper_differences
from thouez_edition.rendering.templating import render_block, render_page
from thouez_edition.text.paper import Paper, Passage
from thouez_edition.text.passage_index import PassageIndex

NOTES_PAGE = "paper/notes.md"


def all_notes_anchor(number: int) -> str:
    """The id of note `number` on the All notes page (`n25`)."""
    return f"n{number}"

# A hand-written page asks for a derived section with `<!-- edition: kept -->` on a line of its own.
PLACEHOLDER = re.compile(r"^<!--\s*edition:\s*(?P<name>[a-z-]+)\s*-->\s*$", re.MULTILINE)
EMENDATION_SECTIONS = ("silent-repairs", "changes", "judgements", "kept")


@dataclass(frozen=True)
class NoteCall:
    page: str
    page_title: str
    paragraph: Passage | None


@dataclass(frozen=True)
class NoteGroup:
    """The notes called under one heading: the section, and the subsection if there is one."""

    section: str
    subsection: str
    notes: list[Passage]


def group_notes(notes: list[Passage]) -> list[NoteGroup]:
    """Notes in print order, in runs that stand under the same section and subsection."""
    groups: list[NoteGroup] = []
    for note in notes:
        section, *rest = note.headings or (note.page_title,)
        subsection = " › ".join(rest)
        if not groups or (groups[-1].section, groups[-1].subsection) != (section, subsection):
            groups.append(NoteGroup(section, subsection, []))
        groups[-1].notes.append(note)
    return groups


def render_notes_page(paper: Paper, page: str = NOTES_PAGE) -> str:
    notes = paper.notes
    calls = {}
    for note in notes:
        paragraph = paper.calling_paragraph(note.number)
        calls[note.number] = NoteCall(note.page, note.page_title, paragraph)
    return render_page("notes.html", {"search": {"exclude": True}}, groups=group_notes(notes), count=len(notes),
                       calls=calls, page=page, anchor=all_notes_anchor)


@dataclass(frozen=True)
class LocatedItem:
    text: str
    comment: str
    passages: list[Passage]


def locate(items: tuple[Located, ...], paper: Paper, display_path: str) -> list[LocatedItem]:
    """Find each item's words in the text; words found nowhere are bad data."""
    located, problems = [], []
    for item in items:
        passages = paper.find(item.text)
        if not passages:
            problems.append(
                Problem(display_path, item.line, f"{item.section}[{item.index}]", "text",
                        f"“{item.text}” is not in the edition's text; expected words exactly as "
                        "they stand in a paragraph or note")
            )
        located.append(LocatedItem(item.text, item.comment, passages))
    if problems:
        raise DataError(problems)
    return located


def render_emendations(section: str, emendations: Emendations, paper: Paper, page: str) -> str:
    items: list[LocatedItem] = []
    if section in ("judgements", "kept"):
        items = locate(getattr(emendations, section), paper, emendations.display_path)
    return render_block("emendations.html", section=section, emendations=emendations, items=items, page=page)


def render_paper_and_sources(actors: Actors, text: PassageIndex, page: str) -> str:
    """Every case where the paper says otherwise than the sources, entry by entry."""
    differences = [view for actor in actors.all for view in paper_differences(actor, actors, text)]
    return render_block("paper_and_sources.html", differences=differences, actors=actors, page=page)


def actor_sections(actors: Actors, text: PassageIndex) -> dict[str, SectionRenderer]:
    return {"paper-and-sources": functools.partial(render_paper_and_sources, actors, text)}


class UnknownSection(EditionError):
    """A placeholder names a section that the edition cannot render."""


SectionRenderer = Callable[[str], str]


def emendation_sections(emendations: Emendations, paper: Paper) -> dict[str, SectionRenderer]:
    """The editorial page's sections, each rendered for the page that asks for it."""
    return {name: functools.partial(render_emendations, name, emendations, paper) for name in EMENDATION_SECTIONS}


def fill_placeholders(markdown: str, page: str, sections: Mapping[str, SectionRenderer]) -> str:
    """Replace each `<!-- edition: name -->` line with the section `name` rendered for `page`."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in sections:
            line = markdown.count("\n", 0, match.start()) + 1
            raise UnknownSection(
                f"docs/{page}:{line}: placeholder “{name}” is unknown; expected one of "
                + ", ".join(sorted(sections))
            )
        return sections[name](page)

    return PLACEHOLDER.sub(replace, markdown)
