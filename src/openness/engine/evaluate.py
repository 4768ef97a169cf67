"""Findings + a compiled policy -> verdicts, in three-valued logic, with evidence and a trace.

A condition is true when some finding of its kind passes its filter, unknown when a finding
lacks what the filter needs (or the profile or a rate is missing) or when no document that
could settle the kind was analysed, and false otherwise. ``fail if`` fails on true, ``require``
fails on false, and either gives ``unknown`` on unknown: never a silent pass.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter, ge, gt, itemgetter, le, lt
from typing import Any, Callable, Generic, Iterable, TypeVar

from openness.dsl.templates import Template
from openness.engine.compiler import (
    CompiledClause, CompiledCondition, CompiledMatch, CompiledPolicy, CompiledRule, Env, Filter,
    Threshold,
)
from openness.engine.profile import Profile
from openness.engine.results import Explanation, PolicyVerdict, RuleResult, worst
from openness.engine.values import Money, Truth, format_number, format_value
from openness.model import Finding
from openness.taxonomy import load_taxonomy

#: How many findings a trace explains per condition (the evidence keeps them all).
TRACE_FINDINGS = 3

_EVIDENCE = attrgetter("evidence")


@dataclass(slots=True)
class _Decided:
    """What a ``KIND [where ...]`` decided, and the findings that decided it. Rules that repeat
    a match share one."""

    truth: Truth
    #: "found", "absent", "unsettled" without a filter; "matched", "undecided", "excluded" or
    #: "unsettled" (excluded, but no document that could hold a match was read) with one.
    case: str
    #: The findings of the kind (``None`` when there are none) and which of them, by index,
    #: decided: matched when true, undecidable when unknown, excluded when false.
    kind: _Kind | None
    indexes: frozenset[int]
    #: Those findings in document order and their places in the run, picked when first read
    #: (for evidence and words: deciding needs only the indexes).
    picked: tuple[list[Finding], frozenset[int]] | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.pick()[0]

    @property
    def ranks(self) -> frozenset[int]:
        return self.pick()[1]

    def pick(self) -> tuple[list[Finding], frozenset[int]]:
        if self.picked is None:
            self.picked = self.kind.pick(self.indexes) if self.kind is not None else ([], frozenset())
        return self.picked


#: A match of a clause, by its place among the clause's matches (``CompiledClause.leaves``:
#: the words name that clause's own), and what it decided.
_Match = tuple[int, _Decided]


@dataclass(slots=True)
class _Cond:
    """What a condition evaluated to: its truth and the matches that decided it."""

    truth: Truth
    matches: list[_Match]

    @property
    def findings(self) -> list[Finding]:
        return [f for _, d in self.matches for f in d.findings]


@dataclass(slots=True)
class _Decision:
    """A clause's outcome; its words are worked out only when someone reads them."""

    clause: CompiledClause
    outcome: str
    cond: _Cond | None = None
    #: The result of a required rule (``require policy.rule``).
    required: RuleResult | None = None

    @property
    def evidence(self) -> list[Finding]:
        if self.required is not None:
            # A required rule hands over its evidence, as findings of a kind named after it.
            return [Finding(kind=self.required.id, attributes={}, evidence=ev)
                    for ev in self.required.evidence]
        assert self.cond is not None
        return self.cond.findings


@dataclass(kw_only=True)
class _Clause:
    message: str
    trace: list[str]
    fix: str | None = None
    #: Kinds looked for and not found (pass messages aggregate them).
    absent: list[str] = field(default_factory=list)


class _Kind:
    """The findings of one kind in a run, and the answer of each distinct filter test on them."""

    def __init__(self) -> None:
        #: In document order.
        self.findings: list[Finding] = []
        #: Their places in the run's document order.
        self.ranks: list[int] = []
        self.everyone: frozenset[int] = frozenset()
        #: Filter key -> (indexes where true, indexes where unknown).
        self.answers: dict[Any, tuple[frozenset[int], frozenset[int]]] = {}
        #: Attribute name -> its column, for threshold tests.
        self.columns: dict[str, _Column] = {}

    def pick(self, indexes: frozenset[int]) -> tuple[list[Finding], frozenset[int]]:
        """The findings at ``indexes``, in document order, and their ranks."""
        chosen = sorted(indexes)
        return [self.findings[i] for i in chosen], frozenset(self.ranks[i] for i in chosen)


class _Column:
    """One attribute of the findings of one kind, read once per run for threshold tests: the
    numbers sorted, so that each threshold is one bisection."""

    def __init__(self, findings: list[Finding], name: str, *, money: bool) -> None:
        numbers: list[tuple[Any, int]] = []
        by_currency: dict[str, list[tuple[Decimal, int]]] = {}
        #: Findings that do not state the value (or, for money, its currency).
        self.missing: list[int] = []
        #: Anything else: the filter's own test decides these, as it decides any finding.
        self.odd: list[int] = []
        for i, finding in enumerate(findings):
            value = finding.attributes.get(name)
            if money:
                currency = finding.attributes.get("currency")
                if value is None or currency is None:
                    self.missing.append(i)
                elif isinstance(value, (int, Decimal)) and isinstance(currency, str) and _finite(value):
                    by_currency.setdefault(currency, []).append((Decimal(value), i))
                else:
                    self.odd.append(i)
            elif value is None:
                self.missing.append(i)
            elif isinstance(value, (int, Decimal)) and _finite(value):
                numbers.append((value, i))
            else:
                self.odd.append(i)
        #: (values ascending, the index of each) for plain numbers; for money, per currency.
        self.numbers = _ascending(numbers)
        self.by_currency = {currency: _ascending(pairs) for currency, pairs in by_currency.items()}


def _ascending(pairs: list[tuple[Any, int]]) -> tuple[list[Any], list[int]]:
    pairs.sort(key=itemgetter(0))
    return [value for value, _ in pairs], [index for _, index in pairs]


#: Per ordering: where a limit cuts the ascending values, and whether the side that passes is
#: the one below the cut.
_CUTS: dict[Callable[[Any, Any], bool], tuple[Callable[[list[Any], Any], int], bool]] = {
    le: (bisect_right, True), lt: (bisect_left, True), ge: (bisect_left, False), gt: (bisect_right, False),
}


def _passing(column: tuple[list[Any], list[int]], compare: Callable[[Any, Any], bool],
             limit: Any) -> list[int]:
    """The indexes of the values of a sorted column for which ``compare(value, limit)``."""
    values, indexes = column
    cut, below = _CUTS[compare]
    at = cut(values, limit)
    return indexes[:at] if below else indexes[at:]


def _finite(value: int | Decimal) -> bool:
    return not isinstance(value, Decimal) or value.is_finite()


class _Run:
    """One evaluation: findings indexed by kind, the roles analysed, the profile, memoised rules.

    Outcomes and evidence are decided here, eagerly; messages, traces and fixes are rendered
    only when a report reads them, because most callers (``--fail-on``, rule tests, verdict
    diffs, other rules that ``require`` this one) need the outcome alone.
    """

    def __init__(self, compiled: CompiledPolicy, findings: Iterable[Finding], roles: set[str],
                 profile: Profile | None) -> None:
        self.compiled = compiled
        self.kinds: dict[str, _Kind] = {}
        #: One finding per place, in document order: evidence is a set of ranks into this list,
        #: so that merging the evidence of several clauses is a union of integers.
        self.ranked: list[Finding] = []
        findings = list(findings)
        places = list(map(_place, findings))
        last = None
        for index in sorted(range(len(findings)), key=places.__getitem__):
            finding, place = findings[index], places[index]
            if place != last:  # two findings of one kind at one place are one piece of evidence
                self.ranked.append(finding)
                last = place
            kind = self.kinds.get(finding.kind)
            if kind is None:
                kind = self.kinds[finding.kind] = _Kind()
            kind.findings.append(finding)
            kind.ranks.append(len(self.ranked) - 1)
        for kind in self.kinds.values():
            kind.everyone = frozenset(range(len(kind.findings)))
        self.roles = frozenset(roles)
        self.env = Env(profile=compiled.profile.merged(profile), rates=compiled.rates)
        self.memo: dict[str, RuleResult] = {}
        self.words = _Words(self.env)
        self.decided: dict[tuple[str, Any], _Decided] = {}
        #: Outcome and condition by clause key: rules repeating a clause share its decision.
        self.clauses: dict[Any, tuple[str, _Cond]] = {}

    # --- decisions ----------------------------------------------------------------------------

    def condition(self, cc: CompiledCondition) -> _Cond:
        if cc.op == "match":
            assert cc.match is not None
            decided = self.match(cc.match)
            return _Cond(truth=decided.truth, matches=[(cc.leaf, decided)])
        parts = [self.condition(item) for item in cc.items]
        if cc.op == "not":
            inner = parts[0]
            return _Cond(truth=None if inner.truth is None else not inner.truth, matches=inner.matches)
        decisive = False if cc.op == "all" else True
        chosen = [p for p in parts if p.truth is decisive]
        truth: Truth = decisive
        if not chosen:
            chosen = [p for p in parts if p.truth is None]
            truth = None
            if not chosen:
                chosen, truth = parts, not decisive
        return _Cond(truth=truth, matches=[m for p in chosen for m in p.matches])

    def match(self, m: CompiledMatch) -> _Decided:
        key = (m.kind, m.filter.key if m.filter is not None else None)
        decided = self.decided.get(key)
        if decided is None:
            decided = self.decided[key] = self.decide(m)
        return decided

    def decide(self, m: CompiledMatch) -> _Decided:
        kind = self.kinds.get(m.kind)
        settled = not m.sources.isdisjoint(self.roles)
        if kind is None:
            if settled:
                return _Decided(False, "absent", None, frozenset())
            return _Decided(None, "unsettled", None, frozenset())
        if m.filter is not None:
            true, unknown = self.answer(m.filter, kind)
            if true:
                return _Decided(True, "matched", kind, true)
            if unknown:
                return _Decided(None, "undecided", kind, unknown)
            truth, case = (False, "excluded") if settled else (None, "unsettled")
        else:
            truth, case = True, "found"
        return _Decided(truth, case, kind, kind.everyone)

    def answer(self, flt: Filter, kind: _Kind) -> tuple[frozenset[int], frozenset[int]]:
        """The findings of ``kind`` (by index) for which ``flt`` is true, and those for which it
        is unknown; the rest are false. Kleene's logic on sets: ``and`` is true where all
        parts are, false where any is; ``not`` swaps true and false."""
        known = kind.answers.get(flt.key)
        if known is not None:
            return known
        if flt.op == "test":
            if flt.threshold is not None:
                true, unknown, rest = self.threshold(flt.threshold, kind)
            else:
                true, unknown, rest = frozenset(), frozenset(), range(len(kind.findings))
            if rest:
                assert flt.test is not None
                test, env, findings = flt.test, self.env, kind.findings
                values = {i: test(findings[i].attributes, env) for i in rest}
                true |= {i for i, v in values.items() if v is True}
                unknown |= {i for i, v in values.items() if v is None}
        else:
            answers = [self.answer(part, kind) for part in flt.parts]
            if flt.op == "not":
                inner_true, unknown = answers[0]
                true = kind.everyone - inner_true - unknown
            elif flt.op == "all":
                true = frozenset.intersection(*(t for t, _ in answers))
                false = frozenset().union(*(kind.everyone - t - u for t, u in answers))
                unknown = kind.everyone - true - false
            else:
                true = frozenset().union(*(t for t, _ in answers))
                false = frozenset.intersection(*(kind.everyone - t - u for t, u in answers))
                unknown = kind.everyone - true - false
        known = kind.answers[flt.key] = (true, unknown)
        return known

    def threshold(self, t: Threshold, kind: _Kind) -> tuple[frozenset[int], frozenset[int], list[int]]:
        """A threshold answered from the column of its attribute: true and unknown indexes, and
        the findings whose value is neither a number nor missing (left to the filter's test)."""
        column = kind.columns.get(t.attribute)
        if column is None:
            column = kind.columns[t.attribute] = _Column(kind.findings, t.attribute,
                                                         money=isinstance(t.limit, Money))
        compare, limit = t.compare, t.limit
        true: set[int] = set()
        unknown = set(column.missing)
        if isinstance(limit, Money):
            for currency, values in column.by_currency.items():
                converted = self.env.rates.in_currency(limit, currency)
                if converted is None:
                    unknown.update(values[1])
                else:
                    true.update(_passing(values, compare, converted))
        else:
            true.update(_passing(column.numbers, compare, limit))
        return frozenset(true), frozenset(unknown), column.odd

    def clause(self, clause: CompiledClause) -> _Decision:
        if clause.requires is not None:
            result = self.rule(self.compiled.registry[clause.requires])
            outcome = result.outcome
            if outcome in ("fail", "warn") and clause.severity_given:
                outcome = clause.severity
            return _Decision(clause=clause, outcome=outcome, required=result)
        assert clause.condition is not None
        known = self.clauses.get(clause.key)
        if known is None:
            cond = self.condition(clause.condition)
            if clause.verb == "require":
                outcome = "pass" if cond.truth else "unknown" if cond.truth is None else clause.severity
            else:
                outcome = clause.verb if cond.truth else "unknown" if cond.truth is None else "pass"
            known = self.clauses[clause.key] = (outcome, cond)
        return _Decision(clause=clause, outcome=known[0], cond=known[1])

    def rule(self, rule: CompiledRule) -> RuleResult:
        cached = self.memo.get(rule.id)
        if cached is not None:
            return cached
        decisions = [self.clause(c) for c in rule.clauses]
        outcome = worst(d.outcome for d in decisions)
        ranked, words = self.ranked, self.words
        evidence = _Once(lambda: _unique([d for d in decisions if d.outcome == outcome], ranked))
        result = RuleResult(
            id=rule.id, title=rule.title, outcome=outcome,
            found=lambda: tuple(map(_EVIDENCE, evidence())),
            explanation=lambda: words.explain_rule(rule, decisions, outcome, evidence()),
        )
        self.memo[rule.id] = result
        return result


_T = TypeVar("_T")


class _Once(Generic[_T]):
    """A value worked out on the first call and kept: a rule's evidence, which both its
    :attr:`~RuleResult.evidence` and its words read (``functools.cache`` costs more to set up
    than the evidence does to gather, and a run sets one up per rule)."""

    __slots__ = ("make", "value")

    def __init__(self, make: Callable[[], _T]) -> None:
        self.make: Callable[[], _T] | None = make

    def __call__(self) -> _T:
        if self.make is not None:
            self.value = self.make()
            self.make = None
        return self.value


def _unique(decisions: list[_Decision], ranked: list[Finding]) -> list[Finding]:
    """The findings of ``decisions`` in document order, once each (the same clause found twice
    counts once); ``ranked`` is the run's findings in document order, one per place."""
    if any(d.required is not None for d in decisions):
        chosen: dict[tuple[str, int, str, int], Finding] = {}
        for f in [f for d in decisions for f in d.evidence]:
            chosen.setdefault(_place(f), f)
        return [chosen[place] for place in sorted(chosen)]
    ranks = frozenset().union(*(decided.ranks for d in decisions if d.cond is not None
                                for _, decided in d.cond.matches))
    return list(map(ranked.__getitem__, sorted(ranks)))


class _Words:
    """Renders results in words, on demand. It holds only what the words need (the profile and
    rates), not the run: results outlive their run, and a result pointing back at the run that
    memoises it would be a reference cycle that only the cycle collector could free."""

    def __init__(self, env: Env) -> None:
        self.env = env

    def explain_rule(self, rule: CompiledRule, decisions: list[_Decision], outcome: str,
                     evidence: list[Finding]) -> Explanation:
        clauses = [self.explain_clause(d) for d in decisions]
        deciding = [c for c, d in zip(clauses, decisions) if d.outcome == outcome]
        fix = None
        if outcome == "pass":
            parts = [c.message for c in deciding if c.message]
            absent = list(dict.fromkeys(k for c in deciding for k in c.absent))
            if absent:
                parts.append("Not found: " + ", ".join(absent))
            message = "; ".join(dict.fromkeys(parts)) or "Nothing in the documents triggers this rule"
        else:
            message = "; ".join(dict.fromkeys(c.message for c in deciding if c.message))
            if rule.fix is not None:
                first = evidence[0] if evidence else None
                fix = rule.fix.render(lambda name: _fix_lookup(name, first, self.env.profile))
            else:
                fix = next((c.fix for c in deciding if c.fix), None)
        return Explanation(message=message, trace=tuple(line for c in clauses for line in c.trace), fix=fix)

    def explain_clause(self, decision: _Decision) -> _Clause:
        clause, outcome, evidence = decision.clause, decision.outcome, decision.evidence
        if decision.required is not None:
            result = decision.required
            changed = f" -> {outcome}" if outcome != result.outcome else ""
            trace = [f"require {clause.requires}: {result.outcome}{changed}", *(f"  {t}" for t in result.trace)]
            if clause.message is not None and outcome != "pass":
                message = self.render(clause.message, None, clause)
            else:
                message = f"{result.id}: {result.message}"
            return _Clause(message=message, trace=trace, fix=result.fix)
        cond = decision.cond
        assert cond is not None
        head = f"{'require' if clause.verb == 'require' else clause.verb + ' if'} {clause.source}: " \
               f"{_truth(cond.truth)} -> {outcome}"
        leaves = clause.leaves
        trace = [head, *(f"  {line}" for i, decided in cond.matches
                         for line in self.details(leaves[i], decided))]
        if outcome == "unknown":
            message, fix = self.unknown(clause, cond)
            return _Clause(message=message, trace=trace, fix=fix)
        if clause.verb == "require":
            if outcome == "pass":
                first = evidence[0] if evidence else None
                message = f"Found {_kind_of(first)}: \"{_short(first.evidence.quote)}\"" if first else "Found"
                return _Clause(message=message, trace=trace)
            message = (self.render(clause.message, None, clause) if clause.message
                       else f"Nothing found that meets `{clause.source}`")
            if evidence:
                message += " (found instead: " + "; ".join(
                    f"{_where(f)}: \"{_short(f.evidence.quote, 80)}\"" for f in evidence[:TRACE_FINDINGS]) + ")"
            fix = "Check whether the documents say this in words the extractor missed; otherwise the " \
                  "licensor would have to add it"
            return _Clause(message=message, trace=trace, fix=fix)
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
            absent = [leaves[i].kind for i, decided in cond.matches if decided.case == "absent"]
            return _Clause(message=message, trace=trace, absent=absent)
        # The message names the first few findings; the evidence keeps them all.
        shown = evidence[:TRACE_FINDINGS]
        if clause.message is not None:
            message = "; ".join(dict.fromkeys(self.render(clause.message, f, clause) for f in shown))
        else:
            titles = load_taxonomy().kinds
            message = "; ".join(dict.fromkeys(
                f"{titles[f.kind].title if f.kind in titles else f.kind}: \"{_short(f.evidence.quote)}\""
                for f in shown))
        if len(evidence) > len(shown):
            message += f" (and {len(evidence) - len(shown)} more)"
        first = evidence[0] if evidence else None
        fix = (f"See {_where(first)}: without this clause (or with terms that do not reach you) "
               "the rule would pass") if first else None
        return _Clause(message=message or clause.source, trace=trace, fix=fix)

    def details(self, m: CompiledMatch, decided: _Decided) -> list[str]:
        """The trace lines of one match: what was found, compared, or could not be settled."""
        case, found = decided.case, decided.findings
        if case == "found":
            return [f"{m.kind} found at {_where(f)}" for f in found[:TRACE_FINDINGS]]
        if case == "absent":
            return [f"no {m.kind} found"]
        if case == "unsettled":
            return [f"no {_roles(m.sources)} document was analysed to settle {m.kind}",
                    *self.explain(m, found)]
        return self.explain(m, found)

    def explain(self, m: CompiledMatch, findings: list[Finding]) -> list[str]:
        if m.filter is None:
            return []
        lines = []
        for finding in findings[:TRACE_FINDINGS]:
            _, text, _ = m.filter.explain(finding.attributes, self.env)
            lines.append(f"{m.kind} at {_where(finding)}: {text}")
        if len(findings) > TRACE_FINDINGS:
            lines.append(f"... and {len(findings) - TRACE_FINDINGS} more {m.kind} findings")
        return lines

    def unknown(self, clause: CompiledClause, cond: _Cond) -> tuple[str, str]:
        reasons: list[str] = []
        fixes: list[str] = []
        matches = [(clause.leaves[i], decided) for i, decided in cond.matches]
        for m, decided in matches:
            if decided.case == "unsettled":
                reasons.append(f"no {_roles(m.sources)} document was analysed, so {m.kind} cannot be settled")
                fixes.append(f"Analyse the {_roles(m.sources)} together with the licence")
        for m, decided in matches:
            if decided.case != "undecided":
                continue
            assert m.filter is not None
            for finding in decided.findings:
                _, _, missing = m.filter.explain(finding.attributes, self.env)
                for what, name in missing:
                    if what == "attribute":
                        where = f" at {_where(finding)}"
                        reasons.append(f"the {_kind_of(finding)} clause{where} does not state `{name}`")
                        fixes.append(f"Read {_where(finding)}: its `{name}` could not be read")
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


def _place(finding: Finding) -> tuple[str, int, str, int]:
    ev = finding.evidence
    return ev.path, ev.start, finding.kind, ev.end


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


