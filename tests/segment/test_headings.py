"""The line recognisers on the edges their cheap pre-checks must not change."""

from __future__ import annotations

import pytest

from openness.segment.headings import indent_of, is_caps_line, is_title_phrase, read_marker


@pytest.mark.parametrize(("line", "width"), [
    ("", 0), ("text", 0), ("  text", 2), ("\ttext", 4), ("\f  \ttext", 6), ("   ", 3),
])
def test_indent_counts_spaces_and_tabs_but_not_form_feeds(line: str, width: int) -> None:
    assert indent_of(line) == width


def test_caps_line_needs_four_capitals_and_a_short_line() -> None:
    assert is_caps_line("END OF TERMS")
    assert is_caps_line("ACCEPTABLE USE POLICY:")
    assert not is_caps_line("A B C")  # three letters
    assert not is_caps_line("ÉTÉ ÉTÉ")  # capitals outside A-Z
    assert not is_caps_line("RESTRICTIONS,")
    assert not is_caps_line("WORD " * 17)  # longer than 80 columns
    assert not is_caps_line("A B C D E F G H I J K")  # eleven words


def test_title_phrase_has_at_most_eight_words() -> None:
    assert is_title_phrase("One Two Three Four Five Six Seven Eight  ")
    assert not is_title_phrase("One Two Three Four Five Six Seven Eight Nine")
    assert not is_title_phrase("grant of License")


def test_run_in_title_ends_at_the_first_stop_before_a_capital() -> None:
    marker = read_marker("Grant of Rights. You may use. Another Sentence follows.")
    assert marker is not None and marker.kind == "title" and marker.title == "Grant of Rights"
    # A stop in the first column does not end a title: the next one does.
    marker = read_marker(". Odd Start. Then text")
    assert marker is None


@pytest.mark.parametrize("line", [
    "lowercase words wrapped from the paragraph above.",
    "<div>Markup</div>", "| Table | Row |", "“Quoted Start. Then text",
])
def test_lines_that_cannot_open_a_heading(line: str) -> None:
    assert read_marker(line) is None


@pytest.mark.parametrize(("line", "kind"), [
    ("\u00a0Grant of Rights", "title"),  # a space strip() keeps still leads to the title
    ("**Use Restrictions**", "title"),
    ("_Grant of License_", "title"),
    ("Meta Llama 3 Acceptable Use Policy", "annex"),
    ("Section 4. Term", "section"),
    ("Exhibit A", "annex"),
    ("## 2. Definitions", "heading"),
])
def test_lines_that_open_a_heading(line: str, kind: str) -> None:
    marker = read_marker(line)
    assert marker is not None and marker.kind == kind
