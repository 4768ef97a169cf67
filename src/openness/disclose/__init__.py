"""Disclosure analysis: what a release says about its training data, code, weights and evaluation.

:func:`disclosure_findings` reads one model card, README or data card and returns
``disclose.*`` findings (taxonomy.md):

* ``disclose.training_data`` — one finding per statement about the training data, every one
  carrying the document's ``level`` (so a rule may read any of them), the decisive statement
  first, with the ``datasets`` and ``urls`` that statement names. A document that says nothing
  yields a single finding of level ``none`` whose evidence is the document searched.
* ``disclose.training_code``, ``disclose.weights`` (with ``license``), ``disclose.evaluation``
  — one finding each: from the statement that settles it, or, when the document is silent,
  ``available: false`` with the document searched as evidence (see :func:`is_silence`; the
  component view tells silence from an explicit "not released").

How levels are judged: :mod:`openness.disclose.levels`; the other facets:
:mod:`openness.disclose.facets`; the release-wide component view:
:mod:`openness.disclose.components`. The vocabulary lives in ``patterns/*.jsonl``.
"""

from __future__ import annotations

from typing import Any

from openness.disclose import facets, levels
from openness.disclose.evidence import Outline, evidence, searched
from openness.disclose.frontmatter import front_matter
from openness.disclose.statements import Statement, statements
from openness.model import Document, Finding

__all__ = ["disclosure_findings", "front_matter_license", "is_silence"]


def disclosure_findings(doc: Document, outline: Outline | None = None) -> list[Finding]:
    """The ``disclose.*`` findings of ``doc``; ``outline`` (if given) names each quote's section."""
    items = statements(doc)
    findings = _training_data(doc, items, outline)
    code = facets.training_code(items)
    if code is None:
        findings.append(_silent("disclose.training_code", doc, "training code"))
    else:
        attributes: dict[str, Any] = {"available": code.available}
        if code.url:
            attributes["url"] = code.url
        findings.append(_finding("disclose.training_code", attributes, doc, code.statement, outline))
    weights = facets.weights(items)
    if weights is None:
        findings.append(_silent("disclose.weights", doc, "the weights"))
    else:
        attributes = {"available": weights.available}
        license_id = weights.licenses[0] if weights.licenses else front_matter_license(doc)
        if weights.available and license_id:
            attributes["license"] = license_id
        findings.append(_finding("disclose.weights", attributes, doc, weights.statement, outline))
    results = facets.evaluation(items)
    if results is None:
        findings.append(_silent("disclose.evaluation", doc, "evaluation"))
    else:
        findings.append(
            _finding("disclose.evaluation", {"available": results.available}, doc, results.statement, outline)
        )
    return findings


def front_matter_license(doc: Document) -> str | None:
    """The licence the front matter declares: ``license``, or ``license_name`` for ``other``."""
    values = front_matter(doc)
    license_id = values.get("license")
    if isinstance(license_id, list):
        license_id = license_id[0] if license_id else None
    if license_id in (None, "", "other", "unknown"):
        name = values.get("license_name")
        return str(name) if name else (None if license_id in (None, "") else str(license_id))
    return str(license_id)


def _training_data(doc: Document, items: list[Statement], outline: Outline | None) -> list[Finding]:
    disclosure = levels.training_data(doc, items)
    if disclosure.level == "none":
        return [
            Finding(
                kind="disclose.training_data",
                attributes={"level": "none"},
                evidence=searched(doc, "training data"),
            )
        ]
    findings = []
    for statement in disclosure.statements:
        attributes: dict[str, Any] = {"level": disclosure.level}
        if statement.datasets:
            attributes["datasets"] = list(statement.datasets)
        if statement.urls:
            attributes["urls"] = list(statement.urls)
        findings.append(
            Finding(
                kind="disclose.training_data",
                attributes=attributes,
                evidence=evidence(doc, statement.start, statement.end, statement.quote, outline),
            )
        )
    return findings


def is_silence(finding: Finding) -> bool:
    """True for a finding that records that the document says nothing (zero-width evidence)."""
    return finding.evidence.start == finding.evidence.end == 0 and finding.evidence.quote.startswith(
        "no statement about"
    )


def _silent(kind: str, doc: Document, what: str) -> Finding:
    """``available: false`` because ``doc`` says nothing of ``what``: a card that does not say
    it publishes something does not publish it (the evidence is the document searched)."""
    return Finding(kind=kind, attributes={"available": False}, evidence=searched(doc, what))


def _finding(
    kind: str, attributes: dict[str, Any], doc: Document, statement: Statement, outline: Outline | None
) -> Finding:
    return Finding(
        kind=kind,
        attributes=attributes,
        evidence=evidence(doc, statement.start, statement.end, statement.quote, outline),
    )
