"""The paper's own record (`data/paper.yml`) and what is made from it: the "how to cite" section
and the metadata that reference managers and search engines read on the title page.

Highwire Press `citation_*` tags and one schema.org `ScholarlyArticle` in JSON-LD are put on the
title page only, so that Zotero and Google Scholar see one record for the paper, not one per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .datafiles import JsonPath, check_schema, field_path, read_yaml, schema_validator
from .errors import raise_if_any
from .references import Formatted
from .templates import render
from .works import csl_record

FILE = "paper.yml"
STEM = "thouez-2004"


def _name_entry(data: Any, path: JsonPath) -> tuple[str, str]:
    """The file is one record: name it by its id."""
    return str(data.get("id", "paper")) if isinstance(data, dict) else "paper", field_path(path)


def load_paper_record(data_dir: Path, display_dir: str = "data") -> dict[str, Any]:
    """The paper's CSL-JSON record."""
    document = read_yaml(data_dir / FILE, f"{display_dir}/{FILE}")
    raise_if_any(check_schema(document, schema_validator(data_dir / "schemas", "paper.schema.json"), _name_entry))
    return csl_record(document.data)


def _person(name: dict[str, str]) -> str:
    return name.get("literal") or ", ".join(part for part in (name.get("family"), name.get("given")) if part)


def _year(record: dict[str, Any]) -> str | None:
    parts = record.get("issued", {}).get("date-parts", [[]])[0]
    return str(parts[0]) if parts else None


def series_number(record: dict[str, Any]) -> str:
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


def highwire_tags(paper: dict[str, Any], works: list[dict[str, Any]], site_url: str) -> list[tuple[str, str]]:
    tags = [("citation_title", paper["title"])]
    tags += [("citation_author", _person(name)) for name in paper["author"]]
    tags += [
        ("citation_publication_date", _year(paper) or ""),
        ("citation_technical_report_institution", paper["publisher"]),
        ("citation_technical_report_number", series_number(paper)),
        ("citation_language", paper.get("language", "en")),
        ("citation_public_url", site_url),
    ]
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


def json_ld(paper: dict[str, Any], works: list[dict[str, Any]], site_url: str) -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": paper["title"],
        "name": paper["title"],
        "author": [_schema_person(name) for name in paper["author"]],
        "datePublished": _year(paper),
        "inLanguage": paper.get("language", "en"),
        "publisher": {"@type": "Organization", "name": paper["publisher"]},
        "sourceOrganization": {"@type": "Organization", "name": paper["publisher"]},
        "locationCreated": {"@type": "Place", "name": paper["publisher-place"]},
        "isPartOf": {"@type": "CreativeWorkSeries", "name": paper["collection-title"]},
        "identifier": series_number(paper),
        "url": site_url,
        "citation": [
            {
                "@type": "CreativeWork",
                "name": work["title"],
                **({"author": [_schema_person(n) for n in work["author"]]} if work.get("author") else {}),
                **({"datePublished": _year(work)} if _year(work) else {}),
                **({"url": work["URL"]} if work.get("URL") else {}),
            }
            for work in works
        ],
    }


@dataclass(frozen=True)
class HowToCite:
    chicago: Formatted
    apa: Formatted
    downloads: dict[str, str]
    pdf: str | None
    print_page: str


def render_how_to_cite(how: HowToCite, page: str) -> str:
    """The title page's "How to cite" section, with links made from `page`."""
    return render("how_to_cite.md", how=how, page=page)
