"""Running the pinned Lighthouse offline against Debian's chromium: one place for the command, used by
the accessibility test (tests/test_lighthouse.py) and the speed benchmark (tests/benchmark.py).

Lighthouse is the npm package pinned in tests/lighthouse/package-lock.json (`tests/run` installs it
with `npm ci`); it drives Debian's chromium, never a browser of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from thouez_edition.outputs.pdf import QUIET_CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
LIGHTHOUSE = ROOT / "tests" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
# Node 20 with Lighthouse 12 takes 10-16 s a page here; a generous bound for a loaded machine, so
# that a broken run ends with its output rather than hanging the suite.
TIMEOUT_SECONDS = 600


class LighthouseError(RuntimeError):
    """Lighthouse could not run or could not audit the page; the message says why."""


def run_lighthouse(url: str, stem: Path, categories: list[str], config: Path | None = None) -> dict:
    """Run Lighthouse (mobile preset) once on `url`; write `stem`.report.json/.html; return the JSON.

    `config` is a Lighthouse configuration file that extends the default one (the benchmark's
    lists every script's main-thread time, not only those above 50 ms)."""
    if shutil.which("node") is None:
        raise LighthouseError("node is missing: Lighthouse needs Node.js 18.16 or later (tests/run installs it)")
    if not LIGHTHOUSE.exists():
        raise LighthouseError(f"{LIGHTHOUSE} is missing: run `npm ci --prefix tests/lighthouse` (tests/run does)")
    if not CHROMIUM.exists():
        raise LighthouseError(f"{CHROMIUM} is missing: install Debian's chromium (tests/run does)")
    stem.parent.mkdir(parents=True, exist_ok=True)
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output=html",
        f"--output-path={stem}",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={' '.join(['--headless', *QUIET_CHROMIUM_FLAGS])}",
        "--quiet",
        *([f"--config-path={config}"] if config else []),
    ]
    try:
        result = subprocess.run(
            command,
            check=False,
            cwd=ROOT,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            capture_output=True,
            text=True,
            timeout=TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        raise LighthouseError(f"Lighthouse took more than {TIMEOUT_SECONDS} s on {url}") from None
    report = stem.with_name(f"{stem.name}.report.json")
    if result.returncode != 0 or not report.exists():
        raise LighthouseError(
            f"Lighthouse failed on {url}, exit status {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    lhr = json.loads(report.read_text(encoding="utf-8"))
    if lhr.get("runtimeError"):
        raise LighthouseError(f"Lighthouse could not audit {url}: {lhr['runtimeError']}")
    return lhr
