"""Formatted references, made by pandoc's citeproc (an established CSL processor), never by hand.

One pandoc run formats a whole set of CSL-JSON records: each work's bibliography entry and its
in-text citation ("Florini 2000a"), with the style's own sorting and year suffixes. Styles leave
some works out of the bibliography (Chicago prints no entry for a personal communication): for
those, the full in-text citation the style gives is used as their entry.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html

from thouez_edition.errors import EditionError
from thouez_edition.escaping import html_text

# pandoc's own default style is Chicago author-date; other styles come as CSL files, shipped here.
CHICAGO = None
STYLES = Path(__file__).with_name("styles")
NO_PRINTED_FORM = re.compile(r"^\[WARNING\] Citeproc: Bibliography entry with no printed form: (?P<id>\S+)$")


@dataclass(frozen=True)
class Formatted:
    id: str
    html: str
    text: str
    citation: str
    in_bibliography: bool


class FormattingError(EditionError):
    """pandoc could not format the references; the message says which and why."""


@cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def shipped_styles() -> list[str]:
    """The names of the CSL styles shipped in `STYLES` (`styles/README.md` gives their licence)."""
    return sorted(path.stem for path in STYLES.glob("*.csl"))


def style_path(name: str) -> Path:
    """The shipped CSL style `name`, e.g. `apa`; any other name is a `FormattingError`."""
    # Looked up among the shipped names, so that a name is never read as a path.
    if name not in shipped_styles():
        raise FormattingError(f"no CSL style {name!r} is shipped with the edition; "
                              f"expected one of {', '.join(shipped_styles())}")
    return STYLES / f"{name}.csl"


def format_references(records: Sequence[Mapping[str, Any]], style: Path | None = CHICAGO) -> list[Formatted]:
    """Every record formatted, in the order of the style's bibliography.

    Works the style leaves out of its bibliography follow, in the order given.
    """
    if not records:
        return []
    ids = [str(record["id"]) for record in records]
    document = "---\nnocite: '@*'\n---\n\n" + "".join(f"::: {{#cite-{i}}}\n[@{i}]\n:::\n\n" for i in ids)
    document += "::: {#refs}\n:::\n"
    output, unprinted = _citeproc(document, records, style)
    return _read_output(output, ids, unprinted)


def format_citations(
    record: Mapping[str, Any], locators: Mapping[str, tuple[str, str]], style: Path | None = CHICAGO
) -> dict[str, str]:
    """In-text citations of one work, each with a page locator and a suffix: `locators` maps a
    key to `(pages, suffix)`, e.g. `("11–12", "¶ 40")`, and the result maps it to the citation
    the style makes, e.g. "(Thouez 2004, 11–12, ¶ 40)". The locator is a CSL page locator, so the
    style decides how to print it ("p.", "pp." or nothing); without pages the suffix alone follows."""
    work = str(record["id"])
    return format_cites([record], {key: (work, pages, suffix) for key, (pages, suffix) in locators.items()}, style)


def format_cites(
    records: Sequence[Mapping[str, Any]], cites: Mapping[str, tuple[str, str, str]], style: Path | None = CHICAGO
) -> dict[str, str]:
    """In-text citations of several works in one run: `cites` maps a key to `(work id, pages,
    suffix)`, as `format_citations` takes them."""
    if not cites:
        return {}
    keys = list(cites)
    document = ""
    for index, key in enumerate(keys):
        work, pages, suffix = cites[key]
        locator = f"{{p. {pages}}}" if pages else "{}"
        document += f"::: {{#cite-{index}}}\n[@{work}, {locator}, {_markdown_text(suffix)}]\n:::\n\n"
    output, _ = _citeproc(document, records, style, bibliography=False)
    root = lxml.html.fragment_fromstring(output, create_parent="div")
    # Each cite's block found once, not by a search of the whole output per cite (cites × output).
    blocks = {block.get("id"): block for block in root.iter("div")}
    citations = {}
    for index, key in enumerate(keys):
        (span,) = blocks[f"cite-{index}"].xpath(".//span[contains(@class, 'citation')]")
        citations[key] = " ".join(span.text_content().split())
    return citations


def _markdown_text(text: str) -> str:
    """`text` as literal Markdown for pandoc: every punctuation character escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>@;:|~^$&\"'])", r"\\\1", text)


def _citeproc(
    document: str, records: Sequence[Mapping[str, Any]], style: Path | None, bibliography: bool = True
) -> tuple[str, set[str]]:
    """Run pandoc's citeproc on `document` with `records`; its HTML and the ids it left out."""
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "works.json"
        data.write_text(json.dumps(list(records), ensure_ascii=False), encoding="utf-8")
        command = [pandoc_path(), "--from=markdown", "--to=html", "--wrap=none", "--citeproc",
                   f"--bibliography={data}"]
        if style is not None:
            command.append(f"--csl={style}")
        if not bibliography:
            command.append("--metadata=suppress-bibliography:true")
        result = subprocess.run(command, input=document, capture_output=True, text=True, encoding="utf-8")
    if result.returncode != 0:
        raise FormattingError(f"pandoc could not format the references: {result.stderr.strip()}")
    unprinted = set()
    for line in result.stderr.splitlines():
        match = NO_PRINTED_FORM.match(line.strip())
        if match:
            unprinted.add(match["id"])
        elif line.strip():
            raise FormattingError(f"pandoc warned while formatting the references: {line.strip()}")
    return result.stdout, unprinted


def _read_output(output: str, ids: list[str], unprinted: set[str]) -> list[Formatted]:
    root = lxml.html.fragment_fromstring(output, create_parent="div")
    citations = {}
    for work_id in ids:
        (block,) = root.xpath("//div[@id=$id]", id=f"cite-{work_id}")
        (span,) = block.xpath(".//span[contains(@class, 'citation')]")
        citations[work_id] = _without_parentheses(span.text_content())
    formatted = []
    for entry in root.xpath("//div[@id='refs']/div[contains(@class, 'csl-entry')]"):
        work_id = entry.get("id").removeprefix("ref-")
        if not _text(entry):
            continue  # an entry the style left empty: treated like one it did not print
        formatted.append(Formatted(work_id, _inner_html(entry), _text(entry), citations[work_id], True))
    printed = {f.id for f in formatted}
    for work_id in ids:
        if work_id not in printed:
            if work_id not in unprinted:
                raise FormattingError(f"pandoc gave no bibliography entry for {work_id}")
            citation = citations[work_id]
            formatted.append(Formatted(work_id, str(html_text(citation)), citation, citation, False))
    return formatted


def _without_parentheses(text: str) -> str:
    text = " ".join(text.split())
    return text[1:-1] if text.startswith("(") and text.endswith(")") else text


def _inner_html(element: lxml.html.HtmlElement) -> str:
    parts = [str(html_text(element.text or ""))]
    parts += [lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in element]
    return " ".join("".join(parts).split())


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())
