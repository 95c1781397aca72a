"""Profiles, directories and glossary in the built site, and the mentions that link the text to them."""

from __future__ import annotations

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
    targets: dict[Path, BeautifulSoup] = {}  # the few pages all links lead to, each parsed once
    for actor in actors.all:
        page = profile_path(actor)
        for link in site.article(page).select("a.passage-link"):
            file, anchor = resolve(site, page, link["href"])
            if file not in targets:
                targets[file] = site.soup(str(file.relative_to(site.dir)))
            target = targets[file].find(id=anchor)
            assert target is not None, f"{page}: {link['href']}"
            assert target.name in ("p", "li") and re.match(r"^(p\d+|sn\d+|fn:\d+)$", anchor)
            text = " ".join(target.get_text(" ").split())
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
    rows = table.select("tbody tr")
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


# --- the glossary -----------------------------------------------------------------------------------


def test_each_acronym_is_expanded_by_a_name_not_by_itself(site: BuiltSite) -> None:
    rows = {plain_text(row.td): plain_text(row.select("td")[1]) for row in site.article("glossary/").select("tbody tr")}
    assert rows["MIDWA"].startswith("Migration Dialogue for West Africa")
    assert [term for term, expansion in rows.items() if expansion.split(" (")[0] == term] == []
    abbr = site.article("paper/dearth-of-activity/").find("abbr", string="MIDWA")
    assert abbr["title"] == "Migration Dialogue for West Africa"
