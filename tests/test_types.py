"""The edition's code type-checks: mypy, configured in pyproject.toml, finds no error in the
package or in the MkDocs hook that drives it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

# The package as a directory, so that a module added or moved inside it is checked too.
TARGETS = ["hooks/thouez_edition", "hooks/edition.py"]


def test_mypy_finds_no_error_in_the_package_and_the_hook() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file=pyproject.toml", *TARGETS],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
    )
    output = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and output.startswith("Success: no issues found"), f"mypy says:\n{output}"
