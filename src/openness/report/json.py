"""The machine report: ``Analysis.to_json()`` as one JSON object (schema ``openness.analysis/1``).

The shape is the contract in ``json-output.md``; ``schemas/analysis.schema.json`` states it for
validators.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from openness.report.answer import ANSWERS, answers, evidence_key, reason, reasons, subjects

if TYPE_CHECKING:
    from openness.engine.results import RuleResult
    from openness.model import Analysis


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False) -> str:
    """Colour and folding do not apply: a machine reads every rule."""
    return json.dumps({**analysis.to_json(), "summary": summary(analysis)}, indent=2,
                      ensure_ascii=False) + "\n"


def summary(analysis: Analysis) -> list[dict[str, Any]]:
    """The answer the human reports open with, per subject: each policy's outcome and the
    rules that decided it, and the practical answers (``for_you``) when a profile was given.
    Evidence is named by finding id, so a reader finds the quote once, in ``findings``."""
    lines = answers(analysis)
    ids = {evidence_key(f.evidence): f.id for f in analysis.findings}

    def rule(result: RuleResult) -> dict[str, Any]:
        return {"rule": result.id, "title": result.title, "outcome": result.outcome.value,
                "reason": reason(result),
                "findings": list(dict.fromkeys(ids[k] for k in map(evidence_key, result.evidence)
                                               if k in ids))}

    return [{
        "subject": subject,
        "policies": [{"policy": line.verdict.policy, "title": line.verdict.title,
                      "outcome": line.verdict.outcome.value,
                      "reasons": [rule(r) for r in reasons(line)]}
                     for line in lines if line.verdict.subject == subject],
        "for_you": [{**rule(r), "answer": ANSWERS[r.outcome]}
                    for v in analysis.for_you if v.subject == subject for r in v.rules],
    } for subject in subjects(analysis)]
