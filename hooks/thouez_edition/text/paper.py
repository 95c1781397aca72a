"""The paper as passages: its numbered paragraphs and its notes, read once from the Markdown pages
with Python-Markdown, the parser that renders them.

The conventions of the author's pages are defined here and nowhere else: every paragraph carries a
fixed id (`{#p12}`, or `{#sn3}` in the series note) on the line after it, and every note is a
footnote labelled with its printed number (`[^12]: ...`). Everything the edition derives from the
text (the notes page, the profiles' lists of mentions, the page map of the print, citations) reads
the passages made here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

import lxml.html
import markdown
from markdown.extensions.footnotes import FootnoteExtension

from thouez_edition.text.printed_notes import PrintedNoteNumbersExtension

# A numbered paragraph's id: `p12` in the paper, `sn3` in the series note.
PASSAGE_ID = re.compile(r"^(?P<series>p|sn)(?P<number>\d+)$")
# A note's anchor and its marker's, as the footnotes extension writes them for label `12`.
NOTE_PREFIX = "fn:"
MARKER_PREFIX = "fnref:"
# The extensions that give the text its structure; mkdocs.yml names each of them too (tested).
STRUCTURE_EXTENSIONS = ("attr_list", "md_in_html", "footnotes", "tables", "toc")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The title page holds the GCIM's series note in a block of this class; on a page that has one,
# only the block is the text (the rest of the page is the edition's).
SERIES_NOTE_CLASS = "series-note"


def note_anchor(number: int) -> str:
    return f"{NOTE_PREFIX}{number}"


def marker_anchor(number: int) -> str:
    return f"{MARKER_PREFIX}{number}"


def note_number(anchor: str, prefix: str = NOTE_PREFIX) -> int | None:
    """The printed number in `fn:12` (or `fnref:12` with that prefix); None for anything else."""
    label = anchor.removeprefix(prefix)
    return int(label) if label != anchor and label.isdigit() else None


@dataclass(frozen=True)
class Passage:
    """A paragraph or a note: where it stands, how to link to it, and its words."""

    kind: Literal["paragraph", "note"]
    anchor: str
    number: int
    page: str
    page_title: str
    # The headings it stands under, outermost first: a note stands where it is called.
    headings: tuple[str, ...]
    # The words as a reader sees them, with no note markers.
    text: str
    # A paragraph's note markers, in order, and how many of its words stand before each.
    calls: tuple[int, ...] = ()
    call_words: tuple[int, ...] = ()
    quotation: bool = False
    # A note's Markdown as written; empty for a paragraph.
    note_markdown: str = ""
    # A note's blocks as this reading converted them, without the link back to its marker (for
    # pages that show the note again); empty for a paragraph.
    note_html: str = ""
    # The line of the page's Markdown where the passage's id or label stands.
    line: int | None = None
    # The pages of the 2004 print it stands on, first and last, once the page map is known.
    print_pages: tuple[int, int] | None = None

    @property
    def series_note(self) -> bool:
        return self.anchor.startswith("sn")

    @property
    def label(self) -> str:
        return f"n. {self.number}" if self.kind == "note" else f"¶ {self.number}"

    @property
    def pages_label(self) -> str:
        """"p. 6" or "pp. 5–6": where the passage stands in the 2004 print."""
        if self.print_pages is None:
            return ""
        first, last = self.print_pages
        return f"p. {first}" if first == last else f"pp. {first}–{last}"

    @property
    def place(self) -> str:
        """"p. 6, ¶ 15" or "p. 10, n. 25": the passage in the print and in the edition."""
        return ", ".join(part for part in (self.pages_label, self.label) if part)

    @property
    def section(self) -> str:
        """The heading it stands under, innermost (a subsection if there is one)."""
        return self.headings[-1] if self.headings else self.page_title


@dataclass(frozen=True)
class Heading:
    """A heading of the text: its level, id and words, and the page it is on."""

    level: int
    anchor: str
    text: str
    page: str


# Stands for a note marker while the words around it are counted; the text cannot hold it.
_MARKER = "\ue000"


def _words_and_calls(element: lxml.html.HtmlElement) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The words of an element without note markers or back-links; the notes its markers call,
    and how many words stand before each marker."""
    element = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    for backlink in element.xpath(".//a[contains(@class, 'footnote-backref')]"):
        backlink.drop_tree()
    calls = []
    for marker in element.xpath(".//sup[starts-with(@id, 'fnref')]"):
        href = next(iter(marker.xpath(".//a/@href")), "").removeprefix("#")
        number = note_number(href)
        if number is None:
            # A marker whose label is not a number stays as written, for passage_checks to report.
            _replace_with_text(marker, f"[^{href.removeprefix(NOTE_PREFIX)}]")
            continue
        calls.append(number)
        _replace_with_text(marker, _MARKER)
    pieces = element.text_content().split(_MARKER)
    call_words = tuple(len("".join(pieces[: index + 1]).split()) for index in range(len(pieces) - 1))
    return " ".join("".join(pieces).split()), tuple(calls), call_words


def _replace_with_text(element: lxml.html.HtmlElement, text: str) -> None:
    parent = element.getparent()
    assert parent is not None, "a note marker is found inside its passage, so it has a parent"
    previous = element.getprevious()
    joined = text + (element.tail or "")
    if previous is not None:
        previous.tail = (previous.tail or "") + joined
    else:
        parent.text = (parent.text or "") + joined
    parent.remove(element)


def _words(element: lxml.html.HtmlElement) -> str:
    return _words_and_calls(element)[0]


def _note_html(item: lxml.html.HtmlElement) -> str:
    """A note's blocks as converted, without the link back to its marker and the space before it."""
    item = lxml.html.fromstring(lxml.html.tostring(item, encoding="unicode"))
    for backlink in item.xpath(".//a[contains(@class, 'footnote-backref')]"):
        previous, parent = backlink.getprevious(), backlink.getparent()
        if previous is not None:
            previous.tail = (previous.tail or "").removesuffix("\u00a0")
        elif parent is not None:
            parent.text = (parent.text or "").removesuffix("\u00a0")
        backlink.drop_tree()
    blocks = [lxml.html.tostring(child, encoding="unicode", with_tail=False) for child in item]
    return "\n".join(blocks)


def _text_html(root: lxml.html.HtmlElement, text_root: lxml.html.HtmlElement) -> str:
    """The text's blocks as converted: the series note's block where the page has one, else every
    block of the page but its notes."""
    if text_root is not root:
        return lxml.html.tostring(text_root, encoding="unicode", with_tail=False)
    return "\n".join(lxml.html.tostring(child, encoding="unicode", with_tail=False)
                     for child in root if "footnote" not in (child.get("class") or "").split())


def _note_items(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    return tuple(lxml.html.tostring(item, encoding="unicode", with_tail=False)
                 for item in root.xpath("./div[contains(concat(' ', @class, ' '), ' footnote ')]/ol/li[@id]"))


def _line_of(markdown_text: str, token: str, occurrence: int = 0) -> int | None:
    """The line of the `occurrence`-th line (from 0) that holds `token`."""
    found = (number for number, line in enumerate(markdown_text.splitlines(), start=1) if token in line)
    return next((number for index, number in enumerate(found) if index == occurrence), None)


def _line_of_block(markdown_text: str, words: str) -> int | None:
    """The first line of the block of Markdown (lines between blank lines) whose words, once
    converted, begin with `words`' first words: a paragraph found by its words even where its
    Markdown has emphasis, links or line breaks among them. Used only for paragraphs that lack
    their id, to say where they are."""
    wanted = words.split()[:4]
    start = 1
    block: list[str] = []
    for number, line in enumerate([*markdown_text.splitlines(), ""], start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line)
            continue
        if block:
            converted = markdown.markdown("\n".join(block), extensions=["attr_list"]) or "<p></p>"
            text = lxml.html.fragment_fromstring(converted, create_parent="div").text_content()
            if text.split()[: len(wanted)] == wanted:
                return start
            block = []
    return None


# A note's definition as written, whatever its label (Python-Markdown keeps one of two with the
# same label, and passage_checks reports the other).
DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:", re.MULTILINE)


@dataclass(frozen=True)
class PageText:
    """One page of the text, as read: its title, headings and passages in reading order."""

    page: str
    title: str
    headings: tuple[Heading, ...]
    passages: tuple[Passage, ...]
    # The text's headings and paragraphs in the order they stand (notes apart).
    body: tuple[Heading | Passage, ...] = ()
    # The text as this reading converted it, for pages that show it again: its blocks without the
    # notes (on the title page, the series note's block), and each note's list item.
    html: str = ""
    note_items: tuple[str, ...] = ()
    # Whether the page holds the series note (the title page must).
    has_series_note: bool = False


def read_page(page: str, markdown_text: str) -> PageText:
    """Read one page's passages and headings, in the order they stand."""
    footnotes = FootnoteExtension()
    parser = markdown.Markdown(extensions=[footnotes, *(name for name in STRUCTURE_EXTENSIONS if name != "footnotes"),
                                           PrintedNoteNumbersExtension()])
    html = parser.convert(markdown_text)
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    raw_notes = {str(label): text for label, text in footnotes.footnotes.items()}

    headings: list[Heading] = []
    open_headings: dict[int, str] = {}
    title = next((_words(h1) for h1 in root.iter("h1")), page)
    paragraphs: list[Passage] = []
    body: list[Heading | Passage] = []
    headings_of_call: dict[int, tuple[str, ...]] = {}
    text_root = next(iter(root.xpath(f".//div[contains(concat(' ', @class, ' '), ' {SERIES_NOTE_CLASS} ')]")), root)
    for element in text_root.iter(*HEADINGS, "p"):
        if element.xpath("ancestor::div[contains(concat(' ', @class, ' '), ' footnote ')]"):
            continue
        if element.tag in HEADINGS:
            level = int(element.tag[1])
            heading = Heading(level, element.get("id") or "", _words(element), page)
            open_headings = {lvl: words for lvl, words in open_headings.items() if lvl < level}
            open_headings[level] = heading.text
            headings.append(heading)
            body.append(heading)
            continue
        anchor = element.get("id") or ""
        match = PASSAGE_ID.match(anchor)
        if not match:
            # A paragraph without its id: read, so that passage_checks can report it.
            text = _words(element)
            paragraphs.append(Passage("paragraph", "", 0, page, title, (), text,
                                      line=_line_of_block(markdown_text, text)))
            continue
        text, calls, call_words = _words_and_calls(element)
        under = tuple(words for _, words in sorted(open_headings.items()) if words)
        for number in calls:
            headings_of_call.setdefault(number, under)
        paragraphs.append(
            paragraph := Passage(
                kind="paragraph",
                anchor=anchor,
                number=int(match["number"]),
                page=page,
                page_title=title,
                headings=under,
                text=text,
                calls=calls,
                call_words=call_words,
                quotation=bool(element.xpath("ancestor::blockquote")),
                line=_line_of(markdown_text, "{#" + anchor + "}",
                              sum(1 for other in paragraphs if other.anchor == anchor)),
            )
        )
        body.append(paragraph)
    notes: list[Passage] = []
    for item in root.xpath(".//div[contains(concat(' ', @class, ' '), ' footnote ')]/ol/li[@id]"):
        # A label that is not a number gives number 0, for passage_checks to report.
        label = item.get("id").removeprefix(NOTE_PREFIX)
        number = note_number(item.get("id")) or 0
        text, calls, _ = _words_and_calls(item)
        notes.append(
            Passage(
                kind="note",
                anchor=item.get("id"),
                number=number,
                page=page,
                page_title=title,
                headings=headings_of_call.get(number, (title,)),
                text=text,
                calls=calls,
                note_markdown=raw_notes.get(label, "").strip(),
                note_html=_note_html(item),
                line=_line_of(markdown_text, f"[^{label}]:"),
            )
        )
    labels = [match["label"] for match in DEFINITION.finditer(markdown_text)]
    for label in sorted({label for label in labels if labels.count(label) > 1}):
        for occurrence in range(1, labels.count(label)):
            notes.append(Passage("note", f"{NOTE_PREFIX}{label}", note_number(NOTE_PREFIX + label) or 0, page, title,
                                 (title,), "", line=_line_of(markdown_text, f"[^{label}]:", occurrence)))
    return PageText(page, title, tuple(headings), (*paragraphs, *notes), tuple(body),
                    html=_text_html(root, text_root), note_items=_note_items(root),
                    has_series_note=text_root is not root)


@dataclass(frozen=True)
class Paper:
    """Every passage of the edition's text, in reading order, and the pages they stand on.

    The passages, and where each is looked up, are gathered once for the paper (it never
    changes): gathered at each call, a lookup for every note or passage cost notes × passages."""

    pages: tuple[PageText, ...]

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        return tuple(passage for page in self.pages for passage in page.passages)

    @cached_property
    def _by_anchor(self) -> dict[str, Passage]:
        found: dict[str, Passage] = {}
        for passage in self.passages:
            found.setdefault(passage.anchor, passage)
        return found

    @cached_property
    def _callers(self) -> dict[int, Passage]:
        """The first paragraph that calls each note."""
        found: dict[int, Passage] = {}
        for paragraph in self.paragraphs:
            for note in paragraph.calls:
                found.setdefault(note, paragraph)
        return found

    @property
    def paragraphs(self) -> list[Passage]:
        return [p for p in self.passages if p.kind == "paragraph"]

    @property
    def notes(self) -> list[Passage]:
        return sorted((p for p in self.passages if p.kind == "note"), key=lambda p: p.number)

    @property
    def headings(self) -> list[Heading]:
        return [heading for page in self.pages for heading in page.headings]

    def with_print_pages(self, spans: Mapping[str, tuple[int, int]]) -> Paper:
        """The same text, each passage knowing the pages of the print it stands on."""
        return Paper(tuple(
            replace(page, passages=tuple(replace(p, print_pages=spans.get(p.anchor)) for p in page.passages),
                    body=tuple(replace(b, print_pages=spans.get(b.anchor)) if isinstance(b, Passage) else b for b in page.body))
            for page in self.pages
        ))

    def passage(self, anchor: str) -> Passage | None:
        return self._by_anchor.get(anchor)

    def calling_paragraph(self, note: int) -> Passage | None:
        """The paragraph whose marker calls `note`."""
        return self._callers.get(note)

    def find(self, text: str) -> list[Passage]:
        """The passages whose words contain `text` (markers and line breaks ignored)."""
        wanted = " ".join(text.split())
        return [p for p in self.passages if wanted in p.text]


def build_paper(pages: Iterable[tuple[str, str]]) -> Paper:
    """Read `pages` (each `(path, markdown)`), in the order given."""
    return Paper(tuple(read_page(page, markdown_text) for page, markdown_text in pages))
