"""Finding the names of organisations and processes in the text, with one compiled matcher.

Names are matched case-sensitively as whole words (so "UN" is not found inside "UNHCR", and
"IOM’s" is a mention of IOM), longest name first at each position (so "European Council on
Refugees and Exiles" wins over "European Council"). A name too general to mean one body
everywhere (a bare "Commission") is scoped to the passages where it does, and is no mention
anywhere else. The matcher only reports where names are; it never changes the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass


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
