"""The baseline the reader benchmark compares with: the edition's own Markdown, page by page, built
on bare Material for MkDocs (every theme feature off, no palette toggle, none of the edition's hooks,
Markdown extensions, styles or scripts), in a temporary folder.

"The same Markdown" is the Markdown each page has when the edition hands it to Python-Markdown: the
author's pages with their placeholders filled, and the pages the hooks generate from data (profiles,
directories, bibliography, glossary, All notes, the print page). So both sites carry the same words
on the same pages, and what differs is what the edition adds: its links, numbers, tooltips, styles,
scripts and theme features.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from tests.benchmark.in_process import reported_failure

ROOT = Path(__file__).resolve().parents[2]
# What the text's own syntax needs (paragraph ids, notes, tables, raw HTML blocks, headings' ids).
BASELINE_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "footnotes", "tables", "toc"]


def edition_markdown(site_dir: Path) -> dict[str, str]:
    """Build the edition once (without the PDF) and keep every page's Markdown as its hooks leave it."""
    captured: dict[str, str] = {}

    # Last of all handlers of the event, so the edition's own hook has filled every placeholder.
    @event_priority(-1000)
    def keep(markdown: str, page: Page, **_: Any) -> str:
        captured[page.file.src_uri] = markdown
        return markdown

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins._register_event("page_markdown", keep)
    # As `mkdocs serve` would: the edition makes its PDF on `mkdocs build` only.
    config.plugins.on_startup(command="serve", dirty=False)
    previous = logging.getLogger("mkdocs").level
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    try:
        with reported_failure("the edition's build for the baseline's Markdown"):
            build(config)
    finally:
        logging.getLogger("mkdocs").setLevel(previous)
        config.plugins.on_shutdown()
    return captured


def write_baseline(folder: Path, scratch: Path, features: list[str] | None = None) -> Path:
    """Write the baseline project into `folder` (its docs/ and mkdocs.yml); return its config file.
    Bare Material, or with the theme's `features` given.

    `scratch` receives the edition's throwaway build, made only to read its Markdown."""
    edition = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=IgnoreTags)
    for source, markdown in edition_markdown(scratch).items():
        target = folder / "docs" / source
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    config = {
        "site_name": edition["site_name"],
        "site_description": edition.get("site_description", ""),
        "site_url": "!ENV",  # replaced below: the origin the site is served from
        # No web fonts here either: offline, a request to Google Fonts would only time out.
        "theme": {"name": "material", "language": "en", "font": False, "features": features or []},
        "markdown_extensions": BASELINE_EXTENSIONS,
        "nav": edition["nav"],
        "not_in_nav": edition.get("not_in_nav", ""),
        # The pages link to the edition's downloads and to anchors its extensions add (page
        # marks), which the baseline has not: those links are reported, not fatal.
        "validation": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"},
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    text = text.replace("site_url: '!ENV'", 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]')
    config_file = folder / "mkdocs.yml"
    config_file.write_text(text, encoding="utf-8")
    return config_file


class IgnoreTags(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain values; tags such as !ENV give None."""


IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
