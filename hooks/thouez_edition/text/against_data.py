"""What only the text can confirm about the data: the notes a work is cited in and its locators,
the passages an organisation's entry points to, the words an emendation names, the acronyms the
glossary explains.

The data files are read without the text and the text without the data; these checks run once
both could be read, and return problems rather than raising, so one run reports them all.
"""

from __future__ import annotations

from thouez_edition.data.actors import Actors
from thouez_edition.data.emendations import Emendations
from thouez_edition.data.glossary import Term
from thouez_edition.data.works import Works
from thouez_edition.errors import Problem
from thouez_edition.text.mentions import whole_word
from thouez_edition.text.paper import Paper
from thouez_edition.text.passage_index import PassageIndex


def check_actors_against_paper(actors: Actors, paper: Paper) -> list[Problem]:
    """What only the text can settle: names scoped to passages stand there, the paper's words
    quoted in a difference stand in their passage, and a 2004 address without a source is one the
    paper printed."""
    problems: list[Problem] = []
    index = PassageIndex.of(paper)
    anchors = index.passages
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
        if website_2004 and not actor.sources_of("website_2004") and not index.prints(website_2004):
            problem("website_2004", "website_2004",
                    "has no source and the paper does not print it; expected a source that lists "
                    "“website_2004” under supports")
    return problems


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
    """What the text as read says of the emendations. The words of a judgement, of what is kept and
    of a change name one place each, so they stand in the text exactly once; a repair may stand in
    many places, but its result must stand in the text and what it repaired nowhere. (The source
    itself is the tests' evidence, not the build's: `tests/test_fidelity.py` applies every repair
    to it.)"""
    problems = []
    for item in (*emendations.judgements, *emendations.kept):
        where = _places(paper, item.text)
        if not where:
            problems.append(Problem(emendations.display_path, item.line, f"{item.section}[{item.index}]", "text",
                                    f"“{item.text}” is not in the edition's text; expected words exactly as they "
                                    "stand in a paragraph or note"))
        elif len(where) > 1:
            problems.append(Problem(emendations.display_path, item.line, f"{item.section}[{item.index}]", "text",
                                    _ambiguous(item.text, where)))
    for replacement in emendations.replacements():
        is_change = not replacement.place
        field_name = f"{replacement.place}.replace" if replacement.place else "replace"
        where = _places(paper, replacement.replace)
        if not where:
            problems.append(Problem(emendations.display_path, replacement.line, replacement.entry, field_name,
                                    f"“{replacement.replace}” is not in the edition's text; expected the words as "
                                    f"the {'change' if is_change else 'repair'} leaves them, exactly as they stand "
                                    "in a paragraph or note"))
        elif is_change and len(where) > 1:
            problems.append(Problem(emendations.display_path, replacement.line, replacement.entry, field_name,
                                    _ambiguous(replacement.replace, where)))
        left = [] if " ".join(replacement.find.split()) in " ".join(replacement.replace.split()) else _places(paper, replacement.find)
        if left:
            field_name = f"{replacement.place}.find" if replacement.place else "find"
            problems.append(Problem(emendations.display_path, replacement.line, replacement.entry, field_name,
                                    f"“{replacement.find}” still stands in the edition's text ({', '.join(left)}); "
                                    "expected it replaced wherever it stands"))
    return problems


def _places(paper: Paper, text: str) -> list[str]:
    """The anchor of the passage of each place where `text` stands (white space as in the text)."""
    wanted = " ".join(text.split())
    return [passage.anchor for passage in paper.passages for _ in range(passage.text.count(wanted))] if wanted else []


def _ambiguous(text: str, where: list[str]) -> str:
    return (f"“{text}” stands {len(where)} times in the edition's text ({', '.join(where)}); expected words "
            "that stand once, so that the entry names one place: quote more of them")


def check_glossary_against_paper(terms: list[Term], paper: Paper) -> list[Problem]:
    """Every acronym of the glossary file stands in the text (those of the entries are their
    aliases, checked with them)."""
    texts = [passage.text for passage in paper.passages] + [heading.text for heading in paper.headings]
    return [
        Problem(term.file, term.line, term.term, "term",
                f"“{term.term}” stands nowhere in the text; expected an acronym exactly as the paper prints it "
                "in a paragraph or note")
        for term in terms
        if term.actor_id is None and not any(whole_word(term.term).search(text) for text in texts)
    ]
