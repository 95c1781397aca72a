"""The offline copy: the whole site built a second time with file addresses (`page.html`, which a
browser opens from disk) and without search, and packed into one zip file offered for download.

The engine that runs the build builds it (`engine_command`), with
`EDITION_ONLINE=false`, which `mkdocs.yml` reads for `use_directory_urls` and the search plugin.
That build prints no PDF and makes no copy of its own: the published build's PDF goes into it.
The zip is the same for the same files: its entries are sorted and dated the edition version's
day.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from pathlib import Path

from thouez_edition.data.publishing import PUBLISH_VARIABLE, SITE_URL_VARIABLE
from thouez_edition.errors import EditionError

OFFLINE_PATH = "downloads/thouez-2004-edition-offline.zip"
# The folder the zip unpacks to.
OFFLINE_FOLDER = "thouez-2004-edition"
# What only a web server uses (its page for a missing address, which links from the site's root,
# and the sitemap for search engines): left out of the copy.
SERVER_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")
# Set to "false" for the offline copy's build; mkdocs.yml reads it.
ONLINE_VARIABLE = "EDITION_ONLINE"


class OfflineCopyError(EditionError):
    """The offline copy could not be built; the message carries the engine's words."""


def engine_command(executable: str, modules: Collection[str]) -> tuple[str, ...]:
    """The command that runs the engine this build runs under, given the Python that runs it and
    the names of the modules it has loaded: ProperDocs, which runs the hook file as MkDocs does,
    if it is loaded, else MkDocs."""
    return (executable, "-m", "properdocs" if "properdocs" in modules else "mkdocs")


def build_offline_site(engine: Sequence[str], config_file: Path, folder: Path, environment: Mapping[str, str]) -> None:
    """Build the site with file addresses and no search into `folder`, strictly: a warning in the
    copy fails the build as one in the site does."""
    command = [*engine, "build", "--strict", "--config-file", str(config_file), "--site-dir", str(folder)]
    result = subprocess.run(command, cwd=config_file.parent, capture_output=True, text=True,
                            env={**environment, ONLINE_VARIABLE: "false"})
    if result.returncode != 0:
        log = "\n".join((result.stdout + result.stderr).strip().splitlines()[-20:])
        raise OfflineCopyError(f"the offline copy was not built; its build said:\n{log}")


def zip_folder(folder: Path, archive: Path, top: str, day: str) -> None:
    """Pack `folder` into `archive` under the folder `top`: every file, sorted, dated `day`."""
    moment = date.fromisoformat(day)
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as packed:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            packed.writestr(entry, path.read_bytes())


def make_offline_copy(engine: Sequence[str], config_file: Path, site_dir: Path, day: str,
                      environment: Mapping[str, str], pdf: str | None) -> str:
    """Build the offline copy, put the site's PDF (`pdf`, a path in the site) into it, and zip it
    into the site. Returns the zip's path in the site."""
    with tempfile.TemporaryDirectory(prefix="thouez-edition-offline-") as work:
        copy = Path(work) / OFFLINE_FOLDER
        build_offline_site(engine, config_file, copy, environment)
        for name in SERVER_FILES:
            (copy / name).unlink(missing_ok=True)
        if pdf and (site_dir / pdf).is_file():
            (copy / pdf).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site_dir / pdf, copy / pdf)
        zip_folder(copy, site_dir / OFFLINE_PATH, OFFLINE_FOLDER, day)
    return OFFLINE_PATH


def offline_environment(environment: Mapping[str, str], site_url: str, publishing: bool) -> dict[str, str]:
    """The environment of the copy's build: the site's, with the site's address, and publishing
    when the site's build is (`gh-deploy` is, without the variable)."""
    copied = {**environment, SITE_URL_VARIABLE: site_url}
    if publishing:
        copied[PUBLISH_VARIABLE] = "1"
    return copied
