"""Segmentation: a :class:`~openness.model.Document` becomes its section tree.

``segment(doc).at(offset)`` names the innermost section holding any character, which is how
evidence gets its ``section``. The id convention is documented in docs/sections.md.
"""

from __future__ import annotations

from openness.segment.outline import PREAMBLE, Outline, segment

__all__ = ["PREAMBLE", "Outline", "segment"]
