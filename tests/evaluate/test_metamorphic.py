"""Metamorphic variants of key quotes: rewordings keep a kind, a dropped negation loses it."""

from __future__ import annotations

from openness.evaluate.metamorphic import Case, check, concept_verbs, extracted_kinds, variants


def test_a_prohibition_is_reworded_with_every_modal_and_negated_once() -> None:
    case = Case(kind="restrict.redistribution", quote="You may not distribute the Model.", source="t")
    made = list(variants(case, concept_verbs()))
    swaps = {v.text for v in made if v.transform == "modal swap"}
    assert "You shall not distribute the Model." in swaps and "You cannot distribute the Model." in swaps
    [dropped] = [v for v in made if v.transform == "negation dropped"]
    assert (dropped.text, dropped.keeps) == ("You may distribute the Model.", False)
    assert any(v.transform == "synonym" and "distribute" not in v.text for v in made)
    assert any(v.transform == "list item" and "(a) distribute the Model;" in v.text for v in made)


def test_the_extractor_keeps_kinds_under_rewording_and_loses_them_under_negation() -> None:
    cases = [
        Case(kind="restrict.redistribution", quote="You may not distribute the Model to any third party.", source="t"),
        Case(kind="restrict.modification", quote="You must not modify the Model.", source="t"),
        Case(kind="restrict.commercial", quote="You may not use the Model for commercial purposes.", source="t"),
        Case(kind="grant.distribute", quote="You may distribute copies of the Model.", source="t"),
    ]
    result = check(cases, extracted_kinds)
    assert result.cases == 4
    assert result.failures == []
    assert result.total["modal swap"] >= 12 and result.total["negation dropped"] == 3
