"""The one template environment: Jinja2 templates in `templates/`, with autoescape and `StrictUndefined`.

Values from data files are text, never markup. The pages and sections made from data are HTML
(`*.html` templates; the EPUB's and the TEI's files are XML, escaped alike): each value is
escaped for HTML by the autoescape (`escaping.html_text`),
and the page puts the HTML where Python-Markdown never reads it as Markdown (`data_html`). The
few Markdown templates (`*.md`), which include the author's own Markdown, escape every value
with `escaping.markdown_text`. The author's Markdown, pandoc's HTML and the links built here
are passed as `Markup` and left as they are.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from thouez_edition.escaping import (
    html_attribute,
    html_text,
    markdown_text,
    script_json,
)
from thouez_edition.rendering.data_blocks import data_block
from thouez_edition.urls import relative_link


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every value that is not already markup, escaped for the kind of template it goes into."""
    name = context.name or ""
    if isinstance(value, str) and not isinstance(value, Markup):
        if name.endswith(".md"):
            return markdown_text(value)
        if name.endswith((".html", ".xhtml", ".xml", ".opf", ".svg")):
            # XML (the EPUB's files, the TEI) takes the same character references as HTML.
            return html_text(value)
    return value


def external_link(url: str, text: str | None = None) -> Markup:
    """A link to another site, as HTML: the address and the text are escaped, never read as Markdown."""
    return Markup('<a href="{}">{}</a>').format(html_attribute(url), html_text(text if text is not None else url))


def paragraphs(text: str) -> list[str]:
    """A text from the data split at its blank lines, as its editor wrote its paragraphs."""
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


_environment = Environment(
    loader=PackageLoader("thouez_edition.rendering", "templates"),
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
_environment.filters["paragraphs"] = paragraphs


def render(template: str, **context: Any) -> str:
    """A template rendered: HTML from a `.html` template, Markdown from a `.md` one."""
    return _environment.get_template(template).render(**context)


def render_block(template: str, **context: Any) -> Markup:
    """An HTML template rendered as a block of a Markdown page (see `data_html`)."""
    return Markup(data_block(render(template, **context)))


def render_page(template: str, front_matter: dict[str, Any] | None = None, **context: Any) -> str:
    """A whole generated page: its front matter, then the HTML of `template` as one block.

    Each front-matter value is written as JSON (which is YAML) with `script_json`, so a string
    from the data holds no `<`, `>` or `&` even where a tool reads the front matter as text.
    """
    head = "".join(f"{key}: {script_json(value)}\n" for key, value in (front_matter or {}).items())
    return (f"---\n{head}---\n" if head else "") + str(render_block(template, **context))
