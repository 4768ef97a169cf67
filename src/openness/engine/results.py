"""What the engine says: one :class:`RuleResult` per rule, one :class:`PolicyVerdict` per policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openness.model import Evidence, Outcome


@dataclass(frozen=True, kw_only=True)
class RuleResult:
    """One rule's outcome, with the evidence that decided it and the words that explain it."""

    #: ``policy.rule``, e.g. ``osd.no-discrimination``.
    id: str
    title: str
    outcome: Outcome
    #: What was found, in words, with the numbers that decided it.
    message: str
    #: The findings' evidence that decided the outcome, in document order.
    evidence: tuple[Evidence, ...] = ()
    #: Each condition, what it evaluated to, and why.
    trace: tuple[str, ...] = ()
    #: What would change the verdict, or where to look; ``None`` for a pass.
    fix: str | None = None
    #: Why the rule exists and the criterion it encodes, from the rule file: the same on every
    #: run, for reports that describe the rule apart from one run (SARIF's rule help).
    rationale: str | None = None
    #: ``URL`` and criterion, e.g. ``https://opensource.org/osd`` and ``5. No Discrimination…``.
    reference: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome", Outcome(self.outcome))  # "fail" reads as Outcome.FAIL

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outcome": self.outcome.value,
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
    outcome: Outcome
    rules: tuple[RuleResult, ...]
    #: What was judged: the PATH argument (a licence file or a release folder); "" when the
    #: findings came from elsewhere (rule examples, the Python API).
    subject: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "outcome", Outcome(self.outcome))  # "fail" reads as Outcome.FAIL

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "title": self.title,
            "outcome": self.outcome.value,
            "subject": self.subject,
            "rules": [r.to_json() for r in self.rules],
        }
