"""MkDocs hooks: the thin wiring between MkDocs' build events and the `thouez_edition` package.

Hook modules are loaded once and not reloaded by `mkdocs serve`, while `on_config` runs on every
rebuild: so data is loaded there and module state is replaced, never appended to.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from thouez_edition.actors import Actors, load_actors
from thouez_edition.emendations import Emendations, load_emendations
from thouez_edition.errors import DataError
from thouez_edition.glossary import Term, abbreviations, load_glossary
from thouez_edition.mention_links import MentionLinksExtension
from thouez_edition.navigation import is_paper_page, nav_paths
from thouez_edition.pages import NOTES_PAGE, UnknownSection, fill_placeholders, render_notes_page
from thouez_edition.paper import Paper, build_paper
from thouez_edition.profiles import GLOSSARY_PAGE, name_matcher, profile_pages, render_glossary
from thouez_edition.templates import relative_link


@dataclass
class _Build:
    data_dir: Path
    emendations: Emendations
    actors: Actors
    glossary: list[Term]
    mention_links: MentionLinksExtension
    paper: Paper | None = None


_build: _Build | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        actors = load_actors(data_dir)
        _build = _Build(
            data_dir=data_dir,
            emendations=load_emendations(data_dir),
            actors=actors,
            glossary=load_glossary(data_dir, actors),
            mention_links=MentionLinksExtension(name_matcher(actors)),
        )
    except DataError as error:
        raise PluginError(str(error)) from None
    config.markdown_extensions.append(_build.mention_links)
    config.mdx_configs["abbr"] = {"glossary": abbreviations(_build.glossary)}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    by_path = {file.src_uri: file for file in files.documentation_pages()}
    text_pages = [
        (path, by_path[path].content_string)
        for path in nav_paths(config.nav)
        if is_paper_page(path) and path in by_path
    ]
    _build.paper = build_paper(text_pages)
    generated = {
        NOTES_PAGE: render_notes_page(_build.paper),
        GLOSSARY_PAGE: render_glossary(_build.glossary, _build.actors),
        **profile_pages(_build.actors, _build.paper),
    }
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content))
    for schema in sorted((_build.data_dir / "schemas").glob("*.schema.json")):
        files.append(File.generated(config, f"schemas/{schema.name}", abs_src_path=str(schema)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _build is not None and _build.paper is not None
    source = page.file.src_uri
    actors = _build.actors
    # Mentions are linked in the author's text only, from the page being converted next.
    _build.mention_links.link_for = (
        (lambda actor_id: relative_link(source, actors.page_of(actor_id))) if is_paper_page(source) else None
    )
    try:
        return fill_placeholders(markdown, source, _build.emendations, _build.paper)
    except (DataError, UnknownSection) as error:
        raise PluginError(str(error)) from None
