"""Tokens: words, numbers and marks; printed clause numbers are not part of a clause's words."""

from __future__ import annotations

from openness.diff.tokens import join, tokenize

from tests.diff.helpers import by_id, document, outline_units


def test_numbers_keep_separators_and_quotes_read_as_ascii() -> None:
    keys = [t.key for t in tokenize("EUR 50,000,000 for “Llama 3.1” don’t")]
    assert keys == ["EUR", "50,000,000", "for", '"', "Llama", "3.1", '"', "don't"]


def test_chinese_is_one_token_per_character_and_html_tags_are_one_mark() -> None:
    keys = [t.key for t in tokenize("许可方 a<br>b")]
    assert keys == ["许", "可", "方", "a", "<br>", "b"]


def test_join_keeps_the_spacing_of_the_source() -> None:
    assert join(tokenize("Outputs, and  their\nuse.")) == "Outputs, and their use."


def test_printed_numbers_are_stripped_so_renumbered_clauses_read_alike(tmp_path) -> None:
    doc = document(tmp_path, "L.txt", "Intro text here.\n\n1. Grant. You may use it.\n"
                   "(a) You may copy it.\n(b) You may share it.\n\nSection 2. Term. It ends.\n")
    items = by_id(outline_units(doc))
    assert items["1"].display == "Grant. You may use it."
    assert items["1.a"].display == "You may copy it."
    assert items["1.b"].display == "You may share it."
    assert items["2"].display == "Term. It ends."
