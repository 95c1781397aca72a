"""The edition's own identity: its editors, version, date and licence, a way to cite it apart from
the paper, and page metadata that names the text's author on the text's pages only."""

from __future__ import annotations

import json
import tomllib

import pytest

from tests.conftest import ROOT
from tests.site_html import PAPER_PAGES, BuiltSite

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
EDITORS = "Editors of the Thouez 2004 digital edition"


@pytest.mark.parametrize(
    ("page", "author"),
    [
        ("", "Colleen Thouez"),
        *((page, "Colleen Thouez") for page in PAPER_PAGES),
        ("paper/notes/", "Colleen Thouez"),
        ("print/", "Colleen Thouez"),
        ("editorial/", EDITORS),
        ("bibliography/", EDITORS),
        ("glossary/", EDITORS),
        ("organizations/", EDITORS),
        ("organizations/icmc/", EDITORS),
        ("rcpms/", EDITORS),
        ("rcpms/puebla-process/", EDITORS),
    ],
)
def test_each_page_names_its_own_author(site: BuiltSite, page: str, author: str) -> None:
    authors = [meta["content"] for meta in site.soup(page).select("meta[name='author']")]
    assert authors == [author]


def test_every_page_states_the_editions_version_licence_and_the_texts_rights(site: BuiltSite) -> None:
    for page in ("", "organizations/icmc/", "bibliography/"):
        footer = site.soup(page).select_one(".md-copyright")
        text = " ".join(footer.get_text().split())
        assert f"Edition version {VERSION} (" in text
        assert "© 2004 Colleen Thouez and the Global Commission on International Migration" in text
        assert footer.select_one("a[href='https://creativecommons.org/licenses/by/4.0/']") is not None


def test_the_edition_is_cited_apart_from_the_paper(site: BuiltSite) -> None:
    article = site.article("")
    paper = " ".join(article.select_one("#cite-chicago").get_text().split())
    edition = " ".join(article.select_one("#cite-edition-chicago").get_text().split())
    assert paper != edition
    assert f"Version {VERSION}." in edition and f"Edited by {EDITORS}." in edition and "(2004)" in edition
    assert "Digital edition" in " ".join(article.select_one("#cite-edition-apa").get_text().split())
    (record,) = json.loads((site.dir / "downloads" / "thouez-2004-digital-edition.json").read_text(encoding="utf-8"))
    assert (record["version"], record["editor"], record["URL"]) == (VERSION, [{"literal": EDITORS}], site.url)
    hrefs = [a["href"] for a in article.select("a[href*='thouez-2004-digital-edition']")]
    assert sorted(href.rsplit("/", 1)[-1] for href in hrefs) == sorted(
        f"thouez-2004-digital-edition{ending}" for ending in (".bib", ".biblatex.bib", ".ris", ".json")
    )


def test_the_page_on_the_edition_names_its_editors_version_and_licence(site: BuiltSite) -> None:
    identity = site.article("editorial/").select_one("dl.edition-identity")
    terms = [dt.get_text(strip=True) for dt in identity.select("dt")]
    assert terms == ["Editors", "Version", "Licence", "The text"]
    assert VERSION in identity.get_text()
