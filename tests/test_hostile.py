"""The site built from hostile data (tests/hostile.py): every text field of every data file holds
script tags, "</title>", a Markdown image with `onerror`, braces, pipes, quotes, backslashes and
"]]>". No script from the data runs and no request leaves, on every kind of page, in Chromium;
and every string reads back exactly in the HTML, the `<title>`, the JSON-LD, the meta tags, the
search index and each export (read by independent readers: json, rispy, pybtex, citation-js)."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html
import pytest
import rispy
from playwright.sync_api import Page, Route, expect
from pybtex.database import parse_string
from thouez_edition.data.actors import Actors, load_actors
from thouez_edition.data.paper_metadata import load_paper_record
from thouez_edition.data.works import Works, load_works

from tests.citation_js_reader import read_with_citation_js
from tests.hostile import Planted, by_file, hostile_project
from tests.site_host import BuildFailed, served
from tests.site_html import BuiltSite

SITE_NAME = "The Role of Civil Society in the Migration Policy Debate"
PAGES_OF_EVERY_KIND = [
    "",
    "paper/introduction/",
    "paper/current-context/",
    "paper/notes/",
    "editorial/",
    "organizations/",
    "organizations/icmc/",
    "rcpms/",
    "rcpms/puebla-process/",
    "glossary/",
    "bibliography/",
    "print/",
    "404.html",
]



class Hostile:
    """The hostile edition, built once for the module and served on 127.0.0.1."""

    def __init__(self, root: Path, site: BuiltSite, planted: list[Planted]) -> None:
        self.root, self.site, self.planted = root, site, planted
        data = root / "data"
        self.actors: Actors = load_actors(data)
        self.works: Works = load_works(data)
        self.paper = load_paper_record(data)
        self._texts: dict[str, str] = {}

    def text_of(self, page: str) -> str:
        """The words of a page's article, as a reader sees them (white space collapsed); each page
        is read once, however many planted strings are looked for in it."""
        if page not in self._texts:
            article = self.site.soup(page).select_one("article.md-content__inner")
            for permalink in article.select("a.headerlink"):
                permalink.decompose()
            self._texts[page] = " ".join(article.get_text().split())
        return self._texts[page]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    root = tmp_path_factory.mktemp("hostile")
    planted = hostile_project(root)
    site_dir = root / "site"
    site_dir.mkdir()
    try:
        with served(site_dir, config_dir=root) as (url, log):
            yield Hostile(root, BuiltSite(site_dir, url, log), planted)
    except BuildFailed as error:
        pytest.fail(f"the hostile site does not build: {error}")


def words(value: str) -> str:
    return " ".join(value.split())


one_line = words


def test_the_hostile_site_builds_strictly_with_every_field_planted(hostile: Hostile) -> None:
    assert "WARNING" not in hostile.site.log
    files = {item.file for item in hostile.planted}
    assert files == {"organizations.yml", "rcpms.yml", "glossary.yml", "citations.yml", "emendations.yml", "paper.yml", "edition.yml"}
    assert len(hostile.planted) > 900


def test_no_page_has_markup_from_the_data(hostile: Hostile) -> None:
    for page in hostile.site.pages():
        soup = hostile.site.soup(page)
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert handlers == [], f"{page}: <{element.name} {handlers}>"
            for name in ("href", "src", "action", "formaction"):
                assert not str(element.get(name, "")).strip().lower().startswith("javascript:"), page
        assert soup.select("article img, article iframe, article object, article embed") == [], page
        for script in soup.find_all("script"):
            if script.get("type") != "application/ld+json":
                assert "alert(" not in (script.string or ""), f"{page}: a script holds the data"


def test_every_string_of_the_profiles_reads_back_exactly(hostile: Hostile) -> None:
    for file, section in (("organizations.yml", "organizations"), ("rcpms.yml", "rcpms")):
        entries = [actor for actor in hostile.actors.all if actor.section == section]
        for item in by_file(hostile.planted, file):
            actor = entries[item.path[0]]
            assert words(item.value) in hostile.text_of(f"{section}/{actor.id}/"), (actor.id, item.path)


def test_titles_from_data_reach_the_title_element_and_the_heading_as_text(hostile: Hostile) -> None:
    for actor in hostile.actors.all:
        soup = hostile.site.soup(f"{actor.section}/{actor.id}/")
        assert soup.title.get_text() == f"{actor.title} - {SITE_NAME}"
        heading = soup.select_one("article h1")
        heading.select_one("a.headerlink").decompose()
        assert heading.get_text() == actor.title
        assert soup.select("head > script, head > title") and len(soup.select("head title")) == 1


def test_glossary_emendations_and_bibliography_read_back_exactly(hostile: Hostile) -> None:
    glossary, editorial, bibliography = (hostile.text_of(page) for page in ("glossary/", "editorial/", "bibliography/"))
    for item in by_file(hostile.planted, "glossary.yml"):
        assert words(item.value) in glossary, item.path
    for item in by_file(hostile.planted, "emendations.yml"):
        assert words(item.value) in editorial, item.path
    for item in by_file(hostile.planted, "citations.yml"):
        if item.path[1:] == ("printed_as",):
            assert words(item.value) in bibliography, item.path
    # A pipe in the data stays in its cell: each row keeps its two cells.
    rows = hostile.site.soup("glossary/").select("article tbody tr")
    assert rows and all(len(row.find_all("td")) == 2 for row in rows)
    rows = hostile.site.soup("rcpms/").select("article tbody tr")
    assert len(rows) == len(hostile.actors.processes) and all(len(row.find_all("td")) == 5 for row in rows)
    assert all(words(process.region) in words(row.get_text()) for row, process in zip(rows, hostile.actors.processes))


def test_the_editions_identity_reads_back_in_the_footer_and_on_the_page_about_it(hostile: Hostile) -> None:
    editorial = hostile.text_of("editorial/")
    footer = words(hostile.site.soup("glossary/").select_one(".md-copyright").get_text())
    for item in by_file(hostile.planted, "edition.yml"):
        # The page writes the editors and what the licence covers inside a sentence, lowercased.
        value = words(item.value)[1:] if item.path in (("editors",), ("licence", "covers")) else words(item.value)
        assert value in editorial, item.path
    rights = next(item.value for item in hostile.planted if item.file == "edition.yml" and item.path == ("rights",))
    assert words(rights) in footer
    author = hostile.site.soup("glossary/").select_one("meta[name='author']")["content"]
    assert author.startswith("the editors of") or author.startswith("The editors of") or "Editors of" in author


def test_the_print_cover_shows_the_papers_record_as_text(hostile: Hostile) -> None:
    cover = hostile.site.soup("print/").select_one(".print-cover")
    heading = cover.find("h1")
    heading.select_one("a.headerlink").decompose()
    assert heading.get_text() == hostile.paper["title"]
    text = words(cover.get_text())
    for item in by_file(hostile.planted, "paper.yml"):
        if item.path == ("description",):  # the title page's description, not the cover's
            meta = hostile.site.soup("").select_one("meta[name='description']")["content"]
            assert meta == words(item.value)
            continue
        assert words(item.value) in text, item.path
    assert "\\[" not in text


def test_the_json_ld_and_meta_tags_hold_the_strings_exactly(hostile: Hostile) -> None:
    soup = hostile.site.soup("")
    (script,) = soup.select("script[type='application/ld+json']")
    data = json.loads(script.string)
    assert data["headline"] == hostile.paper["title"]
    assert data["publisher"]["name"] == hostile.paper["publisher"]
    assert data["isPartOf"]["name"] == hostile.paper["collection-title"]
    assert [work["name"] for work in data["citation"]] == [record["title"] for record in hostile.works.records()]
    meta = {tag["name"]: tag["content"] for tag in soup.select("meta[name^='citation_']") if tag["name"] != "citation_reference"}
    assert meta["citation_title"] == words(hostile.paper["title"])
    assert meta["citation_technical_report_institution"] == words(hostile.paper["publisher"])


def test_each_profiles_json_ld_holds_its_strings_exactly(hostile: Hostile) -> None:
    for actor in hostile.actors.all:
        scripts = hostile.site.soup(f"{actor.section}/{actor.id}/").select("script[type='application/ld+json']")
        (data,) = [json.loads(script.string) for script in scripts]
        assert data["name"] == actor.name and data["description"] == actor.summary
        assert set(data["alternateName"]) >= set(actor.aliases) - {actor.name}


def test_the_search_index_holds_the_profiles_strings_as_text(hostile: Hostile) -> None:
    # The index is plain text, which the edition's search puts into the page as text (search.js).
    index = json.loads((hostile.site.dir / "search" / "edition-index.json").read_text(encoding="utf-8"))
    for actor in hostile.actors.all:
        location = f"{actor.section}/{actor.id}/"
        entries = [doc for doc in index["docs"] if doc["location"].split("#")[0] == location]
        text = words(" ".join(f"{doc['title']} {doc['text']}" for doc in entries))
        assert words(actor.summary) in text, actor.id
        assert words(actor.title) in text, actor.id
        (profile,) = [doc for doc in entries if doc["location"] == location]
        assert profile["names"] == list(actor.names), actor.id


def test_the_csl_json_export_holds_every_string_exactly(hostile: Hostile) -> None:
    items = json.loads((hostile.site.dir / "downloads" / "works-cited.json").read_text(encoding="utf-8"))
    records = hostile.works.records()
    assert [item["id"] for item in items] == [record["id"] for record in records]
    for item, record in zip(items, records, strict=True):
        for field in ("title", "container-title", "publisher", "publisher-place", "collection-title", "genre"):
            assert item.get(field) == record.get(field), (record["id"], field)
        for role in ("author", "editor"):
            assert item.get(role) == record.get(role), (record["id"], role)
    (paper,) = json.loads((hostile.site.dir / "downloads" / "thouez-2004.json").read_text(encoding="utf-8"))
    assert paper["title"] == hostile.paper["title"] and paper["author"] == hostile.paper["author"]


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    return []


def test_the_ris_export_holds_every_title_and_name_exactly(hostile: Hostile) -> None:
    entries = rispy.loads((hostile.site.dir / "downloads" / "works-cited.ris").read_text(encoding="utf-8"))
    records = hostile.works.records()
    assert len(entries) == len(records)
    for entry, record in zip(entries, records, strict=True):
        values = _strings(entry)
        assert one_line(record["title"]) in values, record["id"]
        for name in record.get("author", []):
            written = name.get("literal") or ", ".join(part for part in (name.get("family"), name.get("given")) if part)
            assert one_line(written) in values, (record["id"], written)


def test_the_bibtex_export_parses_with_every_work(hostile: Hostile) -> None:
    for name in ("works-cited.bib", "works-cited.biblatex.bib"):
        database = parse_string((hostile.site.dir / "downloads" / name).read_text(encoding="utf-8"), "bibtex")
        assert list(database.entries) == [record["id"] for record in hostile.works.records()]


# BibTeX is LaTeX: pandoc writes "<" as \textless, "|" as \textbar{}, "--" as -{}-; pybtex parses
# the file but leaves such commands as they are, so the text is read back by citation-js, which
# decodes them as reference managers do. Names are left out: BibTeX takes a family name's
# lower-case words for particles ("van", "de"), so a family name of many words such as the planted
# string cannot come back whole from any BibTeX file that pandoc writes (the project's own names
# do: test_export_readers.py).
BIBTEX_TEXT_FIELDS = ("title", "container-title", "collection-title", "publisher", "publisher-place", "URL")


@pytest.mark.parametrize("name", ["works-cited.bib", "works-cited.biblatex.bib"])
def test_the_bibtex_export_holds_every_text_exactly(hostile: Hostile, name: str, tmp_path: Path) -> None:
    copy = tmp_path / name.replace(".biblatex.bib", "-biblatex.bib")
    copy.write_bytes((hostile.site.dir / "downloads" / name).read_bytes())
    read = {item["id"]: item for item in read_with_citation_js([str(copy)])[str(copy)]["items"]}
    records = hostile.works.records()
    assert sorted(read) == sorted(record["id"] for record in records)
    problems = [
        f"{record['id']}.{field}: expected {one_line(record[field])!r}, read {read[record['id']].get(field)!r}"
        for record in records for field in BIBTEX_TEXT_FIELDS
        if record.get(field) and read[record["id"]].get(field) != one_line(record[field])
    ]
    assert not problems, "\n".join(problems)


# --- the EPUB and the TEI ----------------------------------------------------------------------

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def test_the_tei_holds_every_name_title_and_comment_as_text(hostile: Hostile) -> None:
    """The TEI parses (no string from the data ended an element or an attribute), its only
    elements are TEI's, and every name, title and comment reads back exactly."""
    tei = lxml.etree.parse(str(hostile.site.dir / "downloads" / "thouez-2004-edition.tei.xml")).getroot()
    assert {element.tag.split("}")[0] for element in tei.iter(lxml.etree.Element)} == {"{" + TEI_NS["tei"]}
    header = tei.find("tei:teiHeader", TEI_NS)
    assert header.findtext("tei:fileDesc/tei:titleStmt/tei:title[@type='main']", namespaces=TEI_NS) == hostile.paper["title"]
    orgs = {org.get(XML_ID): org for org in tei.iterfind("tei:standOff/tei:listOrg/tei:org", TEI_NS)}
    for actor in hostile.actors.all:
        names = [name.text for name in orgs[actor.id].iterfind("tei:orgName", TEI_NS)]
        assert names[0] == actor.name and set(actor.aliases) <= set(names), actor.id
    titles = {bibl.get(XML_ID): bibl.findtext("tei:title", namespaces=TEI_NS)
              for bibl in tei.iterfind("tei:text/tei:back//tei:bibl", TEI_NS)}
    assert titles == {record["id"]: record["title"] for record in hostile.works.records()}
    comments = {note.text for note in tei.iterfind("tei:text/tei:back/tei:div/tei:note", TEI_NS)}
    decisions = "".join(header.find("tei:encodingDesc", TEI_NS).itertext())
    for item in by_file(hostile.planted, "emendations.yml"):
        if item.path[-1] == "comment":
            assert item.value in comments, item.path
        elif item.path[-1] in ("label", "description"):  # the silent repairs' instances are not marked
            assert words(item.value) in words(decisions), item.path


def test_the_epub_holds_the_papers_record_and_the_editions_identity_as_text(hostile: Hostile) -> None:
    """Every file of the EPUB parses as XML, and the record and the edition's identity read back
    exactly in its package, its cover and its colophon."""
    with zipfile.ZipFile(hostile.site.dir / "downloads" / "thouez-2004-edition.epub") as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    parsed = {name: lxml.etree.fromstring(content) for name, content in files.items()
              if name.endswith((".xhtml", ".opf", ".svg", ".xml"))}
    assert not [name for name, root in parsed.items() for element in root.iter(lxml.etree.Element)
                if lxml.etree.QName(element).localname in ("script", "img") and not name.endswith("cover.xhtml")]
    dc = {"dc": "http://purl.org/dc/elements/1.1/"}
    package = parsed["EPUB/package.opf"]
    assert package.findtext(".//dc:title", namespaces=dc) == hostile.paper["title"]
    description = next(item.value for item in hostile.planted if item.file == "paper.yml" and item.path == ("description",))
    assert package.findtext(".//dc:description", namespaces=dc) == words(description)
    cover = " ".join(" ".join(text.itertext()) for text in parsed["EPUB/cover.svg"].iter("{*}text"))
    assert words(hostile.paper["collection-title"]) in cover
    colophon = words("".join(parsed["EPUB/colophon.xhtml"].itertext()))
    for item in by_file(hostile.planted, "edition.yml"):
        assert words(item.value) in colophon, item.path


# --- in Chromium ----------------------------------------------------------------------------------


class Guard:
    """Records every dialog, script error and request that the pages make beyond the site's own files."""

    def __init__(self, page: Page, site: BuiltSite) -> None:
        self.events: list[str] = []
        self.site = site
        own = urlsplit(site.url).netloc
        page.on("dialog", lambda dialog: (self.events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: self.events.append(f"script error: {error}"))

        def route(route: Route) -> None:
            url = route.request.url
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                return route.continue_()
            if parts.netloc != own:
                self.events.append(f"request to another host: {url}")
                return route.abort()
            path = unquote(parts.path).lstrip("/")
            target = site.dir / path
            if path.endswith("/") or path == "":
                target = target / "index.html"
            if not target.exists():
                self.events.append(f"request for a file the site does not have: {url}")
            route.continue_()

        page.context.route("**/*", route)


@pytest.mark.browser
def test_no_script_runs_and_no_request_leaves_on_any_kind_of_page(page: Page, hostile: Hostile) -> None:
    site = hostile.site
    guard = Guard(page, site)
    for path in PAGES_OF_EVERY_KIND:
        page.goto(site.page_url(path))
        page.wait_for_load_state("networkidle")
    # A note's tooltip (with the works it cites), a profile's preview, and search results.
    page.goto(site.page_url("paper/dearth-of-activity/"))
    page.locator("a.footnote-ref[href$='#fn:14']").hover()
    page.wait_for_timeout(500)
    page.locator("a.mention").first.hover()
    page.wait_for_timeout(1000)
    page.goto(site.page_url("glossary/"))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("pipe cell", delay=30)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert "pipe" in page.locator(".md-search-result").first.inner_text()
    assert guard.events == []
