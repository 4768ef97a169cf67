"""What a run of the engine decided, before it is put in words: per match, condition and clause."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from openness.engine.compiler import CompiledClause
from openness.engine.results import RuleResult
from openness.engine.values import Truth
from openness.model import Finding, Outcome


class MatchState(Enum):
    """What a ``KIND [where ...]`` found, which says why it is true, false or unknown."""

    #: Findings of the kind, and no filter: true.
    FOUND = "found"
    #: No finding of the kind, and a document that could hold one was read: false.
    ABSENT = "absent"
    #: Nothing that matches, and no document that could settle the kind was read: unknown.
    UNSETTLED = "unsettled"
    #: Findings that pass the filter: true.
    MATCHED = "matched"
    #: None passes, and some lack what the filter needs: unknown.
    UNDECIDED = "undecided"
    #: Findings of the kind, none of which passes the filter: false.
    EXCLUDED = "excluded"


@dataclass(frozen=True)
class Decided:
    """What a match decided, and the findings that decided it (document order): those that
    matched when true, those that could not be decided when unknown, those excluded when false."""

    truth: Truth
    state: MatchState
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Cond:
    """What a condition evaluated to, and its matches that decided it: each as its place among
    the clause's matches (``CompiledClause.leaves``) and what it decided."""

    truth: Truth
    matches: tuple[tuple[int, Decided], ...]

    @property
    def findings(self) -> list[Finding]:
        return [f for _, decided in self.matches for f in decided.findings]


@dataclass(frozen=True)
class Decision:
    """A clause's outcome, and what decided it: its condition, or the rule it requires."""

    clause: CompiledClause
    outcome: Outcome
    cond: Cond | None = None
    required: RuleResult | None = None

    @property
    def findings(self) -> list[Finding]:
        """The findings that decided it: a required rule's evidence comes as findings of a kind
        named after the rule."""
        if self.required is not None:
            return [Finding(kind=self.required.id, attributes={}, evidence=ev)
                    for ev in self.required.evidence]
        assert self.cond is not None
        return self.cond.findings


def place(finding: Finding) -> tuple[str, int, str, int]:
    """Where a finding sits, for document order: two findings of one kind at one place are one
    piece of evidence."""
    ev = finding.evidence
    return ev.path, ev.start, finding.kind, ev.end
