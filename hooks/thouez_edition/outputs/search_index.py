"""What the site's search finds, and where a hit leads.

Material's search indexes each page by its headings, so a hit in the paper would lead to the top
of a long section. This rewrites the built index so that on the pages of the text every
paragraph and every note is an entry of its own (a hit leads to `#p12` or `#fn:12`), every
bibliography entry is one (a cited author's name leads to the entry), and the excerpts that
profiles repeat from the text are left out, so the same words do not come up twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import lxml.html

from thouez_edition.escaping import search_text
from thouez_edition.text.paper import NOTE_PREFIX, PASSAGE_ID, Passage

# The paper's own paragraphs and notes come first for the same words: their weight must outdo
# the theme's weight on titles (1000), so that a passage that names "PARinAC" ranks above the
# profile whose title is "Partnership in Action (PARinAC)".
TEXT_BOOST = 1e5
# Heading sections of profiles that only repeat the text's own words.
REPEATED_SECTIONS = ("#in-the-paper",)
# Not the author's words or the entry's: left out of what search indexes (note markers too).
NOT_INDEXED = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' apparatus ')]"
    " | .//a[contains(@class, 'headerlink')] | .//a[contains(@class, 'footnote-backref')] | .//sup"
)
ARTICLE = "//article[contains(@class, 'md-content__inner')]"


def _text(element: lxml.html.HtmlElement) -> str:
    element = lxml.html.fromstring(lxml.html.tostring(element))
    for extra in element.xpath(NOT_INDEXED):
        extra.drop_tree()
    return " ".join(element.text_content().split())


def _entry(location: str, title: str, text: str, boost: float | None = None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "location": location,
        "title": search_text(title),
        "text": f"<p>{search_text(text)}</p>" if text else "",
    }
    if boost is not None:
        entry["boost"] = boost
    return entry


def passage_title(passage: Passage) -> str:
    """What a hit on a passage says: its place in the print and the edition, and the section and
    subsection where it stands (a note, where it is called): "p. 10, n. 25 · Explaining the
    dearth of activity › Regional consultative mechanisms"."""
    if passage.series_note:
        return f"Series note, {passage.place}"
    section, *deeper = passage.headings or (passage.page_title,)
    return f"{passage.place} · {section}" + (f" › {deeper[-1]}" if deeper else "")


def passage_entries(location: str, page_html: str, passages: Mapping[str, Passage]) -> list[dict[str, str]]:
    """A page of the text: the page, its headings, then each paragraph and note, in order."""
    (article,) = lxml.html.fromstring(page_html).xpath(ARTICLE)
    entries = []
    for element in article.iter("h1", "h2", "h3", "h4", "p", "li"):
        identifier = element.get("id") or ""
        if element.tag in ("h1", "h2", "h3", "h4"):
            target = location if element.tag == "h1" else f"{location}#{identifier}"
            entries.append(_entry(target, _text(element), ""))
        elif identifier in passages and (
            (element.tag == "p" and PASSAGE_ID.match(identifier)) or (element.tag == "li" and identifier.startswith(NOTE_PREFIX))
        ):
            entries.append(_entry(f"{location}#{identifier}", passage_title(passages[identifier]), _text(element), TEXT_BOOST))
    return entries


def bibliography_entries(location: str, page_html: str, labels: Mapping[str, str]) -> list[dict[str, str]]:
    """The bibliography: the page, then one entry per work, titled as the notes cite it."""
    (article,) = lxml.html.fromstring(page_html).xpath(ARTICLE)
    entries = [_entry(location, "Bibliography", "")]
    for work in article.xpath(".//div[contains(@class, 'work') and @id]"):
        (reference,) = work.xpath(".//div[contains(@class, 'work-reference')]")
        label = labels.get(work.get("id"), work.get("id"))
        entries.append(_entry(f"{location}#{work.get('id')}", f"{label} · work cited", _text(reference)))
    return entries


def glossary_entries(location: str, page_html: str) -> list[dict[str, Any]]:
    """The glossary: the page, then one entry per term, leading to its row."""
    (article,) = lxml.html.fromstring(page_html).xpath(ARTICLE)
    entries = [_entry(location, "Glossary", "")]
    for row in article.xpath(".//tr[@id]"):
        term, meaning = row.xpath("./td")
        entries.append(_entry(f"{location}#{row.get('id')}", f"{_text(term)} · glossary", _text(meaning)))
    return entries


@dataclass(frozen=True)
class SiteForSearch:
    """What the index is refined from, once the site is built.

    `text_pages` maps each page's location (`paper/introduction/`) to its built HTML;
    `bibliography` and `glossary` are those pages' locations and HTML; `labels` name works by
    their id; `passages` are the text's paragraphs and notes by their ids; `kinds` says what other
    pages are (`organizations/icmc/` is a "profile"), for their titles in the results.
    """

    text_pages: Mapping[str, str]
    bibliography: tuple[str, str]
    glossary: tuple[str, str]
    labels: Mapping[str, str]
    passages: Mapping[str, Passage]
    kinds: Mapping[str, str]


def refine_index(index: dict[str, Any], site: SiteForSearch) -> dict[str, Any]:
    """The index with the text's pages, the bibliography and the glossary indexed entry by entry."""
    text_pages, bibliography, labels, passages, kinds = site.text_pages, site.bibliography, site.labels, site.passages, site.kinds
    replaced = set(text_pages) | {bibliography[0], site.glossary[0]}
    docs: list[dict[str, Any]] = []
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if page in replaced or doc["location"].endswith(REPEATED_SECTIONS):
            continue
        if doc["location"] in kinds:
            doc = {**doc, "title": f"{doc['title']} · {search_text(kinds[doc['location']])}"}
        docs.append(doc)
    for location, page_html in text_pages.items():
        docs.extend(passage_entries(location, page_html, passages))
    docs.extend(bibliography_entries(*bibliography, labels))
    docs.extend(glossary_entries(*site.glossary))
    return {**index, "docs": docs}
