"""The one template environment: Jinja2 templates in `templates/`, strict about missing values."""

from __future__ import annotations

import posixpath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

_environment = Environment(
    loader=PackageLoader("thouez_edition", "templates"),
    undefined=StrictUndefined,
    # Text from data files is escaped, so "<script>" in a YAML value shows as text. The author's
    # own Markdown is passed through with `|safe` where a template includes it.
    autoescape=select_autoescape(enabled_extensions=("md", "html"), default_for_string=True),
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one Markdown source to another (both relative to `docs/`), for MkDocs to resolve."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(to_page, start)
    return f"{target}#{anchor}" if anchor else target


_environment.filters["link_from"] = lambda to, from_page, anchor="": relative_link(from_page, to, anchor)


def render(template: str, **context: Any) -> str:
    return _environment.get_template(template).render(**context)
