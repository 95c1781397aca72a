"""The works each note cites, as the note shows them: the label the notes use ("Florini 2000a"),
with the formatted reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from thouez_edition.citations.references import Formatted
from thouez_edition.data.works import Works


@dataclass(frozen=True)
class NoteCitation:
    """What a note shows for a work it cites."""

    work_id: str
    label: str
    reference: str


def note_citations(works: Works, formatted: dict[str, Formatted]) -> dict[int, list[NoteCitation]]:
    """For each note, what it shows for each work it cites: "Florini 2000a, p. 213"."""
    return {
        number: [
            NoteCitation(
                work.id,
                f"{formatted[work.id].citation}, {citation.locator}" if citation.locator else formatted[work.id].citation,
                formatted[work.id].text,
            )
            for work, citation in cited
        ]
        for number, cited in works.by_note().items()
    }
