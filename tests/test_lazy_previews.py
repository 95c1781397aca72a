"""The treeprocessor that hands the theme's preview marks to the edition's script."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import markdown
from thouez_edition.extensions.lazy_previews import LazyPreviews


def marked(html: str) -> etree.Element:
    root = etree.fromstring(f"<div>{html}</div>")
    LazyPreviews(markdown.Markdown()).run(root)
    return root


def test_a_link_to_a_profile_is_marked_for_the_editions_previews_only() -> None:
    link = marked('<a data-preview="" href="../../organizations/icmc/">ICMC</a>').find("a")
    assert "data-preview" not in link.attrib
    assert link.get("data-lazy-preview") == ""


def test_a_link_to_a_place_on_the_same_page_loses_the_mark() -> None:
    link = marked('<a class="headerlink" data-preview="" href="#since-2004">¶</a>').find("a")
    assert "data-preview" not in link.attrib and "data-lazy-preview" not in link.attrib


def test_links_the_theme_did_not_mark_are_left_alone() -> None:
    link = marked('<a href="../../bibliography/#x">Florini 2000a</a>').find("a")
    assert link.attrib == {"href": "../../bibliography/#x"}
