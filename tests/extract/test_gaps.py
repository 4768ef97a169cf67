"""Gap phrases: parts joined in order, within the gap's size, never across a clause's end."""

from __future__ import annotations

import spacy

from openness.extract.gaps import GapMatcher, part_spellings


def _found(phrase: str, text: str) -> list[str]:
    nlp = spacy.blank("en")
    matcher = GapMatcher(nlp)
    matcher.add(nlp.vocab.strings.add("CUE"), phrase)
    doc = nlp.make_doc(text)
    return [doc[start:end].text for _, start, end in matcher(doc)]


def test_a_gap_holds_a_few_words_and_every_form_of_the_parts() -> None:
    assert _found("make … available", "You made the Model, or any part of it, available online.") == [
        "made the Model, or any part of it, available"]


def test_a_gap_never_crosses_the_end_of_a_sentence_or_clause() -> None:
    assert _found("make … available", "We make backups. Weights are available on request.") == []
    assert _found("make … available", "make copies; nothing else is available") == []


def test_a_gap_is_at_most_its_size_and_joins_the_nearest_part() -> None:
    assert _found("require …2 licence", "you require a separate licence") == ["require a separate licence"]
    assert _found("require …2 licence", "you require a separate written commercial licence") == []
    assert _found("pass … on", "whoever passes it on must pass these terms on") == ["passes it on", "pass these terms on"]


def test_a_part_spells_its_alternatives_in_every_form() -> None:
    spellings = part_spellings("{obtain|seek} a")
    assert {"obtains a", "obtained a", "seeking a"} <= set(spellings)
    assert "seek" not in spellings
