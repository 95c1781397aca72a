"""Markdown for the profile pages, the two directories and the glossary, made from the data.

Which passages mention which actor is worked out here from the text (`Paper`) with the same
matcher that links mentions in the pages, so "In the paper" and the links in the text agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .actors import CATEGORY_LABELS, KIND_LABELS, Actor, Actors, Organization
from .glossary import Term
from .mentions import Mention, NameMatcher
from .paper import Paper, Passage
from .templates import render

ORGANIZATIONS_INDEX = "organizations/index.md"
RCPMS_INDEX = "rcpms/index.md"
GLOSSARY_PAGE = "glossary.md"
EXCERPT_CHARS = 90


def name_matcher(actors: Actors) -> NameMatcher:
    return NameMatcher((alias, actor.id) for actor in actors.all for alias in actor.aliases)


@dataclass(frozen=True)
class Excerpt:
    before: str
    name: str
    after: str


@dataclass(frozen=True)
class Occurrence:
    """A passage that mentions an actor, with a few words around the first mention."""

    passage: Passage
    excerpt: Excerpt


def occurrences(paper: Paper, matcher: NameMatcher) -> dict[str, list[Occurrence]]:
    """For each actor, every paragraph and note that mentions it, in reading order."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for passage in paper.passages:
        text = passage.text
        first: dict[str, Mention] = {}
        for mention in matcher.finditer(text):
            first.setdefault(mention.actor_id, mention)
        for actor_id, mention in first.items():
            found[actor_id].append(Occurrence(passage, excerpt(text, mention)))
    return dict(found)


def excerpt(text: str, mention: Mention, width: int = EXCERPT_CHARS) -> Excerpt:
    """The mention with up to `width` characters either side, cut at word boundaries."""
    start, end = mention.start, mention.end
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if end + width < len(text):
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after + "…"
    return Excerpt(before, mention.text, after)


def render_profile(actor: Actor, actors: Actors, found: dict[str, list[Occurrence]]) -> str:
    page = actors.page_of(actor.id)
    template = "organization.md" if isinstance(actor, Organization) else "process.md"
    return render(template, actor=actor, actors=actors, occurrences=found.get(actor.id, []), page=page)


def render_organizations_index(actors: Actors, found: dict[str, list[Occurrence]]) -> str:
    by_category = {
        label: [o for o in actors.organizations if o.paper_category == category]
        for category, label in CATEGORY_LABELS.items()
    }
    others = {
        label: [o for o in actors.organizations if o.paper_category is None and o.kind == kind]
        for kind, label in KIND_LABELS.items()
    }
    return render(
        "organizations_index.md",
        by_category={label: items for label, items in by_category.items() if items},
        others={label: items for label, items in others.items() if items},
        found=found,
        page=ORGANIZATIONS_INDEX,
    )


def render_rcpms_index(actors: Actors, found: dict[str, list[Occurrence]]) -> str:
    return render("rcpms_index.md", processes=actors.processes, found=found, page=RCPMS_INDEX)


def render_glossary(terms: list[Term], actors: Actors) -> str:
    return render("glossary.md", terms=terms, actors=actors, page=GLOSSARY_PAGE)


def profile_pages(actors: Actors, paper: Paper) -> dict[str, str]:
    """Every page made from the actors' data, by its path under `docs/`."""
    found = occurrences(paper, name_matcher(actors))
    pages = {actors.page_of(actor.id): render_profile(actor, actors, found) for actor in actors.all}
    pages[ORGANIZATIONS_INDEX] = render_organizations_index(actors, found)
    pages[RCPMS_INDEX] = render_rcpms_index(actors, found)
    return pages

