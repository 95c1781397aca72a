"""The text as XML trees, for the formats a reader takes away (EPUB, TEI): each page's blocks and
each note as the load stage converted them, parsed as XML, with a mark where each page of the
2004 print begins; and the means to mark words in place (a name, a reading kept as printed)
without changing a character of them.

A position in the text is a slot (an element's `text`, or the `tail` after it) and an offset in
it, the way `extensions.page_breaks` counts words; note markers are left out of the words, as in
the passages' own text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable, Iterator
from typing import Literal

import lxml.etree
import lxml.html

from thouez_edition.extensions.page_breaks import insert_marker
from thouez_edition.text.page_map import Break
from thouez_edition.text.paper import MARKER_PREFIX

# Stands where a printed page begins until each format writes its own mark (attributes `n`, `id`).
PAGE_START = "page-start"

Slot = tuple[etree.Element, Literal["text", "tail"]]
Place = tuple[Slot, int]
Skip = Callable[[etree.Element], bool]


def xml_blocks(html: str) -> etree.Element:
    """HTML blocks, as the load stage wrote them, as one XML tree under a `div`."""
    holder = lxml.html.fragment_fromstring(html, create_parent="div")
    return etree.fromstring(lxml.etree.tostring(holder, encoding="unicode", method="xml"))


def is_note_marker(element: etree.Element) -> bool:
    return element.tag == "sup" and (element.get("id") or "").startswith(MARKER_PREFIX)


def mark_page_starts(element: etree.Element, breaks: Iterable[Break]) -> None:
    """A `page-start` element at the word of `element` where each of `breaks` begins a page."""
    for found in breaks:
        marker = etree.Element(PAGE_START, {"n": str(found.page.number), "id": found.marker_id})
        if not insert_marker(element, found.word, marker):
            raise ValueError(f"page {found.page.number} begins after the last word of {found.anchor}")


def text_slots(element: etree.Element, skip: Skip) -> list[Slot]:
    """The text of `element` in reading order, leaving out what is under a skipped element."""
    slots: list[Slot] = [(element, "text")]
    for child in element:
        if not skip(child):
            slots.extend(text_slots(child, skip))
        slots.append((child, "tail"))
    return slots


def slot_text(slot: Slot) -> str:
    node, kind = slot
    return (node.text if kind == "text" else node.tail) or ""


def _set(slot: Slot, value: str) -> None:
    node, kind = slot
    if kind == "text":
        node.text = value or None
    else:
        node.tail = value or None


def words_pattern(words: str) -> re.Pattern[str]:
    """`words` with any white space between them, as the passages' text compares them."""
    return re.compile(r"\s+".join(re.escape(word) for word in words.split()))


def find_words(element: etree.Element, words: str, skip: Skip) -> list[tuple[Place, Place]]:
    """Every place where `words` stand in the text of `element`: where they begin and where they
    end (the end's offset is just after the last character)."""
    slots = text_slots(element, skip)
    texts = [slot_text(slot) for slot in slots]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text)
    joined = "".join(texts)

    def place(offset: int, at_end: bool) -> Place:
        for index, (start, text) in enumerate(zip(starts, texts)):
            inside = start < offset <= start + len(text) if at_end else start <= offset < start + len(text)
            if inside:
                return slots[index], offset - start
        raise ValueError("an offset outside the text")

    return [(place(match.start(), False), place(match.end(), True))
            for match in words_pattern(words).finditer(joined) if match.end() > match.start()]


def _parents(root: etree.Element) -> dict[etree.Element, etree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _container(slot: Slot, parents: dict[etree.Element, etree.Element]) -> tuple[etree.Element, int]:
    """The element whose children a slot's text stands among, and the index of the child after it."""
    node, kind = slot
    if kind == "text":
        return node, 0
    parent = parents[node]
    return parent, list(parent).index(node) + 1


def _lifted(root: etree.Element, place: Place, parents: dict[etree.Element, etree.Element], at_end: bool) -> Place:
    """The same position, as high in the tree as it can be: the start of an element's words is
    just before the element, the end of its words just after it (so "HRW’s refers to" can be
    wrapped whole although "HRW" is a name)."""
    (node, kind), offset = place
    while node is not root:
        parent = parents[node]
        if not at_end and kind == "text" and offset == 0:
            index = list(parent).index(node)
            before: Slot = (parent[index - 1], "tail") if index else (parent, "text")
            (node, kind), offset = before, len(slot_text(before))
        elif at_end and kind == "text" and not len(node) and offset == len(node.text or ""):
            kind, offset = "tail", 0
        elif at_end and kind == "tail" and offset == len(node.tail or "") and parent[-1] is node and parent is not root:
            node, kind, offset = parent, "tail", 0
        else:
            break
    return (node, kind), offset


def wrap(root: etree.Element, start: Place, end: Place, wrapper: etree.Element) -> bool:
    """Put the text from `start` to `end` (and any elements between) into `wrapper`, where both
    stand among the children of one element; False, and nothing changed, where they do not."""
    parents = _parents(root)
    start_slot, start_offset = start
    end_slot, end_offset = end
    if not (start_slot[0] is end_slot[0] and start_slot[1] == end_slot[1]):
        (start_slot, start_offset) = _lifted(root, start, parents, at_end=False)
        (end_slot, end_offset) = _lifted(root, end, parents, at_end=True)
    container, first = _container(start_slot, parents)
    end_container, _ = _container(end_slot, parents)
    if container is not end_container:
        return False
    text = slot_text(start_slot)
    if start_slot[0] is end_slot[0] and start_slot[1] == end_slot[1]:
        _set(start_slot, text[:start_offset])
        wrapper.text, wrapper.tail = text[start_offset:end_offset] or None, text[end_offset:] or None
        container.insert(first, wrapper)
        return True
    last_child = end_slot[0]
    moved = list(container)[first : list(container).index(last_child) + 1]
    _set(start_slot, text[:start_offset])
    wrapper.text = text[start_offset:] or None
    for child in moved:
        container.remove(child)
        wrapper.append(child)
    tail = last_child.tail or ""
    last_child.tail, wrapper.tail = tail[:end_offset] or None, tail[end_offset:] or None
    container.insert(first, wrapper)
    return True


def insert_at(root: etree.Element, place: Place, element: etree.Element) -> None:
    """Put an empty `element` at `place`."""
    slot, offset = place
    container, index = _container(slot, _parents(root))
    text = slot_text(slot)
    _set(slot, text[:offset])
    element.tail = text[offset:] or None
    container.insert(index, element)


def matches_in_slots(
    element: etree.Element, skip: Skip, find: Callable[[str], Iterator[tuple[int, int, str]]]
) -> list[tuple[Slot, int, int, str]]:
    """What `find` reports in each slot of `element`'s text, as `(slot, start, end, value)`."""
    return [(slot, start, end, value)
            for slot in text_slots(element, skip) for start, end, value in find(slot_text(slot))]


def wrap_in_slot(root: etree.Element, slot: Slot, start: int, end: int, wrapper: etree.Element) -> None:
    """Put characters `start` to `end` of one slot into `wrapper`; wrap from the last match of a
    slot to its first, so that the earlier offsets still hold."""
    wrap(root, (slot, start), (slot, end), wrapper)
