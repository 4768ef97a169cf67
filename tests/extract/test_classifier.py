"""The trained second reader: what it flags for review, and what it leaves alone."""

from __future__ import annotations

from openness.extract.classifier import candidates
from openness.extract.findings import findings_from_text


def noticed(text: str) -> list[dict]:
    return [f.attributes for f in findings_from_text(text)
            if f.kind == "review.unclassified" and f.attributes.get("noticed_by") == "classifier"]


def test_a_duty_written_as_a_fact_reaches_a_person() -> None:
    # no modal, no imperative: the rules read no force here, the classifier reads a duty (a
    # sentence it scores well clear of the threshold: retraining moves scores near it)
    [item] = noticed("Each copy of the Checkpoint you hand on goes together with this licence file.")
    assert item["force"] == "obligation"
    assert "require.license_copy" in item["candidates"]


def test_a_kind_the_rules_found_in_the_document_is_not_flagged_again() -> None:
    text = ("You must include a copy of this licence with every copy of the Model you distribute. "
            "Each copy of the Checkpoint you hand on goes together with this licence file.")
    assert "require.license_copy" in {f.kind for f in findings_from_text(text)}
    assert noticed(text) == []


def test_titles_and_prose_about_nothing_are_not_flagged() -> None:
    assert noticed("Rules of use") == []
    assert noticed("## Restrictions on Redistribution of the Weights\n") == []
    assert noticed("The sun rose over the hills and the birds sang.") == []


def test_candidates_are_restrictions_and_duties_above_the_threshold_most_likely_first() -> None:
    cats = {"restrict.commercial": 0.7, "require.attribution": 0.9, "grant.use": 0.99,
            "term.termination": 0.8, "restrict.outputs": 0.2, "restrict.redistribution": 0.6}
    assert candidates(cats, found=set(), threshold=0.5) == [
        "require.attribution", "restrict.commercial", "restrict.redistribution"]
    assert candidates(cats, found={"restrict.commercial"}, threshold=0.65) == ["require.attribution"]
