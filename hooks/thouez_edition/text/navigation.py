"""Reading order of the edition's pages, from the `nav` of `mkdocs.yml`."""

from __future__ import annotations

from typing import Any


def nav_paths(nav: Any) -> list[str]:
    """Every Markdown path in a `nav` configuration, in the order a reader meets them."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") and "://" not in nav else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_paths(item)]
    return []


def is_paper_page(path: str) -> bool:
    """The pages that hold the text: the title page (with the series note) and the sections."""
    return path == "index.md" or path.startswith("paper/")
