"""Links to other sites marked with the address they print: when a page is printed, such a link
shows its address after its text, once (`a[data-print-address]::after` in edition.css).

Not where the text already is the address (the paper printed its web addresses as text:
"www.ecre.org" is http://www.ecre.org/), and never for a link inside the edition (names, acronyms,
notes, cross-references), which prints as plain text. Done once, at build time, on every link of
the page's content, the links made from data included; a script in the browser would have to
walk every page's links after it loads.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MARK = "data-print-address"


def bare(address: str) -> str:
    """An address as the paper might print it: no scheme, no final slash, any case."""
    address = address.strip().lower()
    for scheme in ("http://", "https://"):
        address = address.removeprefix(scheme)
    return address.removesuffix("/")


def print_address(href: str, text: str, own_host: str) -> str | None:
    """The address a link prints after its text, or None when it prints none."""
    parts = urlsplit(href)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.netloc == own_host:
        return None
    return None if bare(text) == bare(href) else href


class PrintAddresses(Treeprocessor):
    def __init__(self, md: Markdown, own_host: str) -> None:
        super().__init__(md)
        self.own_host = own_host

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            address = print_address(link.get("href") or "", "".join(link.itertext()), self.own_host)
            if address is not None:
                link.set(MARK, address)


class PrintAddressesExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"site_url": ["", "The site's own address: links to it are the edition's own."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        own_host = urlsplit(self.getConfig("site_url")).netloc
        # Below 0: after every extension that adds links (the data's HTML, names, notes' apparatus)
        # and after MkDocs has resolved the links to pages.
        md.treeprocessors.register(PrintAddresses(md, own_host), "print_addresses", -2)


def makeExtension(**kwargs: object) -> PrintAddressesExtension:
    return PrintAddressesExtension(**kwargs)
