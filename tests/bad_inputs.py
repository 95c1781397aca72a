"""A catalogue of bad inputs: each case changes one thing in a small, valid edition (data files
under `tests/fixtures/edition/data`, pages under `tests/fixtures/edition/docs`) and gives every
message the edition must report for it, exactly."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import ROOT

FIXTURE = Path(__file__).parent / "fixtures" / "edition"
PAGES = ("index.md", "paper/a.md", "paper/b.md")


@dataclass(frozen=True)
class Edit:
    """Replace `old` (which must occur exactly once) with `new` in a data file or a page."""

    path: str  # "data/organizations.yml" or "docs/paper/a.md"
    old: str
    new: str

    def apply(self, root: Path) -> None:
        file = root / self.path
        text = file.read_text(encoding="utf-8")
        assert text.count(self.old) == 1, f"{self.path}: {self.old!r} occurs {text.count(self.old)} times"
        file.write_text(text.replace(self.old, self.new), encoding="utf-8")


@dataclass(frozen=True)
class Write:
    """Replace a file's whole content (bytes are written as they are); None deletes the file."""

    path: str
    content: str | bytes | None

    def apply(self, root: Path) -> None:
        file = root / self.path
        if self.content is None:
            file.unlink()
        elif isinstance(self.content, bytes):
            file.write_bytes(self.content)
        else:
            file.write_text(self.content, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    changes: tuple[Edit | Write, ...]
    expected: tuple[str, ...] = field(default=())


def edition_copy(root: Path, case: Case) -> Path:
    """The fixture edition under `root` with the case's changes, schemas from the project."""
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    shutil.copytree(ROOT / "data" / "schemas", root / "data" / "schemas", dirs_exist_ok=True)
    for change in case.changes:
        change.apply(root)
    return root


def pages_of(root: Path) -> list[tuple[str, str]]:
    return [(page, (root / "docs" / page).read_text(encoding="utf-8")) for page in PAGES if (root / "docs" / page).exists()]


def edit(path: str, old: str, new: str) -> Edit:
    return Edit(path, old, new)


ORGS, RCPMS, GLOSSARY = "data/organizations.yml", "data/rcpms.yml", "data/glossary.yml"
CITATIONS, EMENDATIONS, PAPER = "data/citations.yml", "data/emendations.yml", "data/paper.yml"
PAGE_MAP, EDITION = "data/pages.yml", "data/edition.yml"
PAGE_A, PAGE_B, INDEX = "docs/paper/a.md", "docs/paper/b.md", "docs/index.md"

ALIAS_BOMB = "\n".join(
    ["silent_repairs: []", "changes: []", "judgements: []", "kept: []", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
) + "\n"
MANY_ALIASES = "- term: &t NGO\n  expansion: x\n" + "".join(f"- term: T{n}\n  expansion: *t\n" for n in range(1001))
DEEP = "- term: NGO\n  expansion: " + "[" * 100 + "]" * 100 + "\n"


CASES: list[Case] = [
    # --- reading the files ------------------------------------------------------------------
    Case("bytes that are not UTF-8", (Write(ORGS, (FIXTURE / ORGS).read_bytes().replace(b"Berne Initiative\n  aliases", b"Bern\xe9 Initiative\n  aliases")),)),
    Case("YAML syntax error", (edit(RCPMS, "  region: North and Central America", "  region: North: and: Central"),)),
    Case("a python tag", (edit(ORGS, "  founded: 1951", "  founded: !!python/name:os.system"),)),
    Case("a custom tag", (edit(CITATIONS, "  volume: 13", "  volume: !custom 13"),)),
    Case("a recursive anchor", (edit(GLOSSARY, "- term: NGO", "- &loop\n  term: NGO\n  self: *loop"),)),
    Case("an alias bomb", (Write(EMENDATIONS, ALIAS_BOMB),)),
    Case("too many aliases", (Write(GLOSSARY, MANY_ALIASES),)),
    Case("nesting too deep", (Write(GLOSSARY, DEEP),)),
    Case("a list as a mapping key", (edit(PAPER, "issued: 2004", "? [2004, 2005]\n: issued"),)),
    Case("a key given twice, named by id", (edit(ORGS, "  summary: A state-owned consultative process.", "  summary: A state-owned consultative process.\n  summary: Again."),)),
    Case("a nested key given twice", (edit(CITATIONS, "{title: Springer, url:", "{title: Springer, title: Again, url:"),)),
    Case("a top-level key given twice", (edit(EMENDATIONS, "judgements: []", "judgements: []\nchanges: []"),)),
    Case("a control character written as an escape", (edit(GLOSSARY, "expansion: non-governmental organization", 'expansion: "non-governmental\\x07 organization"'),)),
    Case("a control character in the file", (edit(RCPMS, "A regional process.", "A regional\x07 process."),)),
    Case("a lone surrogate written as an escape", (edit(ORGS, "summary: An intergovernmental organisation for migration.", 'summary: "An intergovernmental \\ud800 organisation"'),)),
    Case("an empty file", (Write(GLOSSARY, ""),)),
    Case("two documents in one file", (Write(PAPER, (FIXTURE / PAPER).read_text() + "---\nid: again\n"),)),
    Case("an alias with no anchor", (edit(RCPMS, "  members: [Canada, Mexico]", "  members: *nowhere"),)),
    Case("a missing data file", (Write(RCPMS, None),)),
    Case("a date without quotes stays text", (edit(CITATIONS, "  issued: 2002-12", "  issued: 2002-12-32"),)),
    # --- ids ----------------------------------------------------------------------------------
    Case("an id with capitals and a space", (edit(ORGS, "- id: berne-initiative", "- id: Berne Initiative"),)),
    Case("an id of 300 characters", (edit(ORGS, "- id: berne-initiative", "- id: " + "b" * 300),)),
    Case("an id that climbs out of its folder", (edit(CITATIONS, "- id: hrw-website", "- id: ../../hrw"),)),
    Case("an id that is a number", (edit(RCPMS, "- id: puebla-process", "- id: 1996"),)),
    Case("a repair kind's id that is not a slug", (edit(EMENDATIONS, "  - id: page-furniture", "  - id: page_furniture!"),)),
    # --- web addresses ------------------------------------------------------------------------
    Case("a javascript: address", (edit(ORGS, "  website: https://www.iom.int", "  website: javascript:alert(1)"),)),
    Case("a data: address", (edit(ORGS, "  website: https://www.iom.int", "  website: data:text/html,<script>alert(1)</script>"),)),
    Case("an address without a scheme", (edit(RCPMS, '{title: RCM, url: "https://www.crmsv.org",', '{title: RCM, url: "//www.crmsv.org",'),)),
    Case("a relative address", (edit(ORGS, '{title: IOM, url: "https://www.iom.int/about-iom",', '{title: IOM, url: "about-iom.html",'),)),
    Case("an address with a space", (edit(CITATIONS, "  URL: http://www.hrw.org", "  URL: http://www.hrw.org/a b"),)),
    Case("an address with a quote", (edit(ORGS, "  website: https://www.iom.int", """  website: 'https://www.iom.int/" onmouseover="alert(1)'"""),)),
    Case("an address with angle brackets", (edit(ORGS, '"https://www.iom.int/berne-initiative"', '"https://www.iom.int/<script>alert(1)</script>"'),)),
    Case("an address without a host", (edit(CITATIONS, "  URL: http://www.hrw.org", "  URL: http:///index.html"),)),
    Case("an address with a user name", (edit(ORGS, "  website: https://www.iom.int", "  website: https://www.iom.int@evil.example"),)),
    Case("an address with a bad port", (edit(RCPMS, '"https://www.crmsv.org"', '"https://www.crmsv.org:99999/"'),)),
    Case("an address with a backslash", (edit(ORGS, '"https://www.iom.int/about-iom"', '"https://evil.example\\\\@www.iom.int/"'),)),
    Case("an address with an invisible character", (edit(CITATIONS, "  URL: http://www.hrw.org", '  URL: "http://www.hrw\\u202e.org"'),)),
    Case("an address with a scheme in capitals", (edit(ORGS, "  website: https://www.iom.int", "  website: HTTPS://www.iom.int"),)),
    Case("a DOI with a quote", (edit(CITATIONS, "  volume: 13", "  volume: 13\n  DOI: 10.1023/a\"onclick"),)),
    # --- fields -------------------------------------------------------------------------------
    Case("a missing field", (edit(ORGS, "  summary: A state-owned consultative process.\n", ""),)),
    Case("a field of the wrong type", (edit(ORGS, "  founded: 1951", "  founded: nineteen fifty-one"),)),
    Case("a value not in the list", (edit(ORGS, "  kind: state-led-process", "  kind: think-tank"),)),
    Case("an unknown field", (edit(RCPMS, "  established: 1996", "  established: 1996\n  colour: blue"),)),
    Case("a source with neither an address nor a passage", (edit(ORGS, '{title: IOM, url: "https://www.iom.int/about-iom",', '{title: IOM,'),)),
    Case("a source with both an address and a passage", (edit(ORGS, '{title: IOM, url: "https://www.iom.int/about-iom",', '{title: IOM, url: "https://www.iom.int/about-iom", passage: p1,'),)),
    Case("a source without a title", (edit(ORGS, '{title: IOM, url: "https://www.iom.int/about-iom",', '{url: "https://www.iom.int/about-iom",'),)),
    Case("a name that is neither a person nor an organisation", (edit(CITATIONS, "    - {family: Nelson, given: Paul}", "    - {name: Paul Nelson}"),)),
    Case("a date in words", (edit(CITATIONS, "  issued: 2002-12", "  issued: December 2002"),)),
    Case("a work cited nowhere", (edit(CITATIONS, "  cited_in:\n    - {note: 2}", "  cited_in: []"),)),
    Case("the paper's record of another type", (edit(PAPER, "type: report", "type: book"),)),
    Case("a language that is not a code", (edit(PAPER, "language: en", "language: English"),)),
    Case("a glossary term without its expansion", (edit(GLOSSARY, "  expansion: non-governmental organization\n", ""),)),
    Case("a glossary term given twice", (Write(GLOSSARY, "- term: NGO\n  expansion: x\n- term: NGO\n  expansion: y\n"),)),
    Case("a glossary term that an entry's acronym defines", (Write(GLOSSARY, "- term: IOM\n  expansion: something else\n"),)),
    Case("a change without its reason", (edit(EMENDATIONS, "changes: []", "changes:\n  - {find: a, replace: b}"),)),
    Case("a repair that replaces a text with itself", (edit(EMENDATIONS, '{find: "www. x. org", replace: "www.x.org"}', '{find: "www.x.org", replace: "www.x.org"}'),)),
    Case("a repair kind's id given twice", (edit(EMENDATIONS, "  - id: spaced-full-stops", "  - id: page-furniture"),)),
    # --- sources: consulted, archived, mirrors in every file, identifiers ----------------------
    Case("a web source without the day it was consulted", (edit(ORGS, '"secretariat-of:berne-initiative"], consulted: 2026-12-06}', '"secretariat-of:berne-initiative"]}'),)),
    Case("a consulted day that is not in the calendar", (edit(RCPMS, "summary], consulted: 2026-12-06}", "summary], consulted: 2026-02-30}"),)),
    Case("a consulted day in words", (edit(RCPMS, "summary], consulted: 2026-12-06}", "summary], consulted: 6 December 2026}"),)),
    Case("a consulted day given for a passage of the paper", (edit(ORGS, '{title: Berne Initiative, url: "https://www.iom.int/berne-initiative", supports: [kind, summary], consulted: 2026-12-06}', "{title: The paper, passage: p1, supports: [kind, summary], consulted: 2026-12-06}"),)),
    Case("an archived copy on another site than the Internet Archive", (edit(ORGS, "supports: [kind, summary], consulted: 2026-12-06}", 'supports: [kind, summary], consulted: 2026-12-06, archived: "https://archive.ph/abcde"}'),)),
    Case("an archived copy without the date of the copy", (edit(ORGS, "supports: [kind, summary], consulted: 2026-12-06}", 'supports: [kind, summary], consulted: 2026-12-06, archived: "https://web.archive.org/web/2004/https://www.iom.int/berne-initiative"}'),)),
    Case("an archived copy of another address", (edit(ORGS, "supports: [kind, summary], consulted: 2026-12-06}", 'supports: [kind, summary], consulted: 2026-12-06, archived: "https://web.archive.org/web/20200101000000/https://www.iom.int/other-page"}'),)),
    Case("a document of an unknown kind", (edit(ORGS, '{title: Berne Initiative, url: "https://www.iom.int/berne-initiative", supports: [kind, summary], consulted: 2026-12-06}', '{title: IOM Council, document: "MC/INF/266, 10 November 2003", kind: blog, supports: [kind, summary]}'),)),
    Case("an identifier without its source", (edit(ORGS, "  website: https://www.iom.int\n", "  website: https://www.iom.int\n  wikidata: Q472311\n"),)),
    Case("a work's address on a site that copies others", (edit(CITATIONS, "  URL: http://www.hrw.org", "  URL: https://studylib.net/doc/13574679/hrw"),)),
    Case("a work's source on a site that copies others", (edit(CITATIONS, 'url: "https://doi.org/10.1023/A:1022062010375",', 'url: "https://www.zbook.org/read/df34f_voluntas.html",'),)),
    Case("a work's archived copy of another address", (edit(CITATIONS, 'consulted: 2026-12-06}', 'consulted: 2026-12-06, archived: "https://web.archive.org/web/20040612000000/https://doi.org/10.1023/other"}'),)),
    Case("a work's web source without the day it was consulted", (edit(CITATIONS, 'A:1022062010375", consulted: 2026-12-06}', 'A:1022062010375"}'),)),
    # --- across files and with the text ------------------------------------------------------
    Case("an alias claimed by two entries", (edit(ORGS, "  aliases: [Berne Initiative]", "  aliases: [Berne Initiative, IOM]"),)),
    Case("a relation to an unknown id", (edit(ORGS, "target: berne-initiative}", "target: berne-process}"),)),
    Case("a secretariat that is not an organisation", (edit(RCPMS, "  secretariat_id: iom", "  secretariat_id: puebla-process"),)),
    Case("an observer id that no entry has", (edit(RCPMS, "[iom, Colombia]", "[iom, unhcr]"),)),
    Case("an id used in both files", (edit(RCPMS, "- id: puebla-process", "- id: iom"),)),
    Case("an id used twice for works", (edit(CITATIONS, "- id: hrw-website", "- id: nelson-2002"),)),
    Case("a work cited in a note the paper does not have", (edit(CITATIONS, "    - {note: 2}", "    - {note: 59}"),)),
    Case("a locator the note does not give", (edit(CITATIONS, "{note: 3, locator: p. 377}", "{note: 3, locator: p. 378}"),)),
    Case("a work by an unknown organisation", (edit(CITATIONS, "  actors: [iom]", "  actors: [human-rights-watch]"),)),
    Case("kept words the text does not have", (edit(EMENDATIONS, "  - text: loosing out", "  - text: words the paper never uses"),)),
    Case("a page of the print out of order", (edit(PAGE_MAP, "- number: 3", "- number: 4"),)),
    Case("a page that begins in no passage or heading", (edit(PAGE_MAP, "  at: b\n", "  at: p99\n"),)),
    Case("a page that begins with words its passage does not have", (edit(PAGE_MAP, "  words: B\n", "  words: Not here\n"),)),
    Case("the edition's licence at a javascript: address", (edit(EDITION, "  url: https://creativecommons.org/licenses/by/4.0/", "  url: javascript:alert(1)"),)),
    Case("the edition without its editors", (edit(EDITION, "editors: Editors of the Thouez 2004 digital edition\n", ""),)),
    # --- schema files -------------------------------------------------------------------------
    Case("a schema file that is not JSON", (Write("data/schemas/glossary.schema.json", '{\n  "type": "array",\n  "items": {,}\n}\n'),)),
    Case("a schema file that is not a schema", (Write("data/schemas/paper.schema.json", '{"type": 12}\n'),)),
    Case("a missing schema file", (Write("data/schemas/rcpms.schema.json", None),)),
    # --- every problem at once ------------------------------------------------------------
    Case(
        "one problem in each of five files, all reported",
        (
            edit(ORGS, "  founded: 1951", "  founded: nineteen fifty-one"),
            edit(RCPMS, "  established: 1996", "  established: soon"),
            edit(GLOSSARY, "  expansion: non-governmental organization\n", ""),
            edit(CITATIONS, "  issued: 2002-12", "  issued: December 2002"),
            edit(PAPER, "language: en", "language: English"),
        ),
    ),
    Case(
        "problems in the data and in the text, all reported",
        (
            edit(ORGS, "  founded: 1951", "  founded: nineteen fifty-one"),
            edit(PAGE_B, "The end.\n{#p4}", "The end."),
        ),
    ),
    # --- the paper's Markdown -----------------------------------------------------------------
    Case("a marker without its note", (edit(PAGE_B, "The end.", "The end.[^4]"),)),
    Case("a note without its marker", (edit(PAGE_B, "> A quotation.[^3]", "> A quotation."),)),
    Case("a note labelled with a word", (edit(PAGE_B, "A quotation.[^3]", "A quotation.[^three]"), edit(PAGE_B, "[^3]: Paul", "[^three]: Paul"))),
    Case("a marker labelled with a word", (edit(PAGE_B, "The end.", "The end.[^x]"),)),
    Case("a note number used on two pages", (edit(PAGE_B, "> A quotation.[^3]", "> A quotation.[^2]"), edit(PAGE_B, "[^3]: Paul", "[^2]: Paul"))),
    Case("a note number used twice on a page", (edit(PAGE_A, "[^2]: http://www.hrw.org", "[^2]: http://www.hrw.org\n\n[^2]: Again."),)),
    Case("notes out of print order", (edit(PAGE_A, "loosing out.[^1]", "loosing out.[^2]"), edit(PAGE_A, "Puebla Process.[^2]", "Puebla Process.[^1]"), edit(PAGE_A, "[^1]: Nelson, p. 380\n\n[^2]: http://www.hrw.org", "[^2]: http://www.hrw.org\n\n[^1]: Nelson, p. 380"))),
    Case("a note number skipped", (edit(PAGE_B, "A quotation.[^3]", "A quotation.[^4]"), edit(PAGE_B, "[^3]: Paul", "[^4]: Paul"))),
    Case("markers called out of order", (edit(PAGE_A, "loosing out.[^1]", "loosing out.[^2]"), edit(PAGE_A, "Puebla Process.[^2]", "Puebla Process.[^1]"))),
    Case("a marker inside a note", (edit(PAGE_A, "[^1]: Nelson, p. 380", "[^1]: Nelson, p. 380, and see[^2]"),)),
    Case("a paragraph without its id", (edit(PAGE_B, "The end.\n{#p4}", "The end."),)),
    Case("a paragraph id used twice", (edit(PAGE_B, "{#p4}", "{#p3}"),)),
    Case("paragraph ids out of reading order", (edit(PAGE_A, "{#p2}", "{#p5}"),)),
    Case("a paragraph of the series note without its id", (edit(INDEX, "Its second paragraph.\n{#sn2}", "Its second paragraph."),)),
    Case("a paragraph without its id that begins with a link", (edit(PAGE_B, "The end.\n{#p4}", "[The end](http://x.org) of it\nall."),)),
    Case("a schema that refers to a schema that is not there", (Write("data/schemas/paper.schema.json", '{\n  "type": "object",\n  "items": {"$ref": "nowhere.json#/$defs/id"}\n}\n'),)),
    # --- names looked for in the text -----------------------------------------------------------
    Case("an alias that is a common lowercase word", (edit(ORGS, "aliases: [International Organization for Migration, IOM]", "aliases: [International Organization for Migration, IOM, to]"),)),
    Case("an alias too short to be a name", (edit(ORGS, "aliases: [Berne Initiative]", "aliases: [Berne Initiative, B.]"),)),
    Case("an alias all in lower case", (edit(ORGS, "aliases: [Berne Initiative]", "aliases: [Berne Initiative, berne initiative]"),)),
    Case("a glossary term that is a common word", (edit(GLOSSARY, "- term: NGO", "- term: the"),)),
    Case("an alias found nowhere in the text", (edit(ORGS, "aliases: [Berne Initiative]", "aliases: [Berne Initiative, Bern Initiative]"),)),
    Case("a glossary term found nowhere in the text", (Write(GLOSSARY, "- term: NGO\n  expansion: non-governmental organization\n- term: RSD\n  expansion: refugee status determination\n"),)),
    Case("a name inside the name of an entry that is not its part", (
        edit(ORGS, "aliases: [Berne Initiative]", "aliases: [Berne Initiative, IOM Berne Initiative]"),
        edit(PAGE_A, "The IOM and the Berne Initiative.", "The IOM and the IOM Berne Initiative."))),
    Case("a name declared no mention where it does not stand", (edit(ORGS, "  kind: international-organization", "  not_mentions:\n    - {name: IOM, passage: p2, reason: Not the IOM.}\n  kind: international-organization"),)),
    Case("an acronym that is its entry's whole name", (edit(ORGS, "  name: International Organization for Migration", "  name: IOM"),)),
    # --- emendations against the text -----------------------------------------------------------
    Case("kept words that stand twice", (edit(EMENDATIONS, "  - text: loosing out", "  - text: p. 3"),)),
    Case("a repair whose result is not in the text", (edit(EMENDATIONS, '{find: "www. x. org", replace: "www.x.org"}', '{find: "www. y. org", replace: "www.y.org"}'),)),
    Case("a repair whose words still stand in the text", (edit(EMENDATIONS, '{find: "www. x. org", replace: "www.x.org"}', '{find: "loosing out", replace: "losing out"}'),)),
    Case("a change whose result stands twice", (edit(EMENDATIONS, "changes: []", "changes:\n  - {find: Nelsen, replace: Nelson, reason: A misprint.}"),)),
]
