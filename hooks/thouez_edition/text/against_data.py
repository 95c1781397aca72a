"""What only the text can confirm about the data: the notes a work is cited in and its locators,
the passages an organisation's entry points to, the words an emendation names.

The data files are read without the text and the text without the data; these checks run once
both could be read, and return problems rather than raising, so one run reports them all.
"""

from __future__ import annotations

from thouez_edition.data.actors import Actors
from thouez_edition.data.emendations import Emendations
from thouez_edition.data.works import Works
from thouez_edition.errors import Problem
from thouez_edition.text.paper import Paper


def check_actors_against_paper(actors: Actors, paper: Paper) -> list[Problem]:
    """What only the text can settle: names scoped to passages stand there, the paper's words
    quoted in a difference stand in their passage, and a 2004 address without a source is one the
    paper printed."""
    problems: list[Problem] = []
    anchors = {passage.anchor: passage for passage in paper.passages}
    for actor in actors.all:

        def problem(key: str, field_name: str, message: str) -> None:
            problems.append(Problem(actor.source_file, actor.lines.get(key), actor.id, field_name, message))

        for name, scope in actor.scoped_aliases.items():
            for anchor in sorted(scope):
                passage = anchors.get(anchor)
                if passage is None or name not in passage.text:
                    problem(f"alias:{name}", "aliases",
                            f"“{name}” does not stand in {anchor}; expected only_in to list passages that use the name")
        for source in actor.sources:
            if source.passage and source.passage not in anchors:
                problem(f"source:{source.number}", f"sources[{source.number - 2}].passage",
                        f"“{source.passage}” is not a passage of the text; expected an anchor such as p12 or fn:32")
        for number, difference in enumerate(actor.differences):
            passage = anchors.get(difference.passage)
            if passage is None:
                problem(f"paper_differs[{number}]", f"paper_differs[{number}].passage",
                        f"“{difference.passage}” is not a passage of the text; expected an anchor such as p12 or fn:32")
            elif " ".join(difference.paper.split()) not in passage.text:
                problem(f"paper_differs[{number}]", f"paper_differs[{number}].paper",
                        f"“{difference.paper}” is not in {difference.passage}; expected the paper's words exactly as they stand there")
        website_2004 = getattr(actor, "website_2004", None)
        if website_2004 and not actor.sources_of("website_2004") and not printed_in(paper, website_2004):
            problem("website_2004", "website_2004",
                    "has no source and the paper does not print it; expected a source that lists "
                    "“website_2004” under supports")
    return problems

def printed_in(paper: Paper, url: str) -> bool:
    """Whether the paper itself prints `url` as a link (the paper prints its addresses in notes)."""
    return any(f"({url})" in passage.note_markdown for passage in paper.notes)


def check_against_paper(works: Works, paper: Paper, actor_ids: frozenset[str]) -> list[Problem]:
    """What only the text can confirm: each cited note exists and gives the locator."""
    notes = {note.number: note.text for note in paper.notes}
    low, high = (min(notes), max(notes)) if notes else (0, 0)
    problems = []
    document = works.document
    for index, work in enumerate(works.works):
        for number, citation in enumerate(work.cited_in):
            where = (index, "cited_in", number)
            if citation.note not in notes:
                problems.append(
                    Problem(works.display_path, document.line((*where, "note")), work.id,
                            f"cited_in[{number}].note",
                            f"is {citation.note}; expected a note of the paper, {low} to {high}")
                )
            elif citation.locator and citation.locator not in notes[citation.note]:
                problems.append(
                    Problem(works.display_path, document.line((*where, "locator")), work.id,
                            f"cited_in[{number}].locator",
                            f"“{citation.locator}” is not in note {citation.note}; expected the "
                            "locator exactly as that note gives it for this work")
                )
        for number, actor_id in enumerate(work.actors):
            if actor_id not in actor_ids:
                problems.append(
                    Problem(works.display_path, document.line((index, "actors", number)), work.id,
                            f"actors[{number}]",
                            f"“{actor_id}” is not the id of an organisation or process; expected an id "
                            "from data/organizations.yml or data/rcpms.yml")
                )
    return problems


def locate_problems(emendations: Emendations, paper: Paper) -> list[Problem]:
    """Words of the judgements and of what is kept that the text does not have."""
    return [
        Problem(emendations.display_path, item.line, f"{item.section}[{item.index}]", "text",
                f"“{item.text}” is not in the edition's text; expected words exactly as they stand "
                "in a paragraph or note")
        for item in (*emendations.judgements, *emendations.kept)
        if not paper.find(item.text)
    ]
