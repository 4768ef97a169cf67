"""The project's own model cards against corpora/expected.yaml (`disclosure:` per document)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openness.disclose import disclosure_findings
from openness.evaluate.disclosure import cites, evaluate
from openness.ingest import load


def _cards(own_corpus: Path) -> list[dict]:
    key = own_corpus / "expected.yaml"
    if not key.is_file():
        pytest.skip("corpora/expected.yaml is absent")
    documents = yaml.safe_load(key.read_text("utf-8"))["documents"]
    return [d for d in documents if "disclosure" in d]


def test_the_key_lists_model_cards(own_corpus: Path) -> None:
    assert len(_cards(own_corpus)) >= 4


def _judgment(path: Path) -> dict:
    by_kind: dict[str, list] = {}
    for finding in disclosure_findings(load(path)):
        by_kind.setdefault(finding.kind, []).append(finding)
    return {
        "training_data": by_kind["disclose.training_data"][0].attributes["level"],
        "training_code": by_kind["disclose.training_code"][0].attributes["available"],
        "weights": by_kind["disclose.weights"][0].attributes["available"],
        "evaluation": by_kind["disclose.evaluation"][0].attributes["available"],
    }


def test_disclosure_matches_the_key(own_corpus: Path) -> None:
    wrong = []
    for card in _cards(own_corpus):
        got = _judgment(own_corpus / card["file"])
        expected = card["disclosure"]
        diff = {k: (v, got[k]) for k, v in expected.items() if got[k] != v}
        if diff:
            wrong.append((card["file"], diff))
    assert not wrong, wrong


def test_quoted_disclosure_facts_are_evidence_and_traps_are_not(own_corpus: Path) -> None:
    for card in _cards(own_corpus):
        doc = load(own_corpus / card["file"])
        findings = disclosure_findings(doc)
        for fact in card.get("facts", []):
            if not fact["kind"].startswith("disclose.") or "quote" not in fact:
                continue
            chosen = [f for f in findings if f.kind == fact["kind"]]
            assert any(cites(doc, f, fact["quote"]) for f in chosen), (card["file"], fact)
        for trap in card.get("traps", []):
            if trap["kind"].startswith("disclose."):
                quotes = [f.evidence.quote for f in findings if f.kind == trap["kind"]]
                assert not any(trap["quote"] in q for q in quotes), (card["file"], trap)


def test_the_wording_cards_are_judged_right_with_their_evidence(own_corpus: Path) -> None:
    """The cards written in unusual wording (corpora/wording, batches A-C): every judgment right,
    no trap cited, and at least 36 of the 40 quoted facts cited (one finding per component can
    cite one of two quotes the key gives for it)."""
    results = evaluate(own_corpus / "wording")
    assert len(results) >= 10
    wrong = [(r.file, name, r.expected[name], r.got.get(name))
             for r in results for name in r.expected if not r.right(name)]
    assert not wrong, wrong
    assert not [r.sprung for r in results if r.sprung]
    assert sum(r.cited_facts for r in results) >= 36
