"""The pattern files: valid, consistent with the taxonomy, and expanded as documented."""

from __future__ import annotations

from openness.extract.patterns import expand, load_patterns
from openness.taxonomy import load_taxonomy


def test_expand_alternatives_and_optional_groups() -> None:
    assert expand("{may|shall} not {use|}") == ["may not use", "may not", "shall not use", "shall not"]


def test_every_rule_names_a_taxonomy_kind_and_defined_cues() -> None:
    patterns = load_patterns()  # raises on an unknown kind or an undefined cue
    assert {r.kind for r in patterns.rules} <= set(load_taxonomy().kinds)


def test_every_audited_kind_has_a_rule() -> None:
    kinds = {r.kind for r in load_patterns().rules}
    wanted = {k for k in load_taxonomy().kinds if not k.startswith(("disclose.", "review."))}
    assert wanted - kinds == set()


def test_review_lines_name_known_kinds_for_both_forces() -> None:
    """``review.unclassified`` comes from review lines, not rules: each force has a fallback."""
    reviews = load_patterns().reviews
    assert {r.force.value for r in reviews if not r.labels} == {"prohibition", "obligation"}
    known = load_taxonomy().kinds
    assert all(kind in known for r in reviews for kind in r.might_be)


def test_rule_ids_are_unique() -> None:
    ids = [r.id for r in load_patterns().rules]
    assert len(ids) == len(set(ids))
