"""What the built search index holds: each paragraph, note and bibliography entry once."""

from __future__ import annotations

import json
from collections import Counter

from thouez_edition.data.works import load_works

from tests.conftest import ROOT
from tests.site_html import PAPER_PAGES, BuiltSite, plain_text
from tests.source_text import NOTE_COUNT


def docs(site: BuiltSite) -> list[dict]:
    return json.loads((site.dir / "search" / "edition-index.json").read_text(encoding="utf-8"))["docs"]


def test_every_paragraph_and_note_is_an_entry_of_its_own(site: BuiltSite) -> None:
    anchors = [doc["location"].split("#")[1] for doc in docs(site) if doc["location"].startswith("paper/") and "#" in doc["location"]]
    assert [a for a in anchors if a.startswith("p") and a[1:].isdigit()] == [f"p{n}" for n in range(1, 78)]
    assert sorted(int(a[3:]) for a in anchors if a.startswith("fn:")) == list(range(1, NOTE_COUNT + 1))


def test_each_work_cited_is_an_entry_titled_as_the_notes_cite_it(site: BuiltSite) -> None:
    entries = {doc["location"].split("#")[1]: doc for doc in docs(site) if doc["location"].startswith("bibliography/#")}
    assert sorted(entries) == sorted(work.id for work in load_works(ROOT / "data").works)
    assert entries["nelson-2002-agendas"]["title"] == "Nelson 2002 · work cited"
    assert "New Agendas and New Patterns" in entries["nelson-2002-agendas"]["text"]


def test_nothing_is_indexed_twice(site: BuiltSite) -> None:
    locations = [doc["location"] for doc in docs(site)]
    assert [loc for loc, count in Counter(locations).items() if count > 1] == []
    assert not any(loc.startswith(("print/", "paper/notes/")) for loc in locations)
    assert not any(loc.endswith("#in-the-paper") for loc in locations)


def test_paragraph_text_leaves_out_markers_and_apparatus(site: BuiltSite) -> None:
    first = next(doc for doc in docs(site) if doc["location"] == "paper/introduction/#p1")
    assert "International human mobility, once considered" in first["text"]
    note = next(doc for doc in docs(site) if doc["location"] == "paper/dearth-of-activity/#fn:25")
    assert "Works cited" not in note["text"] and "archived copy" not in note["text"]


def test_a_hit_names_the_passage_by_its_page_and_where_it_stands(site: BuiltSite) -> None:
    titles = {doc["location"]: doc["title"] for doc in docs(site)}
    assert titles["paper/dearth-of-activity/#fn:25"] == "p. 10, n. 25 · Explaining the dearth of activity › Regional consultative mechanisms"
    assert titles["paper/dearth-of-activity/#p40"] == "pp. 11–12, ¶ 40 · Explaining the dearth of activity › Relations with states"
    assert titles["paper/introduction/#p1"] == "p. 2, ¶ 1 · Introduction"
    assert titles["#sn1"] == "Series note, p. 1, ¶ 1"
    assert titles["organizations/icmc/"] == "International Catholic Migration Commission (ICMC) · profile"


def test_the_glossary_is_indexed_term_by_term(site: BuiltSite) -> None:
    entries = {doc["location"]: doc for doc in docs(site) if doc["location"].startswith("glossary/#")}
    assert entries["glossary/#term-PARinAC"]["title"] == "PARinAC · glossary"
    assert "Partnership in Action" in entries["glossary/#term-PARinAC"]["text"]
    rows = site.article("glossary/").select("tr[id]")
    assert sorted(entries) == sorted(f"glossary/#{row['id']}" for row in rows)
    # The page itself stands once, without the whole table as its text.
    (page,) = [doc for doc in docs(site) if doc["location"] == "glossary/"]
    assert page["text"] == ""


def test_every_notes_hit_names_the_section_and_subsection_where_it_is_called(site: BuiltSite) -> None:
    titles = {doc["location"]: doc["title"] for doc in docs(site)}
    labelled = 0
    for page in PAPER_PAGES:
        article = site.article(page)
        for marker in article.select("sup[id^='fnref']"):
            number = marker["id"].split(":")[1]
            # Where the marker stands, read from the built page: its section (h1) and the nearest
            # heading below it, if any.
            section = marker.find_previous("h1")
            nearest = marker.find_previous(["h1", "h2", "h3", "h4"])
            where = plain_text(section) + ("" if nearest is section else f" › {plain_text(nearest)}")
            assert titles[f"{page}#fn:{number}"].split(" · ", 1)[1] == where, number
            labelled += 1
    assert labelled == NOTE_COUNT


def test_a_line_break_parts_the_words_it_stands_between(site: BuiltSite) -> None:
    """The title page's imprint is two lines ("… Migration", "Geneva, 2004"): its words are found
    apart, as a reader sees them."""
    title_page = next(doc for doc in docs(site) if doc["location"].startswith("#"))
    assert "International Migration Geneva, 2004" in " ".join(title_page["text"].split())
