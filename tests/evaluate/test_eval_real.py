"""Accuracy on the real corpus, pinned: these figures may only go up (docs/evaluation.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.evaluate import evaluate_corpus
from openness.report.evaluation import rows

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def result(real_corpus: Path):  # type: ignore[no-untyped-def]
    return evaluate_corpus(real_corpus)


def _row(result, name: str) -> tuple:  # type: ignore[no-untyped-def]
    return next(r for r in rows(result) if r[0] == name)


@pytest.mark.parametrize("group", ["grant.*", "restrict.*", "require.*", "term.*", "overall"])
def test_precision_and_recall_do_not_drop(result, group: str) -> None:  # type: ignore[no-untyped-def]
    _, tp, fp, fn, precision, recall = _row(result, group)
    assert (fp, fn) == (0, 0), (group, precision, recall)


def test_every_document_is_scored(result) -> None:  # type: ignore[no-untyped-def]
    assert result.errors == []
    assert result.documents == 70


def test_every_threshold_has_the_exact_number_and_unit(result) -> None:  # type: ignore[no-untyped-def]
    assert len(result.thresholds) == 10
    assert [t for t in result.thresholds if not t.ok] == []


def test_evidence_covers_the_key_quotes(result) -> None:  # type: ignore[no-untyped-def]
    assert sum(e.covered for e in result.evidence) >= 513
