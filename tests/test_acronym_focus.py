"""The Markdown extension that lets the keyboard reach acronyms, on its own: the first use of each
acronym in a block takes focus, repeats and acronyms inside links do not."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

GLOSSARY = "*[CSO]: civil society organization\n*[IOM]: International Organization for Migration\n"


def convert(source: str) -> BeautifulSoup:
    html = markdown.markdown(source + "\n\n" + GLOSSARY, extensions=["abbr", "footnotes", "thouez_edition.extensions.acronym_focus"])
    return BeautifulSoup(html, "lxml")


def focusable(soup: BeautifulSoup, block: str) -> list[str]:
    return [abbr.get_text() for abbr in soup.select(f"{block} abbr[tabindex='0']")]


def test_only_the_first_use_of_an_acronym_in_a_paragraph_takes_focus() -> None:
    soup = convert("A CSO, another CSO and the IOM.\n\nThen a CSO again.")
    first, second = soup.find_all("p")[:2]
    assert [abbr.get_text() for abbr in first.select("abbr[tabindex]")] == ["CSO", "IOM"]
    assert len(first.find_all("abbr")) == 3
    assert [abbr.get_text() for abbr in second.select("abbr[tabindex]")] == ["CSO"]


def test_each_note_and_list_item_is_a_block_of_its_own() -> None:
    soup = convert("The CSO.[^1]\n\n- a CSO\n- the CSO\n\n[^1]: A CSO, a CSO.\n")
    assert focusable(soup, "p").count("CSO") == 2  # the paragraph's and the note's
    assert [item.select("abbr[tabindex]")[0].get_text() for item in soup.select("ul > li")] == ["CSO", "CSO"]
    note = soup.select_one("div.footnote li")
    assert len(note.select("abbr[tabindex]")) == 1 and len(note.find_all("abbr")) == 2


def test_an_acronym_inside_a_link_is_reached_through_the_link() -> None:
    soup = convert("[the IOM](https://www.iom.int) and the IOM.")
    assert soup.select_one("a abbr").get("tabindex") is None
    assert [abbr.get_text() for abbr in soup.select("abbr[tabindex]")] == ["IOM"]


def test_an_acronym_in_a_sortable_tables_column_heading_is_reached_through_its_button() -> None:
    table = '<div class="sortable-table" markdown="1">\n\n| CSO role | IOM |\n|---|---|\n| a CSO | the IOM |\n\n</div>'
    html = markdown.markdown(
        table + "\n\n" + GLOSSARY,
        extensions=["abbr", "tables", "md_in_html", "thouez_edition.extensions.acronym_focus"],
    )
    soup = BeautifulSoup(html, "lxml")
    assert len(soup.select("th abbr")) == 2 and soup.select("th abbr[tabindex]") == []
    assert [abbr.get_text() for abbr in soup.select("td abbr[tabindex]")] == ["CSO", "IOM"]
