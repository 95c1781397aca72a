"""MkDocs hooks: the thin wiring between MkDocs' build events and the `thouez_edition` package.

Hook modules are loaded once and not reloaded by `mkdocs serve`, while `on_config` runs on every
rebuild: so data is loaded there and module state is replaced, never appended to.
"""

from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urljoin

import jinja2
from markdown.extensions import Extension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from thouez_edition.actors import Actors
from thouez_edition.addresses import address_note
from thouez_edition.bibliography import (
    BIBLIOGRAPHY_PAGE,
    download_files,
    download_paths,
    note_citations,
    render_bibliography,
)
from thouez_edition.edition_data import load_data_and_text
from thouez_edition.emendations import Emendations
from thouez_edition.errors import DataError, Problem
from thouez_edition.escaping import html_attribute, meta_content, script_json
from thouez_edition.exports import ExportError
from thouez_edition.glossary import Term, abbreviations
from thouez_edition.mention_links import MentionLinksExtension
from thouez_edition.navigation import is_paper_page, nav_paths
from thouez_edition.note_apparatus import NoteApparatusExtension
from thouez_edition.page_context import PageContext
from thouez_edition.pages import (
    NOTES_PAGE,
    SectionRenderer,
    UnknownSection,
    actor_sections,
    emendation_sections,
    fill_placeholders,
    render_notes_page,
)
from thouez_edition.paper import Paper
from thouez_edition.publishing import PublishingError, check_site_url, is_publishing
from thouez_edition.printing import (
    CHROMIUM_NAMES,
    PDF_PATH,
    PRINT_CSS,
    PRINT_PAGE,
    Colophon,
    PrintError,
    PrintLayoutExtension,
    describe_pdf,
    find_chromium,
    make_colophon,
    print_to_pdf,
    render_print_css,
    render_print_page,
)
from thouez_edition.identity import (
    EDITION_STEM,
    Edition,
    EditionCitation,
    edition_record,
    page_author,
    render_cite_edition,
    render_identity,
)
from thouez_edition.passage_citations import Citations, PassageCitationsExtension, passage_citations
from thouez_edition.printed_pages import PageBreaksExtension, PageMap, redirect_pages, render_page_evidence, render_page_list
from thouez_edition.profiles import GLOSSARY_PAGE, name_matcher, profile_pages, render_glossary
from thouez_edition.references import Formatted, FormattingError, format_references, style_path
from thouez_edition.search_index import SiteForSearch, refine_index
from thouez_edition.scholarly import STEM, HowToCite, highwire_tags, json_ld, render_how_to_cite
from thouez_edition.works import Works


@dataclass
class _Build:
    data_dir: Path
    emendations: Emendations
    actors: Actors
    glossary: list[Term]
    works: Works
    references: list[Formatted]
    paper_record: dict[str, Any]
    paper_description: str
    how_to_cite: HowToCite
    context: PageContext
    chromium: str | None
    colophon: Colophon
    edition: Edition
    edition_citation: EditionCitation
    edition_record: dict[str, Any]
    # The text, each passage knowing its page of the print, and the page map.
    paper: Paper
    page_map: PageMap
    # Known once the files are: where the text's pages and the bibliography are published, and
    # the sections that hand-written pages ask for with placeholders.
    text_locations: tuple[str, ...] = ()
    bibliography_location: str = ""
    sections: dict[str, SectionRenderer] = field(default_factory=dict)
    citations: Citations | None = None
    profile_locations: tuple[str, ...] = ()
    glossary_location: str = ""


log = get_plugin_logger("edition")
_build: _Build | None = None
# Which command runs the build: the PDF is made by `mkdocs build`, not on every `serve` rebuild.
_command: str | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def stop(error: Exception) -> NoReturn:
    """End the build with the message of `error`, and no traceback.

    MkDocs shows a message it has logged once before only once (its logger drops repeats), so
    under `mkdocs serve` a problem still there at the next save would go unreported: the message
    is logged here, every time, and the error MkDocs reports only points to it.
    """
    log.error(str(error))
    raise PluginError("The edition was not built: see the problems above.") from None


def text_pages(config: MkDocsConfig) -> list[tuple[str, str]]:
    """The pages of the text as `(path under docs/, Markdown)`, in reading order."""
    docs = Path(config.docs_dir)
    pages = [path for path in nav_paths(config.nav) if is_paper_page(path) and (docs / path).is_file()]
    return [(path, (docs / path).read_text(encoding="utf-8")) for path in pages]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    data_dir = Path(config.config_file_path).parent / "data"
    publishing = is_publishing(_command, dict(os.environ))
    try:
        log.info(check_site_url(config.site_url or "", publishing))
    except PublishingError as error:
        stop(error)
    colophon = make_colophon(data_dir.parent / "pyproject.toml", config.site_url or "", publishing, dict(os.environ))
    chromium = find_chromium() if _command in ("build", "gh-deploy") else None
    if _command in ("build", "gh-deploy") and chromium is None:
        log.info("No PDF of the paper: Chromium is not on this machine (looked for %s).", ", ".join(CHROMIUM_NAMES))
    try:
        checked = load_data_and_text(data_dir, text_pages(config), colophon.version, colophon.date)
        data = checked.data
        paper_record, edition = data.paper.record, data.identity
        references = format_references(data.works.records())
        record_of_edition = edition_record(paper_record, edition, config.site_url or "")
        _build = _Build(
            data_dir=data_dir,
            emendations=data.emendations,
            actors=data.actors,
            glossary=data.glossary,
            works=data.works,
            references=references,
            paper_record=paper_record,
            paper_description=data.paper.description,
            how_to_cite=HowToCite(
                chicago=format_references([paper_record])[0],
                apa=format_references([paper_record], style_path("apa"))[0],
                downloads=download_paths(STEM),
                pdf=PDF_PATH if chromium else None,
                print_page=PRINT_PAGE,
            ),
            context=PageContext(),
            chromium=chromium,
            colophon=colophon,
            edition=edition,
            edition_citation=EditionCitation(
                chicago=format_references([record_of_edition])[0],
                apa=format_references([record_of_edition], style_path("apa"))[0],
                downloads=download_paths(EDITION_STEM),
            ),
            edition_record=record_of_edition,
            paper=checked.paper,
            page_map=checked.page_map,
        )
        config.copyright = str(edition.footer())
    except (DataError, FormattingError) as error:
        stop(error)
    actors, works = _build.actors, _build.works
    formatted = {reference.id: reference for reference in _build.references}
    extensions: list[Extension] = [
        MentionLinksExtension(name_matcher(actors), actors.page_of, _build.context),
        NoteApparatusExtension(
            note_citations(works, formatted),
            lambda printed, href: address_note(printed, href, actors.all),
            BIBLIOGRAPHY_PAGE,
            _build.context,
        ),
        PrintLayoutExtension(_build.context),
        PageBreaksExtension(
            lambda: _build.page_map if _build else None,
            lambda: tuple(_build.paper.headings) if _build else (),
            _build.context,
        ),
        PassageCitationsExtension(lambda: _build.citations if _build else None, _build.context),
    ]
    # MkDocs types this option as extension names, but hands the list unchanged to Python-Markdown,
    # which takes Extension instances too.
    config.markdown_extensions += extensions  # type: ignore[arg-type]
    config.mdx_configs["abbr"] = {"glossary": abbreviations(_build.glossary)}
    site_url = config.site_url or ""
    config.mdx_configs["thouez_edition.print_addresses"] = {"site_url": site_url}
    # Zotero attaches the PDF only from an address on the page's own host.
    pdf_url = urljoin(site_url, PDF_PATH) if chromium and site_url else None
    # The print page links its own stylesheet (overrides/main.html).
    config.extra["print_page"] = {"page": PRINT_PAGE, "stylesheet": PRINT_CSS}
    config.extra["scholarly"] = {
        "tags": highwire_tags(_build.paper_record, works.records(), site_url, pdf_url),
        "json_ld": json_ld(_build.paper_record, works.records(), site_url, pdf_url),
    }
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # The theme's templates write values unescaped: the overrides escape data with these.
    env.filters["edition_attribute"] = html_attribute
    env.filters["edition_meta"] = meta_content
    env.filters["edition_script_json"] = script_json
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    by_path = {file.src_uri: file for file in files.documentation_pages()}
    paper = _build.paper
    _build.text_locations = tuple(by_path[path].url for path in nav_paths(config.nav) if is_paper_page(path) and path in by_path)
    site_url = (config.site_url or "").rstrip("/") + "/"
    try:
        _build.citations = passage_citations(
            paper,
            _build.paper_record,
            {"chicago": _build.how_to_cite.chicago.text, "apa": _build.how_to_cite.apa.text},
            # MkDocs writes the home page's address as "./".
            lambda path: site_url + by_path[path].url.removeprefix("./"),
            style_path("apa"),
        )
    except FormattingError as error:
        stop(error)
    _build.sections = {
        **emendation_sections(_build.emendations, paper),
        **actor_sections(_build.actors, paper),
        "how-to-cite": functools.partial(render_how_to_cite, _build.how_to_cite),
        "printed-pages": functools.partial(render_page_list, _build.page_map),
        "cite-edition": functools.partial(render_cite_edition, _build.edition_citation),
        "identity": functools.partial(render_identity, _build.edition, _build.edition_citation),
        "page-evidence": functools.partial(render_page_evidence, _build.page_map),
    }
    sections = [by_path[path].content_string for path in nav_paths(config.nav) if path.startswith("paper/") and path in by_path]
    try:
        print_page = render_print_page(_build.paper_record, by_path["index.md"].content_string, sections, _build.colophon)
    except PrintError as error:
        stop(error)
    downloads: dict[str, str] = {}
    for stem, records, source in (("works-cited", _build.works.records(), _build.works.display_path),
                                  (STEM, [_build.paper_record], "data/paper.yml"),
                                  (EDITION_STEM, [_build.edition_record], "data/edition.yml")):
        try:
            downloads |= download_files(stem, records)
        except ExportError as error:
            stop(DataError([Problem(source, None, "", "", str(error))]))
    generated: dict[str, str | bytes] = {
        NOTES_PAGE: render_notes_page(paper),
        PRINT_PAGE: print_page,
        PRINT_CSS: render_print_css(_build.paper_record),
        GLOSSARY_PAGE: render_glossary(_build.glossary, _build.actors),
        BIBLIOGRAPHY_PAGE: render_bibliography(_build.works, _build.references, paper, _build.actors),
        **profile_pages(_build.actors, paper),
        **downloads,
        **redirect_pages(_build.page_map, lambda path: by_path[path].url),
    }
    if _build.chromium:
        generated[PDF_PATH] = b""  # printed from the built print page once the site is written

    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    # Pages generated just above: a KeyError would name one that was not.
    _build.bibliography_location = files.src_uris[BIBLIOGRAPHY_PAGE].url
    _build.glossary_location = files.src_uris[GLOSSARY_PAGE].url
    _build.profile_locations = tuple(files.src_uris[_build.actors.page_of(actor.id)].url for actor in _build.actors.all)
    for schema in sorted((_build.data_dir / "schemas").glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None
    source = page.file.src_uri
    # Links are added to the author's text only, and made relative to the page converted next.
    _build.context.page = source if is_paper_page(source) else None
    _build.context.printing = source == PRINT_PAGE
    # The author of the text on its pages, the editors on theirs (the theme's <meta name="author">).
    # The theme writes both into a <meta> tag's content unescaped: they are escaped here.
    page.meta["author"] = str(meta_content(page_author(source, _build.paper_record, _build.edition)))
    if page.is_homepage:
        # Material writes it as the page's <meta name="description">, which Zotero reads too.
        page.meta["description"] = str(meta_content(_build.paper_description))
    try:
        return fill_placeholders(markdown, source, _build.sections)
    except (DataError, UnknownSection) as error:
        stop(error)


def on_post_build(config: MkDocsConfig) -> None:
    assert _build is not None
    site = Path(config.site_dir)
    # After the search plugin has written its index (hooks run after plugins for an event).
    index_file = site / "search" / "search_index.json"
    if index_file.exists():

        def built(location: str) -> str:
            return (site / location / "index.html").read_text(encoding="utf-8")

        index = refine_index(
            json.loads(index_file.read_text(encoding="utf-8")),
            SiteForSearch(
                text_pages={location: built(location) for location in _build.text_locations},
                bibliography=(_build.bibliography_location, built(_build.bibliography_location)),
                glossary=(_build.glossary_location, built(_build.glossary_location)),
                labels={reference.id: reference.citation for reference in _build.references},
                passages={passage.anchor: passage for passage in _build.paper.passages},
                kinds={location: "profile" for location in _build.profile_locations},
            ),
        )
        index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if _build.chromium:
        try:
            print_to_pdf(_build.chromium, site / "print" / "index.html", site / PDF_PATH)
            describe_pdf(site / PDF_PATH, _build.paper_record, _build.colophon)
        except PrintError as error:
            stop(error)
        log.info("Printed the paper to %s", PDF_PATH)
