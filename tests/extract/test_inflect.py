"""Every form of a concept's lemmas is matched, in either spelling."""

from __future__ import annotations

from openness.extract.inflect import phrase_forms, word_forms


def test_regular_forms() -> None:
    assert {"distribute", "distributes", "distributed", "distributing"} <= word_forms("distribute")
    assert {"copies", "copied", "copying"} <= word_forms("copy")
    assert {"permitted", "permitting", "permits"} <= word_forms("permit")


def test_irregular_forms_come_from_the_data() -> None:
    assert {"made", "makes", "making"} <= word_forms("make")
    assert "forbidden" in word_forms("forbid")


def test_british_and_american_spellings() -> None:
    assert {"licence", "license", "licensed", "licenced"} <= word_forms("licence")
    assert {"authorised", "authorized", "authorizes"} <= word_forms("authorise")


def test_function_words_are_not_inflected() -> None:
    assert word_forms("the") == {"the"}
    assert set(phrase_forms("make available")) >= {"made available", "makes available"}


def test_hyphenated_words_inflect_as_one() -> None:
    assert "fine-tuned" in phrase_forms("fine-tune")


def test_a_phrase_that_names_a_thing_takes_plurals_only() -> None:
    forms = set(phrase_forms("the licence", nouns=True))
    assert {"the licence", "the licences", "the license", "the licenses"} <= forms
    assert "the licensed" not in forms
