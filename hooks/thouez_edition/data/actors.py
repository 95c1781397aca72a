"""The organisations and regional consultative processes the paper names (`data/organizations.yml`,
`data/rcpms.yml`): immutable models, loaded and checked once per build.

Each file is checked against its JSON Schema, then both together: an id used twice, a relation to
an unknown id, a name claimed by two entries, a fact that no source supports, a source on a
mirror site. Every problem is collected before one `DataError`.

Every fact of an entry is a field (`founded`, `headquarters` …) or a relation (`part-of:iom`);
each source names, under `supports`, the facts it supports, so a profile can show beside each
fact the sources that support it, and each source the facts it supports.

A relation is stated once, by the entry it starts from (`part-of: united-nations` on UNHCR); the
entry it leads to shows it too, turned round ("Has part"), with the same sources.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Literal

from thouez_edition.data.files import (
    JsonPath,
    Schemas,
    YamlDocument,
    check_document,
    list_entry_namer,
    load_schemas,
    read_yaml,
)
from thouez_edition.data.names import name_problem
from thouez_edition.data.sources import (
    archived_on,
    host_of,
    source_kind,
    source_problems,
)
from thouez_edition.errors import DataError, Problem, raise_if_any

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
    "unit": "Unit of a larger body",
    "working-group": "Working group",
    "group-of-states": "Group of states",
    "governing-body": "Governing body",
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
    "consultative-body-of": "Consultative body of",
}
# Each relation as the entry it leads to states it.
INVERSE_LABELS = {
    "member-of": "Has member",
    "secretariat-of": "Secretariat run by",
    "observer-at": "Has observer",
    "founded-by": "Founder of",
    "co-author-with": "Co-author with",
    "part-of": "Has part",
    "partner-of": "Partner of",
    "participant-in": "Has participant",
    "convened-by": "Convener of",
    "successor-of": "Succeeded by",
    "chapter-of": "Has chapter",
    "consultative-body-of": "Has consultative body",
}
# Relations that make one entry a body's own (a part of it, or a meeting or process it convened):
# a passage that names the one is listed on the other's profile too, "through" it.
PART_RELATIONS = ("part-of", "convened-by")
# The facts an entry can have, with the labels a profile gives them. Names in the paper and the
# paper's own typology are the paper's, so the paper is their source; a Wikidata or ROR id links
# to its own record, which is its source.
ORGANIZATION_FACTS = {
    "acronym": "Acronym",
    "kind": "Kind",
    "founded": "Founded",
    "founded_by": "Founded by",
    "headquarters": "Headquarters",
    "website_2004": "Address in 2004",
    "website": "Website",
    "summary": "Summary",
    "since_2004": "Since 2004",
}
PROCESS_FACTS = {
    "official_name": "Official name",
    "acronym": "Acronym",
    "established": "Established",
    "region": "Region",
    "members": "Members",
    "secretariat": "Secretariat",
    "website": "Website",
    "observers": "Observers",
    "ngo_participation": "NGO participation: what is known",
    "summary": "Summary",
    "since_2004": "Since 2004",
}
# Facts that a source need not support because the paper itself does (checked against the text:
# a 2004 address the paper printed needs no other source).
FROM_THE_PAPER = ("aliases", "paper_category")
# Identifiers in other registries: each is a fact like any other, supported by its record there
# (a source with the Wikidata item's address, the day it was consulted, supports [wikidata]).
IDENTIFIERS = ("wikidata", "ror")
@dataclass(frozen=True)
class Source:
    """A source and the facts of its entry that it supports; `number` is its place in the list.

    A source is a web page (`url`, with the day it was `consulted` and, where the page is gone or
    may change, an Internet Archive copy, `archived`), a passage of the paper (`passage`), or a
    document cited by its symbol or reference (`document`)."""

    number: int
    title: str
    url: str | None
    passage: str | None  # a passage of the paper (an anchor such as fn:10) instead of a web page
    supports: tuple[str, ...]
    consulted: date | None = None
    archived: str | None = None
    document: str | None = None
    kind: str = "other"  # one of sources.KINDS, or "paper" for a passage of the paper

    @property
    def host(self) -> str:
        return host_of(self.url) if self.url else ""

    @property
    def archived_on(self) -> date | None:
        """The day an Internet Archive copy was made, when the source itself is one."""
        return archived_on(self.url) if self.url else None

    @property
    def archived_copy_on(self) -> date | None:
        """The day of the source's `archived` copy."""
        return archived_on(self.archived) if self.archived else None


@dataclass(frozen=True)
class Difference:
    """Where the paper says otherwise than the sources: its words, where, and on which facts."""

    facts: tuple[str, ...]
    paper: str
    passage: str
    comment: str
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Relation:
    type: str
    target: str

    @property
    def label(self) -> str:
        return RELATION_LABELS[self.type]

    @property
    def inverse_label(self) -> str:
        return INVERSE_LABELS[self.type]

    @property
    def fact(self) -> str:
        """The relation as a fact its sources support: `part-of:united-nations`."""
        return f"{self.type}:{self.target}"


@dataclass(frozen=True)
class NotMention:
    """One of an entry's names standing in a passage without meaning the entry, and why."""

    name: str
    passage: str
    reason: str
    line: int | None = field(default=None, compare=False)


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
    wikidata: str | None
    sources: tuple[Source, ...]
    differences: tuple[Difference, ...]
    relations: tuple[Relation, ...]
    not_mentions: tuple[NotMention, ...]
    # Names that mean this entry only in some passages (a bare "Commission"): name → anchors.
    scoped_aliases: Mapping[str, frozenset[str]] = field(compare=False)
    lines: Mapping[str, int] = field(compare=False, repr=False)
    source_file: str = field(compare=False, repr=False)
    # The labels of the facts an entry of this kind has, by field name.
    fact_labels: ClassVar[Mapping[str, str]]

    @property
    def title(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym not in self.name else self.name

    @property
    def short_title(self) -> str:
        """For tables and lists where a long official name would crowd the line."""
        return self.acronym if self.acronym and len(self.name) > 60 else self.title

    @property
    def names(self) -> tuple[str, ...]:
        """The body's name, its acronym and every name the paper always means it by, each once
        (not the names that mean it only in some passages)."""
        everywhere = (alias for alias in self.aliases if alias not in self.scoped_aliases)
        return tuple(dict.fromkeys(name for name in (self.name, self.acronym, *everywhere) if name))

    def sources_of(self, fact: str) -> tuple[Source, ...]:
        return tuple(source for source in self.sources if fact in source.supports)

    def as_of(self, fact: str) -> int | None:
        """The year a fact about the present holds for: the latest year its web sources were
        consulted in."""
        years = [source.consulted.year for source in self.sources_of(fact) if source.consulted]
        return max(years) if years else None

    def differences_on(self, fact: str) -> tuple[Difference, ...]:
        return tuple(difference for difference in self.differences if fact in difference.facts)


@dataclass(frozen=True)
class Organization(Actor):
    kind: str
    paper_category: int | str | None
    founded: int | None
    headquarters: str | None
    website_2004: str | None
    founded_by: str | None
    ror: str | None
    section: Literal["organizations"] = "organizations"
    fact_labels = ORGANIZATION_FACTS

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
    fact_labels = PROCESS_FACTS


@dataclass(frozen=True)
class Actors:
    organizations: tuple[Organization, ...]
    processes: tuple[Process, ...]

    @property
    def all(self) -> tuple[Organization | Process, ...]:
        return (*self.organizations, *self.processes)

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(self._by_id)

    def get(self, actor_id: str) -> Organization | Process:
        return self._by_id[actor_id]

    @cached_property
    def _by_id(self) -> dict[str, Organization | Process]:
        return {actor.id: actor for actor in self.all}

    def page_of(self, actor_id: str) -> str:
        actor = self.get(actor_id)
        return f"{actor.section}/{actor.id}.md"

    def parts_of(self, actor_id: str) -> tuple[str, ...]:
        """The entries that are the body's own, at any depth: its parts, their parts, the meetings
        and processes it convened (`PART_RELATIONS`), in the order of the files."""
        found: set[str] = set()
        wanted = [actor_id]
        while wanted:
            whole = wanted.pop()
            for part in self._direct_parts.get(whole, ()):
                if part not in found and part != actor_id:
                    found.add(part)
                    wanted.append(part)
        return tuple(actor.id for actor in self.all if actor.id in found)

    @cached_property
    def _direct_parts(self) -> dict[str, list[str]]:
        parts: dict[str, list[str]] = {}
        for actor in self.all:
            for relation in actor.relations:
                if relation.type in PART_RELATIONS:
                    parts.setdefault(relation.target, []).append(actor.id)
        return parts


def load_actors(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> Actors:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    valid: dict[str, list[int]] = {}
    for name in (ORGANIZATIONS, RCPMS):
        try:
            document = read_yaml(data_dir / name, f"{display_dir}/{name}")
            checked = check_document(document, schemas.validator(name.replace(".yml", ".schema.json")), list_entry_namer())
        except DataError as error:
            problems += error.problems
            continue
        problems += checked.problems
        if not checked.whole_file_invalid:
            documents[name] = document
            valid[name] = [index for index in range(len(document.data)) if checked.is_valid((index,))]
    if len(documents) == 2:
        problems += cross_check(documents[ORGANIZATIONS], documents[RCPMS], valid)
        problems += check_sources(documents[ORGANIZATIONS], ORGANIZATION_FACTS, valid[ORGANIZATIONS])
        problems += check_sources(documents[RCPMS], PROCESS_FACTS, valid[RCPMS])
    raise_if_any(problems)
    organizations, rcpms = documents[ORGANIZATIONS], documents[RCPMS]
    return Actors(
        organizations=tuple(_organization(item, _where(organizations, index)) for index, item in enumerate(organizations.data)),
        processes=tuple(_process(item, _where(rcpms, index)) for index, item in enumerate(rcpms.data)),
    )


def alias_name(alias: str | dict[str, Any]) -> str:
    return alias if isinstance(alias, str) else alias["name"]


def entry_facts(item: dict[str, Any], labels: Mapping[str, str]) -> dict[str, JsonPath]:
    """The facts an entry states, each with the path of its value: fields, identifiers, then
    relations."""
    facts: dict[str, JsonPath] = {name: (name,) for name in (*labels, *IDENTIFIERS) if name in item}
    for number, relation in enumerate(item.get("relations", [])):
        facts[f"{relation['type']}:{relation['target']}"] = ("relations", number)
    return facts


def check_sources(document: YamlDocument, labels: Mapping[str, str], indexes: list[int] | None = None) -> list[Problem]:
    """Every fact has a source that says it supports it; every source supports facts the entry
    states, is no mirror, and, if it is a web page, gives the day it was consulted; an archived
    copy is a dated Internet Archive copy of the source's own address; each difference from the
    paper is about a fact stated here. Only the entries at `indexes` (those that passed their
    schema) are checked, all if None."""
    problems: list[Problem] = []
    for index in range(len(document.data)) if indexes is None else indexes:
        item = document.data[index]
        entry = item["id"]

        def problem(path: JsonPath, field_name: str, message: str) -> None:
            problems.append(Problem(document.display_path, document.line((index, *path)), entry, field_name, message))

        facts = entry_facts(item, labels)
        supported: set[str] = set()
        for number, source in enumerate(item["sources"]):
            where = ("sources", number)
            for position, fact in enumerate(source["supports"]):
                supported.add(fact)
                if fact not in facts:
                    problem((*where, "supports", position), f"sources[{number}].supports[{position}]",
                            f"“{fact}” is not a fact of this entry; expected one of {', '.join(facts)}")
            without_url = "a passage of the paper" if "passage" in source else "a document cited by its symbol"
            for message in source_problems(source, without_url):
                field_name, _, text = message.partition(": ")
                problem((*where, field_name), f"sources[{number}].{field_name}", text)
        for fact, path in facts.items():
            # A 2004 address the paper printed needs no other source (checked against the text).
            if fact not in supported and fact != "website_2004":
                name = fact if ":" not in fact else f"relations[{path[1]}]"
                problem(path, name, f"has no source; expected a source that lists “{fact}” under supports")
        for number, difference in enumerate(item.get("paper_differs", [])):
            for position, fact in enumerate(difference["facts"]):
                if fact not in facts and fact != "name":
                    problem(("paper_differs", number, "facts", position), f"paper_differs[{number}].facts[{position}]",
                            f"“{fact}” is not a fact of this entry; expected one of {', '.join(f for f in facts if ':' not in f)}")
    return problems


def cross_check(
    organizations: YamlDocument, rcpms: YamlDocument, valid: dict[str, list[int]] | None = None
) -> list[Problem]:
    """What no single schema can see: ids, aliases and references across both files.

    Only entries that passed their schema are checked (`valid` gives their positions by file
    name); the ids of all entries count, so a reference to an entry with another problem is not
    reported as unknown.
    """
    problems: list[Problem] = []
    first_id: dict[str, str] = {}
    first_alias: dict[str, str] = {}
    documents = (organizations, rcpms)
    known = {item["id"] for document in documents for item in document.data
             if isinstance(item, dict) and isinstance(item.get("id"), str)}

    def checkable(document: YamlDocument) -> list[int]:
        if valid is None:
            return list(range(len(document.data)))
        return valid[document.display_path.rsplit("/", 1)[-1]]

    entries = [(document, index, document.data[index]) for document in documents for index in checkable(document)]

    def problem(document: YamlDocument, path: JsonPath, entry: str, field: str, message: str) -> None:
        problems.append(Problem(document.display_path, document.line(path), entry, field, message))

    for document, index, item in entries:
        where = f"{document.display_path}:{document.line((index, 'id'))}"
        if item["id"] in first_id:
            problem(document, (index, "id"), item["id"], "id",
                    f"is already the id of the entry at {first_id[item['id']]}; expected a unique id")
        first_id.setdefault(item["id"], where)
        for number, alias in enumerate(map(alias_name, item["aliases"])):
            unusable = name_problem(alias)
            if unusable:
                problem(document, (index, "aliases", number), item["id"], f"aliases[{number}]", unusable)
            owner = first_alias.get(alias)
            if owner is not None and owner != item["id"]:
                problem(document, (index, "aliases", number), item["id"], f"aliases[{number}]",
                        f"“{alias}” is already an alias of {owner}; expected each name to belong to one entry")
            first_alias.setdefault(alias, item["id"])
    organization_ids = {item["id"] for item in organizations.data if isinstance(item, dict) and isinstance(item.get("id"), str)}
    for document, index, item in entries:
        for number, relation in enumerate(item.get("relations", [])):
            if relation["target"] not in known:
                problem(document, (index, "relations", number, "target"), item["id"],
                        f"relations[{number}].target",
                        f"“{relation['target']}” is not an id in either file; expected the id of an entry")
        if "secretariat_id" in item and item["secretariat_id"] not in organization_ids:
            problem(document, (index, "secretariat_id"), item["id"], "secretariat_id",
                    f"“{item['secretariat_id']}” is not an id in {organizations.display_path}; "
                    "expected the id of an organisation")
        for number, observer in enumerate(item.get("observers", [])):
            if SLUG.match(observer) and observer not in known:
                problem(document, (index, "observers", number), item["id"], f"observers[{number}]",
                        f"“{observer}” looks like an id but no entry has it; expected an entry's id "
                        "or a capitalised name")
    return problems


@dataclass(frozen=True)
class _Where:
    """Where an entry stands in its file: for messages about it after loading."""

    file: str
    lines: dict[str, int]


def _where(document: YamlDocument, index: int) -> _Where:
    item = document.data[index]
    lines = {name: document.line((index, name)) or 0 for name in item}
    for number, alias in enumerate(item["aliases"]):
        lines[f"alias:{alias_name(alias)}"] = document.line((index, "aliases", number)) or 0
    for number, _ in enumerate(item.get("paper_differs", [])):
        lines[f"paper_differs[{number}]"] = document.line((index, "paper_differs", number)) or 0
    for number, _ in enumerate(item.get("not_mentions", [])):
        lines[f"not_mentions[{number}]"] = document.line((index, "not_mentions", number)) or 0
    for number, _ in enumerate(item["sources"]):
        lines[f"source:{number + 2}"] = document.line((index, "sources", number)) or 0
    return _Where(document.display_path, lines)


def _common(item: dict[str, Any], where: _Where) -> dict[str, Any]:
    return {
        "id": item["id"],
        "name": item["name"],
        "acronym": item.get("acronym"),
        "aliases": tuple(map(alias_name, item["aliases"])),
        "summary": item["summary"],
        "since_2004": item.get("since_2004"),
        "website": item.get("website"),
        "wikidata": item.get("wikidata"),
        "sources": tuple(
            _source(number, s, own_hosts(item)) for number, s in enumerate(item["sources"], start=2)  # 1 is the paper itself
        ),
        "differences": tuple(
            Difference(tuple(d["facts"]), d["paper"], d["passage"], d["comment"], where.lines.get(f"paper_differs[{n}]"))
            for n, d in enumerate(item.get("paper_differs", []))
        ),
        "relations": tuple(Relation(r["type"], r["target"]) for r in item.get("relations", [])),
        "not_mentions": tuple(
            NotMention(n["name"], n["passage"], n["reason"], where.lines.get(f"not_mentions[{number}]"))
            for number, n in enumerate(item.get("not_mentions", []))
        ),
        "scoped_aliases": {a["name"]: frozenset(a["only_in"]) for a in item["aliases"] if isinstance(a, dict)},
        "lines": where.lines,
        "source_file": where.file,
    }


def own_hosts(item: dict[str, Any]) -> tuple[str, ...]:
    """The hosts of an entry's own addresses, today's and 2004's: its pages there are primary."""
    return tuple(host_of(item[name]) for name in ("website", "website_2004") if item.get(name))


def _source(number: int, source: dict[str, Any], hosts: tuple[str, ...]) -> Source:
    url = source.get("url")
    kind = "paper" if "passage" in source else source.get("kind") or source_kind(url or "", hosts)
    consulted = date.fromisoformat(source["consulted"]) if "consulted" in source else None
    return Source(number, source["title"], url, source.get("passage"), tuple(source["supports"]),
                  consulted, source.get("archived"), source.get("document"), kind)


def _organization(item: dict[str, Any], where: _Where) -> Organization:
    return Organization(
        **_common(item, where),
        kind=item["kind"],
        paper_category=item.get("paper_category"),
        founded=item.get("founded"),
        headquarters=item.get("headquarters"),
        website_2004=item.get("website_2004"),
        founded_by=item.get("founded_by"),
        ror=item.get("ror"),
    )


def _process(item: dict[str, Any], where: _Where) -> Process:
    return Process(
        **_common(item, where),
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
