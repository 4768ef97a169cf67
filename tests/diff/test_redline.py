"""Redlines: real edits shown, cosmetic ones (spacing, punctuation, typos, "OR OR") folded."""

from __future__ import annotations

from openness.diff.redline import distance, redline, vocabulary
from openness.diff.tokens import tokenize


def _redline(old: str, new: str, *, old_doc: str = "", new_doc: str = ""):
    a, b = tokenize(old), tokenize(new)
    return redline(a, b, old_vocabulary=vocabulary(a + tokenize(old_doc)),
                   new_vocabulary=vocabulary(b + tokenize(new_doc)))


def test_a_word_added_is_a_real_edit() -> None:
    result = _redline("constitutes infringement", "constitutes an infringement")
    assert (result.substantive, result.minor) == (1, 0)
    assert [(e.op, e.text) for e in result.edits] == [
        ("equal", "constitutes"), ("insert", "an"), ("equal", "infringement")]


def test_typo_fixes_are_folded() -> None:
    for old, new in (("intellectual propery", "intellectual property"),
                     ("other rigths", "other rights"), ("hold armless", "hold harmless")):
        result = _redline(old, new)
        assert (result.substantive, result.minor) == (0, 1), (old, new)


def test_a_repeated_word_removed_is_folded() -> None:
    result = _redline("WARRANTIES OR OR CONDITIONS", "WARRANTIES OR CONDITIONS")
    assert (result.substantive, result.minor) == (0, 1)


def test_punctuation_and_case_are_folded() -> None:
    assert _redline("Outputs and their use", "Outputs, and their use").substantive == 0
    assert _redline("the Agreement", "the agreement").substantive == 0


def test_words_that_both_versions_use_are_not_typos() -> None:
    context = "licensor licensee"
    result = _redline("the licensor may", "the licensee may", old_doc=context, new_doc=context)
    assert result.substantive == 1


def test_numbers_and_short_changes_of_meaning_are_never_typos() -> None:
    assert _redline("version 1.0", "version 1.1").substantive == 1
    assert _redline("you may include it", "you may exclude it").substantive == 1


def test_nearby_edits_read_as_one() -> None:
    result = _redline("the laws of the State of Delaware apply", "the laws of England and Wales apply")
    changed = [(e.op, e.text) for e in result.edits if e.op != "equal"]
    assert changed == [("delete", "the State of Delaware"), ("insert", "England and Wales")]


def test_distance_counts_a_swap_as_one_edit() -> None:
    assert distance("rigths", "rights", 2) == 1
    assert distance("abc", "abcdef", 1) == 2
