"""The organisations and regional consultative processes the paper names (`data/organizations.yml`,
`data/rcpms.yml`): immutable models, loaded and checked once per build.

Each file is checked against its JSON Schema, then both together: an id used twice, a relation to
an unknown id, a name claimed by two entries. Every problem is collected before one `DataError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from .datafiles import JsonPath, YamlDocument, check_schema, list_entry_namer, read_yaml, schema_validator
from .errors import Problem, raise_if_any

ORGANIZATIONS = "organizations.yml"
RCPMS = "rcpms.yml"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

KIND_LABELS = {
    "operational-ingo": "Operational international NGO",
    "advocacy-ingo": "Advocacy international NGO",
    "civil-society-network": "Civil-society network",
    "regional-ngo": "Regional NGO",
    "faith-based-organization": "Faith-based organisation",
    "humanitarian-organization": "Humanitarian organisation",
    "international-organization": "International organisation",
    "un-body": "United Nations body",
    "eu-institution": "European Union institution",
    "government-agency": "Government agency",
    "state-led-process": "State-led process",
    "commission": "Commission",
    "conference": "Conference",
    "programme": "Programme",
    "academic": "Academic institution",
}
CATEGORY_LABELS = {
    1: "Category 1: operational INGOs with an advocacy branch",
    2: "Category 2: advocacy INGOs widening their scope to migration",
    3: "Category 3: civil-society networks",
    "regional": "Regional NGOs (set aside in note 5)",
}
RELATION_LABELS = {
    "member-of": "Member of",
    "secretariat-of": "Secretariat of",
    "observer-at": "Observer at",
    "founded-by": "Founded by",
    "co-author-with": "Co-author with",
    "part-of": "Part of",
    "partner-of": "Partner of",
    "participant-in": "Participant in",
    "convened-by": "Convened by",
    "successor-of": "Successor of",
    "chapter-of": "Chapter of",
}


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Relation:
    type: str
    target: str

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.type]


@dataclass(frozen=True)
class Actor:
    """Fields shared by organisations and processes."""

    id: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    summary: str
    since_2004: str | None
    website: str | None
    sources: tuple[Source, ...]

    @property
    def title(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym not in self.name else self.name

    @property
    def short_title(self) -> str:
        """For tables and lists where a long official name would crowd the line."""
        return self.acronym if self.acronym and len(self.name) > 60 else self.title


@dataclass(frozen=True)
class Organization(Actor):
    kind: str
    paper_category: int | str | None
    founded: int | None
    headquarters: str | None
    website_2004: str | None
    relations: tuple[Relation, ...]
    section: Literal["organizations"] = "organizations"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def category_label(self) -> str | None:
        return CATEGORY_LABELS.get(self.paper_category) if self.paper_category is not None else None


@dataclass(frozen=True)
class Process(Actor):
    """A regional consultative process on migration (RCPM)."""

    official_name: str
    established: int | None
    region: str
    members: tuple[str, ...]
    members_as_of: int | None
    observers: tuple[str, ...]
    secretariat: str | None
    secretariat_id: str | None
    ngo_paper: str
    ngo_known: str
    section: Literal["rcpms"] = "rcpms"


@dataclass(frozen=True)
class Actors:
    organizations: tuple[Organization, ...]
    processes: tuple[Process, ...]

    @property
    def all(self) -> tuple[Actor, ...]:
        return (*self.organizations, *self.processes)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    def get(self, actor_id: str) -> Organization | Process:
        return self._by_id[actor_id]

    @cached_property
    def _by_id(self) -> dict[str, Organization | Process]:
        return {actor.id: actor for actor in (*self.organizations, *self.processes)}

    def page_of(self, actor_id: str) -> str:
        actor = self.get(actor_id)
        return f"{actor.section}/{actor.id}.md"


def load_actors(data_dir: Path, display_dir: str = "data") -> Actors:
    documents = {name: read_yaml(data_dir / name, f"{display_dir}/{name}") for name in (ORGANIZATIONS, RCPMS)}
    problems: list[Problem] = []
    for name, document in documents.items():
        validator = schema_validator(data_dir / "schemas", name.replace(".yml", ".schema.json"))
        problems += check_schema(document, validator, list_entry_namer())
    raise_if_any(problems)
    raise_if_any(cross_check(documents[ORGANIZATIONS], documents[RCPMS]))
    return Actors(
        organizations=tuple(_organization(item) for item in documents[ORGANIZATIONS].data),
        processes=tuple(_process(item) for item in documents[RCPMS].data),
    )


def cross_check(organizations: YamlDocument, rcpms: YamlDocument) -> list[Problem]:
    """What no single schema can see: ids, aliases and references across both files."""
    problems: list[Problem] = []
    first_id: dict[str, str] = {}
    first_alias: dict[str, str] = {}
    entries = [(document, index, item) for document in (organizations, rcpms) for index, item in enumerate(document.data)]

    def problem(document: YamlDocument, path: JsonPath, entry: str, field: str, message: str) -> None:
        problems.append(Problem(document.display_path, document.line(path), entry, field, message))

    for document, index, item in entries:
        where = f"{document.display_path}:{document.line((index, 'id'))}"
        if item["id"] in first_id:
            problem(document, (index, "id"), item["id"], "id",
                    f"is already the id of the entry at {first_id[item['id']]}; expected a unique id")
        first_id.setdefault(item["id"], where)
        for number, alias in enumerate(item["aliases"]):
            owner = first_alias.get(alias)
            if owner is not None and owner != item["id"]:
                problem(document, (index, "aliases", number), item["id"], f"aliases[{number}]",
                        f"“{alias}” is already an alias of {owner}; expected each name to belong to one entry")
            first_alias.setdefault(alias, item["id"])
    organization_ids = {item["id"] for item in organizations.data}
    for document, index, item in entries:
        for number, relation in enumerate(item.get("relations", [])):
            if relation["target"] not in first_id:
                problem(document, (index, "relations", number, "target"), item["id"],
                        f"relations[{number}].target",
                        f"“{relation['target']}” is not an id in either file; expected the id of an entry")
        if "secretariat_id" in item and item["secretariat_id"] not in organization_ids:
            problem(document, (index, "secretariat_id"), item["id"], "secretariat_id",
                    f"“{item['secretariat_id']}” is not an id in {organizations.display_path}; "
                    "expected the id of an organisation")
        for number, observer in enumerate(item.get("observers", [])):
            if SLUG.match(observer) and observer not in first_id:
                problem(document, (index, "observers", number), item["id"], f"observers[{number}]",
                        f"“{observer}” looks like an id but no entry has it; expected an entry's id "
                        "or a capitalised name")
    return problems


def _common(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "name": item["name"],
        "acronym": item.get("acronym"),
        "aliases": tuple(item["aliases"]),
        "summary": item["summary"],
        "since_2004": item.get("since_2004"),
        "website": item.get("website"),
        "sources": tuple(Source(s["title"], s["url"]) for s in item["sources"]),
    }


def _organization(item: dict[str, Any]) -> Organization:
    return Organization(
        **_common(item),
        kind=item["kind"],
        paper_category=item.get("paper_category"),
        founded=item.get("founded"),
        headquarters=item.get("headquarters"),
        website_2004=item.get("website_2004"),
        relations=tuple(Relation(r["type"], r["target"]) for r in item.get("relations", [])),
    )


def _process(item: dict[str, Any]) -> Process:
    return Process(
        **_common(item),
        official_name=item["official_name"],
        established=item.get("established"),
        region=item["region"],
        members=tuple(item.get("members", [])),
        members_as_of=item.get("members_as_of"),
        observers=tuple(item.get("observers", [])),
        secretariat=item.get("secretariat"),
        secretariat_id=item.get("secretariat_id"),
        ngo_paper=item["ngo_participation"]["paper"],
        ngo_known=item["ngo_participation"]["known"],
    )
