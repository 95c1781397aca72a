"""COinS: each work on the bibliography page as an OpenURL ContextObject in a `<span class="Z3988">`,
which Zotero (its COinS translator) and other reference managers offer to save, all at once.

The keys are those that Zotero's OpenURL reader takes, for the item type Zotero would give the
work from its CSL type. OpenURL has no keys for editors, series editors or report numbers: those
reach a reference manager through the downloadable files only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

Record = Mapping[str, Any]
BOOK = "info:ofi/fmt:kev:mtx:book"
JOURNAL = "info:ofi/fmt:kev:mtx:journal"
DUBLIN_CORE = "info:ofi/fmt:kev:mtx:dc"
# Zotero's item type for CSL types that OpenURL has no format for; its reader takes `rft.type`.
ZOTERO_TYPES = {
    "webpage": "webpage",
    "personal_communication": "letter",
    "interview": "interview",
    "speech": "presentation",
    "manuscript": "manuscript",
}


def _date(record: Record) -> str | None:
    date = record.get("issued")
    if not isinstance(date, Mapping) or not date.get("date-parts") or not date["date-parts"][0]:
        return None
    year, *rest = (int(part) for part in date["date-parts"][0])
    return "-".join([f"{year:04d}", *(f"{part:02d}" for part in rest)])


def _names(record: Record) -> list[tuple[str, str]]:
    """Authors in order: a person as "Family, Given" (`rft.au`), an organisation whole (`rft.aucorp`)."""
    pairs = []
    for name in record.get("author", []):
        if "literal" in name:
            pairs.append(("rft.aucorp", name["literal"]))
        else:
            family = " ".join(p for p in (name.get("non-dropping-particle"), name.get("family")) if p)
            given = " ".join(p for p in (name.get("given"), name.get("dropping-particle")) if p)
            pairs.append(("rft.au", ", ".join(p for p in (family, given) if p)))
    return pairs


def context_object(record: Record) -> str:
    """The record as the query string of an OpenURL 1.0 ContextObject (KEV)."""
    kind = record["type"]
    title, container = record.get("title"), record.get("container-title")
    pairs: list[tuple[str, Any]] = [("ctx_ver", "Z39.88-2004")]
    if kind == "article-journal":
        pairs += [("rft_val_fmt", JOURNAL), ("rft.genre", "article"), ("rft.atitle", title), ("rft.jtitle", container),
                  ("rft.volume", record.get("volume")), ("rft.issue", record.get("issue")),
                  ("rft.issn", record.get("ISSN"))]
    elif kind in ("book", "report"):
        pairs += [("rft_val_fmt", BOOK), ("rft.genre", kind), ("rft.btitle", title),
                  ("rft.series", record.get("collection-title")), ("rft.isbn", record.get("ISBN"))]
    elif kind in ("chapter", "paper-conference"):
        pairs += [("rft_val_fmt", BOOK), ("rft.genre", "bookitem" if kind == "chapter" else "proceeding"),
                  ("rft.atitle", title), ("rft.btitle", container),
                  ("rft.series", record.get("collection-title")), ("rft.isbn", record.get("ISBN"))]
    else:
        pairs += [("rft_val_fmt", DUBLIN_CORE), ("rft.type", ZOTERO_TYPES.get(kind, "document")), ("rft.title", title),
                  ("rft.source", container)]
    pairs += _names(record)
    pairs += [("rft.date", _date(record)), ("rft.pub", record.get("publisher")), ("rft.place", record.get("publisher-place")),
              ("rft.pages", record.get("page"))]
    if record.get("DOI"):
        pairs.append(("rft_id", f"info:doi/{record['DOI']}"))
    if record.get("URL"):
        pairs.append(("rft_id", record["URL"]))
    # Spaces as %20: Zotero's reader also reads "+" as a space, but only after its own decoding.
    return urlencode([(key, " ".join(str(value).split())) for key, value in pairs if value not in (None, "")],
                     quote_via=quote)
