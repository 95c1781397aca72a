"""The build, in four stages, each a plain function that takes data and returns data:

1. load: the data files and the paper's Markdown, read and checked (`data`, `text`);
2. derive: who is mentioned where, the page map, the formatted references and citations
   (`text`, `citations`);
3. render: the pages and page sections made from them, and the Markdown extensions that will
   run on every page, each given what it needs (`rendering`, `extensions`);
4. write: the download files (the EPUB and the TEI of the paper among them), the search
   records, and, once the engine has written the site (`finish`), the records merged into the
   theme's index, the PDF and the offline copy (`outputs`).

`build_edition` runs the first three (`load`, `derive`, `render`, each returning a frozen result)
and returns one immutable `Edition`, made once before any page converts; `finish` does the
rest once the site is written. Nothing here imports the engine: the hook file hands it
`Settings` and the written site's folder, and hands the engine what the `Edition` holds. Only the
offline copy asks which engine runs the build (`engine_command`), to build the copy with it.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markdown.extensions import Extension

from thouez_edition.citations.downloads import download_files, download_paths
from thouez_edition.citations.exports import ExportError
from thouez_edition.citations.notes import note_citations
from thouez_edition.citations.passages import (
    Citations,
    ProfilesToCite,
    passage_citations,
)
from thouez_edition.citations.references import Formatted, format_references, style_path
from thouez_edition.data.addresses import address_note
from thouez_edition.data.changelog import FILE as CHANGELOG
from thouez_edition.data.changelog import Changelog, read_changelog
from thouez_edition.data.colophon import Colophon, edition_version, make_colophon
from thouez_edition.data.glossary import abbreviations
from thouez_edition.data.identity import EDITION_STEM, edition_record
from thouez_edition.data.identity import Edition as Identity
from thouez_edition.data.paper_metadata import STEM
from thouez_edition.data.publishing import check_site_url, is_publishing
from thouez_edition.data.works import Works
from thouez_edition.errors import DataError, Problem, raise_if_any
from thouez_edition.escaping import meta_content
from thouez_edition.extensions.mention_links import MentionLinksExtension
from thouez_edition.extensions.note_apparatus import NoteApparatusExtension
from thouez_edition.extensions.page_breaks import PageBreaksExtension
from thouez_edition.extensions.passage_citations import PassageCitationsExtension
from thouez_edition.extensions.print_layout import PrintLayoutExtension
from thouez_edition.extensions.text_pages import TextPages
from thouez_edition.outputs.epub import EPUB_PATH, epub_file
from thouez_edition.outputs.offline import (
    OFFLINE_PATH,
    engine_command,
    make_offline_copy,
    offline_environment,
)
from thouez_edition.outputs.pdf import (
    CHROMIUM_NAMES,
    PDF_PATH,
    describe_pdf,
    find_chromium,
    print_to_pdf,
    read_printed_page,
)
from thouez_edition.outputs.search_index import (
    SEARCH_INDEX,
    TERM,
    WORK,
    ProfileRecord,
    SearchRecords,
    page_start_record,
    text_page_records,
    whole_page,
    write_search_index,
)
from thouez_edition.outputs.tei import TEI_PATH, tei_document
from thouez_edition.rendering.bibliography import (
    BIBLIOGRAPHY_PAGE,
    entries_by_group,
    render_bibliography,
)
from thouez_edition.rendering.changes import CHANGES_PAGE, render_changes_page
from thouez_edition.rendering.content_policy import CONTENT_SECURITY_POLICY
from thouez_edition.rendering.identity import (
    EditionCitation,
    page_author,
    render_cite_edition,
    render_identity,
)
from thouez_edition.rendering.pages import (
    NOTES_PAGE,
    SectionRenderer,
    actor_sections,
    emendation_sections,
    fill_placeholders,
    render_notes_page,
)
from thouez_edition.rendering.print_page import (
    PRINT_CSS,
    PRINT_PAGE,
    render_print_css,
    render_print_page,
)
from thouez_edition.rendering.printed_pages import (
    redirect_pages,
    render_page_evidence,
    render_page_list,
)
from thouez_edition.rendering.profiles import (
    GLOSSARY_PAGE,
    profile_pages,
    render_glossary,
)
from thouez_edition.rendering.scholarly import (
    HowToCite,
    highwire_tags,
    json_ld,
    render_how_to_cite,
)
from thouez_edition.text.load import DataAndText, load_data_and_text
from thouez_edition.text.mentions import every_passage, name_matcher
from thouez_edition.text.navigation import is_paper_page
from thouez_edition.text.passage_index import PassageIndex
from thouez_edition.urls import page_file, page_location

# The day the edition's data is checked with when the changelog gives none (the build then stops).
UNKNOWN_DAY = "2004-01-01"
# The commands that publish files; `serve` rebuilds on every save and prints no PDF.
WRITING_COMMANDS = ("build", "gh-deploy")


@dataclass(frozen=True)
class Settings:
    """What the engine tells the build."""

    # The folder that holds data/ and pyproject.toml.
    project_dir: Path
    docs_dir: Path
    # The Markdown pages, in the order a reader meets them (the engine's navigation).
    reading_order: tuple[str, ...]
    site_url: str
    # The engine's command ("build", "serve", "gh-deploy"), None when not known.
    command: str | None
    environment: Mapping[str, str]
    # The engine's address style: folder-style (`paper/notes/`), as published, or file addresses
    # (`paper/notes.html`), as in the offline copy, which is the site built with them.
    directory_urls: bool = True
    # The engine's configuration file, which the offline copy is built from; None: no copy.
    config_file: Path | None = None


@dataclass(frozen=True)
class PdfJob:
    """How the PDF is printed once the site is written."""

    chromium: str
    record: Mapping[str, Any]
    colophon: Colophon
    directory_urls: bool


@dataclass(frozen=True)
class OfflineJob:
    """How the offline copy is made once the site is written."""

    config_file: Path
    # The command that runs the engine, which builds the copy as it builds the site.
    engine: tuple[str, ...]
    environment: Mapping[str, str]
    # The edition version's day, which the zip's entries carry.
    day: str
    # The PDF to put into the copy (its path in the site), None if the site has none.
    pdf: str | None


@dataclass(frozen=True)
class Edition:
    """Everything the engine is handed, made once per build and never changed."""

    # Lines for the engine's log.
    notes: tuple[str, ...]
    footer: str
    extensions: tuple[Extension, ...]
    # Options for Markdown extensions the engine names itself: the glossary for `abbr`.
    abbreviations: Mapping[str, str]
    # What the templates read (`config.extra` in MkDocs).
    template_data: Mapping[str, Any]
    # Files made by the build, by their path in the site; Markdown pages are converted as pages.
    generated: Mapping[str, str | bytes]
    # Files copied into the site as they are, by their path in the site.
    copied: Mapping[str, Path]
    sections: Mapping[str, SectionRenderer]
    search: SearchRecords
    # The PDF to print, and the offline copy to make, once the site is written (None: not here).
    pdf: PdfJob | None
    offline: OfflineJob | None
    record: Mapping[str, Any]
    description: str
    identity: Identity
    # How much the edition holds, for the benchmarks' cost per item.
    sizes: Mapping[str, int]

    def page_markdown(self, markdown: str, page: str) -> str:
        """A page's Markdown with the sections it asks for (`<!-- edition: name -->`) filled in."""
        return fill_placeholders(markdown, page, self.sections)

    def page_meta(self, page: str, is_homepage: bool) -> dict[str, str]:
        """The author (the paper's on its text, the editors' on theirs) and, on the title page, the
        description; escaped, as the theme writes them into <meta> tags as they are."""
        meta = {"author": str(meta_content(page_author(page, dict(self.record), self.identity)))}
        if is_homepage:
            meta["description"] = str(meta_content(self.description))
        return meta


def read_text(settings: Settings) -> list[tuple[str, str]]:
    """The pages of the text as `(path under docs/, Markdown)`, in reading order."""
    docs = settings.docs_dir
    pages = [path for path in settings.reading_order if is_paper_page(path) and (docs / path).is_file()]
    return [(path, (docs / path).read_text(encoding="utf-8")) for path in pages]


@dataclass(frozen=True)
class Loaded:
    """Stage 1's result: the data and the text, checked, and what this build is."""

    settings: Settings
    notes: tuple[str, ...]
    colophon: Colophon
    changelog: Changelog
    chromium: str | None
    checked: DataAndText
    # The offline copy this build makes (a published-style build that writes files), or None.
    offline: OfflineJob | None


@dataclass(frozen=True)
class Derived:
    """Stage 2's result: the formatted references and every citation the pages show."""

    loaded: Loaded
    record_of_edition: Mapping[str, Any]
    # The works cited, in the style's order, and by id.
    references: tuple[Formatted, ...]
    formatted: Mapping[str, Formatted]
    how_to_cite: HowToCite
    edition_citation: EditionCitation
    citations: Citations


def build_edition(settings: Settings) -> Edition:
    """Stages 1 to 3, and the parts of 4 that need no written site. Raises an `EditionError`:
    `DataError` with every problem found, or the error of the tool that failed."""
    return render(derive(load(settings)))


def load(settings: Settings) -> Loaded:
    """Stage 1: the data and the text, every problem of both in one `DataError`."""
    site_url = settings.site_url
    publishing = is_publishing(settings.command, dict(settings.environment))
    notes = [check_site_url(site_url, publishing)]
    chromium = find_chromium() if settings.command in WRITING_COMMANDS else None
    if settings.command in WRITING_COMMANDS and chromium is None:
        notes.append(f"No PDF of the paper: Chromium is not on this machine (looked for {', '.join(CHROMIUM_NAMES)}).")
    # The changelog's problems are reported with the data's and the text's, all at once.
    problems: list[Problem] = []
    changelog, version = Changelog(()), edition_version(settings.project_dir / "pyproject.toml")
    colophon = Colophon(version, UNKNOWN_DAY, None)
    try:
        changelog = read_changelog(settings.project_dir / CHANGELOG)
        colophon = make_colophon(settings.project_dir / "pyproject.toml", changelog, site_url, publishing)
    except DataError as error:
        problems += error.problems
    text = read_text(settings)
    try:
        checked = load_data_and_text(settings.project_dir / "data", text, colophon.version, colophon.date)
    except DataError as error:
        raise DataError(problems + error.problems) from None
    raise_if_any(problems)
    return Loaded(settings, tuple(notes), colophon, changelog, chromium, checked,
                  offline_job(settings, publishing, colophon.date, chromium is not None))


def offline_job(settings: Settings, publishing: bool, day: str, pdf: bool) -> OfflineJob | None:
    """The offline copy a build makes: one of a build that writes the published site (folder
    addresses, from a configuration file), built by the engine running this one. None otherwise:
    the copy's own build (file addresses) makes none, nor does `serve`."""
    if settings.command not in WRITING_COMMANDS or not settings.directory_urls or settings.config_file is None:
        return None
    return OfflineJob(settings.config_file, engine_command(sys.executable, sys.modules),
                      offline_environment(settings.environment, settings.site_url, publishing),
                      day, PDF_PATH if pdf else None)


def derive(loaded: Loaded) -> Derived:
    """Stage 2: references and citations, by pandoc's citeproc."""
    site_url, data, paper = loaded.settings.site_url, loaded.checked.data, loaded.checked.paper
    record, works, actors = data.paper.record, data.works, data.actors

    def url_of(page: str) -> str:
        return site_url.rstrip("/") + "/" + page_location(page)

    record_of_edition = edition_record(record, data.identity, site_url)
    # One pandoc run per style: the works, the paper and the edition in Chicago; the paper and the
    # edition in APA. Each entry is formatted on its own; the works keep the style's order.
    # The two records get ids no data id can have (data ids have no "_"), so none is taken twice.
    own = [{**record, "id": "paper_record"}, {**record_of_edition, "id": "edition_record"}]
    chicago = format_references([*works.records(), *own])
    apa = {reference.id: reference for reference in format_references(own, style_path("apa"))}
    formatted = {reference.id: reference for reference in chicago}
    paper_chicago, paper_apa = formatted.pop("paper_record"), apa["paper_record"]
    edition_chicago, edition_apa = formatted.pop("edition_record"), apa["edition_record"]
    return Derived(
        loaded=loaded,
        record_of_edition=record_of_edition,
        references=tuple(reference for reference in chicago if reference.id in formatted),
        formatted=formatted,
        how_to_cite=HowToCite(chicago=paper_chicago, apa=paper_apa, downloads=download_paths(STEM),
                              pdf=PDF_PATH if loaded.chromium else None, print_page=PRINT_PAGE,
                              epub=EPUB_PATH, tei=TEI_PATH),
        edition_citation=EditionCitation(chicago=edition_chicago, apa=edition_apa,
                                         downloads=download_paths(EDITION_STEM),
                                         offline=OFFLINE_PATH if loaded.offline else None),
        citations=passage_citations(
            paper, record, {"chicago": paper_chicago.text, "apa": paper_apa.text}, url_of, style_path("apa"),
            ProfilesToCite(record_of_edition, {"chicago": edition_chicago.text, "apa": edition_apa.text},
                           {actors.page_of(actor.id): actor.title for actor in actors.all}),
        ),
    )


def render(derived: Derived) -> Edition:
    """Stage 3, and stage 4's records: the pages, sections and extensions, the downloads and the
    search records, in one `Edition`."""
    loaded = derived.loaded
    settings, colophon, chromium = loaded.settings, loaded.colophon, loaded.chromium
    site_url, notes = settings.site_url, loaded.notes
    data, paper, page_map = loaded.checked.data, loaded.checked.paper, loaded.checked.page_map
    record, identity, actors, works = data.paper.record, data.identity, data.actors, data.works
    references, formatted, record_of_edition = list(derived.references), dict(derived.formatted), derived.record_of_edition
    how_to_cite, edition_citation, citations = derived.how_to_cite, derived.edition_citation, derived.citations
    text_pages = TextPages.of(paper)
    matcher = name_matcher(actors)
    found = every_passage(paper, matcher, actors)
    # Looked up by every profile: indexed once, so the cost grows with bodies + passages.
    passages = PassageIndex.of(paper)
    # Addresses in this build's own style; citations keep the published site's (`url_of` above).
    location = functools.partial(page_location, directory_urls=settings.directory_urls)

    sections: dict[str, SectionRenderer] = {
        **emendation_sections(data.emendations, paper),
        **actor_sections(actors, passages),
        "how-to-cite": functools.partial(render_how_to_cite, how_to_cite),
        "printed-pages": functools.partial(render_page_list, page_map),
        "cite-edition": functools.partial(render_cite_edition, edition_citation),
        "identity": functools.partial(render_identity, identity, edition_citation),
        "page-evidence": functools.partial(render_page_evidence, page_map),
    }
    print_page = render_print_page(record, paper, colophon)
    cited = note_citations(works, formatted)
    extensions: tuple[Extension, ...] = (
        MentionLinksExtension(matcher, actors.page_of, text_pages),
        NoteApparatusExtension(cited,
                               lambda printed, href: address_note(printed, href, actors.all), BIBLIOGRAPHY_PAGE, text_pages),
        PrintLayoutExtension(),
        PageBreaksExtension(page_map, tuple(paper.headings), text_pages),
        PassageCitationsExtension(citations, text_pages),
    )
    pdf_url = urljoin(site_url, PDF_PATH) if chromium and site_url else None
    generated: dict[str, str | bytes] = {
        NOTES_PAGE: render_notes_page(paper),
        PRINT_PAGE: print_page,
        PRINT_CSS: render_print_css(record),
        GLOSSARY_PAGE: render_glossary(data.glossary, actors),
        CHANGES_PAGE: render_changes_page(loaded.changelog, colophon.version),
        BIBLIOGRAPHY_PAGE: render_bibliography(works, references, paper, actors),
        **profile_pages(actors, paper, citations, found, passages),
        **_downloads(works, record, record_of_edition),
        **redirect_pages(page_map, location),
        # The text to take away: an EPUB for e-readers, TEI P5 for the tools of digital editions.
        EPUB_PATH: epub_file(record, data.paper.description, how_to_cite.chicago.text, identity, colophon, paper,
                             page_map, works, references, actors, cited),
        TEI_PATH: tei_document(record, identity, colophon, paper, page_map, actors, matcher, works, references,
                               data.emendations),
    }
    if chromium:
        generated[PDF_PATH] = b""  # printed from the built print page once the site is written
    if loaded.offline:
        generated[OFFLINE_PATH] = b""  # made once the site is written

    # Stage 4's part that needs no written site: the search records.
    blocks = {block.anchor: block for page in paper.pages for block in page.body}
    search = SearchRecords(
        text_pages=tuple(text_page_records(location(page.page), page) for page in paper.pages),
        whole_pages={
            location(BIBLIOGRAPHY_PAGE): whole_page(location(BIBLIOGRAPHY_PAGE), "Bibliography", WORK, (
                (entry.work.id, f"{entry.formatted.citation} · work cited", entry.formatted.text)
                for entries in entries_by_group(works, references, paper, actors).values() for entry in entries)),
            location(GLOSSARY_PAGE): whole_page(location(GLOSSARY_PAGE), "Glossary", TERM, (
                (term.anchor, f"{term.term} · glossary", term.expansion + (f": {term.note}" if term.note else ""))
                for term in data.glossary)),
        },
        profiles={
            location(actors.page_of(actor.id)): ProfileRecord("profile", actor.names, tuple(
                f"{location(place.passage.page)}#{place.passage.anchor}" for place in found.get(actor.id, ())))
            for actor in actors.all
        },
        page_starts={
            start.page.number: page_start_record(
                f"{location(blocks[start.anchor].page)}#{start.page.anchor}", start.page.number,
                blocks[start.anchor].text.split()[start.word:], blocks[start.page.at])
            for starts in page_map.breaks.values() for start in starts
            # A note that runs on to the next page has a break too, not the page's start.
            if start.marker_id == start.page.anchor
        },
    )
    schemas = settings.project_dir / "data" / "schemas"
    return Edition(
        notes=tuple(notes),
        footer=str(identity.footer()),
        extensions=extensions,
        abbreviations=abbreviations(data.glossary),
        template_data={
            # Where the edition's search finds its index (overrides/partials/search.html).
            "search_index": SEARCH_INDEX,
            # Every page's Content-Security-Policy (overrides/main.html).
            "content_security_policy": CONTENT_SECURITY_POLICY,
            # The print page links its own stylesheet (overrides/main.html).
            "print_page": {"page": PRINT_PAGE, "stylesheet": PRINT_CSS},
            "scholarly": {
                "tags": highwire_tags(record, works.records(), site_url, pdf_url),
                "json_ld": json_ld(record, works.records(), site_url, pdf_url),
            },
        },
        generated=generated,
        copied={f"schemas/{schema.name}": schema for schema in sorted(schemas.glob("*.schema.json"))},
        sections=sections,
        search=search,
        # The offline copy (file addresses) takes the published build's PDF instead of printing one.
        pdf=PdfJob(chromium, record, colophon, settings.directory_urls) if chromium and settings.directory_urls else None,
        offline=loaded.offline,
        record=record,
        description=data.paper.description,
        identity=identity,
        sizes={"bodies": len(actors.all), "works": len(works.works), "passages": len(paper.passages),
               "mentions": sum(len(places) for places in found.values())},
    )


def finish(edition: Edition, site_dir: Path, report: Callable[[str], None]) -> None:
    """Stage 4, once the engine has written the site to `site_dir`: the edition's search index
    (from the theme's and the search records), then the PDF printed and the offline copy made,
    each `report`ed as it is done. Raises an `EditionError` if one fails."""
    write_search_index(site_dir, edition.search)
    if edition.pdf:
        report(f"Printed the paper to {print_pdf(edition.pdf, site_dir)}")
    if edition.offline:
        report(f"Made the offline copy, {make_offline(edition.offline, site_dir)}")


def print_pdf(job: PdfJob, site_dir: Path) -> str:
    """Stage 4, once the site is written: the PDF from the built print page. Returns its path."""
    page = site_dir / page_file(PRINT_PAGE, job.directory_urls)
    print_to_pdf(job.chromium, page, site_dir / PDF_PATH)
    describe_pdf(site_dir / PDF_PATH, dict(job.record), job.colophon,
                 read_printed_page(page.read_text(encoding="utf-8")))
    return PDF_PATH


def make_offline(job: OfflineJob, site_dir: Path) -> str:
    """Stage 4, once the site and its PDF are written: the offline copy, built by the job's engine
    and zipped into the site. Returns the zip's path."""
    return make_offline_copy(job.engine, job.config_file, site_dir, job.day, job.environment, job.pdf)


def _downloads(works: Works, paper: Mapping[str, Any], edition: Mapping[str, Any]) -> dict[str, str]:
    """The reference-manager files of the works cited, the paper and the edition."""
    files: dict[str, str] = {}
    for stem, records, source in (("works-cited", works.records(), works.display_path),
                                  (STEM, [dict(paper)], "data/paper.yml"),
                                  (EDITION_STEM, [dict(edition)], "data/edition.yml")):
        try:
            files |= download_files(stem, records)
        except ExportError as error:
            line = None
            if source == works.display_path and error.record is not None:
                # Where the record stands in citations.yml, and its field at fault.
                index = next((i for i, item in enumerate(works.document.data)
                              if isinstance(item, dict) and str(item.get("id")) == error.record), None)
                if index is not None:
                    line = works.document.line((index, error.field or "id"))
            raise DataError([Problem(source, line, error.record or "", error.field or "", str(error))]) from None
    return files

