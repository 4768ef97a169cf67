"""Agreement with third-party openness assessments (osai-index, Model Openness Tool)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.disclose.assessments import DIMENSIONS, compare, table

pytestmark = pytest.mark.real

#: Measured agreement per dimension on assessments of the same model version (pinned floors).
MIN_AGREEMENT = {"training_data": 12 / 16, "training_code": 15 / 16, "weights": 14 / 16, "license": 14 / 16}


def test_agreement_per_dimension(real_corpus: Path) -> None:
    comparisons = compare(real_corpus)
    print("\n" + table(comparisons))
    for dimension in DIMENSIONS:
        rows = [c for c in comparisons
                if c.dimension == dimension and not c.other_version and c.ours != "unknown"]
        assert rows, dimension
        agreement = sum(c.agree for c in rows) / len(rows)
        assert agreement >= MIN_AGREEMENT[dimension], (dimension, [c for c in rows if not c.agree])


def test_versions_named_in_the_ground_truth_note_are_flagged(real_corpus: Path) -> None:
    flagged = {c.assessment for c in compare(real_corpus) if c.other_version}
    # Three named by GROUND_TRUTH's note; Phi.yaml rates Phi-4 (its basemodelname), not Phi-2.
    assert flagged == {"Crystal.yaml", "Grok.yaml", "Mistral.yaml", "Phi.yaml"}
