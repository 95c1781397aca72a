"""Link the first mention of each organisation or process in every paragraph and note to its profile.

The author's Markdown carries no markup for names: this treeprocessor finds them in the text of
each numbered paragraph (`p` with an id such as `p12`) and of each note (`li` in the notes list)
and wraps the first mention of each actor in a link. It only ever splits a text node around a
name and moves the name, unchanged, into a link: the words stay exactly as they were.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension

from thouez_edition.extensions.text_pages import TextPages, TextPageTreeprocessor
from thouez_edition.text.mentions import NameMatcher
from thouez_edition.text.paper import NOTE_PREFIX, PASSAGE_ID
from thouez_edition.urls import relative_link

# Text inside these is not the running text of a passage: links, code, note markers.
SKIP = {"a", "code", "pre", "sup", "abbr", "script", "style"}
MENTION_CLASS = "mention"

LinkFor = Callable[[str], str]


def passages(root: etree.Element) -> list[etree.Element]:
    """The numbered paragraphs and the notes of a page, in document order."""
    found = []
    for element in root.iter():
        if element.tag == "p" and PASSAGE_ID.match(element.get("id") or ""):
            found.append(element)
        elif element.tag == "div" and "footnote" in (element.get("class") or "").split():
            found.extend(item for item in element.iter("li") if item.get("id", "").startswith(NOTE_PREFIX))
    return found


def link_first_mentions(passage: etree.Element, matcher: NameMatcher, link_for: LinkFor) -> None:
    """Wrap the first mention of each actor in `passage` in a link to `link_for(actor_id)`."""
    linked: set[str] = set()
    anchor = passage.get("id")

    def split(text: str) -> tuple[str, list[etree.Element]]:
        """Text up to the first new mention, and links (each carrying the text after it)."""
        links: list[etree.Element] = []
        lead, position = None, 0
        for mention in matcher.finditer(text, anchor):
            if mention.actor_id in linked:
                continue
            linked.add(mention.actor_id)
            link = etree.Element("a", {"href": link_for(mention.actor_id), "class": MENTION_CLASS})
            link.text = mention.text
            if links:
                links[-1].tail = text[position : mention.start]
            else:
                lead = text[: mention.start]
            links.append(link)
            position = mention.end
        if not links:
            return text, []
        links[-1].tail = text[position:]
        return lead or "", links

    def walk(element: etree.Element) -> None:
        if element.text:
            element.text, links = split(element.text)
            for offset, link in enumerate(links):
                element.insert(offset, link)
        for child in [child for child in element if child.get("class") != MENTION_CLASS]:
            if child.tag not in SKIP:
                walk(child)
            if child.tail:
                child.tail, links = split(child.tail)
                index = list(element).index(child)
                for offset, link in enumerate(links, start=1):
                    element.insert(index + offset, link)

    walk(passage)


class MentionLinks(TextPageTreeprocessor):
    def __init__(self, md: Markdown, extension: MentionLinksExtension) -> None:
        super().__init__(md, extension.text_pages)
        self.extension = extension

    def run_on_page(self, root: etree.Element, page: str) -> None:
        target_of = self.extension.target_of
        for passage in passages(root):
            link_first_mentions(passage, self.extension.matcher, lambda actor: relative_link(page, target_of(actor)))


class MentionLinksExtension(Extension):
    """Links mentions on the pages of the text only."""

    def __init__(self, matcher: NameMatcher, target_of: LinkFor, text_pages: TextPages, **kwargs: object) -> None:
        self.matcher = matcher
        self.target_of = target_of
        self.text_pages = text_pages
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # 7.5: after attr_list (8) has set paragraph ids, before abbr (7) wraps acronyms, and
        # before MkDocs' relpath (0) resolves and validates the `.md` links made here.
        md.treeprocessors.register(MentionLinks(md, self), "mention_links", 7.5)
