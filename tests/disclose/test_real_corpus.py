"""Disclosure levels and evidence on the real model cards, against GROUND_TRUTH.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openness.disclose import disclosure_findings
from openness.ingest import load
from openness.ingest.normalize import analysis_view, normalize_quote

pytestmark = pytest.mark.real

#: Measured share of documents whose level matches (22 of 22 on the corpus as delivered);
#: pinned so it can only go up.
MIN_LEVEL_ACCURACY = 1.0


def _expected_levels(real_corpus: Path, ground_truth: dict) -> list[tuple[dict, str]]:
    kinds = yaml.safe_load((real_corpus / "FACT_KINDS.yaml").read_text("utf-8"))
    levels = kinds["disclosure_levels"]
    return [(entry, levels[entry["disclosure_level"]]) for entry in ground_truth["disclosures"]
            if levels.get(entry["disclosure_level"]) is not None]


def _training_data(path: Path):
    doc = load(path)
    return doc, [f for f in disclosure_findings(doc) if f.kind == "disclose.training_data"]


def test_levels_match_ground_truth(real_corpus: Path, ground_truth: dict) -> None:
    expected = _expected_levels(real_corpus, ground_truth)
    assert expected
    mismatches = []
    for entry, level in expected:
        _, findings = _training_data(real_corpus / entry["file"])
        levels = {f.attributes["level"] for f in findings}
        assert len(levels) == 1, (entry["id"], levels)  # every finding carries the document's level
        got = levels.pop()
        if got != level:
            mismatches.append(f"{entry['id']}: expected {level}, got {got}")
    accuracy = 1 - len(mismatches) / len(expected)
    print(f"\ndisclosure level accuracy {accuracy:.3f} ({len(expected) - len(mismatches)}/{len(expected)})")
    for line in mismatches:
        print("  mismatch", line)
    assert accuracy >= 0.9
    assert accuracy >= MIN_LEVEL_ACCURACY, mismatches


def test_training_data_quotes_are_covered_by_evidence(real_corpus: Path, ground_truth: dict) -> None:
    uncovered = []
    checked = 0
    for entry, level in _expected_levels(real_corpus, ground_truth):
        if level == "none":
            continue
        doc, findings = _training_data(real_corpus / entry["file"])
        view = analysis_view(doc)
        for fact in entry.get("facts", []):
            if fact["fact"] != "training_data":
                continue
            quote = normalize_quote(fact["quote"])
            at = view.text.find(quote)
            assert at >= 0, (entry["id"], quote)
            span = view.span(at, at + len(quote))
            checked += 1
            letters = [i for i in range(span.start, span.end) if not doc.text[i].isspace()]
            if not all(any(f.evidence.start <= i < f.evidence.end for f in findings) for i in letters):
                uncovered.append(f"{entry['id']}: {quote[:80]}")
    assert checked >= 15
    assert not uncovered, uncovered


def test_silent_documents_yield_none_with_the_document_as_evidence(real_corpus: Path, ground_truth: dict) -> None:
    silent = [e for e, level in _expected_levels(real_corpus, ground_truth) if level == "none"]
    assert silent
    for entry in silent:
        doc, findings = _training_data(real_corpus / entry["file"])
        assert len(findings) == 1
        evidence = findings[0].evidence
        assert (evidence.start, evidence.end, evidence.line, evidence.section) == (0, 0, 1, None)
        assert doc.path in evidence.quote


def test_evidence_from_html_tables_quotes_cells_not_markup(real_corpus: Path, ground_truth: dict) -> None:
    """A cell's evidence is what the cell says: never a bare label cell or a line of markup."""
    checked = 0
    for entry, _ in _expected_levels(real_corpus, ground_truth):
        doc = load(real_corpus / entry["file"])
        if "<td" not in doc.text:
            continue
        for finding in disclosure_findings(doc):
            checked += 1
            assert not finding.evidence.quote.lstrip().startswith(("<td", "<th", "<tr")), (entry["id"], finding)
    assert checked
