"""Local and publishing builds: a publishing build names only the public address in what it
publishes (canonical links, citation tags, JSON-LD, sitemap) and refuses to run without one; a
local build says in its log that it is local."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from thouez_edition.data.publishing import (
    PUBLISH_VARIABLE,
    check_site_url,
    is_local_address,
    is_publishing,
)

from tests.conftest import ROOT
from tests.site_html import BuiltSite

PUBLIC = "https://editions.example.org/thouez-2004/"


def build(site_dir: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", PUBLISH_VARIABLE)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env={**env, "NO_MKDOCS_2_WARNING": "1", **environment}, capture_output=True, text=True,
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    site_dir = tmp_path_factory.mktemp("published")
    result = build(site_dir, SITE_URL=PUBLIC, **{PUBLISH_VARIABLE: "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Publishing build for {PUBLIC}" in result.stderr
    yield site_dir


def published_addresses(site_dir: Path) -> list[str]:
    """Every address the site gives as its own: canonical links, citation tags, JSON-LD, sitemap."""
    addresses = []
    for page in site_dir.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        addresses += [link["href"] for link in soup.select("link[rel=canonical]")]
        addresses += [meta["content"] for meta in soup.select("meta[name$='_url']")]
    # The paper's JSON-LD (profiles' JSON-LD names the bodies' own sites).
    title_page = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "lxml")
    (script,) = title_page.select("script[type='application/ld+json']")
    data = json.loads(script.string)
    addresses += [data["url"], data["encoding"]["contentUrl"]]
    sitemap = BeautifulSoup((site_dir / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    addresses += [loc.get_text() for loc in sitemap.find_all("loc")]
    return addresses


def test_a_publishing_build_names_only_the_public_address(published: Path) -> None:
    addresses = published_addresses(published)
    assert len(addresses) > 60
    assert [a for a in addresses if not a.startswith(PUBLIC)] == []
    raw = "".join(p.read_text(encoding="utf-8", errors="replace") for p in published.rglob("*") if p.suffix in (".html", ".xml", ".json"))
    assert "127.0.0.1" not in raw and "localhost" not in raw


def test_a_publishing_build_without_a_public_address_stops_with_a_clear_message(tmp_path: Path) -> None:
    result = build(tmp_path, **{PUBLISH_VARIABLE: "1"})
    assert result.returncode != 0
    assert "a publishing build needs the site's public address" in result.stderr
    assert "set SITE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_default_build_says_it_is_local(site: BuiltSite) -> None:
    assert f"Local build: the site names {site.url} as its own address" in site.log
    assert f"{PUBLISH_VARIABLE}=1" in site.log


def test_loopback_and_empty_addresses_count_as_local() -> None:
    for url in ("", "http://127.0.0.1:8000/", "http://localhost/", "http://[::1]:8000/", "http://0.0.0.0/", "http://127.4.5.6/"):
        assert is_local_address(url), url
    for url in (PUBLIC, "http://192.0.2.10/", "https://example.org"):
        assert not is_local_address(url), url
    assert is_publishing("gh-deploy", {}) and is_publishing("build", {PUBLISH_VARIABLE: "1"})
    assert not is_publishing("build", {}) and not is_publishing("serve", {PUBLISH_VARIABLE: "0"})
    assert check_site_url(PUBLIC, True) == f"Publishing build for {PUBLIC}"


def test_a_build_without_chromium_says_so_and_leaves_the_pdf_out(tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    result = build(tmp_path / "site", PATH=str(empty))
    assert result.returncode == 0, result.stderr
    assert "No PDF of the paper: Chromium is not on this machine" in result.stderr
    assert not (tmp_path / "site" / "downloads" / "thouez-2004-edition.pdf").exists()
    title_page = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert title_page.select("meta[name=citation_pdf_url]") == []
    assert not any(a["href"].endswith(".pdf") for a in title_page.select("article a[href]"))
