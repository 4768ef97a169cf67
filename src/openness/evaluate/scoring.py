"""Scores the extractor against the answer key: kinds, threshold attributes and evidence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from openness.errors import OpennessError
from openness.evaluate.groundtruth import THRESHOLD_FACTS, Entry, Fact, load_entries
from openness.model import Finding
from openness.taxonomy import UNCLASSIFIED


@dataclass(frozen=True, kw_only=True)
class Miss:
    """A kind the key lists as present that the extractor did not find."""

    entry: str
    file: str
    kind: str
    #: The key's quotes for that kind, with their sections.
    expected: tuple[tuple[str | None, str | None], ...]
    #: A ``review.unclassified`` finding that might be this kind sits on one of those quotes:
    #: the miss reaches a person as "read this clause" instead of passing silently.
    reviewed: bool = False


@dataclass(frozen=True, kw_only=True)
class FalseAlarm:
    """A finding of a kind the key lists as absent."""

    entry: str
    file: str
    finding: Finding


@dataclass(frozen=True, kw_only=True)
class ThresholdCheck:
    entry: str
    kind: str
    expected: str
    found: tuple[str, ...]
    ok: bool


@dataclass(frozen=True, kw_only=True)
class EvidenceCheck:
    entry: str
    kind: str
    quote: str
    section: str | None
    covered: bool


@dataclass(kw_only=True)
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def counts(self, kinds: Iterable[str]) -> tuple[int, int, int]:
        ks = list(kinds)
        return sum(self.tp[k] for k in ks), sum(self.fp[k] for k in ks), sum(self.fn[k] for k in ks)


@dataclass(kw_only=True)
class Evaluation:
    root: str
    documents: int = 0
    errors: list[str] = field(default_factory=list)
    score: Score = field(default_factory=Score)
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[FalseAlarm] = field(default_factory=list)
    thresholds: list[ThresholdCheck] = field(default_factory=list)
    evidence: list[EvidenceCheck] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def canonical(text: str) -> str:
    """Text reduced for comparing quotes: ASCII quotes, no Markdown emphasis, one space, lower."""
    from openness.ingest.normalize import normalize_quote

    text = normalize_quote(text)
    text = re.sub(r"[*_\\]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _threshold_expected(fact: Fact) -> str:
    if fact.kind == "restrict.revenue_threshold":
        return f"{fact.value} {fact.currency or ''}".strip()
    return f"{fact.value} {fact.unit}"


def _threshold_found(finding: Finding) -> str:
    a = finding.attributes
    if finding.kind == "restrict.revenue_threshold":
        return f"{a.get('amount')} {a.get('currency', '')}".strip()
    return f"{a.get('count')} {a.get('metric')}"


def evaluate_corpus(root: Path) -> Evaluation:
    """Runs the extractor over every audited licence entry under ``root`` and scores it."""
    from openness.extract import extract_findings
    from openness.ingest import load
    from openness.taxonomy import load_taxonomy

    entries = load_entries(root)
    result = Evaluation(root=str(root))
    audited_kinds: set[str] = set()
    for entry in entries:
        audited_kinds |= entry.audited
        path = root / entry.file
        try:
            doc = load(path)
            findings = extract_findings(doc)
        except OpennessError as exc:
            result.errors.append(f"{entry.id}: {exc}")
            continue
        result.documents += 1
        _score_entry(result, entry, findings)
    order = list(load_taxonomy().kinds)
    result.kinds = [k for k in order if k in audited_kinds]
    return result


def _reviewed(kind: str, expected: tuple[tuple[str | None, str | None], ...],
              reviews: list[Finding]) -> bool:
    """Whether a review item that might be ``kind`` quotes (or is quoted by) a key quote."""
    quotes = [canonical(q) for q, _ in expected if q]
    for finding in reviews:
        if kind not in finding.attributes.get("candidates", ()):
            continue
        said = canonical(finding.evidence.quote)
        if any(q in said or said in q for q in quotes):
            return True
    return False


def _score_entry(result: Evaluation, entry: Entry, findings: list[Finding]) -> None:
    by_kind: dict[str, list[Finding]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    for kind in sorted(entry.present):
        if kind in by_kind:
            result.score.tp[kind] += 1
        else:
            result.score.fn[kind] += 1
            expected = tuple((f.quote, f.section) for f in entry.facts if f.kind == kind)
            result.misses.append(Miss(entry=entry.id, file=entry.file, kind=kind, expected=expected,
                                      reviewed=_reviewed(kind, expected, by_kind.get(UNCLASSIFIED, []))))
    for kind in sorted(entry.absent):
        for finding in by_kind.get(kind, ())[:1]:
            result.score.fp[kind] += 1
            result.false_alarms.append(FalseAlarm(entry=entry.id, file=entry.file, finding=finding))
        for finding in by_kind.get(kind, ())[1:]:
            result.false_alarms.append(FalseAlarm(entry=entry.id, file=entry.file, finding=finding))
    for fact in entry.facts:
        if fact.name in THRESHOLD_FACTS:
            found = tuple(_threshold_found(f) for f in by_kind.get(fact.kind, ()))
            expected = _threshold_expected(fact)
            result.thresholds.append(
                ThresholdCheck(entry=entry.id, kind=fact.kind, expected=expected, found=found,
                               ok=expected in found)
            )
        if fact.quote:
            want = canonical(fact.quote)
            covered = any(want in canonical(f.evidence.quote) for f in by_kind.get(fact.kind, ()))
            result.evidence.append(
                EvidenceCheck(entry=entry.id, kind=fact.kind, quote=fact.quote, section=fact.section,
                              covered=covered)
            )
