"""How HTML made from data travels in a Markdown page: wrapped in `<div data-edition="html">`, a
block Python-Markdown keeps as raw HTML, so nothing in it is read as Markdown
(`extensions/data_html.py` then puts its elements into the page's tree).
"""

from __future__ import annotations

MARKER = "data-edition"

OPENING = f'<div {MARKER}="html">'

def data_block(html: str) -> str:
    """`html` (made by a template, data escaped) as a block of a Markdown page, blank lines around."""
    return f"\n{OPENING}\n{html.strip()}\n</div>\n"
