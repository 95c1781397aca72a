"""Links that preview a profile, marked for the edition's script rather than the theme's.

Material's preview extension marks every link whose target is a profile with `data-preview`, and
Material's script then mounts watchers on each marked link when a page loads. The edition shows
previews from one delegated listener instead (docs/assets/javascripts/tooltips.js), made only
when a reader points at a link; this treeprocessor renames the mark to `data-lazy-preview` so the
theme's script leaves those links alone. Links to a place on the same page (a heading's permalink
on a profile) are not previews of anything and lose the mark.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

THEME_MARK = "data-preview"
EDITION_MARK = "data-lazy-preview"


class LazyPreviews(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if THEME_MARK not in link.attrib:
                continue
            del link.attrib[THEME_MARK]
            if not (link.get("href") or "").startswith("#"):
                link.set(EDITION_MARK, "")


class LazyPreviewsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Below 0: after Material's preview extension (0) has marked the links, and after MkDocs'
        # relpath processor (0, registered later), so hrefs are final and same-page links are
        # plain fragments.
        md.treeprocessors.register(LazyPreviews(md), "lazy_previews", -1)


def makeExtension(**kwargs: object) -> LazyPreviewsExtension:
    return LazyPreviewsExtension(**kwargs)
