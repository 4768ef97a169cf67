"""The project's own corpus (corpora/, answer key corpora/expected.yaml): every kind present is
found, every kind absent is not, thresholds carry the exact number and unit, every fact's
attributes are read exactly, and no finding of a trap's kind takes its evidence from the trap."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openness.extract import extract_findings
from openness.ingest import load

ROOT = Path(__file__).resolve().parents[2] / "corpora"
KEY = yaml.safe_load((ROOT / "expected.yaml").read_text("utf-8")) if (ROOT / "expected.yaml").is_file() else {}
DOCUMENTS = [d for d in KEY.get("documents", []) if "kinds_present" in d]
THRESHOLDS = ("restrict.user_threshold", "restrict.revenue_threshold")
#: Kinds whose attributes are read from the text as a name: the governing law's jurisdiction in
#: its one normal form ("Delaware, USA"), the mark a derivative's name must carry.
NAMED = ("term.governing_law", "require.naming")


@pytest.fixture(scope="module", params=DOCUMENTS, ids=lambda d: d["file"])
def case(request: pytest.FixtureRequest) -> tuple[dict, list]:
    entry = request.param
    return entry, extract_findings(load(ROOT / entry["file"]))


def test_kinds_present_are_found(case: tuple[dict, list]) -> None:
    entry, findings = case
    assert set(entry["kinds_present"]) - {f.kind for f in findings} == set()


def test_kinds_absent_are_not_found(case: tuple[dict, list]) -> None:
    entry, findings = case
    wrong = [(f.kind, f.evidence.quote) for f in findings if f.kind in set(entry["kinds_absent"])]
    assert wrong == []


def test_thresholds_have_exact_number_and_unit(case: tuple[dict, list]) -> None:
    entry, findings = case
    for fact in entry.get("facts") or ():
        if fact["kind"] in THRESHOLDS:
            found = [dict(f.attributes) for f in findings if f.kind == fact["kind"]]
            assert any(all(a.get(k) == v for k, v in fact["attributes"].items()) for a in found), found


def test_named_attributes_are_exact(case: tuple[dict, list]) -> None:
    entry, findings = case
    for fact in entry.get("facts") or ():
        if fact["kind"] in NAMED and fact.get("attributes"):
            found = [dict(f.attributes) for f in findings if f.kind == fact["kind"]]
            assert fact["attributes"] in found, (fact, found)


def test_every_fact_has_a_finding_with_exactly_its_attributes(case: tuple[dict, list]) -> None:
    # The extractor's kinds are those the entry lists as present or absent; disclose.* facts
    # are read from model cards by openness.disclose, not by the clause extractor.
    entry, findings = case
    extracted = set(entry["kinds_present"]) | set(entry["kinds_absent"])
    facts = [f for f in entry.get("facts") or () if f["kind"] in extracted and "attributes" in f]
    missing = [
        (fact["kind"], fact["attributes"], [dict(f.attributes) for f in findings if f.kind == fact["kind"]])
        for fact in facts
        if fact["attributes"] not in [dict(f.attributes) for f in findings if f.kind == fact["kind"]]
    ]
    assert missing == []


def test_traps_are_not_evidence(case: tuple[dict, list]) -> None:
    entry, findings = case
    for trap in entry.get("traps") or ():
        taken = [f for f in findings if f.kind == trap["kind"] and trap["quote"] in f.evidence.quote]
        assert taken == [], trap
