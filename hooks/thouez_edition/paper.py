"""The paper as passages: its numbered paragraphs and its notes, read from the Markdown pages.

The author's pages carry a fixed id on every paragraph (`{#p12}` on the line after it) and the
notes as footnote definitions labelled with their printed numbers (`[^12]: ...`). Everything
the edition derives from the text (the notes page, links to passages) starts here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PARAGRAPH_ID = re.compile(r"^(?:> ?)?\{#(?P<id>(?:p|sn)\d+)\}\s*$")
NOTE_DEFINITION = re.compile(r"^\[\^(?P<label>\d+)\]:[ ]?(?P<text>.*)$")
NOTE_MARKER = re.compile(r"\[\^(?P<label>\d+)\]")
TITLE = re.compile(r"^#\s+(?P<title>.+?)\s*$", re.MULTILINE)
INDENT = "    "


@dataclass(frozen=True)
class Passage:
    """A paragraph or a note: where it is, how to link to it, and its Markdown."""

    kind: Literal["paragraph", "note"]
    anchor: str
    number: int
    page: str
    page_title: str
    markdown: str

    @property
    def label(self) -> str:
        return f"n. {self.number}" if self.kind == "note" else f"¶ {self.number}"


def page_title(markdown: str, fallback: str) -> str:
    match = TITLE.search(markdown)
    return match["title"] if match else fallback


def read_passages(page: str, markdown: str) -> list[Passage]:
    """The numbered paragraphs and the notes of one page, in the order they stand."""
    title = page_title(markdown, page)
    blocks = _blocks(markdown)
    passages: list[Passage] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        definition = NOTE_DEFINITION.match(block[0])
        if definition:
            paragraphs = ["\n".join([definition["text"], *block[1:]])]
            index += 1
            while index < len(blocks) and blocks[index][0].startswith(INDENT):
                paragraphs.append("\n".join(line.removeprefix(INDENT) for line in blocks[index]))
                index += 1
            number = int(definition["label"])
            passages.append(Passage("note", f"fn:{number}", number, page, title, "\n\n".join(paragraphs)))
            continue
        paragraph_id = PARAGRAPH_ID.match(block[-1])
        if paragraph_id:
            anchor = paragraph_id["id"]
            text = "\n".join(line.removeprefix(">").strip() for line in block[:-1])
            number = int(anchor.lstrip("psn"))
            passages.append(Passage("paragraph", anchor, number, page, title, text))
        index += 1
    return passages


def _blocks(markdown: str) -> list[list[str]]:
    """Split Markdown into runs of non-blank lines; each note definition starts a run of its own."""
    blocks: list[list[str]] = [[]]
    for line in markdown.splitlines():
        if NOTE_DEFINITION.match(line) and blocks[-1]:
            blocks.append([line])
        elif line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def markers_in(markdown: str) -> list[int]:
    return [int(match["label"]) for match in NOTE_MARKER.finditer(markdown)]


@dataclass(frozen=True)
class Paper:
    """Every passage of the edition's text, in reading order, and where each note is called."""

    passages: tuple[Passage, ...]

    @property
    def paragraphs(self) -> list[Passage]:
        return [p for p in self.passages if p.kind == "paragraph"]

    @property
    def notes(self) -> list[Passage]:
        return sorted((p for p in self.passages if p.kind == "note"), key=lambda p: p.number)

    def calling_paragraph(self, note: int) -> Passage | None:
        """The paragraph whose marker calls `note`."""
        for paragraph in self.paragraphs:
            if note in markers_in(paragraph.markdown):
                return paragraph
        return None

    def find(self, text: str) -> list[Passage]:
        """The passages whose words contain `text` (markers and line breaks ignored)."""
        wanted = " ".join(text.split())
        return [p for p in self.passages if wanted in plain_words(p.markdown)]


def plain_words(markdown: str) -> str:
    """The words of a passage's Markdown, without note markers and with links reduced to their text."""
    text = NOTE_MARKER.sub("", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


def build_paper(pages: list[tuple[str, str]]) -> Paper:
    """Gather the passages of `pages` (each `(path, markdown)`), ordered as the pages are."""
    passages = [passage for page, markdown in pages for passage in read_passages(page, markdown)]
    return Paper(tuple(passages))
