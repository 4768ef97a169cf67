"""Findings + a compiled policy -> verdicts, in three-valued logic, with evidence and a trace.

A condition is true when some finding of its kind passes its filter, unknown when a finding
lacks what the filter needs (or the profile or a rate is missing) or when no document that
could settle the kind was analysed, and false otherwise. ``fail if`` fails on true, ``require``
fails on false, and either gives ``unknown`` on unknown: never a silent pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from openness.dsl.templates import Template
from openness.engine.compiler import (
    CompiledClause, CompiledCondition, CompiledPolicy, CompiledRule, Env, Missing,
)
from openness.engine.profile import Profile
from openness.engine.results import PolicyVerdict, RuleResult, worst
from openness.engine.values import format_number, format_value
from openness.model import Finding
from openness.taxonomy import load_taxonomy

#: How many findings a trace explains per condition (the evidence keeps them all).
TRACE_FINDINGS = 3


@dataclass(kw_only=True)
class _Cond:
    """What a condition evaluated to, and what decided it."""

    truth: bool | None
    #: Findings that decided the truth value (matched when true, excluded when false,
    #: undecidable when unknown).
    findings: list[Finding] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    missing: list[tuple[Missing, Finding | None]] = field(default_factory=list)
    #: Kinds that no analysed document could settle.
    unsettled: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    #: Kinds looked for and not found in documents that could have held them.
    absent: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class _Clause:
    outcome: str
    message: str
    evidence: list[Finding]
    trace: list[str]
    fix: str | None = None
    #: Kinds looked for and not found (pass messages aggregate them).
    absent: list[str] = field(default_factory=list)


class _Run:
    """One evaluation: findings indexed by kind, the roles analysed, the profile, memoised rules."""

    def __init__(self, compiled: CompiledPolicy, findings: Iterable[Finding], roles: set[str],
                 profile: Profile | None) -> None:
        self.compiled = compiled
        self.by_kind: dict[str, list[Finding]] = {}
        for finding in findings:
            self.by_kind.setdefault(finding.kind, []).append(finding)
        self.roles = frozenset(roles)
        self.env = Env(profile=compiled.profile.merged(profile), rates=compiled.rates)
        self.memo: dict[str, RuleResult] = {}
        self.titles = {name: kind.title for name, kind in load_taxonomy().kinds.items()}

    # --- conditions ---------------------------------------------------------------------------

    def condition(self, cc: CompiledCondition) -> _Cond:
        if cc.op == "match":
            return self.match(cc)
        parts = [self.condition(item) for item in cc.items]
        if cc.op == "not":
            inner = parts[0]
            return _Cond(truth=None if inner.truth is None else not inner.truth, findings=inner.findings,
                         details=inner.details, missing=inner.missing, unsettled=inner.unsettled,
                         absent=inner.absent)
        decisive = False if cc.op == "all" else True
        if any(p.truth is decisive for p in parts):
            chosen = [p for p in parts if p.truth is decisive]
            truth: bool | None = decisive
        elif any(p.truth is None for p in parts):
            chosen = [p for p in parts if p.truth is None]
            truth = None
        else:
            chosen = parts
            truth = not decisive
        return _Cond(
            truth=truth,
            findings=[f for p in chosen for f in p.findings],
            details=[d for p in chosen for d in p.details],
            missing=[m for p in chosen for m in p.missing],
            unsettled=[u for p in chosen for u in p.unsettled],
            absent=[a for p in chosen for a in p.absent],
        )

    def match(self, cc: CompiledCondition) -> _Cond:
        m = cc.match
        assert m is not None
        found = self.by_kind.get(m.kind, ())
        settled = not m.sources.isdisjoint(self.roles)
        if m.filter is None:
            if found:
                return _Cond(truth=True, findings=list(found),
                             details=[f"{m.kind} found at {_where(f)}" for f in found[:TRACE_FINDINGS]])
            if settled:
                return _Cond(truth=False, details=[f"no {m.kind} found"], absent=[m.kind])
            return _Cond(truth=None, unsettled=[(m.kind, m.sources)],
                         details=[f"no {_roles(m.sources)} document was analysed to settle {m.kind}"])
        test, env = m.filter.test, self.env
        matched: list[Finding] = []
        undecided: list[Finding] = []
        excluded: list[Finding] = []
        for finding in found:
            value = test(finding.attributes, env)
            if value is True:
                matched.append(finding)
            elif value is None:
                undecided.append(finding)
            else:
                excluded.append(finding)
        if matched:
            return _Cond(truth=True, findings=matched, details=self.explain(m, matched))
        if undecided:
            cond = _Cond(truth=None, findings=undecided, details=self.explain(m, undecided))
            for finding in undecided:
                _, _, missing = m.filter.explain(finding.attributes, env)
                cond.missing.extend((item, finding) for item in missing)
            return cond
        if not settled:
            return _Cond(truth=None, findings=excluded, unsettled=[(m.kind, m.sources)],
                         details=[f"no {_roles(m.sources)} document was analysed to settle {m.kind}",
                                  *self.explain(m, excluded)])
        if not excluded:
            return _Cond(truth=False, details=[f"no {m.kind} found"], absent=[m.kind])
        return _Cond(truth=False, findings=excluded, details=self.explain(m, excluded))

    def explain(self, m: Any, findings: list[Finding]) -> list[str]:
        lines = []
        for finding in findings[:TRACE_FINDINGS]:
            _, text, _ = m.filter.explain(finding.attributes, self.env)
            lines.append(f"{m.kind} at {_where(finding)}: {text}")
        if len(findings) > TRACE_FINDINGS:
            lines.append(f"... and {len(findings) - TRACE_FINDINGS} more {m.kind} findings")
        return lines

    # --- clauses ------------------------------------------------------------------------------

    def clause(self, clause: CompiledClause) -> _Clause:
        if clause.requires is not None:
            return self.required_rule(clause)
        assert clause.condition is not None
        cond = self.condition(clause.condition)
        if clause.verb == "require":
            outcome = {True: "pass", False: clause.severity, None: "unknown"}[cond.truth]
        else:
            outcome = {True: clause.verb, False: "pass", None: "unknown"}[cond.truth]
        head = f"{'require' if clause.verb == 'require' else clause.verb + ' if'} {clause.source}: " \
               f"{_truth(cond.truth)} -> {outcome}"
        trace = [head, *(f"  {d}" for d in cond.details)]
        evidence = cond.findings
        if outcome == "unknown":
            message, fix = self.unknown(cond)
            return _Clause(outcome=outcome, message=message, evidence=evidence, trace=trace, fix=fix)
        if clause.verb == "require":
            if outcome == "pass":
                first = evidence[0] if evidence else None
                message = f"Found {_kind_of(first)}: \"{_short(first.evidence.quote)}\"" if first else "Found"
                return _Clause(outcome=outcome, message=message, evidence=evidence, trace=trace)
            message = (self.render(clause.message, None, clause) if clause.message
                       else f"Nothing found that meets `{clause.source}`")
            if evidence:
                message += " (found instead: " + "; ".join(
                    f"{_where(f)}: \"{_short(f.evidence.quote, 80)}\"" for f in evidence[:TRACE_FINDINGS]) + ")"
            fix = "Check whether the documents say this in words the extractor missed; otherwise the " \
                  "licensor would have to add it"
            return _Clause(outcome=outcome, message=message, evidence=evidence, trace=trace, fix=fix)
        if outcome == "pass":
            if evidence and clause.message is not None:
                message = "; ".join(dict.fromkeys(
                    self.render(clause.message, f, clause) + " — not affected" for f in evidence[:TRACE_FINDINGS]))
                if len(evidence) > TRACE_FINDINGS:
                    message += f" (and {len(evidence) - TRACE_FINDINGS} more)"
            elif evidence:
                message = "; ".join(f"{_kind_of(f)} at {_where(f)} does not meet `{clause.source}`"
                                    for f in evidence[:TRACE_FINDINGS])
            else:
                message = ""
            return _Clause(outcome=outcome, message=message, evidence=evidence, trace=trace,
                           absent=cond.absent)
        # The message names the first few findings; the evidence keeps them all.
        shown = evidence[:TRACE_FINDINGS]
        if clause.message is not None:
            message = "; ".join(dict.fromkeys(self.render(clause.message, f, clause) for f in shown))
        else:
            message = "; ".join(dict.fromkeys(
                f"{self.titles.get(f.kind, f.kind)}: \"{_short(f.evidence.quote)}\"" for f in shown))
        if len(evidence) > len(shown):
            message += f" (and {len(evidence) - len(shown)} more)"
        first = evidence[0] if evidence else None
        fix = (f"See {_where(first)}: without this clause (or with terms that do not reach you) "
               "the rule would pass") if first else None
        return _Clause(outcome=outcome, message=message or clause.source, evidence=evidence, trace=trace, fix=fix)

    def required_rule(self, clause: CompiledClause) -> _Clause:
        assert clause.requires is not None
        result = self.rule(self.compiled.registry[clause.requires])
        outcome = result.outcome
        if outcome in ("fail", "warn") and clause.severity_given:
            outcome = clause.severity
        changed = f" -> {outcome}" if outcome != result.outcome else ""
        trace = [f"require {clause.requires}: {result.outcome}{changed}", *(f"  {t}" for t in result.trace)]
        if clause.message is not None and outcome != "pass":
            message = self.render(clause.message, None, clause)
        else:
            message = f"{result.id}: {result.message}"
        return _Clause(outcome=outcome, message=message, evidence=list(_evidence_findings(result)),
                       trace=trace, fix=result.fix)

    def unknown(self, cond: _Cond) -> tuple[str, str]:
        reasons: list[str] = []
        fixes: list[str] = []
        for kind, sources in cond.unsettled:
            reasons.append(f"no {_roles(sources)} document was analysed, so {kind} cannot be settled")
            fixes.append(f"Analyse the {_roles(sources)} together with the licence")
        for (what, name), finding in cond.missing:
            if what == "attribute":
                where = f" at {_where(finding)}" if finding else ""
                reasons.append(f"the {_kind_of(finding)} clause{where} does not state `{name}`")
                fixes.append(f"Read {_where(finding) if finding else 'the clause'}: its `{name}` could not be read")
            elif what == "profile":
                reasons.append(f"profile.{name} is not given")
                fixes.append(f"State `{name}` in the policy's profile block or with --profile FILE")
            else:
                a, b = name.split("/")
                reasons.append(f"no rate between {a} and {b} is declared")
                fixes.append(f"Declare `rate {a} = ... {b}` in the policy")
        reasons = list(dict.fromkeys(reasons)) or ["the documents do not settle this"]
        return "Unknown: " + "; ".join(reasons), "; ".join(dict.fromkeys(fixes)) or "Look at the clauses in the trace"

    def render(self, template: Template, finding: Finding | None, clause: CompiledClause) -> str:
        profile = self.env.profile
        types = clause.attribute_types

        def lookup(name: str) -> str:
            if finding is None or name in ("quote", "section") or name.startswith("profile."):
                return _fix_lookup(name, finding, profile)
            value = finding.attributes.get(name)
            if value is None:
                return "(not stated)"
            kind = types.get(name)
            if kind == "money":
                return format_number(value)
            if kind == "enum" and isinstance(value, str):
                return value.replace("_", " ")
            return format_value(value)

        return template.render(lookup)

    # --- rules --------------------------------------------------------------------------------

    def rule(self, rule: CompiledRule) -> RuleResult:
        cached = self.memo.get(rule.id)
        if cached is not None:
            return cached
        results = [self.clause(c) for c in rule.clauses]
        outcome = worst(r.outcome for r in results)
        deciding = [r for r in results if r.outcome == outcome]
        evidence = _unique(f for r in deciding for f in r.evidence)
        if outcome == "pass":
            parts = [r.message for r in deciding if r.message]
            absent = list(dict.fromkeys(k for r in deciding for k in r.absent))
            if absent:
                parts.append("Not found: " + ", ".join(absent))
            message = "; ".join(dict.fromkeys(parts)) or "Nothing in the documents triggers this rule"
            fix = None
        else:
            message = "; ".join(dict.fromkeys(r.message for r in deciding if r.message))
            fix = None
            if rule.fix is not None:
                first = evidence[0] if evidence else None
                fix = rule.fix.render(lambda name: _fix_lookup(name, first, self.env.profile))
            else:
                fix = next((r.fix for r in deciding if r.fix), None)
        result = RuleResult(
            id=rule.id, title=rule.title, outcome=outcome, message=message,
            evidence=tuple(f.evidence for f in evidence),
            trace=tuple(line for r in results for line in r.trace),
            fix=fix,
        )
        self.memo[rule.id] = result
        return result


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
    return PolicyVerdict(
        policy=policy.name, title=policy.title,
        outcome=worst(r.outcome for r in results), rules=results,
    )


# --- helpers ----------------------------------------------------------------------------------


def _where(finding: Finding | None) -> str:
    if finding is None:
        return "?"
    ev = finding.evidence
    section = f" (§{ev.section})" if ev.section else ""
    return f"{ev.path} line {ev.line}{section}"


def _kind_of(finding: Finding | None) -> str:
    return finding.kind if finding is not None else "?"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _roles(sources: frozenset[str] | tuple[str, ...]) -> str:
    names = sorted(sources)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _truth(value: bool | None) -> str:
    return {True: "true", False: "false", None: "unknown"}[value]


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: dict[tuple[str, int, int, str], Finding] = {}
    for f in findings:
        seen.setdefault((f.evidence.path, f.evidence.start, f.evidence.end, f.kind), f)
    return sorted(seen.values(), key=lambda f: (f.evidence.path, f.evidence.start, f.kind))


def _evidence_findings(result: RuleResult) -> Iterable[Finding]:
    # A required rule hands over its evidence; wrap it so it dedupes with our own findings.
    for ev in result.evidence:
        yield Finding(kind=result.id, attributes={}, evidence=ev)


def _fix_lookup(name: str, finding: Finding | None, profile: Profile) -> str:
    """A name of a ``fix`` template (profile values, ``quote``, ``section``); messages add the
    finding's attributes on top of it."""
    if name.startswith("profile."):
        value = profile.get(name[len("profile."):])
        return "(not given)" if value is None else format_value(value)
    if finding is None:
        return "?"
    if name == "quote":
        return finding.evidence.quote
    return finding.evidence.section or "?"


