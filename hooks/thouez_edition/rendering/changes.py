"""The readers' *What changed* page, made from the changelog: each version, newest first, with the
day it was released and its changes by kind, and the changes not yet in a version."""

from __future__ import annotations

from datetime import date

from markupsafe import Markup

from thouez_edition.data.changelog import Changelog, Release
from thouez_edition.rendering.templating import render

CHANGES_PAGE = "changes.md"


def long_date(day: str) -> str:
    """An ISO date as readers write it: "2 December 2026"."""
    parsed = date.fromisoformat(day)
    return f"{parsed.day} {parsed:%B %Y}"


def heading_id(release: Release) -> str:
    """A version's anchor: `version-0-1-0`, or `unreleased`."""
    return f"version-{release.version.replace('.', '-')}" if release.released else "unreleased"


def render_changes_page(changelog: Changelog, version: str) -> str:
    """The page's Markdown. The changes are the maintainers' Markdown, as written in the changelog."""
    releases = [
        {
            "release": release,
            # Attribute lists, as Markup: the ids are made of version numbers and kinds (checked).
            "attributes": Markup("{#%s}") % heading_id(release),
            "kind_attributes": {changes.kind: Markup("{#%s-%s}") % (heading_id(release), changes.kind.lower())
                                for changes in release.changes},
            "day": long_date(release.date) if release.date else None,
            "changes": [(changes.kind, [Markup(item) for item in changes.items]) for changes in release.changes],
        }
        for release in changelog.releases
    ]
    released = [release for release in changelog.releases if release.released]
    return render(
        "changes.md",
        releases=releases,
        version=version,
        day=long_date(changelog.version_date(version)),
        last=released[0].version if released else None,
    )
