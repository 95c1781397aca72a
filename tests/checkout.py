"""The state of the git working tree, so the suite can check that a test run leaves it as it was."""

from __future__ import annotations

import hashlib
import subprocess

from tests.site_host import ROOT

TreeState = dict[str, str]


def working_tree() -> TreeState | None:
    """Every path git reports as changed or untracked (ignored files, such as test-results/ and
    .venv/, are not), with a digest of its content; None outside a git checkout."""
    try:
        listing = subprocess.run(
            ["git", "status", "--porcelain=v1", "-z", "--untracked-files=all"],
            cwd=ROOT, capture_output=True, check=True,
        ).stdout.decode("utf-8", "surrogateescape")
    except (OSError, subprocess.CalledProcessError):
        return None
    state: TreeState = {}
    for entry in filter(None, listing.split("\0")):
        status, path = entry[:2], entry[3:]
        file = ROOT / path
        digest = hashlib.sha256(file.read_bytes()).hexdigest()[:12] if file.is_file() else "gone"
        state[path] = f"{status.strip() or '?'} {digest}"
    return state


STATUS = {"??": "untracked", "M": "modified", "A": "added", "D": "deleted", "R": "renamed", "MM": "modified"}


def _describe(state: str | None) -> str:
    if state is None:
        return "clean"
    status, digest = state.split(" ", 1)
    return f"{STATUS.get(status, status)} (content {digest})"


def changes(before: TreeState, after: TreeState) -> list[str]:
    """What differs between two states of the working tree, path by path."""
    return [
        f"{path}: was {_describe(before.get(path))}, now {_describe(after.get(path))}"
        for path in sorted(set(before) | set(after))
        if before.get(path) != after.get(path)
    ]
