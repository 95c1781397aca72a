"""Reading the built site: pages parsed with BeautifulSoup, and the text a reader sees in them."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from tests.source_text import marker_token

# In reading order: the title page holds the series note, then the five sections.
PAPER_PAGES = [
    "paper/introduction/",
    "paper/current-context/",
    "paper/dearth-of-activity/",
    "paper/potential-contribution/",
    "paper/conclusion/",
]
BLOCKS = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "ol", "ul"]
# What the edition adds to the author's text and so leaves out of it: its apparatus, the
# theme's heading permalinks and the notes' back-links.
NOT_THE_AUTHORS = ".apparatus, a.headerlink, a.footnote-backref"

# One page of each kind, and each section of the text, by its address in the site.
EVERY_KIND_OF_PAGE = [
    "",
    *PAPER_PAGES,
    "paper/notes/",
    "organizations/",
    "organizations/icmc/",
    "rcpms/",
    "rcpms/puebla-process/",
    "bibliography/",
    "glossary/",
    "editorial/",
    "print/",
]


@dataclass(frozen=True)
class BuiltSite:
    dir: Path
    url: str
    log: str

    def soup(self, page: str) -> BeautifulSoup:
        """A fresh parse of `page` (a directory URL like `paper/notes/` or an `.html` path)."""
        file = self.dir / page if page.endswith(".html") else self.dir / page / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")

    def article(self, page: str) -> Tag:
        article = self.soup(page).select_one("article.md-content__inner")
        assert article is not None, f"{page} has no article"
        return article

    def pages(self) -> list[str]:
        """Every HTML page, as a path relative to the site root."""
        return sorted(str(path.relative_to(self.dir)) for path in self.dir.rglob("*.html"))

    def page_url(self, page: str) -> str:
        return urljoin(self.url, page)


@cache
def ids_in(file: Path) -> frozenset[str]:
    """The ids in a built page (cached: the built site does not change during a session)."""
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return frozenset(tag["id"] for tag in soup.find_all(id=True))


def reader_text(element: Tag) -> str:
    """The author's words in `element` as a reader sees them, with each note marker as a token."""
    element = copy.copy(element)
    for extra in element.select(NOT_THE_AUTHORS):
        extra.decompose()
    for marker in element.select("sup[id^='fnref']"):
        marker.replace_with(NavigableString(marker_token(int(marker.get_text(strip=True)))))
    for block in element.find_all(BLOCKS):
        block.append(NavigableString(" "))
    return " ".join(element.get_text("").split())


def body_of(article: Tag) -> Tag:
    """The article without its list of notes."""
    article = copy.copy(article)
    for notes in article.select("div.footnote"):
        notes.decompose()
    return article


def resolve(site: BuiltSite, page: str, href: str) -> tuple[Path, str] | None:
    """The file and fragment that a link on `page` leads to, or None if it leaves the site."""
    base = urljoin(site.url, page)
    target = urlsplit(urljoin(base, href))
    if f"{target.scheme}://{target.netloc}/" != site.url:
        return None
    path = unquote(target.path).lstrip("/")
    file = site.dir / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return file, unquote(target.fragment)




def plain_text(element: Tag) -> str:
    """The visible text of `element` with whitespace normalised and heading permalinks removed."""
    element = copy.copy(element)
    for permalink in element.select("a.headerlink"):
        permalink.decompose()
    return " ".join(element.get_text().split())
