"""Every paragraph has a stable, unique anchor, and every link in the site resolves."""

from __future__ import annotations

import re
from collections import Counter

from bs4 import BeautifulSoup

from tests.site_html import PAPER_PAGES, BuiltSite, ids_in, resolve

PARAGRAPH = re.compile(r"^(p|sn)\d+$")


# The print page repeats the whole text, with the same anchors, so that a printed copy can be cited.
PRINT_PAGE = "print/index.html"


def paragraph_ids(site: BuiltSite) -> list[tuple[str, str]]:
    found = []
    for page in site.pages():
        if page == PRINT_PAGE:
            continue
        for tag in site.soup(page).find_all(id=PARAGRAPH):
            found.append((tag["id"], page))
    return found


def test_paragraph_ids_are_unique_across_the_site(site: BuiltSite) -> None:
    counts = Counter(anchor for anchor, _ in paragraph_ids(site))
    assert [anchor for anchor, count in counts.items() if count > 1] == []


def test_paper_paragraphs_are_numbered_1_to_77_in_reading_order(site: BuiltSite) -> None:
    numbers = []
    for page in PAPER_PAGES:
        for paragraph in site.article(page).select("p[id^='p']"):
            numbers.append(int(paragraph["id"][1:]))
    assert numbers == list(range(1, 78))


def test_every_paragraph_of_the_text_has_an_anchor(site: BuiltSite) -> None:
    for page in PAPER_PAGES:
        article = site.article(page)
        for notes in article.select("div.footnote"):
            notes.decompose()
        for paragraph in article.find_all("p"):
            assert PARAGRAPH.match(paragraph.get("id", "")), f"{page}: {paragraph.get_text()[:60]!r}"
    series = site.soup("").select(".series-note p")
    assert [p["id"] for p in series] == [f"sn{n}" for n in range(1, 7)]


def test_each_paragraph_carries_a_permalink_to_itself(site: BuiltSite) -> None:
    for anchor, page in paragraph_ids(site):
        paragraph = site.soup(page).find(id=anchor)
        link = paragraph.select_one("a.paragraph-number")
        assert link["href"] == f"#{anchor}"
        assert link["data-number"] == anchor.lstrip("psn")
        # "Paragraph 15, p. 6 of the print: cite it"
        assert f"aragraph {link['data-number']}, p" in link["aria-label"]


def test_a_link_to_each_paragraph_resolves(site: BuiltSite) -> None:
    for anchor, page in paragraph_ids(site):
        target = resolve(site, page, f"/{page.removesuffix('index.html')}#{anchor}")
        assert target is not None
        file, fragment = target
        assert fragment in ids_in(file)


def test_every_internal_link_in_the_site_resolves(site: BuiltSite) -> None:
    broken = []
    for page in site.pages():
        for link in site.soup(page).find_all("a", href=True):
            target = resolve(site, page, link["href"])
            if target is None:
                continue
            file, fragment = target
            if not file.exists():
                broken.append(f"{page}: {link['href']} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in ids_in(file):
                broken.append(f"{page}: {link['href']} (no such anchor)")
    assert broken == []


# What HTML allows in no link or button: another link, a control, anything that takes focus.
INTERACTIVE = "a[href], button, input, select, textarea, label, details, iframe, [tabindex]"


def test_no_page_has_a_link_inside_a_link(site: BuiltSite) -> None:
    # Python's own HTML parser keeps the nesting as written, where lxml or a browser would end the
    # outer link at the inner one's start and so hide the fault.
    nested = []
    for page in site.pages():
        soup = BeautifulSoup((site.dir / page).read_text(encoding="utf-8"), "html.parser")
        for outer in soup.select("a, button"):
            nested += [f"{page}: {inner} inside {outer.name} {outer.get('href', '')}" for inner in outer.select(INTERACTIVE)]
    assert nested == []
