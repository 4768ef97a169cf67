"""The report of ``openness explain RULE_ID``: a rule's title, rationale, reference, conditions
and examples."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from openness.report import Format

if TYPE_CHECKING:
    from openness.dsl.ast import Clause, Rule

#: The formats of the report.
FORMATS = (Format.TEXT, Format.JSON)


def render(rule: Rule, fmt: Format) -> str:
    clauses = [_condition(clause) for clause in rule.clauses]
    if fmt is Format.JSON:
        return json.dumps({
            "schema": "openness.explain/1", "id": rule.id, "title": rule.title,
            "rationale": rule.rationale,
            "reference": {"url": rule.reference_url, "criterion": rule.reference_criterion},
            "conditions": clauses,
            "examples": [{"outcome": e.outcome, "documents": [{"role": d.role, "text": d.text} for d in e.documents]}
                         for e in rule.examples],
            "location": str(rule.loc),
        }, indent=2, ensure_ascii=False)
    lines = [f"{rule.id}: {rule.title}", f"  defined at {rule.loc}"]
    if rule.rationale:
        lines += ["", "Why:", f"  {rule.rationale}"]
    if rule.reference_url or rule.reference_criterion:
        lines += ["", "Reference:", f"  {rule.reference_criterion or ''}  {rule.reference_url or ''}".rstrip()]
    lines += ["", "Conditions:", *(f"  {c}" for c in clauses)]
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            for doc in example.documents:
                role = "" if doc.role == "license" else f"[{doc.role}] "
                lines.append(f"  {example.outcome:7} {role}{' '.join(doc.text.split())}")
    return "\n".join(lines)


def _condition(clause: Clause) -> str:
    """A clause as the rule file words it: ``fail if CONDITION "message"``."""
    verb = "require" if clause.verb == "require" else f"{clause.verb} if"
    suffix = f" as {clause.severity}" if clause.severity_given else ""
    message = f'  "{clause.message.value}"' if clause.message else ""
    return f"{verb} {clause.source}{suffix}{message}"
