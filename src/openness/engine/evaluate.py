"""Findings + a compiled policy -> verdicts, in three-valued logic, with evidence and a trace.

A condition is true when some finding of its kind passes its filter, unknown when a finding
lacks what the filter needs (or the profile or a rate is missing) or when no document that
could settle the kind was analysed, and false otherwise. ``fail if`` fails on true, ``require``
fails on false, and either gives ``unknown`` on unknown: never a silent pass.

Each distinct match (a kind and its filter) is decided once per run, for all findings of its
kind at once, as sets of indexes: rules that repeat ``require grant.use`` share one answer.
"""

from __future__ import annotations

from typing import Iterable

from openness.engine.compiler import (
    CompiledClause, CompiledCondition, CompiledMatch, CompiledPolicy, CompiledRule, Env, Filter,
)
from openness.engine.decisions import Cond, Decided, Decision, MatchState, place
from openness.engine.profile import Profile
from openness.engine.results import PolicyVerdict, RuleResult
from openness.engine.values import Truth, kleene_not
from openness.engine.words import Words
from openness.model import Finding, Outcome
from openness.taxonomy import UNCLASSIFIED


#: A filter's answer on the findings of one kind, by index: where it is true, where unknown.
Answer = tuple[frozenset[int], frozenset[int]]


class _Kind:
    """The findings of one kind in a run, in document order, and each filter's answer on them."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.answers: dict[object, Answer] = {}

    @property
    def everyone(self) -> frozenset[int]:
        return frozenset(range(len(self.findings)))

    def pick(self, indexes: frozenset[int]) -> tuple[Finding, ...]:
        return tuple(self.findings[i] for i in sorted(indexes))


class _Run:
    """One evaluation: the findings by kind, the roles analysed, the profile, and what has been
    decided so far (rules, clauses and matches that several rules share)."""

    def __init__(self, compiled: CompiledPolicy, findings: Iterable[Finding], roles: set[str],
                 profile: Profile | None) -> None:
        self.compiled = compiled
        self.kinds: dict[str, _Kind] = {}
        #: Clauses the extractor could not classify, by each kind they might be.
        self.unclassified: dict[str, list[Finding]] = {}
        for finding in sorted(findings, key=place):
            self.kinds.setdefault(finding.kind, _Kind()).findings.append(finding)
            if finding.kind == UNCLASSIFIED:
                for candidate in finding.attributes.get("candidates", ()):
                    self.unclassified.setdefault(candidate, []).append(finding)
        self.roles = frozenset(roles)
        self.env = Env(profile=compiled.profile.merged(profile), rates=compiled.rates)
        self.words = Words(self.env)
        self.rules: dict[str, RuleResult] = {}
        self.clauses: dict[object, tuple[Outcome, Cond]] = {}
        self.matches: dict[object, Decided] = {}

    def rule(self, rule: CompiledRule) -> RuleResult:
        known = self.rules.get(rule.id)
        if known is None:
            decisions = [self.clause(c) for c in rule.clauses]
            outcome = Outcome.worst(d.outcome for d in decisions)
            evidence = _evidence([d for d in decisions if d.outcome == outcome])
            message, trace, fix = self.words.rule(rule, decisions, outcome, evidence)
            source = rule.rule
            reference = ((source.reference_url, source.reference_criterion or "")
                         if source.reference_url else None)
            known = self.rules[rule.id] = RuleResult(
                id=rule.id, title=rule.title, outcome=outcome, message=message,
                evidence=tuple(f.evidence for f in evidence), trace=trace, fix=fix,
                rationale=source.rationale, reference=reference)
        return known

    def clause(self, clause: CompiledClause) -> Decision:
        if clause.requires is not None:
            result = self.rule(self.compiled.registry[clause.requires])
            outcome = result.outcome
            if outcome in (Outcome.FAIL, Outcome.WARN) and clause.severity_given:
                outcome = Outcome(clause.severity)
            return Decision(clause=clause, outcome=outcome, required=result)
        assert clause.condition is not None
        known = self.clauses.get(clause.key)
        if known is None:
            cond = self.condition(clause.condition)
            known = self.clauses[clause.key] = (_clause_outcome(clause, cond.truth), cond)
        return Decision(clause=clause, outcome=known[0], cond=known[1])

    def condition(self, cc: CompiledCondition) -> Cond:
        if cc.op == "match":
            assert cc.match is not None
            decided = self.match(cc.match)
            return Cond(truth=decided.truth, matches=((cc.leaf, decided),))
        parts = [self.condition(item) for item in cc.items]
        if cc.op == "not":
            return Cond(truth=kleene_not(parts[0].truth), matches=parts[0].matches)
        # Kleene's `and` is false when a part is (and `or` true when a part is), whatever the
        # others; those parts decide it. Else it is unknown if a part is, and they decide it.
        decisive = cc.op != "all"
        for truth in (decisive, None):
            chosen = [p for p in parts if p.truth is truth]
            if chosen:
                return Cond(truth=truth, matches=tuple(m for p in chosen for m in p.matches))
        return Cond(truth=not decisive, matches=tuple(m for p in parts for m in p.matches))

    def match(self, m: CompiledMatch) -> Decided:
        key = (m.kind, m.filter.key if m.filter is not None else None)
        decided = self.matches.get(key)
        if decided is None:
            decided = self.matches[key] = self.decide(m)
        return decided

    def decide(self, m: CompiledMatch) -> Decided:
        """What ``m`` finds; where nothing matches but an unclassified clause might be of its
        kind, unknown with that clause as evidence."""
        decided = self.found(m)
        unclassified = self.unclassified.get(m.kind)
        if decided.truth is False and unclassified:
            return Decided(None, MatchState.UNCLASSIFIED, tuple(unclassified))
        return decided

    def found(self, m: CompiledMatch) -> Decided:
        kind = self.kinds.get(m.kind)
        settled = not m.sources.isdisjoint(self.roles)
        if kind is None:
            return Decided(False, MatchState.ABSENT) if settled else Decided(None, MatchState.UNSETTLED)
        if m.filter is None:
            return Decided(True, MatchState.FOUND, kind.pick(kind.everyone))
        true, unknown = self.answer(m.filter, kind)
        if true:
            return Decided(True, MatchState.MATCHED, kind.pick(true))
        if unknown:
            return Decided(None, MatchState.UNDECIDED, kind.pick(unknown))
        if settled:
            return Decided(False, MatchState.EXCLUDED, kind.pick(kind.everyone))
        return Decided(None, MatchState.UNSETTLED, kind.pick(kind.everyone))

    def answer(self, flt: Filter, kind: _Kind) -> Answer:
        """Where ``flt`` is true and where unknown on the findings of ``kind``, by index; it is
        false on the rest. Kleene's logic on sets: ``and`` is true where all parts are, false
        where any is; ``not`` swaps true and false."""
        known = kind.answers.get(flt.key)
        if known is None:
            if flt.op == "test":
                known = _tested(flt, kind, self.env)
            else:
                known = _combined(flt.op, [self.answer(part, kind) for part in flt.parts], kind.everyone)
            kind.answers[flt.key] = known
        return known


def _tested(flt: Filter, kind: _Kind, env: Env) -> Answer:
    """A comparison or a flag, tested on each finding of ``kind``."""
    assert flt.test is not None
    values = [flt.test(finding.attributes, env) for finding in kind.findings]
    return (frozenset(i for i, v in enumerate(values) if v is True),
            frozenset(i for i, v in enumerate(values) if v is None))


def _combined(op: str, answers: list[Answer], everyone: frozenset[int]) -> Answer:
    """``not``, ``all`` or ``any`` of the answers of a filter's parts."""
    if op == "not":
        true, unknown = answers[0]
        return everyone - true - unknown, unknown
    falses = [everyone - true - unknown for true, unknown in answers]
    trues = [true for true, _ in answers]
    if op == "all":
        true, false = frozenset.intersection(*trues), frozenset().union(*falses)
    else:
        true, false = frozenset().union(*trues), frozenset.intersection(*falses)
    return true, everyone - true - false


def _clause_outcome(clause: CompiledClause, truth: Truth) -> Outcome:
    """``fail if`` and ``warn if`` give their verb when true; ``require`` its severity when false;
    either gives ``unknown`` when unknown, and ``pass`` otherwise."""
    if truth is None:
        return Outcome.UNKNOWN
    if clause.verb == "require":
        return Outcome.PASS if truth else Outcome(clause.severity)
    return Outcome(clause.verb) if truth else Outcome.PASS


def _evidence(decisions: list[Decision]) -> list[Finding]:
    """The findings that decided ``decisions``, in document order, once each (the same clause
    found twice counts once)."""
    chosen: dict[tuple[str, int, str, int], Finding] = {}
    for decision in decisions:
        for finding in decision.findings:
            chosen.setdefault(place(finding), finding)
    return [chosen[key] for key in sorted(chosen)]


def evaluate(compiled: CompiledPolicy, findings: Iterable[Finding], *, roles: set[str],
             profile: Profile | None = None) -> PolicyVerdict:
    """The verdict of ``compiled`` on ``findings``.

    ``roles`` are the roles of the documents analysed (``license``, ``model_card``, ...): a
    kind whose taxonomy group lists none of them as a source is unknown when absent.
    ``profile`` (from ``--profile FILE``) overrides the policy's own ``profile`` block.
    """
    run = _Run(compiled, findings, roles, profile)
    results = tuple(run.rule(rule) for rule in compiled.rules)
    policy = compiled.policy
    return PolicyVerdict(policy=policy.name, title=policy.title,
                         outcome=Outcome.worst(r.outcome for r in results), rules=results)
