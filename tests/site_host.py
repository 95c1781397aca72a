"""Building the real site and serving it as a static host would, on 127.0.0.1: shared by the test
fixtures, the screenshot command and the benchmark.

The site is built with `site_url` equal to the origin it is served from, because Material's
instant navigation falls back to full page loads on any other origin.
"""

from __future__ import annotations

import fcntl
import functools
import gzip
import http.server
import json
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


class QuietServer(http.server.ThreadingHTTPServer):
    """A reader's browser may drop a connection it no longer needs (a preview it will not show):
    that is not an error of the site, so it is not reported."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def hosting(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` (built or not yet) on a free port of 127.0.0.1; yields its URL."""
    handler = functools.partial(StaticHost, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def served(site_dir: Path, config_dir: Path = ROOT) -> Iterator[tuple[str, str]]:
    """Build the site into `site_dir` and serve it on a free port; yields its URL and build log."""
    with hosting(site_dir) as url:
        yield url, build_site(site_dir, url, config_dir)


class SharedBuild:
    """One build of the real site for every process of a test run.

    The process that leads the run serves a folder from its start to its end (the site must be
    built for the address it is served from); the first process whose tests need the site builds
    it there, under a lock, and records the outcome, so the others wait for it and read the same
    outcome instead of building again."""

    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url = root, url
        self.site_dir = root / "site"

    def site(self) -> tuple[Path, str]:
        """The built site's folder and build log; raises `BuildFailed` if the build failed."""
        outcome = self.root / "outcome.json"
        with open(self.root / "build.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not outcome.exists():
                try:
                    result = {"built": True, "log": build_site(self.site_dir, self.url)}
                except BuildFailed as error:
                    result = {"built": False, "log": str(error)}
                outcome.write_text(json.dumps(result), encoding="utf-8")
        result = json.loads(outcome.read_text(encoding="utf-8"))
        if not result["built"]:
            raise BuildFailed(result["log"])
        return self.site_dir, result["log"]
