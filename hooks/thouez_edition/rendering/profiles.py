"""Markdown for the profile pages, the two directories and the glossary, made from the data.

Which passages mention which actor is worked out here from the text (`Paper`) with the same
matcher that links mentions in the pages, so "In the paper" and the links in the text agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from thouez_edition.data.actors import (
    CATEGORY_LABELS,
    FROM_THE_PAPER,
    KIND_LABELS,
    RELATION_LABELS,
    Actor,
    Actors,
    Difference,
    Organization,
)
from thouez_edition.data.glossary import Term
from thouez_edition.rendering.templating import render_page
from thouez_edition.text.against_data import printed_in
from thouez_edition.text.mentions import Occurrence, name_matcher, occurrences
from thouez_edition.text.paper import Paper, Passage

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
WIKIDATA = "https://www.wikidata.org/wiki/{}"
ROR = "https://ror.org/{}"


@dataclass(frozen=True)
class PaperDifference:
    """A difference between the paper and the sources, with its passage, ready for a page."""

    actor: Actor
    fact_labels: tuple[str, ...]
    difference: Difference
    passage: Passage


@dataclass(frozen=True)
class FactNotes:
    """One profile's references: the sources of each fact, and the facts of each source."""

    references: dict[str, tuple[int, ...]]
    supported: dict[int, tuple[str, ...]]
    differences: dict[str, list[PaperDifference]]
    # Sources that are passages of the paper, by source number.
    passages: dict[int, Passage]

    def of(self, fact: str) -> tuple[int, ...]:
        return self.references.get(fact, ())


def fact_label(actor: Actor, actors: Actors, fact: str) -> str:
    if fact == "name":
        return "Name"
    if ":" in fact:
        relation, target = fact.split(":", 1)
        return f"{RELATION_LABELS[relation]} {actors.get(target).title}"
    return actor.fact_labels.get(fact) or PAPER_FACT_LABELS[fact]


def paper_facts(actor: Actor, paper: Paper) -> list[str]:
    """The facts whose source is the paper itself."""
    facts = [name for name in FROM_THE_PAPER if name != "paper_category" or getattr(actor, "paper_category", None) is not None]
    if not isinstance(actor, Organization):
        facts.append("kind")  # the paper names it among the RCPMs (¶ 30, n. 23)
    website_2004 = getattr(actor, "website_2004", None)
    if website_2004 and printed_in(paper, website_2004):
        facts.append("website_2004")
    return facts


def paper_differences(actor: Actor, actors: Actors, paper: Paper) -> list[PaperDifference]:
    anchors = {passage.anchor: passage for passage in paper.passages}
    return [
        PaperDifference(actor, tuple(fact_label(actor, actors, fact) for fact in d.facts), d, anchors[d.passage])
        for d in actor.differences
        if d.passage in anchors
    ]


def fact_notes(actor: Actor, actors: Actors, paper: Paper) -> FactNotes:
    from_paper = paper_facts(actor, paper)
    references: dict[str, tuple[int, ...]] = {}
    facts = [*actor.fact_labels, *from_paper, *(f"{r.type}:{r.target}" for r in getattr(actor, "relations", ()))]
    for fact in dict.fromkeys(facts):
        numbers = ([PAPER_SOURCE] if fact in from_paper else []) + [source.number for source in actor.sources_of(fact)]
        if numbers:
            references[fact] = tuple(numbers)
    supported = {PAPER_SOURCE: tuple(fact_label(actor, actors, fact) for fact in from_paper)}
    for source in actor.sources:
        supported[source.number] = tuple(fact_label(actor, actors, fact) for fact in source.supports)
    differences: dict[str, list[PaperDifference]] = defaultdict(list)
    for view in paper_differences(actor, actors, paper):
        for fact in view.difference.facts:
            differences[fact].append(view)
    anchors = {passage.anchor: passage for passage in paper.passages}
    passages = {s.number: anchors[s.passage] for s in actor.sources if s.passage and s.passage in anchors}
    return FactNotes(references, supported, dict(differences), passages)


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


def render_profile(actor: Actor, actors: Actors, found: dict[str, list[Occurrence]], paper: Paper) -> str:
    page = actors.page_of(actor.id)
    template = "organization.html" if isinstance(actor, Organization) else "process.html"
    return render_page(
        template,
        # The profile's own schema.org data, read by the theme override (YAML written by PyYAML).
        {"structured_data": structured_data(actor)},
        actor=actor,
        actors=actors,
        occurrences=found.get(actor.id, []),
        page=page,
        notes=fact_notes(actor, actors, paper),
        wikidata=WIKIDATA,
        ror=ROR,
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


def profile_pages(actors: Actors, paper: Paper, found: dict[str, list[Occurrence]] | None = None) -> dict[str, str]:
    """Every page made from the actors' data, by its path under `docs/`; `found` is where each is
    mentioned, if already known."""
    found = occurrences(paper, name_matcher(actors)) if found is None else found
    pages = {actors.page_of(actor.id): render_profile(actor, actors, found, paper) for actor in actors.all}
    pages[ORGANIZATIONS_INDEX] = render_organizations_index(actors, found)
    pages[RCPMS_INDEX] = render_rcpms_index(actors, found)
    return pages

