"""The works cited, written out for reference managers from the CSL-JSON records, by maintained
writers: CSL-JSON by the `json` module, BibTeX and BibLaTeX by pandoc, RIS by rispy.

Nothing here escapes or quotes a value: each writer does that for its own format. What is ours
is only the choice of RIS tags, which follows what Zotero's own RIS translator writes and reads
for each kind of item (`RIS_TAGS`), since Zotero is where most of these files end up.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import rispy

from thouez_edition.citations.references import pandoc_path
from thouez_edition.errors import EditionError
from thouez_edition.escaping import pandoc_markdown_text

Record = Mapping[str, Any]

# CSL 1.0.2 item types (the `type` enumeration of the CSL-JSON schema).
CSL_ITEM_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
    "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
})


class ExportError(EditionError):
    """A writer refused the records; the message says which and why, and `record` and `field` name
    the record and its field at fault where one is."""

    def __init__(self, message: str, record: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.record, self.field = record, field


def unpaired_field(record: Record) -> str | None:
    """The first field of a record whose text holds a `{` or `}` without its partner."""
    for name, value in record.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if text.count("{") != text.count("}"):
            return name
    return None


def check_records(records: Sequence[Record]) -> None:
    """Every record has an id, used once, and a CSL type: the CSL-JSON schema's requirements."""
    seen: set[str] = set()
    for index, record in enumerate(records):
        if not isinstance(record, Mapping) or not isinstance(record.get("id"), (str, int)) or record["id"] == "":
            raise ValueError(f"record [{index}]: needs an 'id' (string or number)")
        id_ = str(record["id"])
        if id_ in seen:
            raise ValueError(f"record {id_}: id used twice")
        seen.add(id_)
        if record.get("type") not in CSL_ITEM_TYPES:
            raise ValueError(f"record {id_}: type {record.get('type')!r} is not a CSL item type")


# --- CSL-JSON -----------------------------------------------------------------------------------


def to_csl_json(records: Sequence[Record]) -> str:
    """A CSL-JSON array, indented, keys sorted for stable diffs, non-ASCII kept as UTF-8 text."""
    check_records(records)
    return json.dumps([dict(record) for record in records], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- BibTeX and BibLaTeX, by pandoc -------------------------------------------------------------


def _as_pandoc_markdown(value: Any) -> Any:
    """A record's value as pandoc should read it from Markdown metadata: every string as text."""
    if isinstance(value, str):
        return pandoc_markdown_text(value)
    if isinstance(value, list):
        return [_as_pandoc_markdown(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _as_pandoc_markdown(item) for key, item in value.items()}
    return value


def _references_document(records: Sequence[Record]) -> str:
    """The records as the `references` of a Markdown document, for pandoc to read with `smart` off.

    pandoc reads CSL-JSON text as CSL's rich text with its smart typography: straight quotes become
    typographic ones and a space before "!" a thin space, so a title would not come back as
    given. From Markdown metadata with `-smart`, every string escaped, it reads exactly the
    characters given. pandoc also takes CSL titles to be in sentence case and rewrites them in
    title case for BibTeX ("Lessons Learned", "Norms Versus"); the records hold titles as the
    works print them, so the title is put in a `nocase` span, which pandoc writes as a braced
    group.
    """
    references = []
    for record in records:
        reference = _as_pandoc_markdown(record)
        if record.get("title"):
            reference["title"] = f"[{reference['title']}]{{.nocase}}"
        references.append(reference)
    return metadata_document({"references": references})


def metadata_document(metadata: Mapping[str, Any]) -> str:
    """A Markdown document of metadata only, for pandoc. Written as JSON, which is YAML whose every
    string is quoted: no title is read as a number ("0E0") or a date."""
    return "---\n" + json.dumps(metadata, ensure_ascii=False) + "\n---\n"


# Equivalent LaTeX that BibTeX readers decode: pandoc writes "^" as the accent command `\^{}` and
# "--" as `-\/-` (the italic correction keeps LaTeX from making an en dash), which citation-js
# (and so the tools built on it) read as an accent on nothing and as a literal "\/".
_READABLE_LATEX = ((re.compile(r"\\\^\{\}"), r"\\textasciicircum{}"), (re.compile(r"(?<=-)\\/(?=-)"), "{}"))


# The entry kinds for a report in each format: their standard styles (BibTeX's plain.bst and its
# kin, BibLaTeX's standard styles) print the body that issued a report from `institution` and
# ignore `publisher`, which pandoc writes for every kind.
REPORT_ENTRIES = {"bibtex": "techreport", "biblatex": "report"}
ENTRY_TYPE = re.compile(r"^@(?P<type>\w+)\{", re.MULTILINE)
PUBLISHER_FIELD = re.compile(r"(?<=\n)(?P<indent>[ \t]*)publisher(?=\s*=)")


def publisher_as_institution(bib: str, entry_type: str) -> str:
    """In each entry of `entry_type`, its `publisher` field named `institution`. Only a field of
    the entry itself is renamed (at the entry's first brace level), never words in a value."""
    starts = [match.start() for match in ENTRY_TYPE.finditer(bib)]
    pieces = [bib[: starts[0]] if starts else bib]
    for start, end in zip(starts, [*starts[1:], len(bib)]):
        entry = bib[start:end]
        match = ENTRY_TYPE.match(entry)
        if match is not None and match["type"].lower() == entry_type:
            for field in reversed(list(PUBLISHER_FIELD.finditer(entry))):
                before = entry[: field.start()]
                if before.count("{") - before.count("}") == 1:
                    entry = f"{entry[: field.start()]}{field['indent']}institution{entry[field.end():]}"
        pieces.append(entry)
    return "".join(pieces)


def _pandoc(records: Sequence[Record], to: str) -> str:
    check_records(records)
    result = subprocess.run(
        [pandoc_path(), "--from=markdown-smart", f"--to={to}", "--standalone", "--wrap=none"],
        input=_references_document(records), capture_output=True, text=True, encoding="utf-8",
    )
    if result.returncode != 0 or result.stderr.strip():
        raise ExportError(f"pandoc could not write {to}: {result.stderr.strip()}")
    bib = result.stdout
    for written, readable in _READABLE_LATEX:
        bib = written.sub(readable, bib)
    _check_braces(bib, to, records)
    return publisher_as_institution(bib, REPORT_ENTRIES[to])


ENTRY_START = re.compile(r"^@\w+\{(?P<key>[^,\s]+),", re.MULTILINE)


def _check_braces(bib: str, to: str, records: Sequence[Record]) -> None:
    """BibTeX counts every brace, escaped or not; pandoc writes a lone `{` as `\\{`, which leaves
    the entry open and the rest of the file unreadable. Such a record is refused, by name."""
    starts = list(ENTRY_START.finditer(bib))
    for start, end in zip(starts, [*starts[1:], None]):
        depth = 0
        for character in bib[start.start() : end.start() if end else len(bib)]:
            depth += {"{": 1, "}": -1}.get(character, 0)
            if depth < 0:
                break
        if depth != 0:
            record = next((item for item in records if str(item.get("id")) == start["key"]), {})
            field = unpaired_field(record)
            raise ExportError(
                f"record {start['key']}: a {{ or }} in its text has no partner, and {to} cannot hold "
                "a lone brace (BibTeX counts braces even where they are escaped); expected braces in pairs",
                record=start["key"], field=field,
            )


def to_bibtex(records: Sequence[Record]) -> str:
    """BibTeX, one entry per record keyed by its id, as pandoc writes it; a report's publisher is
    its `institution`."""
    return _pandoc(records, "bibtex")


def to_biblatex(records: Sequence[Record]) -> str:
    """BibLaTeX, which keeps kinds BibTeX lacks (@online, @report, @letter) and full dates; a
    report's publisher is its `institution`."""
    return _pandoc(records, "biblatex")


# --- RIS, by rispy, with Zotero's tags ----------------------------------------------------------


@dataclass(frozen=True)
class RisType:
    """How Zotero's RIS translator writes one kind of item: its `TY` and the tag for each CSL
    variable that is not written the same way for every kind (`COMMON_TAGS`)."""

    ty: str
    tags: Mapping[str, str]


# Zotero's item type for each CSL type (Zotero's CSL mappings), and the tags its RIS translator
# writes for that item type (its `fieldMap`). Where Zotero writes a tag that other readers take
# otherwise, the comment says so.
RIS_TYPES: dict[str, RisType] = {
    # journalArticle
    "article-journal": RisType("JOUR", {"container-title": "T2", "collection-title": "T3", "editor": "A2",
                                        "volume": "VL", "issue": "IS", "ISSN": "SN"}),
    # book: editors are A3 (A2 is the series editor), the series T2 and its number M1.
    "book": RisType("BOOK", {"editor": "A3", "collection-editor": "A2", "collection-title": "T2",
                             "collection-number": "M1", "volume": "VL", "number-of-pages": "SP",
                             "ISBN": "SN", "edition": "ET"}),
    # bookSection: the series T3, its number SV, its editor A3.
    "chapter": RisType("CHAP", {"container-title": "T2", "editor": "A2", "collection-title": "T3",
                                "collection-editor": "A3", "collection-number": "SV", "volume": "VL",
                                "ISBN": "SN", "edition": "ET"}),
    # report: the series is T2 (Zotero reads T3 on a report as nothing), the report number SN,
    # the kind of report M3; a paper in a numbered series has its number as the report number.
    "report": RisType("RPRT", {"collection-title": "T2", "collection-editor": "A2", "number": "SN",
                               "collection-number": "SN", "genre": "M3", "volume": "VL"}),
    # webpage
    "webpage": RisType("ELEC", {"container-title": "T2", "genre": "M3"}),
    # letter
    "personal_communication": RisType("PCOMM", {"recipient": "A2", "genre": "M3"}),
    # interview (Zotero writes it as PCOMM too, and reads PCOMM back as a letter)
    "interview": RisType("PCOMM", {"interviewer": "A2", "genre": "M3"}),
    # presentation: the meeting is T2, its place CY. Zotero writes the presenter as A2; AU is
    # kept for the speaker, which every RIS reader takes as the author and Zotero turns into the
    # presentation's presenter.
    "speech": RisType("SLIDE", {"event-title": "T2", "event-place": "CY", "genre": "M3"}),
    # manuscript
    "manuscript": RisType("MANSCPT", {"genre": "M3"}),
    # conferencePaper: the conference is T2, its place C1, the proceedings C3.
    "paper-conference": RisType("CONF", {"event-title": "T2", "event-place": "C1", "container-title": "C3",
                                         "editor": "A2", "collection-title": "T3"}),
    "thesis": RisType("THES", {"genre": "M3"}),
    "article-magazine": RisType("MGZN", {"container-title": "T2", "volume": "VL", "issue": "IS", "ISSN": "SN"}),
    "article-newspaper": RisType("NEWS", {"container-title": "T2", "volume": "VL", "issue": "IS", "ISSN": "SN"}),
}
GENERIC = RisType("GEN", {"container-title": "T2"})
COMMON_TAGS = {"title": "TI", "author": "AU", "publisher": "PB", "publisher-place": "CY", "URL": "UR",
               "DOI": "DO", "language": "LA", "note": "N1"}
# The order in which Zotero writes tags (its `exportOrder`).
RIS_ORDER = ["TI", "AU", "T2", "A2", "T3", "A3", "A4", "AB", "C1", "C2", "C3", "C4", "C5", "C6", "CN", "CY",
             "DA", "PY", "DO", "DP", "ET", "VL", "IS", "SP", "EP", "J2", "LA", "M1", "M3", "NV", "OP", "PB",
             "SE", "SN", "ST", "SV", "UR", "AN", "DB", "Y2", "L1", "L2", "L4", "N1", "KW"]
NAME_TAGS = {"AU", "A1", "A2", "A3", "A4"}
# "211-240", "211–40", "211--240": the first page, then the last.
PAGE_RANGE = re.compile(r"\s*[-\u2013]+\s*")


class _RisWriter(rispy.RisWriter):
    """rispy's writer, keyed by the tags themselves, with the specification's CR LF line ends
    and no numbered header line before each record."""

    NEWLINE = "\r\n"
    REFERENCE_TYPE_KEY = "ty"
    DEFAULT_MAPPING = {tag: tag.lower() for tag in ["TY", *RIS_ORDER, "ER"]}
    DEFAULT_LIST_TAGS = sorted(NAME_TAGS | {"UR", "KW", "N1"})

    def set_header(self, count: int) -> str:
        return ""


def ris_name(name: Mapping[str, str]) -> str:
    """"Family, Given" as RIS asks; an organisation's name whole.

    Zotero's RIS import splits every name at its first comma, so an organisation whose name has
    a comma arrives in Zotero as a two-part name; no RIS spelling avoids that (BibTeX and
    CSL-JSON keep it whole).
    """
    if "literal" in name:
        return " ".join(name["literal"].split())
    family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    given = " ".join(part for part in (name.get("given"), name.get("dropping-particle")) if part)
    return ", ".join(part for part in (family, given, name.get("suffix")) if part)


def _date_parts(record: Record) -> list[int]:
    date = record.get("issued")
    if isinstance(date, Mapping) and date.get("date-parts") and date["date-parts"][0]:
        return [int(part) for part in date["date-parts"][0]]
    return []


def ris_entry(record: Record) -> dict[str, Any]:
    """The record as rispy's writer takes it: tags (lower case) to values, in Zotero's order."""
    kind = RIS_TYPES.get(record["type"], GENERIC)
    tag_of = {**COMMON_TAGS, **kind.tags}
    values: dict[str, list[str]] = {}
    for variable, tag in tag_of.items():
        value = record.get(variable)
        if value in (None, "", []):
            continue
        if tag in NAME_TAGS:
            values.setdefault(tag, []).extend(ris_name(name) for name in value)
        elif tag not in values:  # the first variable given for a tag wins (a report's own number)
            values[tag] = [" ".join(str(value).split())]
    if record.get("page"):
        first, *last = PAGE_RANGE.split(str(record["page"]).strip(), maxsplit=1)
        values["SP"] = [first]
        if last:
            values["EP"] = last
    parts = _date_parts(record)
    if parts:
        values["PY"] = [f"{parts[0]:04d}"]
        month = f"{parts[1]:02d}" if len(parts) > 1 else ""
        day = f"{parts[2]:02d}" if len(parts) > 2 else ""
        values["DA"] = [f"{parts[0]:04d}/{month}/{day}/"]
    entry: dict[str, Any] = {"ty": kind.ty}
    for tag in RIS_ORDER:
        if values.get(tag):
            entry[tag.lower()] = values[tag] if tag in _RisWriter.DEFAULT_LIST_TAGS else values[tag][0]
    return entry


def to_ris(records: Sequence[Record]) -> str:
    """One TY … ER record per work, as rispy writes them."""
    check_records(records)
    return _RisWriter().formats([ris_entry(record) for record in records])
