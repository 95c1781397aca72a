"""Building the real site and serving it as a static host would, on 127.0.0.1: shared by the test
fixtures, the screenshot command and the benchmark.

The site is built with `site_url` equal to the origin it is served from, because Material's
instant navigation falls back to full page loads on any other origin.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# Debian's chromium: the browser tests, Lighthouse and the build's PDF all use it.
CHROMIUM = Path("/usr/bin/chromium")
# Everything a test run writes goes here (ignored by git); pytest-playwright empties it at the start.
RESULTS = ROOT / "test-results"


class BuildFailed(RuntimeError):
    """`mkdocs build --strict` failed; the message carries its output."""


class StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: quietly, and gzip-compressed when asked."""

    COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".bib", ".ris"}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the base class redirects "/page" to "/page/"
            target = target / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and target.is_file() and target.suffix in self.COMPRESSED):
            return super().do_GET()
        body = gzip.compress(target.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


def build_site(site_dir: Path, url: str, config_dir: Path = ROOT) -> str:
    """Run `mkdocs build --strict` into `site_dir` for the origin `url`; return its log."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=config_dir,
        env={**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildFailed(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


@contextmanager
def served(site_dir: Path, config_dir: Path = ROOT) -> Iterator[tuple[str, str]]:
    """Build the site into `site_dir` and serve it on a free port; yields its URL and build log."""
    handler = functools.partial(StaticHost, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        log = build_site(site_dir, url, config_dir)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield url, log
        finally:
            server.shutdown()
    finally:
        server.server_close()
