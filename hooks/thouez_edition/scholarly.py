"""The paper's own record (`data/paper.yml`) and what is made from it: the "how to cite" section
and the metadata that reference managers and search engines read on the title page.

Highwire Press `citation_*` tags and one schema.org `ScholarlyArticle` in JSON-LD are put on the
title page only, so that Zotero and Google Scholar see one record for the paper, not one per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafiles import JsonPath, Schemas, check_schema, field_path, is_id, load_schemas, read_yaml
from .errors import raise_if_any
from .references import Formatted
from .templates import render_block
from .works import csl_record

FILE = "paper.yml"
STEM = "thouez-2004"


def _name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """The file is one record: name it by its id."""
    named = isinstance(data, dict) and is_id(data.get("id"))
    return (data["id"] if named else "paper"), field_path(path)


@dataclass(frozen=True)
class PaperMetadata:
    record: dict[str, Any]  # the CSL-JSON record
    description: str  # the edition's description of the paper, for the title page


def load_paper_metadata(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> PaperMetadata:
    schemas = schemas or load_schemas(data_dir / "schemas", f"{display_dir}/schemas")
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    raise_if_any(check_schema(document, schemas.validator("paper.schema.json"), _name_entry))
    data = dict(document.data)
    description = " ".join(data.pop("description").split())
    return PaperMetadata(csl_record(data), description)


def load_paper_record(data_dir: Path, display_dir: str = "data", schemas: Schemas | None = None) -> dict[str, Any]:
    """The paper's CSL-JSON record."""
    return load_paper_metadata(data_dir, display_dir, schemas).record


def _person(name: dict[str, str]) -> str:
    return name.get("literal") or ", ".join(part for part in (name.get("family"), name.get("given")) if part)


def _year(record: dict[str, Any]) -> str | None:
    parts = record.get("issued", {}).get("date-parts", [[]])[0]
    return str(parts[0]) if parts else None


def series_number(record: dict[str, Any]) -> str:
    """ "Global Migration Perspectives No. 12", for people; machines get the two apart."""
    return f"{record['collection-title']} No. {record['collection-number']}"


def highwire_reference(record: dict[str, Any]) -> str:
    """One cited work in the `citation_reference` format Google Scholar reads."""
    fields = [("citation_title", record.get("title"))]
    fields += [("citation_author", _person(name)) for name in record.get("author", record.get("editor", []))]
    fields += [
        ("citation_publication_date", _year(record)),
        ("citation_journal_title", record.get("container-title") if record["type"] == "article-journal" else None),
        ("citation_inbook_title", record.get("container-title") if record["type"] == "chapter" else None),
        ("citation_volume", record.get("volume")),
        ("citation_issue", record.get("issue")),
        ("citation_publisher", record.get("publisher")),
        ("citation_doi", record.get("DOI")),
        ("citation_public_url", record.get("URL")),
    ]
    return "; ".join(f"{key}={value}" for key, value in fields if value)


def highwire_tags(
    paper: dict[str, Any], works: list[dict[str, Any]], site_url: str, pdf_url: str | None
) -> list[tuple[str, str]]:
    """The paper's record as `<meta>` tags, each in the field Zotero's Embedded Metadata
    translator and Google Scholar read: the series and its number apart, the place, the PDF.

    Zotero reads `citation_technical_report_number` as the report's number and, through its RDF
    reader, `z.seriesTitle` as the series and `eprints.place_of_pub` as the place, fields that
    Highwire tags lack; `citation_series_title` is Google Scholar's.
    """
    tags = [("citation_title", paper["title"])]
    tags += [("citation_author", _person(name)) for name in paper["author"]]
    tags += [
        ("citation_publication_date", _year(paper) or ""),
        ("citation_technical_report_institution", paper["publisher"]),
        ("citation_technical_report_number", str(paper["collection-number"])),
        ("citation_series_title", paper["collection-title"]),
        ("z.seriesTitle", paper["collection-title"]),
        ("eprints.place_of_pub", paper["publisher-place"]),
        ("citation_language", paper.get("language", "en")),
    ]
    if site_url:
        tags.append(("citation_public_url", site_url))
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    tags += [("citation_reference", highwire_reference(work)) for work in works]
    return tags


def _schema_person(name: dict[str, str]) -> dict[str, str]:
    if "literal" in name:
        return {"@type": "Organization", "name": name["literal"]}
    person = {"@type": "Person", "familyName": name["family"]}
    if "given" in name:
        person["givenName"] = name["given"]
    person["name"] = " ".join(part for part in (name.get("given"), name["family"]) if part)
    return person


def json_ld(paper: dict[str, Any], works: list[dict[str, Any]], site_url: str, pdf_url: str | None) -> dict[str, Any]:
    """The paper as a schema.org Report: a numbered paper in a series, published in Geneva."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": ["Report", "ScholarlyArticle"],
        "headline": paper["title"],
        "name": paper["title"],
        "author": [_schema_person(name) for name in paper["author"]],
        "datePublished": _year(paper),
        "inLanguage": paper.get("language", "en"),
        "publisher": {"@type": "Organization", "name": paper["publisher"],
                      "location": {"@type": "Place", "name": paper["publisher-place"]}},
        "locationCreated": {"@type": "Place", "name": paper["publisher-place"]},
        "isPartOf": {"@type": "CreativeWorkSeries", "name": paper["collection-title"]},
        "position": str(paper["collection-number"]),
        "reportNumber": str(paper["collection-number"]),
    }
    if site_url:
        data["url"] = site_url
    if pdf_url:
        data["encoding"] = {"@type": "MediaObject", "encodingFormat": "application/pdf", "contentUrl": pdf_url}
    data["citation"] = [
        {
            "@type": "CreativeWork",
            "name": work["title"],
            **({"author": [_schema_person(n) for n in work["author"]]} if work.get("author") else {}),
            **({"datePublished": _year(work)} if _year(work) else {}),
            **({"url": work["URL"]} if work.get("URL") else {}),
        }
        for work in works
    ]
    return data


@dataclass(frozen=True)
class HowToCite:
    chicago: Formatted
    apa: Formatted
    downloads: dict[str, str]
    pdf: str | None
    print_page: str


def render_how_to_cite(how: HowToCite, page: str) -> str:
    """The title page's "How to cite" section, with links made from `page`."""
    return render_block("how_to_cite.html", how=how, page=page)
