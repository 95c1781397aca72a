"""Shared fixtures: the real site, built once per session with `mkdocs build --strict` and served
on 127.0.0.1 at the same origin as its `site_url`; the browser; and a check that the run leaves
the checkout as it found it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import settings
from playwright.sync_api import expect

from tests.checkout import TreeState, working_tree
from tests.site_host import CHROMIUM, RESULTS, ROOT, BuildFailed, served
from tests.site_html import BuiltSite
from thouez_edition.printing import QUIET_CHROMIUM_FLAGS

__all__ = ["CHROMIUM", "RESULTS", "ROOT"]  # imported by the tests from here

# Hypothesis' default deadline (200 ms an example) is a timing threshold: a busy machine overruns it.
settings.register_profile("edition", deadline=None)
settings.load_profile("edition")

# Browser tests wait for conditions, never for fixed times; the bound on each wait only ends a test
# that would otherwise hang, so it is far above what a loaded machine needs (Playwright's default
# of 5 s for an expectation is not).
expect.set_options(timeout=60_000)

TREE_CHECK = "test_the_run_leaves_the_working_tree_as_it_found_it"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    site_dir = tmp_path_factory.mktemp("site")
    try:
        with served(site_dir) as (url, log):
            yield BuiltSite(site_dir, url, log)
    except BuildFailed as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Drive Debian's chromium; Playwright must never download a browser of its own."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (tests/run does)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": QUIET_CHROMIUM_FLAGS}


# --- the checkout is left as it was ---------------------------------------------------------------

_TREE_AT_START = pytest.StashKey["TreeState | None"]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_TREE_AT_START] = working_tree()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The tree check looks at what every other test did, so it runs after all of them.
    items.sort(key=lambda item: getattr(item, "originalname", "") == TREE_CHECK)


@pytest.fixture
def tree_at_start(pytestconfig: pytest.Config) -> TreeState | None:
    """The working tree as it was when this test run started."""
    return pytestconfig.stash[_TREE_AT_START]
