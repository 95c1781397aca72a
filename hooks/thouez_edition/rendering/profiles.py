"""Markdown for the profile pages, the two directories and the glossary, made from the data.

Which passages mention which actor is worked out here from the text (`Paper`) with the same
matcher that links mentions in the pages, so "In the paper" and the links in the text agree.
A relation is shown on both entries it joins, each time with its sources: on the entry that
states it among its own sources, on the other among the sources it borrows from that entry.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, replace

from thouez_edition.citations.passages import (
    DATA_ID,
    PROFILE_ANCHOR,
    Citations,
    ProfileCitation,
)
from thouez_edition.data.actors import (
    CATEGORY_LABELS,
    FROM_THE_PAPER,
    INVERSE_LABELS,
    KIND_LABELS,
    RELATION_LABELS,
    Actor,
    Actors,
    Difference,
    Organization,
    Source,
)
from thouez_edition.data.glossary import Term
from thouez_edition.rendering.templating import render_page
from thouez_edition.text.mentions import Occurrence, every_passage, name_matcher
from thouez_edition.text.paper import Paper, Passage
from thouez_edition.text.passage_index import PassageIndex

ORGANIZATIONS_INDEX = "organizations/index.md"
RCPMS_INDEX = "rcpms/index.md"
GLOSSARY_PAGE = "glossary.md"


# The paper is the first source of every profile: of the names it uses, its own typology, and the
# 2004 addresses it printed.
PAPER_SOURCE = 1
PAPER_FACT_LABELS = {
    "aliases": "Names in the paper",
    "paper_category": "In the paper's typology",
    "kind": "Kind",
    "website_2004": "Address in 2004",
}
# Identifiers in other registries, with the labels the facts box gives them.
IDENTIFIER_LABELS = {"wikidata": "Wikidata", "ror": "ROR"}
WIKIDATA = "https://www.wikidata.org/wiki/{}"
ROR = "https://ror.org/{}"
# A process's secretariat and observers, as the organisation they name states them.
SECRETARIAT_OF = "Runs the secretariat of"
OBSERVER_AT = "Observer at"
# Relations that read the same from either end: shown once where both entries state them.
SYMMETRIC = ("co-author-with", "partner-of")


@dataclass(frozen=True)
class PaperDifference:
    """A difference between the paper and the sources, with its passage, ready for a page."""

    actor: Actor
    fact_labels: tuple[str, ...]
    difference: Difference
    passage: Passage


@dataclass(frozen=True)
class RelationView:
    """A relation as one profile shows it: its label, the other entry, and the key of its
    references (`part-of:united-nations` for the entry's own, `from:unhcr:part-of` for one that
    another entry states)."""

    label: str
    other: Actor
    fact: str


@dataclass(frozen=True)
class BorrowedSource:
    """A source of another entry that supports a relation shown here, renumbered for this page."""

    source: Source
    owner: Actor


@dataclass(frozen=True)
class FactNotes:
    """One profile's references: the sources of each fact, and the facts of each source."""

    references: dict[str, tuple[int, ...]]
    supported: dict[int, tuple[str, ...]]
    differences: dict[str, list[PaperDifference]]
    # Sources that are passages of the paper, by source number.
    passages: dict[int, Passage]
    relations: tuple[RelationView, ...] = ()
    borrowed: tuple[BorrowedSource, ...] = ()

    def of(self, fact: str) -> tuple[int, ...]:
        return self.references.get(fact, ())


def fact_label(actor: Actor, actors: Actors, fact: str) -> str:
    if fact == "name":
        return "Name"
    if ":" in fact:
        relation, target = fact.split(":", 1)
        return f"{RELATION_LABELS[relation]} {actors.get(target).title}"
    return actor.fact_labels.get(fact) or IDENTIFIER_LABELS.get(fact) or PAPER_FACT_LABELS[fact]


def paper_facts(actor: Actor, text: PassageIndex) -> list[str]:
    """The facts whose source is the paper itself."""
    facts = [name for name in FROM_THE_PAPER if name != "paper_category" or getattr(actor, "paper_category", None) is not None]
    if not isinstance(actor, Organization):
        facts.append("kind")  # the paper names it among the RCPMs (¶ 30, n. 23)
    website_2004 = getattr(actor, "website_2004", None)
    if website_2004 and text.prints(website_2004):
        facts.append("website_2004")
    return facts


def paper_differences(actor: Actor, actors: Actors, text: PassageIndex) -> list[PaperDifference]:
    anchors = text.passages
    return [
        PaperDifference(actor, tuple(fact_label(actor, actors, fact) for fact in d.facts), d, anchors[d.passage])
        for d in actor.differences
        if d.passage in anchors
    ]


Incoming = tuple[tuple[RelationView, tuple[Source, ...]], ...]


def incoming_relations(actors: Actors) -> dict[str, Incoming]:
    """For each entry, the relations other entries state towards it, turned round, each with the
    sources its entry gives for it: relations (by kind, in the order of `RELATION_LABELS`), then
    the processes whose secretariat it runs or that it observes. Found in one pass over the
    entries for all of them, not one for each (entries × entries)."""
    found: dict[str, list[tuple[RelationView, tuple[Source, ...]]]] = defaultdict(list)
    own = {actor.id: {relation.fact for relation in actor.relations} for actor in actors.all}
    for kind in RELATION_LABELS:
        for other in actors.all:
            for relation in other.relations:
                if relation.type != kind:
                    continue
                if kind in SYMMETRIC and f"{kind}:{other.id}" in own.get(relation.target, ()):
                    continue
                view = RelationView(INVERSE_LABELS[kind], other, f"from:{other.id}:{relation.fact}")
                found[relation.target].append((view, other.sources_of(relation.fact)))
    for process in actors.processes:
        if process.secretariat_id:
            found[process.secretariat_id].append((RelationView(SECRETARIAT_OF, process, f"from:{process.id}:secretariat"),
                                                  process.sources_of("secretariat")))
        for observer in dict.fromkeys(process.observers):
            found[observer].append((RelationView(OBSERVER_AT, process, f"from:{process.id}:observers"),
                                    process.sources_of("observers")))
    return {actor_id: tuple(relations) for actor_id, relations in found.items()}


def fact_notes(actor: Actor, actors: Actors, text: PassageIndex, incoming: Incoming = ()) -> FactNotes:
    """The profile's references; `incoming` is what `incoming_relations` found for `actor`."""
    from_paper = paper_facts(actor, text)
    references: dict[str, tuple[int, ...]] = {}
    facts = [*actor.fact_labels, *IDENTIFIER_LABELS, *from_paper, *(relation.fact for relation in actor.relations)]
    for fact in dict.fromkeys(facts):
        numbers = ([PAPER_SOURCE] if fact in from_paper else []) + [source.number for source in actor.sources_of(fact)]
        if numbers:
            references[fact] = tuple(numbers)
    supported = {PAPER_SOURCE: [fact_label(actor, actors, fact) for fact in from_paper]}
    for source in actor.sources:
        supported[source.number] = [fact_label(actor, actors, fact) for fact in source.supports]
    relations = [RelationView(r.label, actors.get(r.target), r.fact) for r in actor.relations]
    # Another entry's source gets the next free number, once however many relations it supports.
    number_of = {(s.title, s.url, s.passage): s.number for s in actor.sources}
    borrowed: list[BorrowedSource] = []
    for view, sources in incoming:
        relations.append(view)
        label = f"{view.label} {view.other.title}"
        for source in sources:
            key = (source.title, source.url, source.passage)
            if key not in number_of:
                number_of[key] = len(actor.sources) + len(borrowed) + 2  # 1 is the paper itself
                borrowed.append(BorrowedSource(replace(source, number=number_of[key]), view.other))
                supported[number_of[key]] = []
            references[view.fact] = (*references.get(view.fact, ()), number_of[key])
            supported[number_of[key]].append(label)
    differences: dict[str, list[PaperDifference]] = defaultdict(list)
    for difference in paper_differences(actor, actors, text):
        for fact in difference.difference.facts:
            differences[fact].append(difference)
    anchors = text.passages
    passages = {s.number: anchors[s.passage]
                for s in (*actor.sources, *(b.source for b in borrowed)) if s.passage and s.passage in anchors}
    return FactNotes(references, {number: tuple(labels) for number, labels in supported.items()},
                     dict(differences), passages, tuple(relations), tuple(borrowed))


def structured_data(actor: Actor, site_url: str = "") -> dict[str, object]:
    """schema.org data for the profile: the body, its other names, its identifiers (`sameAs`)."""
    conference = isinstance(actor, Organization) and actor.kind == "conference"
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Event" if conference else "Organization",
        "name": actor.name,
    }
    alternate = [name for name in dict.fromkeys([*( [actor.acronym] if actor.acronym else []), *actor.aliases]) if name != actor.name]
    if alternate:
        data["alternateName"] = alternate
    founded = getattr(actor, "founded", None) or getattr(actor, "established", None)
    if founded and not conference:
        data["foundingDate"] = str(founded)
    if actor.website:
        data["url"] = actor.website
    same_as = [WIKIDATA.format(actor.wikidata)] if actor.wikidata else []
    if isinstance(actor, Organization) and actor.ror:
        same_as.append(ROR.format(actor.ror))
    if same_as:
        data["sameAs"] = same_as
    data["description"] = actor.summary
    return data


def citation_data(citations: Citations, citation: ProfileCitation) -> str:
    """The profile's citation as `passage-cite.js` reads it (the passages' format), as JSON for
    an attribute: the template escapes it."""
    value = {"reference": citations.edition_reference, "passages": {PROFILE_ANCHOR: asdict(citation)}}
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render_profile(actor: Actor, actors: Actors, found: dict[str, list[Occurrence]], text: PassageIndex,
                   incoming: Incoming, citations: Citations | None = None) -> str:
    page = actors.page_of(actor.id)
    template = "organization.html" if isinstance(actor, Organization) else "process.html"
    citation = citations.profiles.get(page) if citations else None
    anchors = text.passages
    not_mentioned = [(item, anchors[item.passage]) for item in actor.not_mentions if item.passage in anchors]
    return render_page(
        template,
        # The profile's own schema.org data, read by the theme override (YAML written by PyYAML).
        {"structured_data": structured_data(actor)},
        actor=actor,
        actors=actors,
        occurrences=found.get(actor.id, []),
        not_mentioned=not_mentioned,
        page=page,
        notes=fact_notes(actor, actors, text, incoming),
        wikidata=WIKIDATA,
        ror=ROR,
        citation=citation,
        citation_data=citation_data(citations, citation) if citations and citation else "",
        cite_anchor=PROFILE_ANCHOR,
        data_id=DATA_ID,
    )


def render_organizations_index(actors: Actors, found: dict[str, list[Occurrence]]) -> str:
    by_category = {
        label: [o for o in actors.organizations if o.paper_category == category]
        for category, label in CATEGORY_LABELS.items()
    }
    others = {
        label: [o for o in actors.organizations if o.paper_category is None and o.kind == kind]
        for kind, label in KIND_LABELS.items()
    }
    return render_page(
        "organizations_index.html",
        {"title": "Organisations"},
        by_category={label: items for label, items in by_category.items() if items},
        others={label: items for label, items in others.items() if items},
        found=found,
        page=ORGANIZATIONS_INDEX,
    )


def render_rcpms_index(actors: Actors, found: dict[str, list[Occurrence]]) -> str:
    return render_page("rcpms_index.html", {"title": "Regional consultative processes"}, processes=actors.processes, found=found, page=RCPMS_INDEX)


def render_glossary(terms: list[Term], actors: Actors) -> str:
    return render_page("glossary.html", {"title": "Glossary"}, terms=terms, actors=actors, page=GLOSSARY_PAGE)


def profile_pages(actors: Actors, paper: Paper, citations: Citations | None = None,
                  found: dict[str, list[Occurrence]] | None = None, text: PassageIndex | None = None) -> dict[str, str]:
    """Every page made from the actors' data, by its path under `docs/`; each profile offers its
    citation where `citations` has it; `found` is where each is mentioned and `text` the paper's
    passages indexed, if already known (each made once here otherwise, for all profiles)."""
    found = every_passage(paper, name_matcher(actors), actors) if found is None else found
    text = PassageIndex.of(paper) if text is None else text
    incoming = incoming_relations(actors)
    pages = {actors.page_of(actor.id): render_profile(actor, actors, found, text, incoming.get(actor.id, ()), citations)
             for actor in actors.all}
    pages[ORGANIZATIONS_INDEX] = render_organizations_index(actors, found)
    pages[RCPMS_INDEX] = render_rcpms_index(actors, found)
    return pages

