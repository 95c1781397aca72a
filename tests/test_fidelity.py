"""Every word of the source is in the edition, in order, and nothing is added inside the text."""

from __future__ import annotations

import pytest
from thouez_edition.data.emendations import load_emendations

from tests.conftest import ROOT
from tests.site_html import PAPER_PAGES, BuiltSite, body_of, reader_text
from tests.source_text import (
    NOTE_COUNT,
    SOURCE,
    Repair,
    apply_repairs,
    expected_text,
    join_lines,
    split_source,
    word_differences,
)


@pytest.fixture(scope="module")
def repairs() -> list[Repair]:
    emendations = load_emendations(ROOT / "data")
    return [Repair(r.find, r.replace) for r in emendations.replacements()]


def edition_body_words(site: BuiltSite) -> list[str]:
    series_note = site.soup("").select_one(".series-note")
    assert series_note is not None, "the title page has no series note"
    text = reader_text(series_note)
    for page in PAPER_PAGES:
        text += " " + reader_text(body_of(site.article(page)))
    return text.split()


def edition_note_words(site: BuiltSite) -> dict[int, list[str]]:
    notes = {}
    for page in PAPER_PAGES:
        for item in site.article(page).select("div.footnote li[id^='fn:']"):
            notes[int(item["id"].removeprefix("fn:"))] = reader_text(item).split()
    return notes


def test_every_declared_repair_applies_to_the_source(repairs: list[Repair]) -> None:
    split = split_source(SOURCE.read_text(encoding="utf-8"))
    texts = [join_lines(split.body_lines), *(join_lines(lines) for lines in split.note_lines.values())]
    for repair in repairs:
        assert any(repair.find in text for text in texts), f"{repair.find!r} is not in the source"


def test_source_splits_into_body_and_58_notes() -> None:
    split = split_source(SOURCE.read_text(encoding="utf-8"))
    assert list(split.note_lines) == list(range(1, NOTE_COUNT + 1))
    # Notes 13 and 34 run on to the next page, and their ends are where the source has them.
    assert join_lines(split.note_lines[13]).endswith("forms of migrants”")
    assert join_lines(split.note_lines[34]).endswith("p. 185-186")


def test_body_words_equal_the_source_in_order(site: BuiltSite, repairs: list[Repair]) -> None:
    expected = expected_text(repairs).body_words
    differences = word_differences(expected, edition_body_words(site))
    assert not differences, "\n".join(differences[:20])


def test_each_note_has_the_words_of_its_source_note(site: BuiltSite, repairs: list[Repair]) -> None:
    expected = expected_text(repairs).note_words
    actual = edition_note_words(site)
    assert sorted(actual) == sorted(expected)
    for number in expected:
        differences = word_differences(expected[number], actual[number])
        assert not differences, f"note {number}:\n" + "\n".join(differences)


@pytest.mark.parametrize(
    "mutate",
    [
        pytest.param(lambda words: words[:100] + words[101:], id="dropped"),
        pytest.param(lambda words: words[:100] + ["changed"] + words[101:], id="changed"),
        pytest.param(lambda words: words[:100] + words[101:300] + [words[100]] + words[300:], id="moved"),
        pytest.param(lambda words: words[:100] + ["added"] + words[100:], id="added"),
    ],
)
def test_comparison_catches_a_word_dropped_changed_moved_or_added(mutate, repairs: list[Repair]) -> None:
    expected = expected_text(repairs).body_words
    assert word_differences(expected, mutate(list(expected)))


def test_repairs_are_applied_literally() -> None:
    assert apply_repairs("see www. ecre. org.", [Repair("www. ecre. org", "www.ecre.org")]) == "see www.ecre.org."
