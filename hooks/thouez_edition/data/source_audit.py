"""An audit of the edition's sources by kind: how many of the profiles' and the works' sources are
the bodies' own pages, intergovernmental or government documents, reference works, archived
copies or other sites, with the days the web sources were consulted.

`tests/source_audit.py` prints it (`python -m tests.source_audit`); MAINTAINING.md records it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from thouez_edition.data.actors import Actors, load_actors
from thouez_edition.data.sources import KINDS, host_of, source_kind
from thouez_edition.data.works import Works, load_works

FILES = ("organizations.yml", "rcpms.yml", "citations.yml")
# Rows beyond the kinds of web source and document: the paper's own passages, and sources that
# give no address (a work "as printed in the paper", a record read in print).
PAPER = "paper"
NO_ADDRESS = "no-address"
ROWS = {**KINDS, PAPER: "the paper itself (its passages)", NO_ADDRESS: "no web address (as printed, or read in print)"}


@dataclass(frozen=True)
class Counted:
    """One source as the audit counts it: its file, its kind and, for a web source, its host and
    the day it was consulted."""

    file: str
    kind: str
    host: str = ""
    consulted: date | None = None
    archived: bool = False


@dataclass(frozen=True)
class SourceAudit:
    sources: tuple[Counted, ...]
    counts: dict[str, Counter[str]] = field(init=False)

    def __post_init__(self) -> None:
        counts: dict[str, Counter[str]] = {name: Counter() for name in FILES}
        for source in self.sources:
            counts[source.file][source.kind] += 1
        object.__setattr__(self, "counts", counts)

    def total(self, kind: str) -> int:
        return sum(counts[kind] for counts in self.counts.values())

    @property
    def web(self) -> tuple[Counted, ...]:
        return tuple(source for source in self.sources if source.host)

    def other_hosts(self) -> Counter[str]:
        return Counter(source.host for source in self.sources if source.kind == "other")


def audit_sources(actors: Actors, works: Works) -> SourceAudit:
    counted: list[Counted] = []
    for actor in actors.all:
        name = "organizations.yml" if actor.section == "organizations" else "rcpms.yml"
        for source in actor.sources:
            kind = PAPER if source.kind == "paper" else source.kind
            counted.append(Counted(name, kind, source.host, source.consulted, source.archived is not None))
    for work in works.works:
        item = next(entry for entry in works.document.data if entry["id"] == work.id)
        own = tuple(host_of(actor.website) for actor in map(actors.get, work.actors) if actor.website)
        for source in item["sources"]:
            url = source.get("url")
            if url is None:
                counted.append(Counted("citations.yml", NO_ADDRESS))
                continue
            consulted = date.fromisoformat(source["consulted"]) if "consulted" in source else None
            counted.append(Counted("citations.yml", source_kind(url, own), host_of(url), consulted,
                                   "archived" in source))
    return SourceAudit(tuple(counted))


def load_audit(data_dir: Path) -> SourceAudit:
    return audit_sources(load_actors(data_dir), load_works(data_dir))


def audit_table(audit: SourceAudit) -> str:
    """The audit as a Markdown table, with the share of each kind among the web sources and
    documents, then what the web sources' dates and archived copies come to."""
    counted_kinds = [kind for kind in KINDS]
    addressed = sum(audit.total(kind) for kind in counted_kinds)
    lines = [
        "| kind | organizations.yml | rcpms.yml | citations.yml | total | share |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind, label in ROWS.items():
        row = [audit.counts[name][kind] for name in FILES]
        share = f"{audit.total(kind) / addressed:.0%}" if kind in KINDS and addressed else "–"
        lines.append(f"| {kind}: {label} | " + " | ".join(map(str, row)) + f" | {sum(row)} | {share} |")
    web = audit.web
    days = sorted(source.consulted for source in web if source.consulted)
    undated = [source for source in web if source.consulted is None]
    lines += [
        "",
        f"Shares are of the {addressed} sources with a web address or a document's symbol. "
        f"{len(web)} web sources; {len(web) - len(undated)} give the day they were consulted"
        + (f" ({days[0].isoformat()} to {days[-1].isoformat()})" if days else "")
        + f"; {sum(source.archived for source in web)} give an Internet Archive copy beside their address.",
    ]
    others = audit.other_hosts()
    if others:
        lines.append("Other sites: " + ", ".join(f"{host} ({count})" for host, count in sorted(others.items())) + ".")
    return "\n".join(lines)
