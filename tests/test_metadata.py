"""What reference managers and search engines read from the pages: the paper's record on the title
page (Highwire tags in the fields Zotero's Embedded Metadata translator reads, JSON-LD, the page's
description) and one COinS record per work on the bibliography page, read the way Zotero's OpenURL
reader reads them."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.works import load_works

from tests.conftest import ROOT
from tests.site_html import BuiltSite

PAPER = load_paper_record(ROOT / "data")
WORKS = {record["id"]: record for record in load_works(ROOT / "data").records()}


def head_tags(soup: BeautifulSoup) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in soup.select("head meta[name][content]"):
        tags.setdefault(meta["name"], []).append(meta["content"])
    return tags


# --- the title page ----------------------------------------------------------------------------


def test_highwire_tags_give_series_number_and_place_apart(site: BuiltSite) -> None:
    tags = head_tags(site.soup(""))
    assert tags["citation_title"] == [PAPER["title"]]
    assert tags["citation_author"] == ["Thouez, Colleen"]
    assert tags["citation_publication_date"] == ["2004"]
    assert tags["citation_technical_report_institution"] == ["Global Commission on International Migration"]
    # Zotero: report number; Google Scholar and Zotero's RDF reader: the series; eprints: the place.
    assert tags["citation_technical_report_number"] == ["12"]
    assert tags["citation_series_title"] == tags["z.seriesTitle"] == ["Global Migration Perspectives"]
    assert tags["eprints.place_of_pub"] == ["Geneva"]
    assert tags["citation_language"] == ["en"]


def test_citation_pdf_url_is_on_the_same_host_and_serves_the_pdf(site: BuiltSite) -> None:
    (pdf_url,) = head_tags(site.soup(""))["citation_pdf_url"]
    assert urlsplit(pdf_url).netloc == urlsplit(site.url).netloc
    with urllib.request.urlopen(pdf_url, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.read(5) == b"%PDF-"


def test_the_description_describes_the_paper_and_says_it_is_the_editions(site: BuiltSite) -> None:
    """Zotero files the page's description as the abstract: it must not be the site's blurb."""
    (description,) = head_tags(site.soup(""))["description"]
    assert description.startswith("The edition's description of the paper:")
    assert "Colleen Thouez" in description and "civil society" in description
    assert "citation_abstract" not in head_tags(site.soup(""))
    (site_wide,) = head_tags(site.soup("glossary/"))["description"]
    assert site_wide != description


def test_json_ld_gives_the_paper_as_a_numbered_report_in_its_series(site: BuiltSite) -> None:
    (script,) = site.soup("").select("script[type='application/ld+json']")
    data = json.loads(script.string)
    assert "Report" in data["@type"] and data["@context"] == "https://schema.org"
    assert data["name"] == PAPER["title"]
    assert data["author"] == [{"@type": "Person", "familyName": "Thouez", "givenName": "Colleen", "name": "Colleen Thouez"}]
    assert data["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "Global Migration Perspectives"}
    assert data["reportNumber"] == data["position"] == "12"
    assert data["locationCreated"]["name"] == data["publisher"]["location"]["name"] == "Geneva"
    assert data["url"] == site.url
    assert data["encoding"]["contentUrl"] == head_tags(site.soup(""))["citation_pdf_url"][0]
    assert len(data["citation"]) == len(WORKS)


# --- the bibliography page: COinS --------------------------------------------------------------


def read_context_object(kev: str) -> dict[str, Any]:
    """A ContextObject as Zotero's OpenURL reader takes it, in CSL terms (type, titles, names,
    date, publisher, place, series, volume, issue, pages, URL, DOI)."""
    pairs = [(key, unquote(value)) for key, _, value in (part.partition("=") for part in kev.split("&"))]
    keys = dict(pairs)
    fmt, genre = keys.get("rft_val_fmt"), keys.get("rft.genre")
    kind = {"info:ofi/fmt:kev:mtx:journal": "journalArticle", "info:ofi/fmt:kev:mtx:dc": keys.get("rft.type")}.get(
        fmt, {"bookitem": "bookSection", "report": "report", "proceeding": "conferencePaper"}.get(genre, "book"))
    read: dict[str, Any] = {"itemType": kind, "author": []}
    for key, value in pairs:
        if key == "rft.au":
            read["author"].append(value)  # "Family, Given", split at the comma by Zotero
        elif key == "rft.aucorp":
            read["author"].append(value)  # an institution, whole
        elif key == "rft.atitle" or (key == "rft.btitle" and kind in ("book", "report")) or key == "rft.title":
            read["title"] = value
        elif key in ("rft.btitle", "rft.jtitle", "rft.source"):
            read["container-title"] = value
        elif key == "rft_id":
            read["DOI" if value.startswith("info:doi/") else "URL"] = value.removeprefix("info:doi/")
        else:
            field = {"rft.date": "date", "rft.pub": "publisher", "rft.place": "publisher-place",
                     "rft.series": "collection-title", "rft.volume": "volume", "rft.issue": "issue",
                     "rft.pages": "page", "rft.isbn": "ISBN", "rft.issn": "ISSN"}.get(key)
            if field:
                read[field] = value
    return read


ZOTERO_TYPE = {"article-journal": "journalArticle", "book": "book", "chapter": "bookSection", "report": "report",
               "webpage": "webpage", "personal_communication": "letter", "interview": "interview",
               "speech": "presentation", "manuscript": "manuscript"}


def expected_from(record: Mapping[str, Any]) -> dict[str, Any]:
    names = [n.get("literal") or ", ".join(p for p in (n.get("family"), n.get("given")) if p) for n in record.get("author", [])]
    parts = record.get("issued", {}).get("date-parts", [[]])[0]
    expected: dict[str, Any] = {"itemType": ZOTERO_TYPE[record["type"]], "author": names}
    if parts:
        expected["date"] = "-".join([f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])])
    for variable in ("title", "container-title", "publisher", "publisher-place", "collection-title", "volume", "issue",
                     "page", "ISBN", "ISSN", "URL", "DOI"):
        if record.get(variable):
            expected[variable] = record[variable]
    return expected


def test_every_work_has_one_coins_record_equal_to_its_csl_record(site: BuiltSite) -> None:
    article = site.article("bibliography/")
    entries = article.select("li.work[id]")
    assert sorted(entry["id"] for entry in entries) == sorted(WORKS)
    for entry in entries:
        (span,) = entry.select("span.Z3988")
        assert read_context_object(span["title"]) == expected_from(WORKS[entry["id"]]), entry["id"]


def test_coins_records_are_the_only_machine_readable_records_on_the_bibliography_page(site: BuiltSite) -> None:
    soup = site.soup("bibliography/")
    assert len(soup.select("span.Z3988")) == len(WORKS)
    assert soup.select("meta[name^='citation_']") == []
