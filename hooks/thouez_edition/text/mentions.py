"""Finding the names of organisations and processes in the text, with one compiled matcher, and
every passage that mentions each body.

Names are matched case-sensitively as whole words (so "UN" is not found inside "UNHCR", and
"IOM’s" is a mention of IOM), longest name first at each position (so "European Council on
Refugees and Exiles" wins over "European Council"). A name too general to mean one body
everywhere (a bare "Commission") is scoped to the passages where it does, and a name the data
lists under `not_mentions` for a passage is no mention there. The matcher only reports where
names are; it never changes the text.

A body's profile lists every passage that names it, names one of its parts (or a meeting or
process it convened: `PART_RELATIONS`, followed to any depth) or prints its 2004 address, in
the order a reader meets them: a note where its marker stands. The check here makes sure that
every occurrence of every name in the text is one of those, or is declared no mention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from thouez_edition.data.actors import Actor, Actors
from thouez_edition.errors import Problem
from thouez_edition.text.paper import Paper, Passage, note_anchor


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int
    end: int
    text: str


def whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


# A run of word characters, as `whole_word` bounds them.
WORD = re.compile(r"\w+")


class PassagesByWord:
    """Which passages hold each word, so that a name is looked for only where it can stand: a name
    standing as whole words in a passage has each of its runs of word characters standing there
    as a whole word too (inside the name a run is bounded by the name's other characters, at its
    ends by `whole_word`'s). Looking for every name in every passage instead costs names ×
    passages, most of the build with the scale benchmark's copies."""

    def __init__(self, passages: tuple[Passage, ...]) -> None:
        self.passages = passages
        self._holding: dict[str, list[int]] = defaultdict(list)
        for number, passage in enumerate(passages):
            for word in set(WORD.findall(passage.text)):
                self._holding[word].append(number)

    def that_may_hold(self, name: str) -> list[Passage] | tuple[Passage, ...]:
        """The passages, in reading order, that hold the rarest of the name's words (all of them
        if it has none)."""
        words = set(WORD.findall(name))
        if not words:
            return self.passages
        rarest = min(words, key=lambda word: len(self._holding.get(word, ())))
        return [self.passages[number] for number in self._holding.get(rarest, ())]


# The names' characters as a tree: each character leads to the characters that follow it in some
# name; the key "" marks where a name ends.
NameTree = dict[str, "NameTree"]


def longest_first(names: Iterable[str]) -> str:
    """A pattern that matches any of `names`, the longest first where several begin at the same
    place (as an alternation of the names sorted longest first would, backtracking to a shorter
    name when what follows rules the longer out), written as a tree of their common beginnings:
    Python's engine tries an alternation's branches one by one, so a flat list of every name
    would be tried in full at each place of the text (names × text), the tree only along the
    characters that stand there."""
    tree: NameTree = {}
    for name in names:
        node = tree
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}  # a name ends here

    def written(node: NameTree) -> str:
        branches = [re.escape(character) + written(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Where a name ends, the longer names go on first and the empty branch comes last.
        return "(?:" + "|".join(branches) + ("|)" if "" in node else ")")

    return written(tree)


class NameMatcher:
    """All names of all entries in one regular expression, scanned once per text."""

    def __init__(self, names: Iterable[tuple[str, str]], scopes: Mapping[str, frozenset[str]] | None = None,
                 excluded: Mapping[str, frozenset[str]] | None = None) -> None:
        """`names` are `(name, actor_id)` pairs; a name belongs to one actor only. `scopes` maps a
        name to the only passages (anchors such as `sn2`) in which it is a mention; `excluded`
        maps a name to passages in which it is not."""
        self.scopes = dict(scopes or {})
        self.excluded = dict(excluded or {})
        self.owner: dict[str, str] = {}
        for name, actor_id in names:
            self.owner.setdefault(name, actor_id)
        pattern = longest_first(self.owner) if self.owner else r"(?!)"
        self.pattern = re.compile(rf"(?<!\w){pattern}(?!\w)")

    def means_its_owner(self, name: str, anchor: str | None) -> bool:
        """Whether `name` is a mention of its owner in the passage `anchor`."""
        if name in self.scopes and anchor not in self.scopes[name]:
            return False
        return not (name in self.excluded and anchor in self.excluded[name])

    def finditer(self, text: str, anchor: str | None = None) -> Iterator[Mention]:
        """The mentions in `text`, the text of the passage `anchor` (needed for scoped names)."""
        for match in self.pattern.finditer(text):
            name = match.group()
            if self.means_its_owner(name, anchor):
                yield Mention(self.owner[name], match.start(), match.end(), name)

    def actors_in(self, text: str, anchor: str | None = None) -> list[str]:
        """The actors mentioned in `text`, each once, in order of first mention."""
        return list(dict.fromkeys(mention.actor_id for mention in self.finditer(text, anchor)))


EXCERPT_CHARS = 90
# After every note its paragraph calls.
UNCALLED = 10**6


def name_matcher(actors: Actors) -> NameMatcher:
    scopes = {name: scope for actor in actors.all for name, scope in actor.scoped_aliases.items()}
    excluded: dict[str, set[str]] = defaultdict(set)
    for actor in actors.all:
        for not_mention in actor.not_mentions:
            excluded[not_mention.name].add(not_mention.passage)
    return NameMatcher(((alias, actor.id) for actor in actors.all for alias in actor.aliases), scopes,
                       {name: frozenset(anchors) for name, anchors in excluded.items()})


@dataclass(frozen=True)
class Excerpt:
    before: str
    name: str
    after: str


@dataclass(frozen=True)
class Occurrence:
    """A passage that mentions an actor, with a few words around the first mention: of the actor
    itself (`how` "name"), of one of its parts (`through`, the part's id), or of its 2004 address."""

    passage: Passage
    excerpt: Excerpt
    how: Literal["name", "part", "address"] = "name"
    through: str | None = None
    # Where the name stands in the passage's words.
    start: int = 0


def occurrences(paper: Paper, matcher: NameMatcher) -> dict[str, list[Occurrence]]:
    """For each actor, every paragraph and note that names it, in the order of the passages."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for passage in paper.passages:
        text = passage.text
        first: dict[str, Mention] = {}
        for mention in matcher.finditer(text, passage.anchor):
            first.setdefault(mention.actor_id, mention)
        for actor_id, mention in first.items():
            found[actor_id].append(Occurrence(passage, excerpt(text, mention), start=mention.start))
    return dict(found)


def every_passage(paper: Paper, matcher: NameMatcher, actors: Actors) -> dict[str, list[Occurrence]]:
    """For each actor, every passage that names it, names one of its parts, or prints its 2004
    address, once, in reading order. A passage that names the actor itself is listed as such; one
    that names only a part is listed through the first part it names."""
    named = occurrences(paper, matcher)
    order = reading_order(paper)
    found: dict[str, list[Occurrence]] = {}
    for actor in actors.all:
        by_passage: dict[str, Occurrence] = {o.passage.anchor: o for o in named.get(actor.id, [])}
        for part in actors.parts_of(actor.id):
            for occurrence in named.get(part, []):
                current = by_passage.get(occurrence.passage.anchor)
                if current is None or (current.how == "part" and occurrence.start < current.start):
                    by_passage[occurrence.passage.anchor] = Occurrence(
                        occurrence.passage, occurrence.excerpt, "part", part, occurrence.start)
        address = getattr(actor, "website_2004", None)
        if address:
            for passage in paper.passages:
                if passage.anchor not in by_passage:
                    shown = printed_address(passage, address)
                    if shown is not None:
                        by_passage[passage.anchor] = Occurrence(passage, shown, "address")
        if by_passage:
            found[actor.id] = sorted(by_passage.values(), key=lambda o: order[o.passage.anchor])
    return found


def printed_address(passage: Passage, address: str) -> Excerpt | None:
    """The address where the passage prints it (as the link's words, with or without its
    scheme), with the words around it; None if the passage does not print it."""
    if f"({address})" not in passage.note_markdown and address not in passage.text:
        return None
    for shown in (address, address.split("://", 1)[-1]):
        start = passage.text.find(shown)
        if start >= 0:
            return excerpt(passage.text, Mention("", start, start + len(shown), shown))
    return None


def reading_order(paper: Paper) -> dict[str, tuple[int, int, int]]:
    """Each passage's place in reading order: a paragraph where it stands, a note where its marker
    stands (after the paragraph that calls it, by the order of the calls). A note no paragraph
    calls stands after the last paragraph of its page."""
    place: dict[str, tuple[int, int, int]] = {}
    last_on_page: dict[str, int] = {}
    for index, paragraph in enumerate(paper.paragraphs):
        place[paragraph.anchor] = (index, 0, 0)
        last_on_page[paragraph.page] = index
        for call, number in enumerate(paragraph.calls, start=1):
            place.setdefault(note_anchor(number), (index, call, 0))
    for note in paper.notes:
        place.setdefault(note.anchor, (last_on_page.get(note.page, len(paper.paragraphs)), UNCALLED, note.number))
    return place


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


# --- the check: every name in the text is attributed -------------------------------------------


def check_mentions(actors: Actors, paper: Paper) -> list[Problem]:
    """Every occurrence of every name and acronym of every entry in the text is a mention of that
    entry (the linker's, or inside the name of one of its parts), or declared none (out of its
    `only_in`, or under `not_mentions`); every name under `aliases` stands somewhere in the text;
    every entry of `not_mentions` names a name of the entry standing in its passage."""
    matcher = name_matcher(actors)
    problems: list[Problem] = []
    by_word = PassagesByWord(paper.passages)
    anchors = {passage.anchor: passage for passage in by_word.passages}
    mentions = {passage.anchor: list(matcher.finditer(passage.text, passage.anchor)) for passage in by_word.passages}
    for actor in actors.all:

        def problem(key: str, field_name: str, message: str, actor: Actor = actor) -> None:
            problems.append(Problem(actor.source_file, actor.lines.get(key), actor.id, field_name, message))

        names = _names_of(actor)
        declared = {(n.name, n.passage) for n in actor.not_mentions}
        own = {actor.id, *actors.parts_of(actor.id)}
        for name, (key, field_name) in names.items():
            pattern = whole_word(name)
            stood = False
            for passage in by_word.that_may_hold(name):
                for match in pattern.finditer(passage.text):
                    stood = True
                    if name in actor.scoped_aliases and passage.anchor not in actor.scoped_aliases[name]:
                        continue
                    if (name, passage.anchor) in declared:
                        continue
                    inside = next((m for m in mentions[passage.anchor] if m.start <= match.start() and match.end() <= m.end), None)
                    if inside is not None and inside.actor_id in own:
                        continue
                    problem(key, field_name, _unattributed(actor, name, passage.anchor, inside, actors))
            if not stood and field_name.startswith("aliases"):
                problem(key, field_name, f"“{name}” stands nowhere in the text; expected a name exactly as "
                                         "the paper prints it in a paragraph or note")
        for number, not_mention in enumerate(actor.not_mentions):
            field_name = f"not_mentions[{number}]"
            declared_in = anchors.get(not_mention.passage)
            if not_mention.name not in names:
                problem(field_name, f"{field_name}.name", f"“{not_mention.name}” is not a name of this entry; "
                        f"expected one of its aliases or its acronym: {', '.join(names)}")
            elif declared_in is None:
                problem(field_name, f"{field_name}.passage", f"“{not_mention.passage}” is not a passage of the "
                        "text; expected an anchor such as p12 or fn:32")
            elif not whole_word(not_mention.name).search(declared_in.text):
                problem(field_name, f"{field_name}.passage", f"“{not_mention.name}” does not stand in "
                        f"{not_mention.passage}; expected a passage in which the name stands")
    return problems


def _names_of(actor: Actor) -> dict[str, tuple[str, str]]:
    """The entry's names and acronym, each with the key of its line and its field."""
    names = {alias: (f"alias:{alias}", f"aliases[{number}]") for number, alias in enumerate(actor.aliases)}
    if actor.acronym and actor.acronym not in names:
        names[actor.acronym] = ("acronym", "acronym")
    return names


def _unattributed(actor: Actor, name: str, anchor: str, inside: Mention | None, actors: Actors) -> str:
    declare = f"or an entry under not_mentions for {anchor} with the reason it does not mean {actor.id}"
    if inside is None:
        return (f"“{name}” stands in {anchor} but is not among the names the text is searched for; "
                f"expected it under aliases if it means {actor.id} there, {declare}")
    return (f"“{name}” stands in {anchor} inside “{inside.text}”, a name of {inside.actor_id}, which is not "
            f"one of {actor.id}'s parts; expected a relation part-of or convened-by from {inside.actor_id} "
            f"to {actor.id} (with its source) if the passage is about {actor.id} too, {declare}")
