"""The shape of the edition: title page, sections in print order, headings, block quotations."""

from __future__ import annotations

from urllib.parse import urljoin

from tests.site_html import PAPER_PAGES, BuiltSite


def test_title_page_restores_the_cover(site: BuiltSite) -> None:
    cover = site.soup("").select_one(".cover")
    text = " ".join(cover.get_text(" ").split())
    for fact in (
        "The Role of Civil Society in the Migration Policy Debate",
        "Colleen Thouez",
        "Global Migration Perspectives",
        "No. 12",
        "Global Commission on International Migration",
        "Geneva, 2004",
    ):
        assert fact in text


def test_title_page_has_contents_series_note_and_how_to_cite(site: BuiltSite) -> None:
    article = site.article("")
    headings = [h.get_text(strip=True).rstrip("¶") for h in article.find_all("h2")]
    assert headings == ["Contents", "Pages of the 2004 print", "Global Commission on International Migration", "How to cite", "How to cite this edition"]
    contents = article.find(id="contents").find_next("ol")
    linked = [a["href"] for a in contents.find_all("a")]
    assert [href for href in linked if "#" not in href] == PAPER_PAGES
    chicago = " ".join(article.select_one("#cite-chicago").get_text().split())
    assert chicago.startswith("Thouez, Colleen. 2004. The Role of Civil Society in the Migration Policy Debate.")
    assert "Global Migration Perspectives 12" in chicago
    apa = " ".join(article.select_one("#cite-apa").get_text().split())
    assert apa.startswith("Thouez, C. (2004).")


def test_sections_follow_print_order_with_previous_and_next_links(site: BuiltSite) -> None:
    order = ["", *PAPER_PAGES, "paper/notes/"]
    for previous, page, following in zip(order, order[1:], order[2:], strict=False):
        soup = site.soup(page)
        base = site.page_url(page)
        prev_link = soup.select_one("a.md-footer__link--prev")
        next_link = soup.select_one("a.md-footer__link--next")
        assert urljoin(base, prev_link["href"]) == site.page_url(previous), page
        assert urljoin(base, next_link["href"]) == site.page_url(following), page


def test_headings_follow_the_papers_enumerations(site: BuiltSite) -> None:
    outline = []
    for page in PAPER_PAGES:
        # The edition's own headings (the notes') are apparatus, not the paper's outline.
        for heading in site.article(page).find_all(["h1", "h2", "h3"], class_=lambda c: c != "apparatus"):
            outline.append((heading.name, heading.get_text(strip=True).rstrip("¶")))
    assert outline == [
        ("h1", "Introduction"),
        ("h1", "The current context"),
        ("h1", "Explaining the dearth of activity"),
        ("h2", "Sensitivities and controversies of a comprehensive approach"),
        ("h2", "Migration’s broad scope and inter-linkages"),
        ("h2", "Funding challenges"),
        ("h2", "Policy networks"),
        ("h3", "Regional consultative mechanisms"),
        ("h3", "NGOs: still largely operational?"),
        ("h3", "Relations with states"),
        ("h1", "CSO’s potential contribution to the debate"),
        ("h2", "Agenda setting"),
        ("h2", "Information provision"),
        ("h2", "Moral authority"),
        ("h2", "Monitoring and implementation"),
        ("h2", "Coalition of interests"),
        ("h1", "Conclusion"),
    ]


def test_block_quotations_are_block_quotations(site: BuiltSite) -> None:
    openings = []
    for page in PAPER_PAGES:
        for quote in site.article(page).find_all("blockquote"):
            words = quote.get_text(" ", strip=True).split()
            openings.append(" ".join(words[:4]))
    assert openings == [
        "One thing is clear—competition",
        "Such regionalization of international",
        "Virtually every national government",
        "The opening session was",
        "The UN once dealt",
        "…(N)ongovernmental actors participated in",
        "Major dam projects are",
        "The influence of transnational",
    ]


def test_the_quotation_cut_by_a_page_end_is_whole(site: BuiltSite) -> None:
    quotes = site.article("paper/dearth-of-activity/").find_all("blockquote")
    cancun = next(q for q in quotes if "The opening session" in q.get_text())
    assert "being questioned by many developing countries as well as by the NGOs." in " ".join(
        cancun.get_text().split()
    )


def test_each_section_with_notes_has_a_notes_heading_in_its_contents(site: BuiltSite) -> None:
    for page in PAPER_PAGES:
        soup = site.soup(page)
        if soup.select_one("div.footnote") is None:
            continue
        heading = soup.select_one("article h2#notes")
        assert heading is not None and heading.find_next_sibling("div", class_="footnote") is not None, page
        assert soup.select_one(".md-nav--secondary a[href='#notes']") is not None, page


def test_all_notes_are_grouped_by_section_and_subsection_with_their_apparatus(site: BuiltSite) -> None:
    article = site.article("paper/notes/")
    outline = [(h.name, h.get_text(strip=True).rstrip("¶")) for h in article.find_all(["h2", "h3"])]
    assert outline[:4] == [("h2", "Introduction"), ("h2", "The current context"),
                           ("h2", "Explaining the dearth of activity"), ("h3", "Sensitivities and controversies of a comprehensive approach")]
    assert ("h3", "Policy networks › Regional consultative mechanisms") in outline
    note25 = article.select_one("li#n25")
    assert note25.find_previous(["h3"]).get_text(strip=True).rstrip("¶") == "Policy networks › Regional consultative mechanisms"
    assert note25.select_one("p.note-citations") is not None
    assert article.select_one("li#n12 .address-note") is not None
