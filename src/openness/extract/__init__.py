"""The clause extractor: licence text in, typed findings with evidence out.

A blank English spaCy pipeline with components of our own, built from ``pipeline.cfg``:
``openness_units`` (legal sentence and list-item boundaries), ``openness_cues`` (the phrases of
``patterns/*.jsonl``), ``openness_glossary`` (the defined terms), ``openness_rules`` (which cues,
in which order, make which kind of finding) and ``openness_classifier`` (a trained second reader
that sends to review the restrictions and duties the rules found nowhere). spaCy is imported on
the first call, not on import."""

from __future__ import annotations

from openness.extract.findings import document_notes, extract_findings, findings_from_text

__all__ = ["document_notes", "extract_findings", "findings_from_text"]
