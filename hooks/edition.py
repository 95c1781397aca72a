"""MkDocs hooks: glue between MkDocs' events and the build's stages (`thouez_edition.stages`).

MkDocs loads this module once and does not reload it under `serve`, while `on_config` runs on
every rebuild: the edition is made anew there, and this module keeps only that one handle.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from thouez_edition.errors import EditionError
from thouez_edition.escaping import html_attribute, meta_content, script_json
from thouez_edition.stages import Edition, Settings, build_edition, finish
from thouez_edition.text.navigation import nav_paths

log = get_plugin_logger("edition")
_command: str | None = None
_edition: Edition | None = None


def stop(error: Exception) -> NoReturn:
    """End the build with the error's message and no traceback. MkDocs shows a message it has
    logged before only once, so under `serve` it is logged here every time."""
    log.error(str(error))
    raise PluginError("The edition was not built: see the problems above.") from None


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _edition
    settings = Settings(
        project_dir=Path(config.config_file_path).parent,
        docs_dir=Path(config.docs_dir),
        reading_order=tuple(nav_paths(config.nav)),
        site_url=config.site_url or "",
        command=_command,
        environment=dict(os.environ),
        directory_urls=config.use_directory_urls,
        config_file=Path(config.config_file_path),
    )
    try:
        _edition = edition = build_edition(settings)
    except EditionError as error:
        stop(error)
    for note in edition.notes:
        log.info(note)
    config.copyright = edition.footer
    # MkDocs types the option as names, but hands the list to Python-Markdown, which takes instances.
    config.markdown_extensions += list(edition.extensions)  # type: ignore[arg-type]
    config.mdx_configs["abbr"] = {"glossary": dict(edition.abbreviations)}
    config.mdx_configs["thouez_edition.extensions.print_addresses"] = {"site_url": settings.site_url}
    config.extra.update(edition.template_data)
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # The theme's templates write values unescaped: the overrides escape data with these.
    env.filters.update(edition_attribute=html_attribute, edition_meta=meta_content, edition_script_json=script_json)
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _edition is not None
    for path, content in _edition.generated.items():
        files.append(File.generated(config, path, content=content))
    for path, source in _edition.copied.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _edition is not None
    page.meta.update(_edition.page_meta(page.file.src_uri, page.is_homepage))
    try:
        return _edition.page_markdown(markdown, page.file.src_uri)
    except EditionError as error:
        stop(error)


def on_post_build(config: MkDocsConfig) -> None:
    assert _edition is not None
    # Hooks run after plugins for an event: the search plugin has written its index.
    try:
        finish(_edition, Path(config.site_dir), log.info)
    except EditionError as error:
        stop(error)
