"""The licence tokenizer (spaCy's Tokenizer with the rules of data/tokenizer.json)."""

from __future__ import annotations

from openness.extract.pipeline import load_pipeline
from openness.extract.tokenizer import MAX_RUN, tokenize


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


def test_a_document_is_tokenized_with_its_text_and_offsets_unchanged() -> None:
    text = "Use it.  " + "=" * (2 * MAX_RUN + 10) + "\nhttps://example.org/x " + "a" * (MAX_RUN + 1)
    doc = tokenize(load_pipeline(), text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert max(len(t.text) for t in doc) <= MAX_RUN
    assert [t.text for t in doc][:3] == ["Use", "it", "."]


def test_a_long_run_of_brackets_is_tokenized_in_linear_time() -> None:
    """Issue 17: 100,000 brackets in a row took over four minutes (each affix step looked at
    the whole run); a run is now cut at MAX_RUN and a suffix looked for in a word's tail."""
    doc = tokenize(load_pipeline(), "(" * 100_000 + " ok")
    assert len(doc) == 100_001 and doc[-1].text == "ok"


def test_suffixes_are_still_found_after_a_long_word() -> None:
    assert words("x" * 200 + "%).")[-2:] == [")", "."]
    assert words("50%")[-1] == "%"
