"""Which links print their address after their text: decided at build time, link by link."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup
from thouez_edition.extensions.print_addresses import MARK, print_address


@pytest.mark.parametrize(
    ("href", "text", "printed"),
    [
        ("http://www.icmc.net/", "International Catholic Migration Commission", "http://www.icmc.net/"),
        ("http://www.ecre.org/", "www.ecre.org", None),  # the text is the address, as the paper printed it
        ("https://WWW.ECRE.ORG", "http://www.ecre.org/", None),
        ("../icmc/", "ICMC", None),  # the edition's own page
        ("#fn:25", "25", None),
        ("https://edition.example/paper/", "the edition", None),  # the site's own absolute address
        ("mailto:someone@example.org", "write", None),
        ("javascript:alert(1)", "x", None),
    ],
)
def test_a_link_prints_its_address_only_when_it_leads_elsewhere_and_does_not_show_it(href: str, text: str, printed: str | None) -> None:
    assert print_address(href, text, "edition.example") == printed


def test_the_mark_is_set_in_the_html_as_built() -> None:
    html = markdown.markdown(
        "See [ICMC](http://www.icmc.net/), <http://www.icva.ch> and [the note](#fn:1).",
        extensions=["thouez_edition.extensions.print_addresses"],
        extension_configs={"thouez_edition.extensions.print_addresses": {"site_url": "https://edition.example/"}},
    )
    marks = {link.get_text(): link.get(MARK) for link in BeautifulSoup(html, "html.parser").find_all("a")}
    assert marks == {"ICMC": "http://www.icmc.net/", "http://www.icva.ch": None, "the note": None}
