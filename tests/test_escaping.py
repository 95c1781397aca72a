"""The escaping functions (`thouez_edition.escaping`), each for its kind of output, tested on
arbitrary text (hypothesis): whatever the data holds reads back exactly, as text, and never
becomes markup. The text is what the loader admits: any character but controls (tab and line
feed apart) and lone surrogates."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as etree

import lxml.html
import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from thouez_edition.citations.exports import metadata_document
from thouez_edition.citations.references import pandoc_path
from thouez_edition.escaping import (
    html_attribute,
    html_text,
    markdown_text,
    meta_content,
    pandoc_markdown_text,
    script_json,
    tree_text,
)
from thouez_edition.rendering.data_blocks import data_block
from thouez_edition.urls import url_problem

from tests.conftest import ROOT

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"),
        st.sampled_from("\n\t<>&\"'`\\*_[]()!#{}|:^~-+.=@ \u00a0\u2028"),
    ),
    max_size=60,
)
HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "</title><script>alert(1)</script>", "![x](x.png){: onerror=alert(1) }",
    "{braces} | pipes |", "\"quotes\" 'single'", "back\\slash", "]]>", "&amp; &lt;b&gt;", "[^1]", "{#p1}",
    "*[HTML]: abbr", "[TOC]", "1. list", "# heading", "    code", "> quote", "<!-- comment -->",
])
ANY_TEXT = st.one_of(TEXT, HOSTILE, st.lists(HOSTILE, max_size=4).map(" ".join))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(TEXT, children, max_size=4),
    max_leaves=12,
)


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's own extensions."""
    return markdown.Markdown(
        extensions=["abbr", "attr_list", "md_in_html", "footnotes", "tables", "toc", "thouez_edition.extensions.data_html"],
        extension_configs={"toc": {"permalink": True, "marker": ""}},
    )


def parsed(fragment: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(fragment, create_parent="div")


def text_of(element: lxml.html.HtmlElement) -> str:
    for permalink in element.xpath(".//a[@class='headerlink']"):
        permalink.drop_tree()
    return element.text_content()


@given(ANY_TEXT)
def test_html_text_reads_back_as_the_same_text(value: str) -> None:
    paragraph = parsed(f"<p>{html_text(value)}</p>")[0]
    assert paragraph.text_content() == value.replace("\r", "\n")
    assert len(paragraph) == 0


@given(ANY_TEXT)
def test_an_html_attribute_reads_back_as_the_same_value(value: str) -> None:
    element = parsed(f'<a title="{html_attribute(value)}" href="x">x</a>')[0]
    assert element.get("title") == value
    assert set(element.attrib) == {"title", "href"}


@given(ANY_TEXT)
def test_a_meta_tags_content_is_one_line_of_the_same_words(value: str) -> None:
    element = lxml.html.fromstring(f'<html><head><meta name="x" content="{meta_content(value)}"></head></html>')
    (meta,) = element.xpath("//meta")
    assert meta.get("content") == " ".join(value.split())


@settings(max_examples=300)
@given(ANY_TEXT.filter(lambda value: value != ""))
def test_markdown_text_is_shown_exactly_wherever_it_stands(value: str) -> None:
    escaped = markdown_text(value)
    contexts = {
        "paragraph": (f"{escaped}\n", "p"),
        "heading": (f"# {escaped}\n", "h1"),
        "list item": (f"- {escaped}\n", "li"),
        "link text": (f"[{escaped}](page.md)\n", "a"),
        "emphasis": (f"*{escaped}*\n", "em"),
        "table cell": (f"| A | B |\n|---|---|\n| {escaped} | b |\n", "td"),
    }
    for name, (source, tag) in contexts.items():
        root = parsed(site_markdown().convert(source))
        found = root.xpath(f"//{tag}")
        assert found, name
        assert text_of(found[0]) == value, name
        assert not root.xpath("//script | //img | //*[@onerror] | //*[@onclick] | //abbr | //sup"), name


@given(ANY_TEXT)
def test_text_set_on_python_markdowns_tree_reads_back_exactly(value: str) -> None:
    md = site_markdown()
    element = etree.Element("p", {"title": tree_text(value)})
    element.text = tree_text(value)
    paragraph = parsed(md.serializer(element))[0]
    assert paragraph.text_content() == value
    assert paragraph.get("title") == value


@given(ANY_TEXT)
def test_html_from_data_in_a_markdown_page_is_never_read_as_markdown(value: str) -> None:
    source = "Before.\n" + data_block(f'<p class="data">{html_text(value)}</p>\n<h2>{html_text(value)}</h2>') + "\nAfter.\n"
    root = parsed(site_markdown().convert(source))
    (paragraph,) = root.xpath("//p[@class='data']")
    assert paragraph.text_content() == value
    assert text_of(root.xpath("//h2")[0]) == value
    assert not root.xpath("//script | //img | //*[@onerror] | //*[@onclick]")


@given(JSON)
def test_json_in_a_script_element_reads_back_and_cannot_end_the_element(value: object) -> None:
    encoded = script_json(value)
    assert not re.search(r"[<>&]", encoded)
    page = lxml.html.fromstring(f'<html><head><script type="application/ld+json">{encoded}</script></head></html>')
    (script,) = page.xpath("//script")
    assert json.loads(script.text) == value


def pandoc_reads(values: list[str]) -> list[str]:
    """The text pandoc makes of each string of a metadata list, read as Markdown without `smart`."""
    result = subprocess.run([pandoc_path(), "--from=markdown-smart", "--to=json", "--standalone"],
                            input=metadata_document({"values": values}), capture_output=True, text=True, encoding="utf-8", check=True)
    meta = json.loads(result.stdout)["meta"].get("values", {"c": []})

    def text(inlines: list[dict]) -> str:
        pieces = {"Str": lambda c: c, "Space": lambda c: " ", "SoftBreak": lambda c: " "}
        return "".join(pieces[inline["t"]](inline.get("c")) for inline in inlines)

    return [text(item["c"]) if item["t"] == "MetaInlines" else "" for item in meta["c"]]


# One pandoc run per example, each example a batch of strings.
@settings(max_examples=150)
@given(st.lists(ANY_TEXT, min_size=1, max_size=12))
def test_pandoc_reads_pandoc_markdown_text_back_as_the_same_text(values: list[str]) -> None:
    shown = [re.sub(r"[ \t\n\r\f\v]+", " ", value).strip(" ") for value in values]
    assert pandoc_reads([pandoc_markdown_text(value) for value in values]) == shown


SCHEMA_URL = re.compile(json.loads((ROOT / "data" / "schemas" / "common.schema.json").read_text())["$defs"]["url"]["pattern"])
URLISH = st.one_of(
    TEXT,
    st.builds(lambda scheme, rest: scheme + rest, st.sampled_from(["http://", "https://", "javascript:", "//", "HTTP://"]), TEXT),
)


@settings(max_examples=300)
@given(URLISH)
def test_every_address_the_parser_accepts_the_schema_accepts_and_none_holds_markup(value: str) -> None:
    if url_problem(value) is None:
        assert SCHEMA_URL.match(value)
        assert value.startswith(("http://", "https://"))
        assert not re.search(r"[\s\"'<>\\`]", value)
