"""The project's own version pairs (corpora/expected.yaml ``version_pairs``): exact change lists."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from openness.diff import diff


def _pairs(own_corpus: Path) -> list[dict]:
    return yaml.safe_load((own_corpus / "expected.yaml").read_text("utf-8"))["version_pairs"]


@pytest.fixture(scope="module")
def results(own_corpus: Path) -> list[tuple[dict, object]]:
    return [(pair, diff(own_corpus / pair["old"], own_corpus / pair["new"], policies=(), all_text=True))
            for pair in _pairs(own_corpus)]


def test_finding_changes_are_exactly_the_expected_ones(results) -> None:
    for pair, result in results:
        got = Counter((c.change, c.kind, repr(dict(c.old.attributes)) if c.old else None,
                       repr(dict(c.new.attributes)) if c.new else None,
                       c.old.section if c.old else None, c.new.section if c.new else None)
                      for c in result.changes)
        want = Counter((c["change"], c["kind"], repr(c["old"]) if c["old"] is not None else None,
                        repr(c["new"]) if c["new"] is not None else None,
                        c["old_section"], c["new_section"]) for c in pair["changes"])
        assert got == want, pair["old"]


def test_moved_sections_are_moves_not_changes(results) -> None:
    for pair, result in results:
        moves = {(m.old_section, m.new_section) for m in result.moves}
        assert moves == {(m["old"], m["new"]) for m in pair["moved_sections"]}, pair["old"]


def test_wording_only_sections_are_text_changes_without_finding_changes(results) -> None:
    for pair, result in results:
        wording = {t.new_section for t in result.text_changes
                   if t.change == "changed" and not t.finding_changed}
        assert wording == set(pair["wording_only_sections"]), pair["old"]


def test_the_product_rename_is_detected(results) -> None:
    for pair, result in results:
        renamed = pair.get("renamed")
        if renamed:
            assert (renamed["old"], renamed["new"]) in {(r.old, r.new) for r in result.renames}
