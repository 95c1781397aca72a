"""The works cited, written out for reference managers: CSL-JSON, BibTeX and RIS, all made from
the same CSL-JSON records. Each writer is deterministic: records in the order given, fields in a
fixed order, so the same records always give the same bytes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Record = Mapping[str, Any]

# CSL 1.0.2 item types (the `type` enumeration of the CSL schema).
CSL_ITEM_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview",
    "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
    "paper-conference", "patent", "performance", "periodical", "personal_communication", "post",
    "post-weblog", "regulation", "report", "review", "review-book", "software", "song", "speech",
    "standard", "thesis", "treaty", "webpage",
})


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


# --- shared readings of a record --------------------------------------------------------------


def one_line(value: Any) -> str:
    return " ".join(str(value).split())


def date_parts(record: Record, variable: str = "issued") -> list[int | str]:
    """The first (or only) date of a CSL date variable: [year], [year, month] or [year, month, day]."""
    date = record.get(variable)
    if not isinstance(date, Mapping) or not date.get("date-parts") or not date["date-parts"][0]:
        return []
    return list(date["date-parts"][0])


def literal_date(record: Record, variable: str = "issued") -> str | None:
    date = record.get(variable)
    if isinstance(date, Mapping):
        return date.get("literal") or date.get("raw")
    return None


# "211-240", "211–40", "211--240", "377": the first page, and the last if there is one.
PAGE_RANGE = re.compile(r"^(?P<first>[^-\u2013]+?)\s*(?:[-\u2013]+\s*(?P<last>.+))?$")


def page_range(record: Record) -> tuple[str, str | None] | None:
    if record.get("page") in (None, ""):
        return None
    match = PAGE_RANGE.match(one_line(record["page"]))
    return (match["first"], match["last"]) if match else (one_line(record["page"]), None)


def family_given(name: Mapping[str, str]) -> tuple[str, str] | None:
    """(family with its particles, given with its particle), or None for a literal name."""
    if "literal" in name:
        return None
    family = " ".join(part for part in (name.get("non-dropping-particle"), name.get("family")) if part)
    given = " ".join(part for part in (name.get("given"), name.get("dropping-particle")) if part)
    return family, given


# --- CSL-JSON -----------------------------------------------------------------------------------


def to_csl_json(records: Sequence[Record]) -> str:
    """A CSL-JSON array, indented, keys sorted for stable diffs, non-ASCII kept as UTF-8 text."""
    check_records(records)
    return json.dumps([dict(record) for record in records], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# --- BibTeX -------------------------------------------------------------------------------------

BIBTEX_TYPES = {
    "book": "book",
    "chapter": "incollection",
    "article": "article",
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
}
BIBTEX_CONTAINER_FIELD = {"incollection": "booktitle", "inproceedings": "booktitle", "article": "journal"}
BIBTEX_PUBLISHER_FIELD = {"techreport": "institution", "phdthesis": "school"}
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
BIBTEX_SPECIALS = re.compile(r"[\\{}&%$#_~^]")
BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
# A BibTeX key may not hold white space or any of these.
BIBTEX_KEY_FORBIDDEN = re.compile(r"[\s,{}()\"'#%~\\=]")


def bibtex_escape(value: Any) -> str:
    """Plain text as a BibTeX field value; non-ASCII characters stay as they are (biber, BibTeX8)."""
    return BIBTEX_SPECIALS.sub(lambda m: BIBTEX_ESCAPES.get(m.group(), "\\" + m.group()), one_line(value))


def bibtex_url(value: Any) -> str:
    """A URL for a verbatim field (`url`, `doi`): only the braces that would unbalance it change."""
    return one_line(value).replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")


def bibtex_name(name: Mapping[str, str]) -> str:
    parts = family_given(name)
    if parts is None:
        # Braces keep an organisation whole: no "and" split, no first/last guess.
        return "{" + bibtex_escape(name["literal"]) + "}"
    family, given = (bibtex_escape(part) for part in parts)
    suffix = bibtex_escape(name["suffix"]) if name.get("suffix") else ""
    return ", ".join(part for part in (family, suffix, given) if part)


def bibtex_names(names: Iterable[Mapping[str, str]]) -> str:
    return " and ".join(bibtex_name(name) for name in names)


def bibtex_type(record: Record) -> str:
    if record["type"] == "paper-conference" and record.get("container-title"):
        return "inproceedings"
    return BIBTEX_TYPES.get(record["type"], "misc")


def bibtex_date_fields(record: Record) -> list[tuple[str, str]]:
    parts = date_parts(record)
    if not parts:
        literal = literal_date(record)
        return [("year", "{" + bibtex_escape(literal) + "}")] if literal else []
    fields = [("year", "{" + bibtex_escape(parts[0]) + "}")]
    if len(parts) > 1 and 1 <= int(parts[1]) <= 12:
        # Unbraced: the month macro lets each style print the month its own way.
        fields.append(("month", BIBTEX_MONTHS[int(parts[1]) - 1]))
    if len(parts) > 2:
        # biblatex's ISO date keeps the day, which BibTeX has no field for.
        iso_date = "-".join([str(parts[0]), *(f"{int(part):02d}" for part in parts[1:3])])
        fields.append(("date", "{" + iso_date + "}"))
    return fields


def bibtex_howpublished(record: Record) -> str | None:
    """What a @misc entry says about how the work came out: its address, or the occasion."""
    if record.get("URL"):
        url = bibtex_url(record["URL"]).replace("%", r"\%").replace("#", r"\#")
        return r"\url{" + url + "}"
    occasion = [record.get(variable) for variable in ("genre", "event-title", "event", "event-place")]
    text = ", ".join(bibtex_escape(part) for part in occasion if part)
    return text or None


def bibtex_fields(record: Record) -> list[tuple[str, str]]:
    """(field, value as written in the .bib file), in a fixed order."""
    entry_type = bibtex_type(record)

    def text(variable: str) -> str | None:
        return "{" + bibtex_escape(record[variable]) + "}" if record.get(variable) not in (None, "") else None

    def protected(variable: str) -> str | None:
        # Double braces keep the title's capitals: the records already hold the titles as printed.
        return "{{" + bibtex_escape(record[variable]) + "}}" if record.get(variable) else None

    fields: list[tuple[str, str | None]] = [
        ("author", "{" + bibtex_names(record["author"]) + "}" if record.get("author") else None),
        ("editor", "{" + bibtex_names(record["editor"]) + "}" if record.get("editor") else None),
        ("title", protected("title")),
    ]
    if entry_type in BIBTEX_CONTAINER_FIELD:
        fields.append((BIBTEX_CONTAINER_FIELD[entry_type], protected("container-title")))
    number = text("issue") if entry_type == "article" else text("number") or text("collection-number")
    fields += [("series", text("collection-title")), ("volume", text("volume")), ("number", number)]
    pages = page_range(record)
    if pages:
        first, last = pages
        fields.append(("pages", "{" + bibtex_escape(first) + (f"--{bibtex_escape(last)}" if last else "") + "}"))
    publisher_field = BIBTEX_PUBLISHER_FIELD.get(entry_type, "publisher")
    fields += [(publisher_field, text("publisher")), ("address", text("publisher-place"))]
    if entry_type in ("techreport", "phdthesis"):
        fields.append(("type", text("genre")))
    elif entry_type == "unpublished":
        # BibTeX requires `note` for @unpublished; the genre ("Unpublished paper") says it.
        fields.append(("note", text("genre") or "{Unpublished}"))
    elif entry_type == "misc":
        howpublished = bibtex_howpublished(record)
        fields.append(("howpublished", "{" + howpublished + "}" if howpublished else None))
    fields += bibtex_date_fields(record)
    fields += [
        ("edition", text("edition")),
        ("isbn", text("ISBN")),
        ("issn", text("ISSN")),
        ("doi", "{" + bibtex_url(record["DOI"]) + "}" if record.get("DOI") else None),
        ("url", "{" + bibtex_url(record["URL"]) + "}" if record.get("URL") else None),
        # The records' `note` holds editorial remarks: `annote` keeps them out of printed references.
        ("annote", text("note")),
    ]
    return [(name, value) for name, value in fields if value]


def bibtex_entry(record: Record) -> str:
    key = str(record["id"])
    if BIBTEX_KEY_FORBIDDEN.search(key):
        raise ValueError(f"record {key}: id cannot be a BibTeX key")
    lines = [f"  {name} = {value}," for name, value in bibtex_fields(record)]
    return "\n".join([f"@{bibtex_type(record)}{{{key},", *lines, "}"]) + "\n"


def to_bibtex(records: Sequence[Record]) -> str:
    """One entry per record, keyed by the record's id."""
    check_records(records)
    return "\n".join(bibtex_entry(record) for record in records)


# --- RIS ----------------------------------------------------------------------------------------

RIS_TYPES = {
    "article": "GEN",
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "bill": "BILL",
    "book": "BOOK",
    "chapter": "CHAP",
    "dataset": "DATA",
    "entry-dictionary": "DICT",
    "entry-encyclopedia": "ENCYC",
    "hearing": "HEAR",
    "interview": "PCOMM",
    "legal_case": "CASE",
    "legislation": "STAT",
    "manuscript": "MANSCPT",
    "map": "MAP",
    "motion_picture": "MPCT",
    "pamphlet": "PAMP",
    "paper-conference": "CPAPER",
    "patent": "PAT",
    "periodical": "JFULL",
    "personal_communication": "PCOMM",
    "post-weblog": "BLOG",
    "report": "RPRT",
    "software": "COMP",
    "song": "SOUND",
    "speech": "CPAPER",
    "standard": "STAND",
    "thesis": "THES",
    "webpage": "ELEC",
}
# The RIS specification ends every line with CR LF.
RIS_NEWLINE = "\r\n"


def ris_name(name: Mapping[str, str]) -> str:
    parts = family_given(name)
    if parts is None:
        return one_line(name["literal"])
    family, given = parts
    return ", ".join(one_line(part) for part in (family, given, name.get("suffix")) if part)


def ris_date(record: Record) -> str | None:
    """DA: year/month/day/other, the missing parts left empty."""
    parts = date_parts(record)
    if len(parts) < 2:
        return None
    year, month, day = (parts + [None, None])[:3]
    return f"{year}/{int(month):02d}/{'' if day is None else f'{int(day):02d}'}/"


def ris_tags(record: Record) -> list[tuple[str, str]]:
    tags: list[tuple[str, str]] = [("TY", RIS_TYPES.get(record["type"], "GEN"))]
    tags += [("AU", ris_name(name)) for name in record.get("author", [])]
    tags += [("A2", ris_name(name)) for name in record.get("editor", [])]
    simple: list[tuple[str, str]] = [("TI", "title"), ("T2", "container-title"), ("T3", "collection-title")]
    tags += [(tag, one_line(record[variable])) for tag, variable in simple if record.get(variable)]
    parts = date_parts(record)
    year = str(parts[0]) if parts else literal_date(record)
    if year:
        tags.append(("PY", one_line(year)))
    date = ris_date(record)
    if date:
        tags.append(("DA", date))
    pages = page_range(record)
    if pages:
        tags.append(("SP", pages[0]))
        if pages[1]:
            tags.append(("EP", pages[1]))
    later: list[tuple[str, str]] = [
        ("VL", "volume"), ("IS", "issue"),
        # M1 is where reference managers read a document or report number.
        ("M1", "number"), ("M3", "genre"),
        ("PB", "publisher"), ("CY", "publisher-place"),
        ("SN", "ISBN"), ("SN", "ISSN"), ("UR", "URL"), ("DO", "DOI"), ("N1", "note"),
    ]
    tags += [(tag, one_line(record[variable])) for tag, variable in later if record.get(variable) not in (None, "")]
    return tags


def ris_record(record: Record) -> str:
    lines = [f"{tag}  - {value}" for tag, value in ris_tags(record)] + ["ER  - "]
    return RIS_NEWLINE.join(lines) + RIS_NEWLINE


def to_ris(records: Sequence[Record]) -> str:
    """One TY … ER record per work, CR LF line ends throughout."""
    check_records(records)
    return "".join(ris_record(record) for record in records)

