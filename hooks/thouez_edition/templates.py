"""The one template environment: Jinja2 templates in `templates/` that write Markdown.

Values from data files are text, never markup: each is escaped twice over, for HTML (so
"<script>" shows as text) and for Markdown (so "*" or "[" cannot start emphasis or a link).
The author's own Markdown, and links built here, are passed as `Markup` and left as they are.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

# Characters that Python-Markdown lets a backslash escape and that could start markup in running text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]!])")


def escape_markdown(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return escape_markdown(value)
    return value


def relative_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A link from one Markdown source to another (both relative to `docs/`), for MkDocs to resolve."""
    start = posixpath.dirname(from_page) or "."
    target = posixpath.relpath(to_page, start)
    return f"{target}#{anchor}" if anchor else target


def external_link(url: str, text: str | None = None) -> Markup:
    """A link to another site, as HTML: the URL is never read as Markdown."""
    return Markup('<a href="{}">{}</a>').format(url, text if text is not None else url)


_environment = Environment(
    loader=PackageLoader("thouez_edition", "templates"),
    undefined=StrictUndefined,
    autoescape=True,
    finalize=_finalize,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["link_from"] = lambda to, from_page, anchor="": Markup(relative_link(from_page, to, anchor))
_environment.filters["external"] = external_link
_environment.filters["first_sentence"] = lambda text: text.partition(". ")[0] + ("." if ". " in text else "")


def render(template: str, **context: Any) -> str:
    return _environment.get_template(template).render(**context)


