"""The OSI's OSAID validation outcomes, replayed with our osaid-1.0 policy on the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.evaluate.osaid_table import judge_systems, markdown_table


@pytest.mark.real
def test_our_verdict_matches_the_osi_outcome_for_every_system(real_corpus: Path):
    verdicts = judge_systems(real_corpus)
    assert len(verdicts) >= 9
    table = markdown_table(verdicts)
    assert all(v.agrees for v in verdicts), table
    for v in verdicts:
        if v.outcome == "fail":
            # every failed rule is named and cites a document
            failed = [r for r in v.reasons if " [fail]: " in r]
            assert failed and all(r.endswith(")") for r in failed), v
