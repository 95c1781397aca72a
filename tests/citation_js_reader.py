"""citation-js (npm, pinned in tests/citation-js), the independent reader of the reference files
the site publishes: what it understands of each file, and its APA rendering of every entry."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterable
from typing import Any

import pytest

from tests.conftest import ROOT

CITATION_JS = ROOT / "tests" / "citation-js"


def read_with_citation_js(paths: Iterable[str]) -> dict[str, Any]:
    """What citation-js reads from each file, by path (the format is told by the extension)."""
    if not (CITATION_JS / "node_modules").is_dir() or shutil.which("node") is None:
        pytest.fail("citation-js is not installed: run ./tests/run, which installs tests/citation-js")
    result = subprocess.run(["node", str(CITATION_JS / "read.js"), *paths],
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
