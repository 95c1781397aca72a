"""Which page of the text Python-Markdown is converting.

Python-Markdown does not tell an extension which file it converts. The build sets `page` before
each page is converted (to the page's path under `docs/` for pages of the paper, to None for
others), and the extensions that add links to the author's text read it to make relative links.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageContext:
    page: str | None = None
