"""The search library the site ships (docs/assets/javascripts/vendor/minisearch/) is MiniSearch
exactly as its package on npm has it, at the version tests/minisearch/package-lock.json pins
(tests/run installs it), with its licence beside it; and the edition's search scripts load it
from there."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT

SHIPPED = ROOT / "docs" / "assets" / "javascripts" / "vendor" / "minisearch"
PACKAGE = ROOT / "tests" / "minisearch" / "node_modules" / "minisearch"
# The package's files the site ships, by their name in the site.
FILES = {"index.js": "dist/umd/index.js", "index.js.map": "dist/umd/index.js.map", "LICENSE.txt": "LICENSE.txt"}


def test_the_shipped_library_is_the_pinned_package_byte_for_byte() -> None:
    if not PACKAGE.is_dir():
        pytest.fail(f"{PACKAGE.relative_to(ROOT)} is missing: run ./tests/run, which installs it with npm ci")
    lock = json.loads((ROOT / "tests" / "minisearch" / "package-lock.json").read_text(encoding="utf-8"))
    installed = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == lock["packages"]["node_modules/minisearch"]["version"]
    assert installed["license"] == "MIT"
    differing = [name for name, path in FILES.items() if (SHIPPED / name).read_bytes() != (PACKAGE / path).read_bytes()]
    assert differing == [], f"copy {differing} again from {PACKAGE.relative_to(ROOT)}"
    assert sorted(path.name for path in SHIPPED.iterdir()) == sorted(FILES)


def test_the_worker_loads_the_shipped_library() -> None:
    worker = (ROOT / "docs" / "assets" / "javascripts" / "search-worker.js").read_text(encoding="utf-8")
    assert 'importScripts("vendor/minisearch/index.js");' in worker
