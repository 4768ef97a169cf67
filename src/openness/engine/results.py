"""What the engine says: one :class:`RuleResult` per rule, one :class:`PolicyVerdict` per policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openness.model import Evidence

#: Outcomes from best to worst. ``unknown`` ranks above ``warn``: a question the documents do
#: not settle may hide a failure, so it must never read as the milder outcome.
OUTCOMES = ("pass", "warn", "unknown", "fail")
RANK = {outcome: rank for rank, outcome in enumerate(OUTCOMES)}


def worst(outcomes: Any) -> str:
    """The worst of ``outcomes`` (``pass`` for none)."""
    return max(outcomes, key=RANK.__getitem__, default="pass")


@dataclass(frozen=True, kw_only=True)
class RuleResult:
    #: ``policy.rule``, e.g. ``osd.no-discrimination``.
    id: str
    title: str
    #: pass, fail, warn or unknown.
    outcome: str
    #: What was found, in words, with the numbers that decided it.
    message: str
    #: The findings' evidence that decided the outcome (in document order).
    evidence: tuple[Evidence, ...] = ()
    #: Each condition, what it evaluated to, and why.
    trace: tuple[str, ...] = ()
    #: What would change the verdict, or where to look; ``None`` for a pass.
    fix: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome,
            "message": self.message,
            "evidence": [e.to_json() for e in self.evidence],
            "trace": list(self.trace),
            "fix": self.fix,
        }


@dataclass(frozen=True, kw_only=True)
class PolicyVerdict:
    policy: str
    title: str
    #: The worst outcome of its rules.
    outcome: str
    rules: tuple[RuleResult, ...]
    #: What was judged: the PATH argument (a licence file or a release folder); "" when the
    #: findings came from elsewhere (rule examples, the Python API).
    subject: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "title": self.title,
            "outcome": self.outcome,
            "subject": self.subject,
            "rules": [r.to_json() for r in self.rules],
        }
