"""Accuracy of the extractor on the real corpus, against its answer key (GROUND_TRUTH.yaml).

``openness eval [PATH]`` prints per-kind and overall precision and recall, the threshold
attribute check, the evidence check, and every miss and false alarm with its quote and section
(rendered by :mod:`openness.report.evaluation`).
"""

from __future__ import annotations

from openness.evaluate.scoring import Evaluation, evaluate_corpus

__all__ = ["Evaluation", "evaluate_corpus"]
