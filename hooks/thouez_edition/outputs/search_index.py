"""What the site's search finds, and where a hit leads: the edition's own search index, made from
the text and the data in memory, with the theme's records of the other pages.

The site's search is the edition's own (`docs/assets/javascripts/search*.js`, MAINTAINING.md
says why). Its index is one JSON file (`SEARCH_INDEX`), fetched only when a reader opens search;
the theme's own index, which its search plugin writes and nothing reads, is left as the plugin
wrote it:

- `docs`: every record, in plain text: on the pages of the text every paragraph and every note
  (a hit leads to `#p12` or `#fn:12`), placed after the heading it stands under; every
  bibliography entry and glossary term; each profile with the names the paper gives the body;
  the other pages as the theme's search plugin collected them, by heading. The excerpts that
  profiles repeat from the text are left out, so the same words do not come up twice.
- `citations`: where "n. 25", "¶ 31" and "p. 12" lead: the record of note 25, of paragraph 31,
  and of the start of page 12 of the print (records of their own, found only so).
- `spellings`: the British and American spellings of the index's own words, each mapped to one
  form, so that "organization" finds "organisation" and the reverse.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html

from thouez_edition.text.paper import Heading, PageText, Passage

# Where the site's search index is written, from the site's root.
SEARCH_INDEX = "search/edition-index.json"
# Heading sections of profiles that only repeat the text's own words.
REPEATED_SECTIONS = ("#in-the-paper",)
# The heading the edition puts over a section's notes (extensions/note_apparatus.py).
NOTES_HEADING = "notes"
# What a record is; the search weighs and labels hits by it (search-worker.js).
PARAGRAPH, NOTE, SERIES_NOTE = "paragraph", "note", "series-note"
PROFILE, WORK, TERM, PAGE, PAGE_START = "profile", "work", "term", "page", "page-start"


@dataclass(frozen=True)
class SearchRecord:
    """One hit: where it leads, what it is called, its words (plain text), what it is, and for a
    profile the names of its body and the passages that name it (as the profile lists them)."""

    location: str
    title: str
    text: str = ""
    kind: str = PAGE
    names: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()

    def as_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"location": self.location, "title": self.title, "text": self.text, "kind": self.kind}
        if self.names:
            doc["names"] = list(self.names)
        if self.mentions:
            doc["mentions"] = list(self.mentions)
        return doc


@dataclass(frozen=True)
class TextPageRecords:
    """A page of the text: its passages' records, each after the heading (by id; "" for the top of
    the page) under which it stands."""

    location: str
    after_heading: tuple[tuple[str, SearchRecord], ...]


@dataclass(frozen=True)
class ProfileRecord:
    """What a profile is, the names of its body, and where the passages it lists are."""

    kind: str
    names: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class SearchRecords:
    """Everything the edition says to search: the pages of the text, the pages it indexes wholly
    itself (the bibliography, the glossary), the profiles (by address: what they are and the
    names of their bodies), and where each printed page begins (by its number)."""

    text_pages: tuple[TextPageRecords, ...]
    whole_pages: Mapping[str, tuple[SearchRecord, ...]]
    profiles: Mapping[str, ProfileRecord]
    page_starts: Mapping[int, SearchRecord]


def passage_title(passage: Passage) -> str:
    """What a hit on a passage says: its place in the print and the edition, and the section and
    subsection where it stands (a note, where it is called): "p. 10, n. 25 · Explaining the
    dearth of activity › Regional consultative mechanisms"."""
    if passage.series_note:
        return f"Series note, {passage.place}"
    section, *deeper = passage.headings or (passage.page_title,)
    return f"{passage.place} · {section}" + (f" › {deeper[-1]}" if deeper else "")


def text_page_records(location: str, page: PageText) -> TextPageRecords:
    """A page's paragraphs after their headings, then its notes after the notes' heading."""
    placed: list[tuple[str, SearchRecord]] = []
    heading = ""
    for item in page.body:
        if isinstance(item, Heading):
            # The page's title leads to the page itself, like the theme's own record for it.
            heading = item.anchor if item.level > 1 else ""
        elif item.anchor:
            placed.append((heading, passage_record(location, item)))
    placed += [(NOTES_HEADING, passage_record(location, note))
               for note in page.passages if note.kind == "note" and note.anchor]
    return TextPageRecords(location, tuple(placed))


def passage_record(location: str, passage: Passage) -> SearchRecord:
    kind = SERIES_NOTE if passage.series_note else NOTE if passage.kind == "note" else PARAGRAPH
    return SearchRecord(f"{location}#{passage.anchor}", passage_title(passage), passage.text, kind)


# How many of a page's first words a hit on its start shows.
PAGE_START_WORDS = 40


def page_start_record(location: str, number: int, words: list[str], where: Heading | Passage) -> SearchRecord:
    """Where page `number` of the print begins: "p. 12 of the print begins · in ¶ 44 · Section",
    with the page's first words (`words`: the rest of the passage where it begins)."""
    if isinstance(where, Passage):
        section, *deeper = where.headings or (where.page_title,)
        title = f"p. {number} of the print begins · in {where.label} · {section}" + (f" › {deeper[-1]}" if deeper else "")
    else:
        title = f"p. {number} of the print begins · {where.text}"
    shown = " ".join(words[:PAGE_START_WORDS]) + (" …" if len(words) > PAGE_START_WORDS else "")
    return SearchRecord(location, title, shown, PAGE_START)


def whole_page(location: str, title: str, kind: str, records: Iterable[tuple[str, str, str]]) -> tuple[SearchRecord, ...]:
    """A page indexed wholly by the edition: the page, then one record of `kind` per
    `(id, title, text)`."""
    return (SearchRecord(location, title), *(SearchRecord(f"{location}#{anchor}", name, text, kind)
                                             for anchor, name, text in records))


def plain(markup: str | None) -> str:
    """The words of a piece of the theme's index (HTML) as plain text: the small numbers of a
    profile's sources left out, white space made single spaces."""
    if not markup or not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for sup in root.iter("sup"):
        sup.drop_tree()
    # Blocks' words are apart (a heading and its paragraph), an inline element's words stay apart.
    return " ".join(" ".join(root.itertext()).split())


def edition_index(theme_index: Mapping[str, Any], records: SearchRecords) -> dict[str, Any]:
    """The site's search index, from the theme's (`search/search_index.json`, read as JSON) and the
    edition's records.

    On a page of the text the theme's records of its headings stay, and each passage follows the
    heading it stands under (a heading's own record then loses the words the passages hold); the
    bibliography and the glossary are the edition's records alone; profiles say what they are,
    carry their bodies' names, and leave out the text they repeat.
    """
    text_pages = {page.location: page for page in records.text_pages}
    docs: list[SearchRecord] = []
    # The pages of the text follow the others, in reading order.
    text_docs: dict[str, list[SearchRecord]] = {page.location: [] for page in records.text_pages}
    placed: set[str] = set()
    for doc in theme_index["docs"]:
        location = doc["location"]
        page, _, heading = location.partition("#")
        if page in records.whole_pages or location.endswith(REPEATED_SECTIONS):
            continue
        record = SearchRecord(location, plain(doc.get("title")), plain(doc.get("text")))
        if page in text_pages:
            under = [passage for after, passage in text_pages[page].after_heading if after == heading]
            # The theme's words of a section that holds passages are theirs to find, not its own.
            text_docs[page].append(SearchRecord(location, record.title) if under else record)
            text_docs[page] += under
            placed.update(passage.location for passage in under)
            continue
        if location in records.profiles:
            profile = records.profiles[location]
            record = SearchRecord(location, f"{record.title} · {profile.kind}", record.text, PROFILE,
                                  profile.names, profile.mentions)
        docs.append(record)
    for page in records.text_pages:
        docs += text_docs[page.location]
        # A passage under a heading the theme did not index still gets a record, at its page's end.
        docs += [passage for _, passage in page.after_heading if passage.location not in placed]
    for page_records in records.whole_pages.values():
        docs += page_records
    docs += records.page_starts.values()
    return {
        "docs": [doc.as_doc() for doc in docs],
        "citations": citations(docs, records.page_starts),
        "spellings": spellings(word for doc in docs for word in WORD.findall(f"{doc.title} {doc.text}")),
    }


def write_search_index(site_dir: Path, records: SearchRecords) -> None:
    """Once the theme's search plugin has written its index into the site: write the edition's
    beside it. A build without search (the offline copy) has neither."""
    theme_index = site_dir / "search" / "search_index.json"
    if theme_index.exists():
        index = edition_index(json.loads(theme_index.read_text(encoding="utf-8")), records)
        (site_dir / SEARCH_INDEX).write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def citations(docs: list[SearchRecord], page_starts: Mapping[int, SearchRecord]) -> dict[str, dict[str, int]]:
    """Where each note, paragraph and printed page is, as the position of its record in `docs`."""
    position = {doc.location: index for index, doc in enumerate(docs)}
    by_kind: dict[str, dict[str, int]] = {"n": {}, "para": {}, "p": {}}
    for index, doc in enumerate(docs):
        anchor = doc.location.rpartition("#")[2]
        if doc.kind == NOTE:
            by_kind["n"][anchor.removeprefix("fn:")] = index
        elif doc.kind == PARAGRAPH:
            by_kind["para"][anchor.removeprefix("p")] = index
    for number, record in page_starts.items():
        by_kind["p"][str(number)] = position[record.location]
    return by_kind


WORD = re.compile(r"[^\W\d_]+")
# British spelling → American, by the end of a word; the search maps both to the British form.
# (A longer stem is required where a short one would make another word: "rise", "hour".)
_TO_AMERICAN: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{3,})our(s|ed|ing|able|ably|ite|ites|er|ers)?$"), r"\1or\2"),
    (re.compile(r"^(\w*[^aeiou\W])tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(\w{4,})mme(s)?$"), r"\1m\2"),
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(\w{2,}[ae]l)l(ed|ing)$"), r"\1\2"),
)
# American → British, for the American spellings the text itself prints ("organization").
_TO_BRITISH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(\w{3,})iz(e|es|ed|ing|ation|ations|er|ers)$"), r"\1is\2"),
    (re.compile(r"^(\w{2,})yz(e|es|ed|ing)$"), r"\1ys\2"),
    (re.compile(r"^(cent|theat|fib|met)er(s)?$"), r"\1re\2"),
    (re.compile(r"^(dial|catal|anal)og(s)?$"), r"\1ogue\2"),
    (re.compile(r"^(def|off|lic|pret)ense(s)?$"), r"\1ence\2"),
)


def _respell(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for pattern, replacement in rules:
        respelt, count = pattern.subn(replacement, word)
        if count:
            return respelt
    return None


def spellings(words: Iterable[str]) -> dict[str, str]:
    """For the words given: each other spelling of a word, mapped to its British form (the word
    itself, or the British form of an American spelling the text prints)."""
    mapped: dict[str, str] = {}
    for word in sorted({word.lower() for word in words if len(word) > 3}):
        british = _respell(word, _TO_BRITISH)
        if british:
            mapped[word] = british
        else:
            british = word
        american = _respell(british, _TO_AMERICAN)
        if american and american != british:
            mapped[american] = british
    return dict(sorted(mapped.items()))
