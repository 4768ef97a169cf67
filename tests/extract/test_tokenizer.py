"""The licence tokenizer (spaCy's Tokenizer with the rules of data/tokenizer.json)."""

from __future__ import annotations

from openness.extract.pipeline import load_pipeline


def words(text: str) -> list[str]:
    return [t.text for t in load_pipeline().make_doc(text)]


def test_quotes_brackets_and_stops_come_off_words() -> None:
    assert words('("Outputs"), the Model.') == ["(", '"', "Outputs", '"', ")", ",", "the", "Model", "."]


def test_abbreviations_stay_whole() -> None:
    assert words("Acme, Inc. and U.S. law, e.g. here.") == [
        "Acme", ",", "Inc.", "and", "U.S.", "law", ",", "e.g.", "here", "."]


def test_a_url_stays_one_token() -> None:
    assert "https://example.org/use-policy" in words("see https://example.org/use-policy).")


def test_hyphenated_words_split_as_the_cue_phrases_do() -> None:
    assert words("non-commercial") == ["non", "-", "commercial"]


def test_cannot_reads_as_can_not() -> None:
    assert words("You cannot use it") == ["You", "can", "not", "use", "it"]
