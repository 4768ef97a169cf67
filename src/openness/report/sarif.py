"""SARIF 2.1.0, for code scanning (GitHub and other dashboards): one run, one result per rule
per document.

A rule that did not pass gives one result for each document its evidence is in: the first
clause is the location, the others in that document are ``relatedLocations`` (a use policy of
thirty bullets is one alert, not thirty). Levels follow outcomes (fail -> error, warn ->
warning, unknown -> note). A rule with no evidence, typically an ``unknown``, still gives a
result, placed on the subject's main document, so that no verdict drops out of a dashboard.

Paths are URIs relative to ``base`` (the current folder by default) under the ``%SRCROOT%``
base id, so no machine's folders appear in the log; each result has a ``partialFingerprints``
entry made of the rule, the document's digest and the clause's place in it, equal on every run
and machine while the text is unchanged. Rule descriptors come from the rule files (title,
rationale, reference), never from one run's results. Lines are lines of the extracted text;
for PDFs the page is in the properties, since a line number alone locates nothing in a PDF.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PureWindowsPath
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

#: The base id every artifact location is relative to: the folder given as ``--base``.
ROOT = "%SRCROOT%"

#: The key of our fingerprint in ``partialFingerprints``; the version changes with its recipe.
FINGERPRINT = "opennessClause/v1"


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False,
           base: str | None = None) -> str:
    """Colour does not apply; passing rules are described in ``rules`` but give no result."""
    return json.dumps(sarif(analysis, base), indent=2, ensure_ascii=False) + "\n"


def sarif(analysis: Analysis, base: str | None = None) -> dict[str, Any]:
    """The SARIF log as a JSON-ready dict, paths relative to ``base`` (default: the cwd)."""
    rules, index = _rules(analysis.verdicts)
    where = Locator(base, analysis.documents)
    results = [
        result
        for verdict in analysis.verdicts
        for rule in attention(verdict)
        for result in _results(verdict, rule, index[rule.id], where)
    ]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "openness", "version": __version__, "rules": rules}},
        "artifacts": [_artifact(d, where) for d in analysis.documents],
        "invocations": [_invocation(analysis, where)],
        "results": results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def uri(path: str) -> str:
    """A relative path as given, as a URI reference (forward slashes, percent-encoded)."""
    return quote(PureWindowsPath(path).as_posix() if "\\" in path else path, safe="/")


class Locator:
    """Artifact locations relative to the base folder, and the digest of each document."""

    def __init__(self, base: str | None, documents: tuple[DocumentResult, ...]) -> None:
        self.base = Path(base or os.getcwd()).resolve()
        self.documents = documents
        self.digests = {d.path: d.document.sha256 for d in documents if d.document is not None}

    def artifact(self, path: str) -> dict[str, Any]:
        """``{"uri": ..., "uriBaseId": "%SRCROOT%"}`` for a file under the base; a file outside
        it keeps a path relative to the base (``../x``), never an absolute one."""
        absolute = Path(path) if Path(path).is_absolute() else Path(os.getcwd()) / path
        relative = os.path.relpath(os.path.normpath(absolute), self.base)
        return {"uri": uri(Path(relative).as_posix()), "uriBaseId": ROOT}

    def fingerprint(self, rule_id: str, path: str, evidence: Evidence | None) -> dict[str, str]:
        """Rule, document digest and clause span: the same clause of the same text gives the
        same fingerprint on every run and machine, wherever the file lies."""
        digest = self.digests.get(path, path)
        span = f"{evidence.start}-{evidence.end}" if evidence is not None else "document"
        key = hashlib.sha256(f"{rule_id}\0{digest}\0{span}".encode()).hexdigest()
        return {FINGERPRINT: key}


def _rules(verdicts: tuple[PolicyVerdict, ...]) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """One reporting descriptor per rule id, in order of first appearance, from the rule itself:
    its title, rationale and reference. Nothing in it depends on what a run found."""
    seen: dict[str, tuple[PolicyVerdict, RuleResult]] = {}
    for verdict in verdicts:
        for rule in verdict.rules:
            seen.setdefault(rule.id, (verdict, rule))
    descriptors = [_descriptor(verdict, rule) for verdict, rule in seen.values()]
    return descriptors, {d["id"]: i for i, d in enumerate(descriptors)}


def _descriptor(verdict: PolicyVerdict, rule: RuleResult) -> dict[str, Any]:
    about = rule.rationale or rule.title
    help_text = about
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.id.rsplit(".", 1)[-1],
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": about},
        "properties": {"policy": verdict.policy, "policyTitle": verdict.title},
    }
    if rule.reference is not None:
        url, criterion = rule.reference
        help_text += f" Reference: {criterion} ({url})." if criterion else f" Reference: {url}."
        descriptor["helpUri"] = url
    descriptor["help"] = {"text": help_text}
    return descriptor


def _results(verdict: PolicyVerdict, rule: RuleResult, rule_index: int,
             where: Locator) -> list[dict[str, Any]]:
    """One result per document the rule's evidence is in, or one on the main document."""
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
        home = _main_document(subject_of(verdict), where)
        if home is None:
            return [{**common, "properties": {**properties, "evidence": None}}]
        return [{**common, "locations": [_whole(home, where)],
                 "partialFingerprints": where.fingerprint(rule.id, home, None),
                 "properties": {**properties, "evidence": None}}]
    by_document: dict[str, list[Evidence]] = {}
    for evidence in rule.evidence:
        by_document.setdefault(evidence.path, []).append(evidence)
    results = []
    for path, pieces in by_document.items():
        first, *others = pieces
        result = {**common, "locations": [_location(first, where)],
                  "partialFingerprints": where.fingerprint(rule.id, path, first),
                  "properties": {**properties, "evidence": first.to_json()}}
        if others:
            result["relatedLocations"] = [{**_location(e, where), "id": n,
                                           "message": {"text": one_line(e.quote)}}
                                          for n, e in enumerate(others, start=1)]
        results.append(result)
    return results


def _location(evidence: Evidence, where: Locator) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": evidence.line, "snippet": {"text": one_line(evidence.quote)}}
    place = {"section": evidence.section, "page": evidence.page,
             "start": evidence.start, "end": evidence.end}
    region["properties"] = {k: v for k, v in place.items() if v is not None}
    return {"physicalLocation": {"artifactLocation": where.artifact(evidence.path), "region": region}}


def _whole(path: str, where: Locator) -> dict[str, Any]:
    """The document itself, for a verdict no sentence supports (line 1 stands for the file)."""
    return {"physicalLocation": {"artifactLocation": where.artifact(path), "region": {"startLine": 1}},
            "message": {"text": "no passage of this document settles the rule"}}


def _main_document(subject: str, where: Locator) -> str | None:
    """The subject's licence if it has one, else its first readable document."""
    readable = [d for d in where.documents if d.document is not None]
    readable = [d for d in readable if d.subject == subject] or readable
    licences = [d for d in readable if d.role == "license"]
    chosen = (licences or readable)[:1]
    return chosen[0].path if chosen else None


def _artifact(result: DocumentResult, where: Locator) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": where.artifact(result.path), "roles": ["analysisTarget"],
                                "properties": {"role": result.role}}
    if result.license is not None:
        artifact["properties"]["license"] = result.license.to_json()
    if result.document is not None:
        artifact["hashes"] = {"sha-256": result.document.sha256}
    return artifact


def _invocation(analysis: Analysis, where: Locator) -> dict[str, Any]:
    """Unreadable documents as error notifications, notes as notes: the run itself succeeded."""
    notifications = [
        {"level": "error", "message": {"text": f"{d.path}: {d.error}"},
         "locations": [{"physicalLocation": {"artifactLocation": where.artifact(d.path)}}]}
        for d in analysis.errors
    ]
    notifications += [{"level": "note", "message": {"text": note}} for note in analysis.notes]
    notifications += [
        {"level": "note", "message": {"text": f"{d.path}: {note}"},
         "locations": [{"physicalLocation": {"artifactLocation": where.artifact(d.path)}}]}
        for d in analysis.documents for note in d.notes
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notifications}
