"""Finding the names of organisations and processes in the text, with one compiled matcher.

Names are matched case-sensitively as whole words (so "UN" is not found inside "UNHCR", and
"IOM’s" is a mention of IOM), longest name first at each position (so "European Council on
Refugees and Exiles" wins over "European Council"). A name too general to mean one body
everywhere (a bare "Commission") is scoped to the passages where it does, and is no mention
anywhere else. The matcher only reports where names are; it never changes the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from thouez_edition.data.actors import Actors
from thouez_edition.text.paper import Paper, Passage


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int
    end: int
    text: str


class NameMatcher:
    """All names of all entries in one regular expression, scanned once per text."""

    def __init__(self, names: Iterable[tuple[str, str]], scopes: Mapping[str, frozenset[str]] | None = None) -> None:
        """`names` are `(name, actor_id)` pairs; a name belongs to one actor only. `scopes` maps a
        name to the only passages (anchors such as `sn2`) in which it is a mention."""
        self.scopes = dict(scopes or {})
        self.owner: dict[str, str] = {}
        for name, actor_id in names:
            self.owner.setdefault(name, actor_id)
        alternatives = sorted(self.owner, key=lambda name: (-len(name), name))
        pattern = "|".join(re.escape(name) for name in alternatives) or r"(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")

    def finditer(self, text: str, anchor: str | None = None) -> Iterator[Mention]:
        """The mentions in `text`, the text of the passage `anchor` (needed for scoped names)."""
        for match in self.pattern.finditer(text):
            name = match.group()
            if name in self.scopes and anchor not in self.scopes[name]:
                continue
            yield Mention(self.owner[name], match.start(), match.end(), name)

    def actors_in(self, text: str, anchor: str | None = None) -> list[str]:
        """The actors mentioned in `text`, each once, in order of first mention."""
        return list(dict.fromkeys(mention.actor_id for mention in self.finditer(text, anchor)))


EXCERPT_CHARS = 90

def name_matcher(actors: Actors) -> NameMatcher:
    scopes = {name: scope for actor in actors.all for name, scope in actor.scoped_aliases.items()}
    return NameMatcher(((alias, actor.id) for actor in actors.all for alias in actor.aliases), scopes)

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
        for mention in matcher.finditer(text, passage.anchor):
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
