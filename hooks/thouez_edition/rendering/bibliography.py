"""The bibliography page: every work cited, grouped by kind, with the notes that cite it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from thouez_edition.citations.coins import context_object
from thouez_edition.citations.downloads import download_paths
from thouez_edition.citations.references import Formatted
from thouez_edition.data.actors import Actor, Actors
from thouez_edition.data.addresses import AddressNote, address_note
from thouez_edition.data.works import GROUP_LABELS, Citation, Work, Works
from thouez_edition.rendering.templating import render_page
from thouez_edition.text.paper import Paper, Passage

BIBLIOGRAPHY_PAGE = "bibliography.md"


@dataclass(frozen=True)
class CitedIn:
    citation: Citation
    note: Passage


@dataclass(frozen=True)
class Entry:
    work: Work
    formatted: Formatted
    cited_in: list[CitedIn]
    address: AddressNote | None
    actors: list[Actor]
    coins: str  # the work as an OpenURL ContextObject, for a COinS span


def entries_by_group(
    works: Works, formatted: list[Formatted], paper: Paper, actors: Actors
) -> dict[str, list[Entry]]:
    """The entries under each group's heading, each group in the style's order."""
    notes = {note.number: note for note in paper.notes}
    by_id = {work.id: work for work in works.works}
    groups: dict[str, list[Entry]] = {label: [] for label in GROUP_LABELS.values()}
    for reference in formatted:
        work = by_id[reference.id]
        address = address_note(work.url, work.url, _owners(work, actors)) if work.url else None
        groups[work.group_label].append(
            Entry(
                work=work,
                formatted=reference,
                cited_in=[CitedIn(citation, notes[citation.note]) for citation in work.cited_in],
                address=address,
                actors=[actors.get(actor_id) for actor_id in work.actors],
                coins=context_object(work.csl),
            )
        )
    return {label: entries for label, entries in groups.items() if entries}


def _owners(work: Work, actors: Actors) -> Iterator[Actor]:
    """The work's own organisations first, then every other, to find where an address moved;
    made as they are read, which ends at the first whose 2004 host is the address's."""
    yield from (actors.get(actor_id) for actor_id in work.actors)
    own = set(work.actors)
    yield from (actor for actor in actors.all if actor.id not in own)


def render_bibliography(works: Works, formatted: list[Formatted], paper: Paper, actors: Actors) -> str:
    return render_page(
        "bibliography.html",
        {"title": "Bibliography"},
        groups=entries_by_group(works, formatted, paper, actors),
        downloads=download_paths("works-cited"),
        actors=actors,
        page=BIBLIOGRAPHY_PAGE,
    )
