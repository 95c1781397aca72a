"""Shared fixtures: the real site, built once per run with `mkdocs build --strict` (one build for
all of pytest-xdist's workers) and served on 127.0.0.1 at the same origin as its `site_url`; the
browser; and a check that the run leaves the checkout as it found it."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import ExitStack
from pathlib import Path

import pytest
from hypothesis import settings
from playwright.sync_api import expect
from thouez_edition.outputs.pdf import QUIET_CHROMIUM_FLAGS

from tests.checkout import changes, working_tree
from tests.site_host import CHROMIUM, RESULTS, ROOT, BuildFailed, SharedBuild, hosting
from tests.site_html import BuiltSite

__all__ = ["CHROMIUM", "RESULTS", "ROOT"]  # imported by the tests from here

# Hypothesis' default deadline (200 ms an example) is a timing threshold: a busy machine overruns it.
settings.register_profile("edition", deadline=None)
settings.load_profile("edition")

# Browser tests wait for conditions, never for fixed times; the bound on each wait only ends a test
# that would otherwise hang, so it is far above what a loaded machine needs (Playwright's default
# of 5 s for an expectation is not).
expect.set_options(timeout=60_000)

_SHARED_BUILD = pytest.StashKey[SharedBuild]()
_HOSTING = pytest.StashKey[ExitStack]()


@pytest.fixture(scope="session")
def site(pytestconfig: pytest.Config) -> BuiltSite:
    shared = pytestconfig.stash[_SHARED_BUILD]
    try:
        site_dir, log = shared.site()
    except BuildFailed as error:
        pytest.fail(str(error))
    return BuiltSite(site_dir, shared.url, log)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's chromium; Playwright must never download a browser of its own."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (tests/run does)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": QUIET_CHROMIUM_FLAGS}


# --- the checkout is left as it was, and test-results/ starts empty ------------------------------
#
# The check runs in the process that leads the run (with pytest-xdist, the controller; without it,
# the only one), after every test: it compares the working tree with the tree at the start and
# reports the result as a test of its own, so a run that changes a tracked file fails.

TREE_CHECK_ID = "tests/conftest.py::the run leaves the working tree as it found it"
_TREE_AT_START = pytest.StashKey["TreeState | None"]()


def _leads_the_run(config: pytest.Config) -> bool:
    return not hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    if _leads_the_run(config):
        config.stash[_TREE_AT_START] = working_tree()
        # Reports and pictures of this run only; emptied once, before any worker writes to it.
        shutil.rmtree(RESULTS, ignore_errors=True)
        # The folder of the run's one build, served by this process for as long as the run lasts.
        stack = config.stash[_HOSTING] = ExitStack()
        root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="thouez-edition-site-")))
        (root / "site").mkdir()
        config.stash[_SHARED_BUILD] = SharedBuild(root, stack.enter_context(hosting(root / "site")))
    else:
        shared = config.workerinput["thouez_edition_site"]
        config.stash[_SHARED_BUILD] = SharedBuild(Path(shared["root"]), shared["url"])


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """pytest-xdist: tell each worker where the run's one build is and where it is served."""
    shared = node.config.stash[_SHARED_BUILD]
    node.workerinput["thouez_edition_site"] = {"root": str(shared.root), "url": shared.url}


def pytest_unconfigure(config: pytest.Config) -> None:
    if _HOSTING in config.stash:
        config.stash[_HOSTING].close()


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir() -> None:
    """pytest-playwright's own fixture empties test-results/ in every worker as it starts, which
    could remove what another worker has written; the run empties it once instead (above)."""


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if not _leads_the_run(config) or config.stash.get(_TREE_AT_START, None) is None:
        return  # a worker, or not a git checkout
    now = working_tree()
    changed = changes(config.stash[_TREE_AT_START], now or {})
    report = pytest.TestReport(
        nodeid=TREE_CHECK_ID,
        location=("tests/conftest.py", 0, "the run leaves the working tree as it found it"),
        keywords={},
        outcome="failed" if changed else "passed",
        longrepr=("the test run changed the working tree:\n" + "\n".join(changed)) if changed else None,
        when="call",
    )
    config.hook.pytest_runtest_logreport(report=report)
    if changed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
