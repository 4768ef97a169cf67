"""SARIF 2.1.0, for code-scanning dashboards: one run, one result per cited place.

Each rule that did not pass gives one result per piece of evidence (level: fail -> error,
warn -> warning, unknown -> note). A rule with no evidence, typically an ``unknown``, still gives
a result, placed on the subject's main document, so that no verdict drops out of a dashboard.
Lines are lines of the extracted text; for PDFs the page is in the properties, since a line
number alone does not locate anything in a PDF file.
"""

from __future__ import annotations

import json
from pathlib import PureWindowsPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from openness import __version__
from openness.model import Outcome
from openness.report.outline import FIX_LABEL, attention, one_line, subject_of

if TYPE_CHECKING:
    from openness.model import Analysis, DocumentResult
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

LEVELS = {Outcome.FAIL: "error", Outcome.WARN: "warning", Outcome.UNKNOWN: "note"}


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False) -> str:
    """Colour does not apply; passing rules are described in ``rules`` but give no result."""
    return json.dumps(sarif(analysis), indent=2, ensure_ascii=False) + "\n"


def sarif(analysis: Analysis) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict."""
    rules, index = _rules(analysis.verdicts)
    results = [
        result
        for verdict in analysis.verdicts
        for rule in attention(verdict)
        for result in _results(verdict, rule, index[rule.id], analysis.documents)
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "openness", "version": __version__, "rules": rules}},
        "artifacts": [_artifact(d) for d in analysis.documents],
        "invocations": [_invocation(analysis)],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def uri(path: str) -> str:
    """A relative path as given, as a URI reference (forward slashes, percent-encoded)."""
    return quote(PureWindowsPath(path).as_posix() if "\\" in path else path, safe="/")


def _rules(verdicts: tuple[PolicyVerdict, ...]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One reporting descriptor per rule id, in order of first appearance.

    The same rule is judged once per subject; its descriptor carries the worst outcome.
    """
    seen: dict[str, tuple[PolicyVerdict, list[RuleResult]]] = {}
    for verdict in verdicts:
        for rule in verdict.rules:
            seen.setdefault(rule.id, (verdict, []))[1].append(rule)
    descriptors = []
    for rule_id, (verdict, judged) in seen.items():
        first = judged[0]
        helps = [r.fix for r in judged if r.fix] or [first.message or first.title]
        descriptors.append({
            "id": rule_id,
            "name": rule_id.rsplit(".", 1)[-1],
            "shortDescription": {"text": first.title},
            "fullDescription": {"text": first.message or first.title},
            "help": {"text": helps[0]},
            "properties": {
                "policy": verdict.policy,
                "policyTitle": verdict.title,
                "outcome": Outcome.worst(r.outcome for r in judged).value,
            },
        })
    return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}


def _results(verdict: PolicyVerdict, rule: RuleResult, rule_index: int,
             documents: tuple[DocumentResult, ...]) -> list[dict[str, Any]]:
    text = rule.message
    if rule.fix:
        text += ("" if text.endswith((".", "!", "?")) else ".") + f" {FIX_LABEL}: {rule.fix}"
    common = {
        "ruleId": rule.id,
        "ruleIndex": rule_index,
        "level": LEVELS[rule.outcome],
        "message": {"text": text},
    }
    properties: dict[str, Any] = {"policy": verdict.policy, "outcome": rule.outcome.value,
                                  "subject": subject_of(verdict), "trace": list(rule.trace)}
    if rule.fix:
        properties["fix"] = rule.fix
    if not rule.evidence:
        home = _main_document(subject_of(verdict), documents)
        located = {"locations": [_whole(home)]} if home else {}
        return [{**common, **located, "properties": {**properties, "evidence": None}}]
    return [
        {**common, "locations": [_location(evidence)],
         "properties": {**properties, "evidence": evidence.to_json()}}
        for evidence in rule.evidence
    ]


def _location(evidence: Evidence) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": evidence.line, "snippet": {"text": one_line(evidence.quote)}}
    where = {"section": evidence.section, "page": evidence.page,
             "start": evidence.start, "end": evidence.end}
    region["properties"] = {k: v for k, v in where.items() if v is not None}
    return {"physicalLocation": {"artifactLocation": {"uri": uri(evidence.path)}, "region": region}}


def _whole(path: str) -> dict[str, Any]:
    """The document itself, for a verdict no sentence supports (line 1 stands for the file)."""
    return {"physicalLocation": {"artifactLocation": {"uri": uri(path)}, "region": {"startLine": 1}},
            "message": {"text": "no passage of this document settles the rule"}}


def _main_document(subject: str, documents: tuple[DocumentResult, ...]) -> str | None:
    """The subject's licence if it has one, else its first readable document."""
    readable = [d for d in documents if d.document is not None]
    readable = [d for d in readable if d.subject == subject] or readable
    licences = [d for d in readable if d.role == "license"]
    chosen = (licences or readable)[:1]
    return chosen[0].path if chosen else None


def _artifact(result: DocumentResult) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": uri(result.path)}, "roles": ["analysisTarget"],
                                "properties": {"role": result.role}}
    if result.license is not None:
        artifact["properties"]["license"] = result.license.to_json()
    if result.document is not None:
        artifact["hashes"] = {"sha-256": result.document.sha256}
    return artifact


def _invocation(analysis: Analysis) -> dict[str, Any]:
    """Unreadable documents as error notifications, notes as notes: the run itself succeeded."""
    notifications = [
        {"level": "error", "message": {"text": f"{d.path}: {d.error}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(d.path)}}}]}
        for d in analysis.errors
    ]
    notifications += [{"level": "note", "message": {"text": note}} for note in analysis.notes]
    notifications += [
        {"level": "note", "message": {"text": f"{d.path}: {note}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(d.path)}}}]}
        for d in analysis.documents for note in d.notes
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}
