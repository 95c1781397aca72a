"""The text looked up by a passage's anchor and by an address it prints, indexed once.

The profiles look up the passages their sources, differences and names that are no mention point
to, and whether the paper printed an entry's 2004 address; so do the checks of the data against
the text. Made anew for each entry, the lookups would cost entries × passages: with the scale
benchmark's 100 copies, 6,200 entries and 14,000 passages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from thouez_edition.text.paper import Paper, Passage

# Words between brackets with no bracket inside: a link's target in Markdown (`[text](address)`).
BRACKETED = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True)
class PassageIndex:
    """Every passage by its anchor, and what the notes hold between brackets."""

    passages: Mapping[str, Passage]
    # The Markdown of the notes, where the paper prints its addresses.
    notes: tuple[str, ...]
    bracketed: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        bracketed = frozenset(words for markdown in self.notes for words in BRACKETED.findall(markdown))
        object.__setattr__(self, "bracketed", bracketed)

    @classmethod
    def of(cls, paper: Paper) -> PassageIndex:
        return cls({passage.anchor: passage for passage in paper.passages},
                   tuple(passage.note_markdown for passage in paper.notes))

    def prints(self, url: str) -> bool:
        """Whether the paper itself prints `url` as a link (it prints its addresses in notes):
        “(url)” stands in a note. An address with no bracket in it is looked up."""
        if "(" in url or ")" in url:
            return any(f"({url})" in markdown for markdown in self.notes)
        return url in self.bracketed
