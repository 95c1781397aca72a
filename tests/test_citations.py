"""The works cited, in the built site: notes link to bibliography entries and back, exports parse,
and the title page alone carries the paper's scholarly metadata."""

from __future__ import annotations

import json

import pytest
import rispy
from pybtex.database import parse_string
from thouez_edition.data.works import Works, load_works

from tests.conftest import ROOT
from tests.site_html import PAPER_PAGES, BuiltSite, plain_text, resolve
from tests.source_text import NOTE_COUNT


@pytest.fixture(scope="module")
def works() -> Works:
    return load_works(ROOT / "data")


def notes_in_site(site: BuiltSite) -> dict[int, tuple[str, object]]:
    found = {}
    for page in PAPER_PAGES:
        for item in site.article(page).select("div.footnote > ol > li"):
            found[int(item["id"].removeprefix("fn:"))] = (page, item)
    return found


def test_every_note_that_cites_a_work_links_to_its_entry_with_the_locator(site: BuiltSite, works: Works) -> None:
    notes = notes_in_site(site)
    bibliography = site.soup("bibliography/")
    for number, cited in works.by_note().items():
        page, item = notes[number]
        links = item.select("p.note-citations a.work-link")
        assert [link["href"].split("#")[1] for link in links] == [work.id for work, _ in cited], number
        for link, (_, citation) in zip(links, cited, strict=True):
            file, anchor = resolve(site, page, link["href"])
            assert file.parent.name == "bibliography" and bibliography.find(id=anchor) is not None
            if citation.locator:
                assert link.get_text().endswith(f", {citation.locator}")
    citing = set(works.by_note())
    for number, (_, item) in notes.items():
        if number not in citing:
            assert item.select("p.note-citations") == [], f"note {number} cites nothing"


def test_each_entry_lists_exactly_the_notes_the_data_gives(site: BuiltSite, works: Works) -> None:
    article = site.article("bibliography/")
    notes = notes_in_site(site)
    for work in works.works:
        entry = article.find(id=work.id)
        assert entry is not None, work.id
        links = entry.select("p.cited-in a")
        # Each note by its page in the print and its number; the locator as the note gives it.
        assert [link.get_text().split(", ")[-1] for link in links] == [f"n. {c.note}" for c in work.cited_in]
        assert all(link.get_text().startswith(("p. ", "pp. ")) for link in links)
        for link, citation in zip(links, work.cited_in, strict=True):
            if citation.locator:
                assert str(link.next_sibling).startswith(f" (“{citation.locator}”)")
        for link, citation in zip(links, work.cited_in, strict=True):
            file, anchor = resolve(site, "bibliography/", link["href"])
            assert anchor == f"fn:{citation.note}"
            assert str(file.parent.relative_to(site.dir)) + "/" == notes[citation.note][0]


def test_the_bibliography_is_grouped_and_each_entry_is_formatted(site: BuiltSite, works: Works) -> None:
    article = site.article("bibliography/")
    groups = [plain_text(h) for h in article.find_all("h2")]
    assert groups == [
        "Books, chapters and articles",
        "UN and other intergovernmental documents",
        "Papers and reports of NGOs",
        "Web pages",
        "Lectures, presentations, interviews and conversations",
    ]
    assert len(article.select("li.work")) == len(works.works)
    florini = plain_text(article.find(id="florini-2000-lessons").select_one(".work-reference"))
    assert florini.startswith("Florini, Ann M. 2000a. “Lessons Learned.” In The Third Force")
    book = article.find(id="florini-2000-third-force").select_one(".work-reference em")
    assert book.get_text() == "The Third Force: The Rise of Transnational Civil Society"


def test_each_group_of_the_bibliography_is_a_list_of_its_works(site: BuiltSite, works: Works) -> None:
    # Assistive technology announces each group as a list with its count, the entries as its items.
    article = site.article("bibliography/")
    lists = [heading.find_next_sibling() for heading in article.find_all("h2")]
    assert all(found.name == "ul" and found.get("role") == "list" for found in lists)
    items = [item for found in lists for item in found.find_all(recursive=False)]
    assert all(item.name == "li" and "work" in item["class"] for item in items)
    assert [item["id"] for item in items] == [item["id"] for item in article.select("[id].work")]
    assert sorted(item["id"] for item in items) == sorted(work.id for work in works.works)
    # Each entry keeps its reference first, its COinS record and its links.
    assert all(item.find(recursive=False).get("class") == ["work-reference"] for item in items)
    assert all(len(item.select("span.Z3988")) == 1 and item.select("p.cited-in a[href]") for item in items)


def test_web_addresses_keep_their_2004_form_with_an_archived_copy(site: BuiltSite) -> None:
    note = notes_in_site(site)[31][1]
    printed = note.select_one("a[href='http://www.unhcr.ch']")
    assert printed.get_text() == "http://www.unhcr.ch"
    apparatus = printed.find_next_sibling(class_="address-note")
    hrefs = [a["href"] for a in apparatus.select("a")]
    assert hrefs == ["https://web.archive.org/web/2004/http://www.unhcr.ch", "https://www.unhcr.org"]
    entry = site.article("bibliography/").find(id="unhcr-website")
    assert "https://web.archive.org/web/2004/http://www.unhcr.ch" in [a["href"] for a in entry.select("a")]


def test_exports_parse_and_hold_every_work(site: BuiltSite, works: Works) -> None:
    ids = [work.id for work in works.works]
    for name in ("works-cited.bib", "works-cited.biblatex.bib"):
        bibtex = parse_string((site.dir / "downloads" / name).read_text(encoding="utf-8"), "bibtex")
        assert sorted(bibtex.entries) == sorted(ids), name
    items = json.loads((site.dir / "downloads" / "works-cited.json").read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in items) == sorted(ids)
    assert all(isinstance(item["type"], str) for item in items)
    ris = rispy.loads((site.dir / "downloads" / "works-cited.ris").read_text(encoding="utf-8"))
    assert [entry["title"] for entry in ris] == [work.csl["title"] for work in works.works]
    paper = parse_string((site.dir / "downloads" / "thouez-2004.bib").read_text(encoding="utf-8"), "bibtex")
    assert list(paper.entries) == ["thouez-2004"]


def test_only_the_title_page_has_the_papers_scholarly_metadata(site: BuiltSite, works: Works) -> None:
    for page in site.pages():
        soup = site.soup(page)
        tags = soup.select("meta[name^='citation_']")
        scripts = soup.select("script[type='application/ld+json']")
        if page == "index.html":
            names = [tag["name"] for tag in tags]
            for name in ("citation_title", "citation_author", "citation_publication_date",
                         "citation_technical_report_institution", "citation_technical_report_number",
                         "citation_series_title", "citation_pdf_url", "citation_public_url"):
                assert names.count(name) == 1, name
            assert names.count("citation_reference") == len(works.works)
            assert len(scripts) == 1
        else:
            # A profile carries its own record (the body it describes), never the paper's.
            types = [json.loads(script.string)["@type"] for script in scripts]
            assert tags == [] and "ScholarlyArticle" not in types, page


def test_no_citation_machinery_alters_the_papers_notes(site: BuiltSite) -> None:
    """mkdocs-bibtex would nest new footnotes in the notes and renumber them; nothing here may."""
    notes = notes_in_site(site)
    assert sorted(notes) == list(range(1, NOTE_COUNT + 1))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "bibtex" not in config
    for number, (_, item) in notes.items():
        assert item.select("sup, a.footnote-ref") == [], f"note {number} has a note inside it"
        for added in item.select(".apparatus"):
            assert added.find_parent("li") is item
    # The words of every note are checked against the source in test_fidelity.py.
