"""Under `mkdocs serve`, every rebuild that fails says why, even when the message is the same as
the last time (MkDocs drops a log message it has shown before)."""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import ROOT

MESSAGE = 'data/organizations.yml:{line}: icmc.founded: is "soon"; expected a year, as a whole number'


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_rebuild_that_fails_again_says_why_again(tmp_path: Path) -> None:
    for name in ("mkdocs.yml", "CHANGELOG.md", "docs", "data", "hooks", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    organizations = tmp_path / "data" / "organizations.yml"
    good = organizations.read_text(encoding="utf-8")
    line = good.splitlines().index("  founded: 1951") + 1
    assert "- id: icmc" in good.splitlines()[line - 12 : line]
    bad = good.replace("  founded: 1951", "  founded: soon", 1)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()  # type: ignore[union-attr]
    seen: list[str] = []

    def wait_for(text: str, count: int, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while sum(text in line for line in seen) < count:
            assert server.poll() is None, "".join(seen)
            try:
                seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue.Empty:
                raise AssertionError(f"waited for {text!r} x{count}:\n" + "".join(seen)) from None

    try:
        wait_for("Serving on", 1)
        for attempt in (1, 2, 3):
            organizations.write_text(bad + "\n" * attempt, encoding="utf-8")  # a save that changes nothing else
            wait_for(MESSAGE.format(line=line), attempt)
            wait_for("An error happened during the rebuild", attempt)
        assert "Traceback" not in "".join(seen)
    finally:
        server.terminate()
        server.wait(timeout=20)
        server.stdout.close()  # type: ignore[union-attr]
