"""The bibliography page, the works cited shown in each note, and the files for reference managers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .actors import Actor, Actors
from .addresses import AddressNote, address_note
from .coins import context_object
from .exports import to_biblatex, to_bibtex, to_csl_json, to_ris
from .note_apparatus import NoteCitation
from .paper import Paper, Passage
from .references import Formatted
from .templates import render_page
from .works import GROUP_LABELS, Citation, Work, Works

BIBLIOGRAPHY_PAGE = "bibliography.md"
DOWNLOADS = "downloads"
# Each format: its writer and the ending of its file name (BibLaTeX files are .bib files too).
FORMATS: dict[str, tuple[Callable[[list[dict]], str], str]] = {
    "bibtex": (to_bibtex, ".bib"),
    "biblatex": (to_biblatex, ".biblatex.bib"),
    "ris": (to_ris, ".ris"),
    "csl_json": (to_csl_json, ".json"),
}


def download_paths(stem: str) -> dict[str, str]:
    """Where the BibTeX, BibLaTeX, RIS and CSL-JSON files named `stem` are published, by format."""
    return {name: f"{DOWNLOADS}/{stem}{ending}" for name, (_, ending) in FORMATS.items()}


def download_files(stem: str, records: list[dict]) -> dict[str, str]:
    """The four files for `records`, by path under the site root."""
    return {path: FORMATS[name][0](records) for name, path in download_paths(stem).items()}


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


def _owners(work: Work, actors: Actors) -> Iterable[Actor]:
    """The work's own organisations first, then every other, to find where an address moved."""
    own = [actors.get(actor_id) for actor_id in work.actors]
    return [*own, *(actor for actor in actors.all if actor not in own)]


def render_bibliography(works: Works, formatted: list[Formatted], paper: Paper, actors: Actors) -> str:
    return render_page(
        "bibliography.html",
        {"title": "Bibliography"},
        groups=entries_by_group(works, formatted, paper, actors),
        downloads=download_paths("works-cited"),
        actors=actors,
        page=BIBLIOGRAPHY_PAGE,
    )
