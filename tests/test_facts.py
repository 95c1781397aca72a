"""Facts a scholar can cite: every fact of every profile names its sources, the sources are primary,
the known errors stay fixed, every body the paper names has a profile, and each reference in a
facts box leads to the source that supports the fact."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from thouez_edition.data.actors import Actors, entry_facts, load_actors
from thouez_edition.data.source_audit import KINDS, ROWS, audit_sources, audit_table
from thouez_edition.data.sources import ARCHIVE_HOST, MIRROR_HOSTS, archived_on, host_of, source_kind
from thouez_edition.data.works import load_works
from thouez_edition.text.against_data import check_actors_against_paper
from thouez_edition.text.mentions import NameMatcher

from tests.conftest import ROOT
from tests.site_html import BuiltSite, plain_text
from tests.test_actors import FIXTURES, PAPER, data_dir, problems

SOURCE_NUMBER = re.compile(r"^#source-(\d+)$")


@pytest.fixture(scope="module")
def actors() -> Actors:
    return load_actors(ROOT / "data")


def data_entries() -> list[tuple[str, dict]]:
    entries = []
    for name in ("organizations.yml", "rcpms.yml"):
        entries += [(name, item) for item in yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))]
    return entries


def profile_path(actor) -> str:
    return f"{actor.section}/{actor.id}/"


# --- in the data ---------------------------------------------------------------------------


def test_every_fact_of_every_entry_names_a_source(actors: Actors) -> None:
    unsourced = []
    for _, item in data_entries():
        actor = actors.get(item["id"])
        for fact in entry_facts(item, actor.fact_labels):
            printed_2004 = fact == "website_2004"  # checked against the text, below
            if not actor.sources_of(fact) and not printed_2004:
                unsourced.append(f"{actor.id}.{fact}")
    assert unsourced == []


def all_source_urls(actors: Actors) -> list[str]:
    """Every address a source gives, in every data file: the profiles' sources and their archived
    copies, the works' addresses and their sources'."""
    urls = [url for actor in actors.all for source in actor.sources for url in (source.url, source.archived) if url]
    for work in yaml.safe_load((ROOT / "data" / "citations.yml").read_text(encoding="utf-8")):
        urls += [work["URL"]] if "URL" in work else []
        urls += [url for source in work["sources"] for url in (source.get("url"), source.get("archived")) if url]
    return urls


def test_no_source_is_on_a_mirror_host(actors: Actors) -> None:
    hosts = Counter(host_of(url) for url in all_source_urls(actors))
    print("Source hosts:", ", ".join(f"{host} ({count})" for host, count in sorted(hosts.items())))
    on_mirrors = sorted(host for host in hosts if host in MIRROR_HOSTS or any(host.endswith("." + m) for m in MIRROR_HOSTS))
    assert on_mirrors == []
    # The copies once in citations.yml are refused too.
    assert {"zbook.org", "studylib.net", "vdocuments.us", "vdocument.in", "123docz.net", "pdfslide.us",
            "un-documents.net", "earthsummit2002.org"} <= MIRROR_HOSTS
    # The mirrors found in the data before are all on the list, so they can never come back.
    assert {"piglix.com", "encyclopediahub.com", "bliptext.com", "de.zxc.wiki", "chinaurl.com",
            "slovar-vocab.com", "todayshistory.org", "skywalker.gr"} <= MIRROR_HOSTS


def test_every_archived_copy_gives_its_date(actors: Actors) -> None:
    for actor in actors.all:
        for source in actor.sources:
            if source.host == "web.archive.org":
                assert source.archived_on is not None, f"{actor.id}: {source.url}"


def test_every_web_source_of_a_profile_gives_the_day_it_was_consulted(actors: Actors) -> None:
    undated = [f"{actor.id}: {source.url}" for actor in actors.all for source in actor.sources
               if source.url and source.consulted is None]
    assert undated == []
    # Only web pages are consulted on a day; a passage of the paper or a document is not.
    assert all(source.consulted is None for actor in actors.all for source in actor.sources if not source.url)


def test_every_archived_copy_beside_a_source_is_a_dated_copy_of_its_address(actors: Actors) -> None:
    for url in all_source_urls(actors):
        if host_of(url) == ARCHIVE_HOST:
            assert archived_on(url) is not None, url
    for actor in actors.all:
        for source in actor.sources:
            if source.archived:
                assert source.archived_copy_on is not None and source.url and source.url.split("//")[-1] in source.archived


def test_every_identifier_is_sourced_to_its_record(actors: Actors) -> None:
    for actor in actors.all:
        if actor.wikidata:
            records = [s for s in actor.sources_of("wikidata") if s.url == f"https://www.wikidata.org/wiki/{actor.wikidata}"]
            assert records and all(s.consulted for s in records), actor.id


def test_the_weak_sources_are_gone(actors: Actors) -> None:
    """A student encyclopedia, Infoplease, Fact Monster, a national statistics office, another
    government's trade department and foreign ministry, and a 1999 mailing-list archive."""
    weak = {"kids.britannica.com", "infoplease.com", "factmonster.com", "stat.gov.pl", "tid.gov.hk",
            "mofa.gov.tw", "friends-partners.org", "slave2.omega.jstor.org"}
    hosts = {host_of(url) for url in all_source_urls(actors)}
    assert not {host for host in hosts if any(host == w or host.endswith("." + w) for w in weak)}


def test_the_audit_counts_every_source_once_by_kind(actors: Actors) -> None:
    works = load_works(ROOT / "data")
    audit = audit_sources(actors, works)
    profile_sources = sum(len(actor.sources) for actor in actors.all)
    work_sources = sum(len(item["sources"]) for item in works.document.data)
    assert len(audit.sources) == profile_sources + work_sources
    assert sum(audit.total(kind) for kind in ROWS) == len(audit.sources)
    table = audit_table(audit)
    for kind in ROWS:
        assert f"| {kind}: " in table
    # The kinds follow the host, and a body's own pages are primary on its own profile.
    assert source_kind("https://www.iom.int/berne-initiative", ("iom.int",)) == "primary"
    assert source_kind("https://www.iom.int/berne-initiative") == "igo"
    assert source_kind("https://web.archive.org/web/20200404165201/https://unitar.org/", ("unitar.org",)) == "archived"
    assert source_kind("https://www.treccani.it/enciclopedia/x/") == "reference"
    assert source_kind("https://statewatch.org/x") == "other"
    assert set(KINDS) == {"primary", "igo", "government", "reference", "archived", "other"}


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("unsourced_fact.yml", "data/organizations.yml:6: iom.founded: has no source; expected a source that lists “founded” under supports"),
        ("mirror_source.yml", "data/organizations.yml:12: iom.sources[0].url: is on piglix.com, which copies other sites; expected a primary source"),
        ("unknown_supported_fact.yml", "data/organizations.yml:20: berne-initiative.sources[0].supports[2]: “headquarters” is not a fact of this entry; expected one of"),
        ("undated_archive.yml", "data/organizations.yml:20: berne-initiative.sources[0].url: is an Internet Archive address without the date of its copy"),
        ("unknown_difference.yml", "data/organizations.yml:20: berne-initiative.paper_differs[0].facts[0]: “founded” is not a fact of this entry"),
    ],
)
def test_bad_sources_are_reported_with_file_line_entry_and_field(tmp_path: Path, fixture: str, expected: str) -> None:
    found = problems(tmp_path, fixture)
    assert any(problem.startswith(expected) for problem in found), found


def test_the_paper_is_checked_for_the_words_a_difference_quotes(tmp_path: Path) -> None:
    directory = data_dir(tmp_path)
    text = (FIXTURES / "organizations.yml").read_text(encoding="utf-8").replace(
        "  summary: A state-owned consultative process.\n",
        "  summary: A state-owned consultative process.\n"
        "  paper_differs:\n"
        "    - {facts: [kind], paper: the Berne Process, passage: p1, comment: Sources say otherwise.}\n"
        "    - {facts: [kind], paper: Berne Initiative, passage: p9, comment: Sources say otherwise.}\n",
    )
    (directory / "organizations.yml").write_text(text, encoding="utf-8")
    found = [str(problem) for problem in check_actors_against_paper(load_actors(directory), PAPER)]
    assert found == [
        "data/organizations.yml:20: berne-initiative.paper_differs[0].paper: “the Berne Process” is not in p1; "
        "expected the paper's words exactly as they stand there",
        "data/organizations.yml:21: berne-initiative.paper_differs[1].passage: “p9” is not a passage of the text; "
        "expected an anchor such as p12 or fn:32",
    ]


def test_every_2004_address_is_printed_in_the_paper_or_sourced(actors: Actors, site: BuiltSite) -> None:
    printed = {link["href"] for page in TEXT_PAGES for link in site.article(page).select("a[href^='http']")}
    for actor in actors.organizations:
        if actor.website_2004:
            assert actor.website_2004 in printed or actor.sources_of("website_2004"), actor.id


# --- the five errors of the issue, by value ------------------------------------------------


def test_the_gcim_was_set_up_by_governments_not_founded_by_the_un(actors: Actors) -> None:
    gcim = actors.get("gcim")
    assert ("founded-by", "united-nations") not in [(r.type, r.target) for r in gcim.relations]
    assert gcim.founded_by.startswith("The governments of Sweden and Switzerland, with Brazil, Morocco and the Philippines")
    assert actors.get("core-group-of-states").relations[0].target == "gcim"


def test_mpr_is_the_acronym_of_migration_policy_and_research(actors: Actors) -> None:
    mpr = actors.get("iom-mpr")
    assert (mpr.name, mpr.acronym) == ("Migration Policy and Research", "MPR")
    assert {"MPR", "MPRP"} <= set(mpr.aliases)


def test_the_high_level_working_group_is_a_body_of_the_council_of_the_eu(actors: Actors) -> None:
    name = "High Level Working Group on Asylum and Migration"
    assert name not in actors.get("european-council").aliases
    group = actors.get("high-level-working-group-asylum-migration")
    assert name in group.aliases
    assert group.founded == 1998
    assert group.founded_by.startswith("The Council of the European Union")
    assert [d.passage for d in group.differences] == ["fn:32"]


def test_the_working_groups_report_is_the_working_groups(actors: Actors) -> None:
    works = {work["id"]: work for work in yaml.safe_load((ROOT / "data" / "citations.yml").read_text(encoding="utf-8"))}
    assert works["hlwg-1999-final-report"]["actors"] == ["high-level-working-group-asylum-migration"]


def test_mprp_is_not_expanded_without_a_source() -> None:
    text = (ROOT / "data" / "citations.yml").read_text(encoding="utf-8")
    assert "Migration Policy, Research and Programmes" not in text
    works = {work["id"]: work for work in yaml.safe_load(text)}
    assert works["iom-2002-legal-norms"]["author"] == [{"literal": "International Organization for Migration (IOM), MPRP"}]


# --- facts current as of the edition's date, and consistent across profiles -----------------


def texts(actor) -> str:
    parts = [actor.summary, actor.since_2004 or ""]
    if hasattr(actor, "ngo_known"):
        parts.append(actor.ngo_known)
    return " ".join(" ".join(parts).split())


def test_no_fact_about_the_present_goes_undated(actors: Actors) -> None:
    undated = []
    for actor in actors.all:
        for sentence in re.split(r"(?<=[.;])\s", texts(actor)):
            if re.search(r"\b(now|currently|current|today|still exists)\b", sentence) and "as of" not in sentence:
                undated.append(f"{actor.id}: {sentence}")
    assert undated == []


def test_the_high_level_working_group_is_succeeded_with_its_date(actors: Actors) -> None:
    group = actors.get("high-level-working-group-asylum-migration")
    assert "still exists" not in group.since_2004
    assert "Working Party on External Aspects of Asylum and Migration" in group.since_2004
    assert "2021" in group.since_2004 and "as of 2026" in group.since_2004


def test_imp_is_not_said_to_be_run_by_unitar(actors: Actors) -> None:
    imp = actors.get("imp")
    assert "run by UNITAR" not in imp.summary
    assert [r.fact for r in imp.relations if r.target == "unitar"] == ["partner-of:unitar"]
    assert actors.get("imp").sources_of("partner-of:unitar")[0].url.startswith("http://www.ilo.org/")


def test_unitar_gives_both_its_years(actors: Actors) -> None:
    unitar = actors.get("unitar")
    assert unitar.founded == 1963
    assert "1963" in unitar.summary and "1965" in unitar.summary


def test_midwa_lists_only_the_states_still_in_ecowas(actors: Actors) -> None:
    midwa = actors.get("midwa")
    assert not {"Burkina Faso", "Mali", "Niger"} & set(midwa.members)
    assert len(midwa.members) == 12 and midwa.members_as_of >= 2025
    assert "29 January 2025" in midwa.since_2004


def test_the_migrant_workers_convention_count_is_dated(actors: Actors) -> None:
    campaign = actors.get("global-campaign-migrant-workers-convention")
    assert "60" in campaign.since_2004 and "21 February 2025" in campaign.since_2004
    assert any(s.url and "ungeneva.org" in s.url and s.consulted for s in campaign.sources_of("since_2004"))


def test_the_igc_counts_are_dated(actors: Actors) -> None:
    igc = actors.get("igc")
    assert igc.members_as_of == 2021 and len(igc.members) == 17
    assert "19 participating states" in igc.since_2004 and "2023–2024" in igc.since_2004


def test_the_manila_process_begins_in_1996_everywhere(actors: Actors) -> None:
    assert actors.get("manila-process").established == 1996
    assert actors.get("manila-process").sources_of("established")[0].document.startswith("IOM Council document MC/INF/266")
    for actor in actors.all:
        text = texts(actor)
        assert "settles the year it began" not in text, actor.id
        for match in re.finditer(r"Manila Process[^.]*", text):
            years = re.findall(r"\b(19\d\d)\b", match.group(0))
            assert all(year in ("1996", "1999") for year in years), (actor.id, match.group(0))


def test_the_core_group_has_one_size(actors: Actors) -> None:
    counts = {int(n) for actor in actors.all for n in re.findall(r"Core Group of (\d+)", texts(actor))}
    assert counts == {34}


# --- every body the paper names ------------------------------------------------------------

# Each body the paper names, as printed, with a passage that names it and the entry it is. The
# issue's examples and the rest found by reading the series note, the text and all 58 notes.
NAMED_BODIES = [
    ("Global Commission on International Migration", "sn2", "gcim"),
    ("Core Group of Governments", "sn2", "core-group-of-states"),
    ("UN Secretary-General", "sn1", "united-nations"),
    ("International Catholic Migration Commission", "p7", "icmc"),
    ("Catholic Church", "p7", "catholic-church"),
    ("Amnesty International", "p8", "amnesty-international"),
    ("Forced Migration Project", "p8", "amnesty-forced-migration-project"),
    ("Human Rights Watch", "p8", "human-rights-watch"),
    ("Migrants Rights International", "p8", "migrants-rights-international"),
    ("Migrants’ Rights International", "p23", "migrants-rights-international"),
    ("Global Consultations on International Protection", "p9", "unhcr-global-consultations"),
    ("World Council of Churches", "p9", "world-council-of-churches"),
    ("International Council of Voluntary Agencies", "p10", "icva"),
    ("UN Inter-Agency Standing Committee", "p10", "iasc"),
    ("Partnership in Action", "p10", "parinac"),
    ("Project on the Future of Asylum and Migration", "p10", "future-of-asylum-and-migration"),
    ("Society for International Development", "p10", "society-for-international-development"),
    ("SID Process", "p11", "future-of-asylum-and-migration"),
    ("European Council on Refugees and Exiles", "fn:5", "ecre"),
    ("Migration Policy Group", "fn:5", "migration-policy-group"),
    ("European Commission", "fn:5", "european-commission"),
    ("International Conference on Population and Development", "p14", "icpd"),
    ("Fifth WTO Ministerial Conference", "fn:10", "wto-cancun"),
    ("UNHCR Standing Committee", "fn:11", "unhcr-standing-committee"),
    ("International Organization for Migration", "fn:14", "iom"),
    ("Berne Initiative Process", "p21", "berne-initiative"),
    ("Migration Policy and Research", "fn:17", "iom-mpr"),
    ("Migration Policy Dialogue", "fn:17", "iom-international-dialogue-on-migration"),
    ("UNHCR Global Consultations", "fn:17", "unhcr-global-consultations"),
    ("Inter-governmental Consultations on Asylum, Refugees and Migration Policies in Europe, North America and Australia", "fn:22", "igc"),
    ("Puebla Process", "p30", "puebla-process"),
    ("Manila Process", "p30", "manila-process"),
    ("MIDSA", "p30", "midsa"),
    ("MIDWA", "p30", "midwa"),
    ("Regional Conference on Migration", "fn:23", "puebla-process"),
    ("Lima Declaration", "fn:23", "south-american-conference"),
    ("South American Meeting on Migration, Integration and Development", "fn:23", "south-american-conference"),
    ("IOM Regional Seminar on Irregular Migration and Migrant Trafficking in East and South-East Asia", "fn:23", "manila-process"),
    ("Inter-Governmental Asia-Pacific Consultations on Refugees and Displaced Persons", "fn:23", "apc"),
    ("Bangkok Declaration on Irregular Migration", "fn:23", "bangkok-declaration"),
    ("Migration Dialogue for Southern Africa", "fn:23", "midsa"),
    ("CIS Conference and Follow-Up Process for Countries of the Commonwealth of Independent States and Relevant neighbouring Countries", "fn:23", "cis-conference"),
    ("Conference of Uncontrolled Migration Across the Baltic Sea", "fn:23", "baltic-sea-conference"),
    ("Institute d’études politiques, Bordeaux", "fn:24", "institut-etudes-politiques-bordeaux"),
    ("Commission on Human Security", "fn:25", "commission-on-human-security"),
    ("Transparency International", "p32", "transparency-international"),
    ("World Bank", "p38", "world-bank"),
    ("WTO Ministerial Conference", "p39", "wto-cancun"),
    ("IOM Governing Council", "p41", "iom-council"),
    ("Partnership in Action", "p42", "parinac"),
    ("High Level Working Group on Asylum and Migration", "fn:32", "high-level-working-group-asylum-migration"),
    ("European Council", "fn:32", "european-council"),
    ("ICRC", "fn:32", "icrc"),
    ("UNHCR ExCom", "fn:32", "unhcr-excom"),
    ("Duke University", "fn:33", "duke-university"),
    ("UNDP", "p47", "undp"),
    ("Civil Society Division", "fn:37", "undp-civil-society-division"),
    ("NGO and Civil Society Unit", "fn:37", "world-bank-ngo-and-civil-society-unit"),
    ("immigration branch of the Government of Canada", "p48", "citizenship-and-immigration-canada"),
    ("Citizenship and Immigration Canada", "p48", "citizenship-and-immigration-canada"),
    ("International Metropolis Project", "p48", "international-metropolis-project"),
    ("UN General Assembly", "fn:40", "un-general-assembly"),
    ("Rio Summit", "p50", "rio-summit"),
    ("United Nations International Conference on Population and Development", "fn:27", "icpd"),
    ("International Dialogue on Migration", "fn:46", "iom-international-dialogue-on-migration"),
    ("International Labour Organisation", "fn:48", "ilo"),
    ("IMP", "fn:49", "imp"),
    ("“Issyk-Kul” Group", "fn:49", "issyk-kul-group"),
    ("Chemical Waste Management Programme", "fn:53", "unitar-chemicals-and-waste-management-programme"),
    ("UNITAR", "fn:53", "unitar"),
    ("UN Commission on Human Security", "fn:55", "commission-on-human-security"),
    ("UN Statistics Division", "p63", "un-statistics-division"),
    ("Steering Committee of the Global Campaign for the 1990 International Convention on the Protection of the Rights of All Migrant Workers and Members of their Families", "p69", "global-campaign-migrant-workers-convention"),
]
TEXT_PAGES = ["", "paper/introduction/", "paper/current-context/", "paper/dearth-of-activity/",
              "paper/potential-contribution/", "paper/conclusion/"]


def passage_element(site: BuiltSite, anchor: str):
    for page in TEXT_PAGES:
        element = site.article(page).find(id=anchor)
        if element is not None:
            return page, element
    raise AssertionError(f"no passage {anchor}")


@pytest.mark.parametrize(("name", "anchor", "actor_id"), NAMED_BODIES)
def test_every_body_the_paper_names_has_a_profile_and_its_name_links_there(
    site: BuiltSite, actors: Actors, name: str, anchor: str, actor_id: str
) -> None:
    actor = actors.get(actor_id)
    assert name in actor.aliases
    assert plain_text(site.article(profile_path(actor)).find("h1")).startswith(actor.name)
    _, element = passage_element(site, anchor)
    assert name in " ".join(element.get_text().split()), f"“{name}” is not printed in {anchor}"
    targets = {link["href"].rstrip("/").split("/")[-1] for link in element.select("a.mention")}
    assert actor_id in targets, f"{anchor}: no link to {actor_id}"


def test_every_alias_is_printed_exactly_so_in_the_text(site: BuiltSite, actors: Actors) -> None:
    text = " ".join(" ".join(site.article(page).get_text().split()) for page in TEXT_PAGES)
    missing = [(actor.id, alias) for actor in actors.all for alias in actor.aliases if alias not in text]
    assert missing == []


def test_a_bare_commission_links_only_the_gcim_and_only_in_the_series_note(site: BuiltSite) -> None:
    for page in TEXT_PAGES:
        for link in site.article(page).select("a.mention"):
            if link.get_text() == "Commission":
                assert link["href"].rstrip("/").endswith("gcim")
                assert link.find_parent(["p", "li"])["id"] in {"sn2", "sn4", "sn5"}
    matcher = NameMatcher([("Commission", "gcim"), ("European Commission", "european-commission")], {"Commission": frozenset({"sn2"})})
    assert matcher.actors_in("the work of the Commission", "sn2") == ["gcim"]
    assert matcher.actors_in("the Commission decided; the European Commission", "p40") == ["european-commission"]


def test_no_name_belongs_to_two_bodies(actors: Actors) -> None:
    owners = Counter(alias for actor in actors.all for alias in actor.aliases)
    assert [alias for alias, count in owners.items() if count > 1] == []


# --- on the profiles -----------------------------------------------------------------------


def test_each_fact_in_a_facts_box_shows_a_reference_that_resolves_to_its_source(site: BuiltSite, actors: Actors) -> None:
    for actor in actors.all:
        page = profile_path(actor)
        article = site.article(page)
        sources = {item["id"]: item for item in article.select("ol.sources > li[id]")}
        # The paper itself is source 1; other entries' sources of the relations they state towards
        # this one follow the entry's own.
        own = [item for item in sources.values() if "borrowed" not in (item.get("class") or [])]
        assert len(own) == len(actor.sources) + 1, page
        for term in article.select("dl.facts > dt"):
            if term.get("id") in ("fact-wikidata", "fact-ror"):
                continue  # an identifier links to its own record
            value = term.find_next_sibling("dd")
            links = value.select("sup.fact-references a")
            assert links, f"{page}: “{plain_text(term)}” has no reference"
            for link in links:
                number = SOURCE_NUMBER.match(link["href"])
                assert number, f"{page}: {link['href']}"
                source = sources.get(f"source-{number[1]}")
                assert source is not None, f"{page}: {link['href']} leads nowhere"
                assert source.get("value") == number[1] and link.get_text() == f"[{number[1]}]"
                supports = plain_text(source).rsplit("Supports:", 1)[-1]
                assert plain_text(term) in supports, f"{page}: source {number[1]} does not list “{plain_text(term)}”"


def test_each_source_lists_the_facts_it_supports(site: BuiltSite, actors: Actors) -> None:
    for actor in actors.all:
        for item in site.article(profile_path(actor)).select("ol.sources > li"):
            supports = plain_text(item).rsplit("Supports:", 1)
            assert len(supports) == 2 and supports[1].strip(" ."), f"{actor.id}: {plain_text(item)}"


def test_a_source_that_is_a_passage_links_to_it(site: BuiltSite) -> None:
    article = site.article("organizations/high-level-working-group-asylum-migration/")
    link = next(a for a in article.select("ol.sources a") if a.get_text() == "n. 32")
    assert link["href"] == "../../paper/dearth-of-activity/#fn:32"


def test_where_the_paper_differs_the_profile_shows_both_labelled(site: BuiltSite, actors: Actors) -> None:
    differing = [actor for actor in actors.all if actor.differences]
    assert {"high-level-working-group-asylum-migration", "future-of-asylum-and-migration", "gcim"} <= {a.id for a in differing}
    for actor in differing:
        article = site.article(profile_path(actor))
        section = article.find(id="the-paper-and-the-sources")
        assert section is not None, actor.id
        listed = plain_text(section.find_next("ul"))
        for difference in actor.differences:
            assert f"The paper: “{' '.join(difference.paper.split())}”" in listed
    group = site.article("organizations/high-level-working-group-asylum-migration/")
    founded = group.find(id="fact-founded").find_next_siblings("dd")
    assert plain_text(founded[0]).startswith("The sources: 1998")
    assert plain_text(founded[1]).startswith("The paper: “created by the European Council in 1999”")


def test_the_editorial_page_lists_every_difference(site: BuiltSite, actors: Actors) -> None:
    article = site.article("editorial/")
    section = article.find(id="where-the-paper-and-the-sources-differ").find_next("ul")
    items = section.find_all("li", recursive=False)
    expected = [(actor, d) for actor in actors.all for d in actor.differences]
    assert len(items) == len(expected)
    for item, (actor, difference) in zip(items, expected, strict=True):
        assert item.a["href"].rstrip("/").endswith(actor.id)
        assert f"“{' '.join(difference.paper.split())}”" in plain_text(item)


def test_identifiers_are_shown_and_given_as_same_as(site: BuiltSite, actors: Actors) -> None:
    with_ids = [actor for actor in actors.all if actor.wikidata]
    assert {"united-nations", "iom", "ilo", "world-bank"} <= {actor.id for actor in with_ids}
    for actor in actors.all:
        soup = site.soup(profile_path(actor))
        data = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
        assert len(data) == 1 and data[0]["name"] == actor.name, actor.id
        same_as = data[0].get("sameAs", [])
        if actor.wikidata:
            url = f"https://www.wikidata.org/wiki/{actor.wikidata}"
            assert same_as == [url] + ([f"https://ror.org/{actor.ror}"] if getattr(actor, "ror", None) else [])
            assert soup.select_one("dl.facts #fact-wikidata").find_next_sibling("dd").a["href"] == url
        else:
            assert same_as == []
