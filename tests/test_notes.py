"""The 58 notes keep their printed numbers across pages, link both ways, and are listed together."""

from __future__ import annotations

from tests.site_html import PAPER_PAGES, BuiltSite, reader_text
from tests.source_text import NOTE_COUNT


def notes_by_page(site: BuiltSite) -> dict[int, str]:
    found = {}
    for page in PAPER_PAGES:
        for item in site.article(page).select("div.footnote > ol > li"):
            number = int(item["id"].removeprefix("fn:"))
            assert number not in found, f"note {number} is on {found[number]} and on {page}"
            found[number] = page
    return found


def test_there_are_58_notes_numbered_as_printed(site: BuiltSite) -> None:
    assert sorted(notes_by_page(site)) == list(range(1, NOTE_COUNT + 1))


def test_note_lists_count_from_the_printed_number(site: BuiltSite) -> None:
    for page in PAPER_PAGES:
        for item in site.article(page).select("div.footnote > ol > li"):
            assert item["value"] == item["id"].removeprefix("fn:")


def test_note_25_shows_25_although_its_page_starts_elsewhere(site: BuiltSite) -> None:
    article = site.article("paper/dearth-of-activity/")
    first = article.select_one("div.footnote > ol > li")
    assert first["id"] == "fn:14"
    marker = article.select_one("sup#fnref\\:25 a")
    assert marker.get_text() == "25"
    assert article.select_one("li#fn\\:25")["value"] == "25"


def test_every_marker_shows_the_number_of_the_note_it_links_to(site: BuiltSite) -> None:
    markers = 0
    for page in PAPER_PAGES:
        article = site.article(page)
        for link in article.select("a.footnote-ref"):
            target = link["href"].removeprefix("#")
            assert link.get_text() == target.removeprefix("fn:")
            assert article.find(id=target) is not None, f"{page}: {target} is not on the page"
            markers += 1
    assert markers == NOTE_COUNT


def test_every_back_link_returns_to_its_marker(site: BuiltSite) -> None:
    for page in PAPER_PAGES:
        article = site.article(page)
        for item in article.select("div.footnote > ol > li"):
            number = item["id"].removeprefix("fn:")
            backlinks = item.select("a.footnote-backref")
            assert [a["href"] for a in backlinks] == [f"#fnref:{number}"]
            marker = article.find(id=f"fnref:{number}")
            assert marker is not None and marker.get_text(strip=True) == number
            assert backlinks[0]["title"] == f"Back to the text at note {number}"


def test_multi_paragraph_notes_stay_whole(site: BuiltSite) -> None:
    pages = notes_by_page(site)
    for number, paragraphs in {5: 2, 21: 2, 27: 2, 58: 2, 13: 1, 34: 1}.items():
        item = site.article(pages[number]).find(id=f"fn:{number}")
        assert len(item.select("p:not(.apparatus)")) == paragraphs, f"note {number}"


def test_all_notes_page_lists_the_58_notes_in_order_with_their_calls(site: BuiltSite) -> None:
    article = site.article("paper/notes/")
    items = article.select("ol.all-notes > li")
    assert [int(item["value"]) for item in items] == list(range(1, NOTE_COUNT + 1))
    pages = notes_by_page(site)
    for item in items:
        number = int(item["value"])
        call = item.select_one("a.called-in")
        page_slug = pages[number].removeprefix("paper/")
        assert call["href"] == f"../{page_slug.rstrip('/')}/#fnref:{number}"
        # The same words as the note at the foot of its section.
        section_note = site.article(pages[number]).find(id=f"fn:{number}")
        assert reader_text(item) == reader_text(section_note)


def test_note_urls_are_links_that_show_the_url_as_printed(site: BuiltSite) -> None:
    note = site.article("paper/current-context/").find(id="fn:5")
    links = {a.get_text(): a["href"] for a in note.select("a:not(.footnote-backref):not(.mention)") if not a.find_parent(class_="apparatus")}
    assert links == {"www.ecre.org": "http://www.ecre.org", "www.migpolgroup.com": "http://www.migpolgroup.com"}
    note25 = site.article("paper/dearth-of-activity/").find(id="fn:25")
    url = "http://www.humansecurity-chs.org/finalreport/chapter3.pdf"
    assert [a.get_text() for a in note25.select("a[href]") if a["href"] == url] == [url]
