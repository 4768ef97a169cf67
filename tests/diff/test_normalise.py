"""Renames are detected from the texts, not from a list of products."""

from __future__ import annotations

from openness.diff.align import align
from openness.diff.normalise import detect_renames

from tests.diff.helpers import document, outline_units

OLD = """Preamble for the Zephyr 2 models.

1. "Zephyr 2" means the models that Acme publishes.
2. You must say "Built with Zephyr 2" and keep the Zephyr Materials notice.
3. Zephyr 2 is provided as is.
"""
NEW = """Preamble for the Zephyr 3 models.

1. "Zephyr 3" means the models that Acme publishes.
2. You must say "Built with Zephyr" and keep the Zephyr Materials notice.
3. Zephyr 3 is provided as is.
"""


def _renames(tmp_path, old: str, new: str):
    a = outline_units(document(tmp_path, "old.txt", old))
    b = outline_units(document(tmp_path, "new.txt", new))
    return detect_renames(align(a, b).pairs, a, b)


def test_a_consistent_rename_is_found(tmp_path) -> None:
    found = _renames(tmp_path, OLD, NEW)
    assert [(r.old, r.new, r.count) for r in found.renames] == [("Zephyr 2", "Zephyr 3", 3)]


def test_a_name_that_survives_elsewhere_is_not_a_rename(tmp_path) -> None:
    # "Zephyr 2" -> "Zephyr" in 2 is a real edit: "Zephyr" occurs in the old text too.
    found = _renames(tmp_path, OLD, NEW)
    assert all(r.new != "Zephyr" for r in found.renames)


def test_a_replacement_seen_once_is_not_a_rename(tmp_path) -> None:
    old = "Intro text.\n\n1. Acme Alpha is the product.\n2. Other terms apply.\n"
    new = "Intro text.\n\n1. Acme Beta is the product.\n2. Other terms apply.\n"
    assert _renames(tmp_path, old, new).renames == ()


def test_apply_maps_old_names_onto_new_ones(tmp_path) -> None:
    found = _renames(tmp_path, OLD, NEW)
    a = outline_units(document(tmp_path, "old.txt", OLD))
    b = outline_units(document(tmp_path, "new.txt", NEW))
    old3 = next(u for u in a if u.id == "3")
    new3 = next(u for u in b if u.id == "3")
    assert [t.key for t in found.apply(old3.tokens)] == [t.key for t in found.merge(new3.tokens)]
