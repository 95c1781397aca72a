"""What is made from the paper's record for readers and their tools: the "how to cite" section, and
the metadata that reference managers and search engines read on the title page.

Highwire Press `citation_*` tags and one schema.org `ScholarlyArticle` in JSON-LD are put on the
title page only, so that Zotero and Google Scholar see one record for the paper, not one per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thouez_edition.citations.references import Formatted
from thouez_edition.rendering.templating import render_block


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
    # The text to take away: EPUB 3 and TEI P5.
    epub: str
    tei: str

def render_how_to_cite(how: HowToCite, page: str) -> str:
    """The title page's "How to cite" section, with links made from `page`."""
    return render_block("how_to_cite.html", how=how, page=page)
