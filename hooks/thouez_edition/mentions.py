"""Finding the names of organisations and processes in the text, with one compiled matcher.

Names are matched case-sensitively as whole words (so "UN" is not found inside "UNHCR", and
"IOM’s" is a mention of IOM), longest name first at each position (so "European Council on
Refugees and Exiles" wins over "European Council"). The matcher only reports where names are;
it never changes the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    actor_id: str
    start: int
    end: int
    text: str


class NameMatcher:
    """All names of all entries in one regular expression, scanned once per text."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """`names` are `(name, actor_id)` pairs; a name belongs to one actor only."""
        self.owner: dict[str, str] = {}
        for name, actor_id in names:
            self.owner.setdefault(name, actor_id)
        alternatives = sorted(self.owner, key=lambda name: (-len(name), name))
        pattern = "|".join(re.escape(name) for name in alternatives) or r"(?!)"
        self.pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")

    def finditer(self, text: str) -> Iterator[Mention]:
        for match in self.pattern.finditer(text):
            yield Mention(self.owner[match.group()], match.start(), match.end(), match.group())

    def actors_in(self, text: str) -> list[str]:
        """The actors mentioned in `text`, each once, in order of first mention."""
        return list(dict.fromkeys(mention.actor_id for mention in self.finditer(text)))
