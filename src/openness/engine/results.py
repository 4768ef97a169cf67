"""What the engine says: one :class:`RuleResult` per rule, one :class:`PolicyVerdict` per policy."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable

from openness.model import Evidence

#: Outcomes from best to worst. ``unknown`` ranks above ``warn``: a question the documents do
#: not settle may hide a failure, so it must never read as the milder outcome.
OUTCOMES = ("pass", "warn", "unknown", "fail")
RANK = {outcome: rank for rank, outcome in enumerate(OUTCOMES)}


def worst(outcomes: Any) -> str:
    """The worst of ``outcomes`` (``pass`` for none)."""
    return max(outcomes, key=RANK.__getitem__, default="pass")


@dataclass(frozen=True, kw_only=True)
class Explanation:
    """A rule result in words."""

    #: What was found, in words, with the numbers that decided it.
    message: str
    #: Each condition, what it evaluated to, and why.
    trace: tuple[str, ...] = ()
    #: What would change the verdict, or where to look; ``None`` for a pass.
    fix: str | None = None


@dataclass(frozen=True, kw_only=True)
class RuleResult:
    """One rule's outcome, decided at once; its evidence gathered and its words rendered when
    first read.

    Rendering messages and traces costs several times more than deciding, gathering the
    evidence (the findings of every deciding clause, merged in document order) about as much
    again, and most readers of a result (``--fail-on``, rule tests, verdict diffs, rules that
    require it) need only the outcome.
    """

    #: ``policy.rule``, e.g. ``osd.no-discrimination``.
    id: str
    title: str
    #: pass, fail, warn or unknown.
    outcome: str
    #: Gathers :attr:`evidence` (decided with the outcome); called once, on first use.
    found: Callable[[], tuple[Evidence, ...]] = field(repr=False, compare=False)
    #: Works out the :class:`Explanation`; called once, on first use.
    explanation: Callable[[], Explanation] = field(repr=False, compare=False)

    @classmethod
    def stated(cls, *, id: str, title: str, outcome: str, message: str,  # noqa: A002 - the field's name
               evidence: tuple[Evidence, ...] = (), trace: tuple[str, ...] = (),
               fix: str | None = None) -> "RuleResult":
        """A result whose evidence and words are already known (tests, results read back from
        JSON)."""
        words = Explanation(message=message, trace=trace, fix=fix)
        return cls(id=id, title=title, outcome=outcome, found=lambda: evidence,
                   explanation=lambda: words)

    @cached_property
    def evidence(self) -> tuple[Evidence, ...]:
        """The findings' evidence that decided the outcome, in document order."""
        return self.found()

    @cached_property
    def explained(self) -> Explanation:
        return self.explanation()

    @property
    def message(self) -> str:
        return self.explained.message

    @property
    def trace(self) -> tuple[str, ...]:
        return self.explained.trace

    @property
    def fix(self) -> str | None:
        return self.explained.fix

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
