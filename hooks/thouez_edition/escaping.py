"""One escaping function for each kind of output a string from the data can reach.

Every string from a data file is text, never markup: it is escaped for the exact place it goes,
with the one function for that place.

| where it goes                                      | function          |
|----------------------------------------------------|-------------------|
| HTML text (every value in the `.html` templates)   | `html_text`       |
| an HTML attribute value                            | `html_attribute`  |
| a `<meta>` tag's `content`                         | `meta_content`    |
| Markdown source (the few `.md` templates)          | `markdown_text`   |
| text or an attribute of a Python-Markdown element  | `tree_text`       |
| JSON inside a `<script>` element                   | `script_json`     |
| pandoc's Markdown (the records pandoc writes out)  | `pandoc_markdown_text` |

BibTeX and RIS themselves are written by pandoc and rispy (`exports.py`); the search index is
plain text in JSON, which the edition's search puts into the page as text (`search.js`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup, escape

# Characters that Markdown could read as syntax anywhere on a line: all of ASCII punctuation.
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_MARKDOWN_WHITE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def html_text(value: Any) -> Markup:
    """Text between HTML tags: `&`, `<`, `>` and both quotes become character references, and
    so does a tab (Python-Markdown turns tabs into spaces, even in raw HTML)."""
    return Markup(str(escape(str(value))).replace("\t", "&#9;"))


def html_attribute(value: Any) -> Markup:
    """The value of a double-quoted HTML attribute (the same references as `html_text`)."""
    return html_text(value)


def meta_content(value: Any) -> Markup:
    """A `<meta>` tag's `content`: one line of text, as an attribute value."""
    return html_attribute(" ".join(str(value).split()))


def markdown_text(value: Any) -> Markup:
    """Text in Markdown source that Python-Markdown shows exactly as given, in any position.

    Every ASCII punctuation character and every white space other than an inner space becomes
    a numeric character reference, so nothing can start emphasis, a link, a list, a heading, a
    table cell, an attribute list or raw HTML; the result is safe in HTML too.
    """
    text = str(value)
    out = []
    last = len(text) - 1
    for position, character in enumerate(text):
        if character in _ASCII_PUNCTUATION:
            out.append(f"&#{ord(character)};")
        elif character.isspace() and (character != " " or position in (0, last)):
            out.append(f"&#{ord(character)};")
        else:
            out.append(character)
    return Markup("".join(out))


def tree_text(value: Any) -> str:
    """Text or an attribute value set on an element of Python-Markdown's tree.

    Its serializer escapes `<` and `>` but leaves an `&` that looks like the start of a
    character reference alone, so "&amp;" in the data would show as "&": every `&` is written
    as a reference first.
    """
    return str(value).replace("&", "&amp;")


def script_json(value: Any) -> Markup:
    """JSON for a `<script>` element (JSON-LD): no `<`, `>` or `&` that could end the element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup("".join(_SCRIPT_UNSAFE.get(character, character) for character in text))


def pandoc_markdown_text(value: Any) -> str:
    """Text that pandoc's Markdown reader (with `smart` off) reads back as exactly these
    characters: every ASCII punctuation character backslash-escaped, and each run of white space
    that Markdown sees (a line break or an indent would start a new block) made one space, as
    Markdown would show it."""
    text = _MARKDOWN_WHITE_SPACE.sub(" ", str(value)).strip(" ")
    return "".join(f"\\{character}" if character in _ASCII_PUNCTUATION else character for character in text)
