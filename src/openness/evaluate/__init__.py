"""Accuracy of the extractor on the real corpus, against its answer key (GROUND_TRUTH.yaml).

``openness eval [PATH]`` and ``python -m openness.evaluate [PATH]`` print per-kind and overall
precision and recall, the threshold attribute check, the evidence check, and every miss and
false alarm with its quote and section.
"""

from __future__ import annotations

from openness.evaluate.scoring import Evaluation, evaluate_corpus

__all__ = ["Evaluation", "evaluate_corpus"]
