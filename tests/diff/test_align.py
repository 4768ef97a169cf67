"""Clause alignment across renumbering, moves, rewording, additions and removals."""

from __future__ import annotations

from openness.diff.align import align

from tests.diff.helpers import document, outline_units

OLD = """Intro.

1. Grant. You may use and share the model for any purpose you like.
2. Warranty. The model is provided as is, without any warranty of any kind.
3. Liability. We are not liable for any damages arising from the model.
4. Ownership. We keep all rights in the model that we do not grant to you here.
5. Old clause. This clause about carrier pigeons goes away entirely now.
"""
NEW = """Intro.

1. Grant. You may use and share the model for any purpose you like.
2. Ownership. We keep all rights in the model that we do not grant to you here.
3. Warranty. The model is provided as is, without any warranty of any kind.
4. Liability. We are not liable for any damages arising from the model at all.
5. Brand new. Quantum teleportation rules are set out in this clause instead.
"""


def test_moved_clauses_pair_by_wording_and_the_rest_are_added_or_removed(tmp_path) -> None:
    a = outline_units(document(tmp_path, "old.txt", OLD))
    b = outline_units(document(tmp_path, "new.txt", NEW))
    result = align(a, b)
    pairs = {(x.id, y.id) for x, y in result.pairs}
    assert pairs == {("preamble", "preamble"), ("1", "1"), ("4", "2"), ("2", "3"), ("3", "4")}
    assert [u.id for u in result.removed] == ["5"]
    assert [u.id for u in result.added] == ["5"]
    assert result.section_map()["4"] == "2"


def test_a_clause_merged_into_another_is_not_removed(tmp_path) -> None:
    old = ("Intro.\n\n1. Use. You may use the model for research.\n"
           "2. Share. You may share the model with your colleagues.\n")
    new = ("Intro.\n\n1. Use. You may use the model for research. "
           "You may share the model with your colleagues.\n")
    result = align(outline_units(document(tmp_path, "old.txt", old)),
                   outline_units(document(tmp_path, "new.txt", new)))
    assert result.removed == ()
    assert [(u.id, host) for u, host in result.merged] == [("2", "1")]
