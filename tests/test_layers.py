"""The package's layers hold: a stage never imports from a stage that comes after it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_layer_imports_from_a_layer_above_it() -> None:
    # The contract is in pyproject.toml ([tool.importlinter]); the package lives under hooks/.
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
