"""The clause extractor: licence text in, typed findings with evidence out.

A blank English spaCy pipeline with three components of our own, built from ``pipeline.cfg``:
``openness_units`` (legal sentence and list-item boundaries), ``openness_cues`` (the phrases of
``patterns/*.jsonl``) and ``openness_rules`` (which cues, in which order, make which kind of
finding). spaCy is imported on the first call, not on import.
"""

from __future__ import annotations

from openness.extract.findings import document_notes, extract_findings, findings_from_text

__all__ = ["document_notes", "extract_findings", "findings_from_text", "prepare"]


#: Read once by :func:`prepare`: a clause with a user cap and a revenue cap in a currency, so
#: that every component, the quantity lexicon and the libraries they load lazily (numpy's
#: ``unique`` imports ``numpy.ma`` on first use, 40 ms) are ready before the first real document.
_WARM_UP = ("1. Use. You may use the Model for any purpose, unless you had more than 700 million "
            "monthly active users or an annual revenue above USD 10,000,000.")


def prepare() -> None:
    """Load now what the first document would: spaCy, the pipeline, the quantity lexicon.

    For a process that forks extraction workers next, which then start with all of it, or that
    loads the extractor in a worker while it reads (see :class:`openness.analysis.Extractor`).
    """
    findings_from_text(_WARM_UP)
