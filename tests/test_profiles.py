"""Profiles, directories and glossary in the built site, and the mentions that link the text to them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from thouez_edition.data.actors import Actors, load_actors
from thouez_edition.data.glossary import load_glossary

from tests.conftest import ROOT
from tests.site_html import PAPER_PAGES, BuiltSite, plain_text, reader_text, resolve

# Tokens written in capitals ("IOM", "PARinAC", "NGOs"), but not roman numerals such as "X".
ACRONYM_TOKEN = re.compile(r"(?<![\w/])(?!(?:[IVX]+)\b)[A-Z][A-Za-z]*[A-Z]s?(?![\w/])")


@pytest.fixture(scope="module")
def actors() -> Actors:
    return load_actors(ROOT / "data")


def profile_path(actor) -> str:
    return f"{actor.section}/{actor.id}/"


def test_every_entry_has_a_profile_page(site: BuiltSite, actors: Actors) -> None:
    for actor in actors.all:
        heading = site.article(profile_path(actor)).find("h1")
        assert plain_text(heading).startswith(actor.name)


def test_every_in_the_paper_link_lands_on_a_passage_that_names_the_entry(site: BuiltSite, actors: Actors) -> None:
    """A passage names the entry, or the part it is listed through, or prints the entry's address."""
    targets: dict[Path, BeautifulSoup] = {}  # the few pages all links lead to, each parsed once
    for actor in actors.all:
        page = profile_path(actor)
        for item in site.article(page).select("ul.in-the-paper > li"):
            link = item.select_one("a.passage-link")
            file, anchor = resolve(site, page, link["href"])
            if file not in targets:
                targets[file] = site.soup(str(file.relative_to(site.dir)))
            target = targets[file].find(id=anchor)
            assert target is not None, f"{page}: {link['href']}"
            assert target.name in ("p", "li") and re.match(r"^(p\d+|sn\d+|fn:\d+)$", anchor)
            text = " ".join(target.get_text(" ").split())
            if item["data-how"] == "part":
                part = actors.get(resolve(site, page, item.select_one("a.through")["href"])[0].parent.name)
                assert actor.id != part.id and any(alias in text for alias in part.aliases), f"{page}: {anchor}"
            elif item["data-how"] == "address":
                assert actor.website_2004.split("://")[-1] in text, f"{page}: {anchor}"
            else:
                assert any(alias in text for alias in actor.aliases), f"{page}: {anchor} does not name it"


def mention_targets(site: BuiltSite) -> dict[str, int]:
    """How many mention links in the paper lead to each profile page."""
    counts: dict[str, int] = {}
    for page in ["", *PAPER_PAGES]:
        for link in site.article(page).select("a.mention"):
            file, _ = resolve(site, page, link["href"])
            key = str(file.parent.relative_to(site.dir)) + "/"
            counts[key] = counts.get(key, 0) + 1
    return counts


def test_every_entry_the_text_names_links_to_its_profile_somewhere(site: BuiltSite, actors: Actors) -> None:
    linked = mention_targets(site)
    for actor in actors.all:
        mentioned = site.article(profile_path(actor)).select("a.passage-link")
        if mentioned:
            assert linked.get(profile_path(actor), 0) >= 1, f"{actor.id} is named but never linked"
    assert set(linked) <= {profile_path(actor) for actor in actors.all}


def test_every_entry_is_named_in_the_paper(site: BuiltSite, actors: Actors) -> None:
    unnamed = [a.id for a in actors.all if not site.article(profile_path(a)).select("a.passage-link")]
    assert unnamed == []


def test_mentions_are_linked_once_per_paragraph_or_note(site: BuiltSite) -> None:
    for page in PAPER_PAGES:
        article = site.article(page)
        for passage in article.select("p[id], div.footnote li"):
            hrefs = [a["href"] for a in passage.select("a.mention")]
            assert len(hrefs) == len(set(hrefs)), f"{page}#{passage.get('id')}"


def test_mention_links_show_a_preview_of_the_profile(site: BuiltSite) -> None:
    links = site.article("paper/current-context/").select("a.mention")
    # Marked for the edition's previews (tooltips.js), not for the theme's.
    assert links and all(link.has_attr("data-lazy-preview") and not link.has_attr("data-preview") for link in links)


def test_organisations_directory_groups_by_the_papers_categories_then_kind(site: BuiltSite, actors: Actors) -> None:
    article = site.article("organizations/")
    headings = [plain_text(h) for h in article.find_all("h3")]
    assert headings[:4] == [
        "Category 1: operational INGOs with an advocacy branch",
        "Category 2: advocacy INGOs widening their scope to migration",
        "Category 3: civil-society networks",
        "Regional NGOs (set aside in note 5)",
    ]
    listed = [a["href"].removesuffix("/").split("/")[-1] for a in article.select("li > a:first-child")]
    assert sorted(listed) == sorted(o.id for o in actors.organizations)
    category_one = article.find(id=re.compile("^category-1")).find_next("ul")
    assert "icmc" in category_one.a["href"]


def test_rcpm_directory_is_a_table_with_one_row_per_process(site: BuiltSite, actors: Actors) -> None:
    table = site.article("rcpms/").select_one(".sortable-table table")
    headers = [plain_text(th) for th in table.select("thead th")]
    assert headers == ["Process", "Established", "Region", "Members", "NGO participation"]
    assert plain_text(table.caption) == "The regional consultative processes the paper names"
    rows = table.select("tbody tr")
    # The name of each cell's column, which a narrow screen shows beside it (the name leads the row).
    assert all([td.get("data-label") for td in row.select("td")] == [None, *headers[1:]] for row in rows)
    assert len(rows) == len(actors.processes)
    for row, process in zip(rows, actors.processes, strict=True):
        assert process.id in row.a["href"]
        assert row.select("td")[1].get_text(strip=True) == str(process.established or "")


def test_the_glossary_has_every_acronym_of_the_paper(site: BuiltSite) -> None:
    glossary = {plain_text(row.td) for row in site.article("glossary/").select("tbody tr")}
    text = reader_text(site.soup("").select_one(".series-note"))
    for page in PAPER_PAGES:
        text += " " + reader_text(site.article(page))
    used = set(ACRONYM_TOKEN.findall(text))
    assert used - glossary == set()
    assert glossary - used == set(), "the glossary lists an acronym the paper does not use"


def test_acronyms_have_abbreviation_tooltips_on_every_page(site: BuiltSite) -> None:
    terms = {term.term: term.expansion for term in load_glossary(ROOT / "data", load_actors(ROOT / "data"))}
    for page in ["", *PAPER_PAGES, "glossary/", "organizations/icmc/"]:
        abbreviations = site.article(page).find_all("abbr")
        assert abbreviations, page
        for abbr in abbreviations:
            assert abbr["title"] == terms[abbr.get_text()]


def test_building_twice_in_one_process_gives_the_same_site(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    outputs = []
    for run in ("first", "second"):
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / run), strict=True)
        build(config)
        outputs.append(
            {
                str(path.relative_to(tmp_path / run)): path.read_bytes()
                for path in sorted((tmp_path / run).rglob("*"))
                if path.is_file() and path.suffix != ".gz"
            }
        )
    assert outputs[0].keys() == outputs[1].keys()
    changed = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert changed == []


# --- every passage, counted against the text ----------------------------------------------------
#
# The names are typed here from the text, not taken from the data: a body's own names, those of its
# parts and of the meetings it convened, and its 2004 address as the paper prints it.
NAMED_IN_THE_TEXT = {
    "society-for-international-development": ["Society for International Development", "SID"],
    "unhcr": ["UNHCR", "www.unhcr.ch", "Global Consultations", "Partnership in Action", "PARinAC"],
    "wto": ["WTO"],
    "iom": ["IOM", "International Organization for Migration", "International Dialogue on Migration",
            "Migration Policy and Research", "Manila Process"],
    "icmc": ["ICMC", "International Catholic Migration Commission", "www.icmc.net"],
}
# What the audit of the profiles found missing, each by its anchor.
ONCE_MISSING = {
    "society-for-international-development": {"p11", "p34", "fn:13"},
    "unhcr": {"fn:11", "fn:17", "fn:31"},
    "wto": {"fn:10", "p39", "p40", "fn:29"},
    "iom": {"fn:23"},
    "icmc": {"fn:7"},
}


def text_passages(site: BuiltSite) -> list[tuple[str, str]]:
    """Every paragraph and note of the text as `(anchor, words)`, in reading order: a note right
    after the paragraph whose marker calls it, in the order of the markers."""
    passages: list[tuple[str, str]] = []
    for page in ["", *PAPER_PAGES]:
        article = site.article(page)
        notes = {item["id"]: reader_text(item) for item in article.select("div.footnote li[id^='fn:']")}
        for paragraph in article.select("p[id]"):
            if not re.match(r"^(p|sn)\d+$", paragraph["id"]) or paragraph.find_parent(class_="footnote"):
                continue
            passages.append((paragraph["id"], reader_text(paragraph)))
            for marker in paragraph.select("sup[id^='fnref']"):
                anchor = "fn:" + marker["id"].removeprefix("fnref:")
                passages.append((anchor, notes.pop(anchor)))
        assert notes == {}, f"{page}: notes no paragraph calls"
    return passages


def listed(site: BuiltSite, actor_id: str, actors: Actors) -> list[str]:
    """The anchors a profile lists under In the paper, in its order."""
    page = profile_path(actors.get(actor_id))
    return [resolve(site, page, a["href"])[1] for a in site.article(page).select("ul.in-the-paper a.passage-link")]


@pytest.mark.parametrize("actor_id", list(NAMED_IN_THE_TEXT))
def test_a_profile_lists_every_passage_that_names_the_body_its_parts_or_its_address(
    site: BuiltSite, actors: Actors, actor_id: str
) -> None:
    names = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") for name in NAMED_IN_THE_TEXT[actor_id]]
    in_the_text = [anchor for anchor, words in text_passages(site) if any(name.search(words) for name in names)]
    assert listed(site, actor_id, actors) == in_the_text
    assert ONCE_MISSING[actor_id] <= set(in_the_text)


def test_the_wto_is_named_in_four_passages(site: BuiltSite, actors: Actors) -> None:
    assert len(listed(site, "wto", actors)) == 4


def test_in_the_paper_runs_in_reading_order_with_each_note_where_its_marker_stands(site: BuiltSite, actors: Actors) -> None:
    order = {anchor: index for index, (anchor, _) in enumerate(text_passages(site))}
    for actor in actors.all:
        anchors = listed(site, actor.id, actors)
        assert [order[a] for a in anchors] == sorted(order[a] for a in anchors), actor.id
    iom = listed(site, "iom", actors)
    assert iom.index("fn:14") < iom.index("p41")  # p. 6 before p. 12


def test_a_passage_listed_through_a_part_or_an_address_says_so(site: BuiltSite) -> None:
    items = {item["data-passage"]: item for item in
             site.article("organizations/society-for-international-development/").select("ul.in-the-paper > li")}
    for anchor in ("p11", "p34", "fn:13"):
        assert plain_text(items[anchor]).endswith("(through the SID Process)")
        assert items[anchor].select_one("a.through")["href"] == "../future-of-asylum-and-migration/"
        assert items[anchor].strong.get_text() == "SID Process"
    assert "(through" not in plain_text(items["p10"])
    unhcr = {item["data-passage"]: item for item in site.article("organizations/unhcr/").select("ul.in-the-paper > li")}
    assert plain_text(unhcr["fn:31"]).endswith("(its web address)")
    assert unhcr["fn:31"].strong.get_text() == "http://www.unhcr.ch"
    assert plain_text(unhcr["fn:17"]).endswith("(through the UNHCR Global Consultations)")



def test_a_name_that_stands_without_meaning_the_body_is_shown_with_the_reason(site: BuiltSite, actors: Actors) -> None:
    article = site.article("organizations/united-nations/")
    declared = {item["data-passage"]: plain_text(item) for item in article.select("ul.not-mentions > li")}
    assert set(declared) == {"p10", "fn:10", "fn:55"}
    assert declared["p10"].startswith("p. 4, ¶ 10, “UN”: Part of the name the paper gives the Inter-Agency Standing Committee")
    assert "p10" not in listed(site, "united-nations", actors) or "(through" in plain_text(
        article.select_one("ul.in-the-paper > li[data-passage='p10']"))


# --- relations both ways ----------------------------------------------------------------------------


def relation_items(site: BuiltSite, actor) -> dict[str, list[str]]:
    """Each relation the profile shows, as “label title” → the facts its sources say they support."""
    article = site.article(profile_path(actor))
    sources = {item["id"]: plain_text(item).rsplit("Supports:", 1)[-1] for item in article.select("ol.sources > li[id]")}
    shown: dict[str, list[str]] = {}
    for item in article.select("ul.relations > li"):
        links = item.select("sup.fact-references a")
        for reference in links:
            reference.extract()
        shown[plain_text(item)] = [sources[link["href"].removeprefix("#")].strip(" .") for link in links]
    return shown


def test_every_relation_is_shown_on_both_profiles_each_time_with_its_sources(site: BuiltSite, actors: Actors) -> None:
    for actor in actors.all:
        for relation in actor.relations:
            target = actors.get(relation.target)
            forward = relation_items(site, actor)[f"{relation.label} {target.title}"]
            backward = relation_items(site, target)
            inverse = f"{relation.inverse_label} {actor.title}"
            if relation.type in ("co-author-with", "partner-of") and inverse not in backward:
                inverse = f"{relation.label} {actor.title}"  # stated by both: shown once, with its own sources
            assert forward and all(f"{relation.label} {target.title}" in facts for facts in forward), (actor.id, relation)
            assert backward.get(inverse), (target.id, inverse)


def test_the_un_shows_its_parts_and_the_wto_its_ministerial(site: BuiltSite, actors: Actors) -> None:
    un = relation_items(site, actors.get("united-nations"))
    for part in ("unhcr", "undp", "un-general-assembly"):
        assert f"Has part {actors.get(part).title}" in un
    wto = relation_items(site, actors.get("wto"))
    # One source since the Hong Kong trade department's page went: the WTO's own summary.
    assert wto["Convener of Fifth WTO Ministerial Conference"] == ["Convener of Fifth WTO Ministerial Conference"]
    iom = relation_items(site, actors.get("iom"))
    assert "Runs the secretariat of Puebla Process (RCM)" in iom and "Convener of Manila Process" in iom
    assert "Part of International Organization for Migration (IOM)" in relation_items(site, actors.get("iom-council"))


def test_a_borrowed_source_says_whose_it_is(site: BuiltSite) -> None:
    article = site.article("organizations/united-nations/")
    borrowed = article.select("ol.sources > li.borrowed")
    assert borrowed
    for item in borrowed:
        assert "(a source of the profile of " in plain_text(item)


# --- cite a profile ---------------------------------------------------------------------------------


def test_every_profile_offers_its_own_citation(site: BuiltSite, actors: Actors) -> None:
    edition = plain_text(site.article("").select_one("#cite-edition-chicago"))
    for actor in actors.all:
        soup = site.soup(profile_path(actor))
        article = soup.select_one("article")
        button = article.select_one("p#cite-this-profile > button.cite-button")
        assert button["data-passage"] == "cite-this-profile"
        data = json.loads(article.select_one("#passage-citations")["data-citations"])
        citation = data["passages"]["cite-this-profile"]
        assert citation["url"] == soup.select_one("link[rel=canonical]")["href"] == f"{site.url}{profile_path(actor)}"
        assert citation["place"] == actor.title
        assert citation["chicago"].endswith(f", s.v. “{actor.title}”)")
        assert citation["apa"].endswith(f", s.v. “{actor.title}”)")
        assert data["reference"]["chicago"] == edition
        assert citation["link_label"] == "Link to this profile"
    version = re.search(r"Version (\S+)\. ", edition)
    assert version and version[1] == re.search(r'^version = "(.+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)[1]


# --- the glossary -----------------------------------------------------------------------------------


def test_each_acronym_is_expanded_by_a_name_not_by_itself(site: BuiltSite) -> None:
    rows = {plain_text(row.td): plain_text(row.select("td")[1]) for row in site.article("glossary/").select("tbody tr")}
    assert rows["MIDWA"].startswith("Migration Dialogue for West Africa")
    assert [term for term, expansion in rows.items() if expansion.split(" (")[0] == term] == []
    abbr = site.article("paper/dearth-of-activity/").find("abbr", string="MIDWA")
    assert abbr["title"] == "Migration Dialogue for West Africa"
