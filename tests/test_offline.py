"""The offline copy: a zip of the whole edition, offered on the title page and the page about the
edition, that works unzipped and opened from disk: every link leads to a file that is there, and
in Chromium a reader follows a link to a section, reads a note in its tooltip and opens a profile,
with no request for anything but the copy's own files."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, Request, expect
from thouez_edition.outputs.offline import OFFLINE_FOLDER, OFFLINE_PATH, zip_folder
from thouez_edition.stages import Edition, Settings, build_edition
from thouez_edition.urls import page_file, page_location

from tests.conftest import ROOT
from tests.site_html import BuiltSite
from tests.test_changelog import version_day
from tests.test_stages import READING_ORDER

NOTE_25_TEXT = "Final Report, Commission on Human Security"


@pytest.fixture(scope="module")
def copy(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as a reader has it: the site's zip, unpacked into a folder of its own."""
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site.dir / OFFLINE_PATH) as archive:
        archive.extractall(folder)
    return folder / OFFLINE_FOLDER


def pages_of(copy: Path) -> list[Path]:
    return sorted(copy.rglob("*.html"))


def test_the_title_page_and_the_page_on_the_edition_offer_the_offline_copy(site: BuiltSite) -> None:
    for page in ("", "editorial/"):
        links = site.article(page).select("p.offline-copy a[href]")
        assert [link["href"].rsplit("/", 1)[-1] for link in links] == [OFFLINE_PATH.rsplit("/", 1)[-1]], page
        assert "index.html" in site.article(page).select_one("p.offline-copy").get_text()


def test_the_zip_holds_one_folder_with_every_page_and_download(site: BuiltSite) -> None:
    with zipfile.ZipFile(site.dir / OFFLINE_PATH) as archive:
        names = archive.namelist()
        dates = {entry.date_time[:3] for entry in archive.infolist()}
    assert names == sorted(names) and all(name.startswith(f"{OFFLINE_FOLDER}/") for name in names)
    inside = {name.removeprefix(f"{OFFLINE_FOLDER}/") for name in names}
    for expected in ("index.html", "paper/introduction.html", "paper/notes.html", "organizations/icmc.html",
                     "rcpms/puebla-process.html", "bibliography.html", "editorial.html", "changes.html",
                     "downloads/thouez-2004-edition.pdf", "downloads/works-cited.bib"):
        assert expected in inside, expected
    # No copy inside the copy, no search index (search cannot run from disk), nothing only a web
    # server uses (a 404 page linking from the server's root, the sitemap).
    assert not any(name.endswith(".zip") or name.startswith("search/") for name in inside)
    assert not {"404.html", "sitemap.xml", "sitemap.xml.gz"} & inside
    assert dates == {tuple(int(part) for part in version_day().split("-"))}


def test_the_copys_pdf_is_the_sites(site: BuiltSite, copy: Path) -> None:
    assert (copy / "downloads" / "thouez-2004-edition.pdf").read_bytes() == (site.dir / "downloads" / "thouez-2004-edition.pdf").read_bytes()


def test_every_link_in_the_copy_leads_to_a_file_and_anchor_that_are_there(copy: Path) -> None:
    """Links between pages name files (`paper/introduction.html`), never folders, which a browser
    would show as a listing from disk; every fragment names an element of its page."""
    ids: dict[Path, set[str]] = {}
    problems: list[str] = []
    checked = 0
    for page in pages_of(copy):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("[href], [src]"):
            address = element.get("href") or element.get("src")
            parts = urlsplit(address)
            if parts.scheme or parts.netloc or address.startswith("#") or element.name == "link" and "canonical" in element.get("rel", []):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            checked += 1
            if not target.is_file():
                problems.append(f"{page.relative_to(copy)}: {address} is not a file of the copy")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids:
                    target_soup = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml")
                    ids[target] = {tag["id"] for tag in target_soup.find_all(id=True)}
                if unquote(parts.fragment) not in ids[target]:
                    problems.append(f"{page.relative_to(copy)}: {address} names no element of its page")
    assert checked > 3000
    assert problems == [], "\n".join(problems[:20])


def test_the_copy_loads_nothing_from_another_host(copy: Path) -> None:
    for page in pages_of(copy):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        loaded = [tag.get("src") for tag in soup.select("script[src], img[src], iframe[src]")]
        loaded += [tag.get("href") for tag in soup.select("link[href]") if not {"canonical", "alternate"} & set(tag.get("rel", []))]
        assert [a for a in loaded if urlsplit(a).scheme or urlsplit(a).netloc] == [], page


def test_the_copy_has_no_search_to_offer(copy: Path) -> None:
    soup = BeautifulSoup((copy / "index.html").read_text(encoding="utf-8"), "lxml")
    assert soup.select("label.md-header__button[for='__search'], [data-md-component='search']") == []


def test_the_copys_citations_give_the_published_sites_addresses(site: BuiltSite, copy: Path) -> None:
    """A passage cited from the copy is cited at its address on the web, not on the reader's disk."""
    online = BeautifulSoup((site.dir / "paper" / "introduction" / "index.html").read_text(encoding="utf-8"), "lxml")
    offline = BeautifulSoup((copy / "paper" / "introduction.html").read_text(encoding="utf-8"), "lxml")
    citations = [tag["data-citations"] for tag in online.select("[data-citations]")]
    assert citations and citations == [tag["data-citations"] for tag in offline.select("[data-citations]")]
    assert "paper/introduction/#p1" in citations[0]


def test_the_zip_is_the_same_for_the_same_files(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "paper").mkdir(parents=True)
    (folder / "paper" / "b.html").write_text("b", encoding="utf-8")
    (folder / "a.html").write_text("a", encoding="utf-8")
    zip_folder(folder, tmp_path / "one.zip", "copy", "2026-12-02")
    (folder / "a.html").touch()
    zip_folder(folder, tmp_path / "two.zip", "copy", "2026-12-02")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one.zip").namelist() == ["copy/a.html", "copy/paper/b.html"]


# --- a reader with the copy, in Chromium ---------------------------------------------------------


@pytest.fixture
def reader(page: Page) -> tuple[Page, list[str]]:
    """A page that records every request that is not for a file of the disk."""
    elsewhere: list[str] = []

    def record(request: Request) -> None:
        if not request.url.startswith(("file:", "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", record)
    return page, elsewhere


@pytest.mark.browser
def test_a_reader_opens_the_copy_from_disk_and_follows_a_link_to_a_section(reader, copy: Path) -> None:
    page, elsewhere = reader
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((copy / "index.html").as_uri())
    expect(page.locator("article h1").first).to_contain_text("The Role of Civil Society in the Migration Policy Debate")
    page.locator("article a[href='paper/dearth-of-activity.html#funding-challenges']").first.click()
    expect(page).to_have_url((copy / "paper" / "dearth-of-activity.html").as_uri() + "#funding-challenges")
    expect(page.locator("h2#funding-challenges")).to_be_in_viewport()
    page.locator("nav.md-nav a[href='current-context.html']").first.click()
    expect(page).to_have_url((copy / "paper" / "current-context.html").as_uri())
    expect(page.locator("article h1").first).to_contain_text("The current context")
    assert elsewhere == [] and errors == []


@pytest.mark.browser
def test_a_reader_of_the_copy_reads_a_note_in_its_tooltip(reader, copy: Path) -> None:
    page, elsewhere = reader
    page.goto((copy / "paper" / "dearth-of-activity.html").as_uri())
    marker = page.locator("a.footnote-ref[href$='#fn:25']")
    marker.hover()
    expect(marker).to_have_attribute("aria-controls", re.compile(r".+"))
    tooltip = page.locator(f"#{marker.get_attribute('aria-controls')}")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(NOTE_25_TEXT)
    assert elsewhere == []


@pytest.mark.browser
def test_a_reader_of_the_copy_opens_a_profile_from_a_name_in_the_text(reader, copy: Path) -> None:
    page, elsewhere = reader
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.goto((copy / "paper" / "dearth-of-activity.html").as_uri())
    name = page.locator("article a[href='../organizations/icmc.html']").first
    name.hover()  # no preview from disk, and no failed attempt to fetch one
    name.click()
    expect(page).to_have_url((copy / "organizations" / "icmc.html").as_uri())
    expect(page.locator("article h1").first).to_contain_text("International Catholic Migration Commission")
    page.go_back()
    expect(page).to_have_url((copy / "paper" / "dearth-of-activity.html").as_uri())
    assert elsewhere == [] and console == []


# --- the stages with file addresses ----------------------------------------------------------


def test_a_page_is_addressed_in_the_engines_style() -> None:
    assert [page_location(page) for page in ("index.md", "paper/notes.md", "organizations/index.md")] == [
        "", "paper/notes/", "organizations/"]
    assert [page_location(page, directory_urls=False) for page in ("index.md", "paper/notes.md", "organizations/index.md")] == [
        "index.html", "paper/notes.html", "organizations/index.html"]
    assert [page_file("print.md"), page_file("index.md"), page_file("print.md", directory_urls=False)] == [
        "print/index.html", "index.html", "print.html"]


def test_the_stages_write_file_addresses_for_the_offline_copy_and_cite_the_web() -> None:
    def edition(directory_urls: bool) -> Edition:
        return build_edition(Settings(
            project_dir=ROOT, docs_dir=ROOT / "docs", reading_order=READING_ORDER, site_url="https://example.org/edition/",
            command="serve", environment={}, directory_urls=directory_urls))

    online, offline = edition(True), edition(False)
    assert [page.location for page in offline.search.text_pages][:2] == ["index.html", "paper/introduction.html"]
    assert [page.location for page in online.search.text_pages][:2] == ["", "paper/introduction/"]
    redirect = offline.generated["pages/12/index.html"]
    assert isinstance(redirect, str) and "../../paper/dearth-of-activity.html#page-12" in redirect
    # The title page's metadata names the addresses on the web in both (and the passages'
    # citations do: test_the_copys_citations_give_the_published_sites_addresses).
    assert online.template_data == offline.template_data
    assert online.offline is None and offline.offline is None  # `serve` makes no copy
