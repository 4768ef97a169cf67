"""A rule's result in words: its message, its trace (each clause, what it evaluated to and why)
and what would change it, from what the run decided (:mod:`openness.engine.decisions`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from openness.dsl.templates import Template
from openness.engine.compiler import CompiledClause, CompiledMatch, CompiledRule, Env
from openness.engine.decisions import Cond, Decided, Decision, MatchState
from openness.engine.profile import Profile
from openness.engine.values import Truth, format_number, format_value
from openness.model import Finding, Outcome
from openness.taxonomy import load_taxonomy

#: How many findings a message or a trace names per condition (the evidence keeps them all).
SHOWN = 3

#: What opens the part of a failed ``require``'s message naming the findings that did not meet it.
FOUND_INSTEAD = " (found instead: "

#: What the message of a ``require`` that failed suggests.
REQUIRE_FIX = ("Check whether the documents say this in words the extractor missed; otherwise the "
               "licensor would have to add it")


@dataclass(frozen=True, kw_only=True)
class Said:
    """One clause in words."""

    message: str
    trace: list[str]
    fix: str | None = None
    #: Kinds looked for and not found (a pass message gathers them).
    absent: list[str] = field(default_factory=list)


class Words:
    """Puts the results of one run in words, with its profile and rates."""

    def __init__(self, env: Env) -> None:
        self.env = env

    def rule(self, rule: CompiledRule, decisions: list[Decision], outcome: Outcome,
             evidence: list[Finding]) -> tuple[str, tuple[str, ...], str | None]:
        """The message, trace and fix of a rule: its clauses that reached the rule's outcome
        make the message; every clause is in the trace."""
        said = [self.clause(d) for d in decisions]
        deciding = [s for s, d in zip(said, decisions) if d.outcome == outcome]
        trace = tuple(line for s in said for line in s.trace)
        if outcome == Outcome.PASS:
            return _passed(deciding), trace, None
        message = "; ".join(dict.fromkeys(s.message for s in deciding if s.message))
        return message, trace, self.fix(rule, deciding, evidence)

    def fix(self, rule: CompiledRule, deciding: list[Said], evidence: list[Finding]) -> str | None:
        """The rule's own ``fix`` about its first piece of evidence, else its first clause's."""
        if rule.fix is None:
            return next((s.fix for s in deciding if s.fix), None)
        first = evidence[0] if evidence else None
        profile = self.env.profile
        return rule.fix.render(lambda name: _fix_lookup(name, first, profile))

    def clause(self, decision: Decision) -> Said:
        if decision.required is not None:
            return self.required(decision)
        clause, outcome, cond = decision.clause, decision.outcome, decision.cond
        assert cond is not None
        verb = "require" if clause.verb == "require" else f"{clause.verb} if"
        trace = [f"{verb} {clause.source}: {_truth(cond.truth)} -> {outcome}",
                 *(f"  {line}" for i, decided in cond.matches
                   for line in self.details(clause.leaves[i], decided))]
        if outcome == Outcome.UNKNOWN:
            message, fix = self.unknown(clause, cond)
            return Said(message=message, trace=trace, fix=fix)
        if clause.verb == "require":
            return self.required_condition(decision, trace)
        if outcome == Outcome.PASS:
            return self.unaffected(decision, trace)
        return self.triggered(decision, trace)

    def required(self, decision: Decision) -> Said:
        """``require policy.rule``: the required rule's words, or the clause's own message."""
        clause, outcome, result = decision.clause, decision.outcome, decision.required
        assert result is not None
        changed = f" -> {outcome}" if outcome != result.outcome else ""
        trace = [f"require {clause.requires}: {result.outcome}{changed}", *(f"  {t}" for t in result.trace)]
        if clause.message is not None and outcome != Outcome.PASS:
            message = self.render(clause.message, None, clause)
        else:
            message = f"{result.id}: {result.message}"
        return Said(message=message, trace=trace, fix=result.fix)

    def required_condition(self, decision: Decision, trace: list[str]) -> Said:
        """``require CONDITION`` that passed (what was found) or failed (what was not)."""
        clause, evidence = decision.clause, decision.findings
        if decision.outcome == Outcome.PASS:
            first = evidence[0] if evidence else None
            message = f"Found {_kind_of(first)} at {_where(first)}" if first else "Found"
            return Said(message=message, trace=trace)
        message = (self.render(clause.message, None, clause) if clause.message
                   else f"Nothing found that meets `{clause.source}`")
        if evidence:
            message += FOUND_INSTEAD + "; ".join(
                f"{_kind_of(f)} at {_where(f)}" for f in evidence[:SHOWN]) + ")"
        return Said(message=message, trace=trace, fix=REQUIRE_FIX)

    def unaffected(self, decision: Decision, trace: list[str]) -> Said:
        """``fail if`` or ``warn if`` that passed: the findings looked at, and the kinds absent."""
        clause, evidence, cond = decision.clause, decision.findings, decision.cond
        assert cond is not None
        if evidence and clause.message is not None:
            message = "; ".join(dict.fromkeys(
                self.render(clause.message, f, clause) + " — not affected" for f in evidence[:SHOWN]))
            if len(evidence) > SHOWN:
                message += f" (and {len(evidence) - SHOWN} more)"
        elif evidence:
            message = "; ".join(f"{_kind_of(f)} at {_where(f)} does not meet `{clause.source}`"
                                for f in evidence[:SHOWN])
        else:
            message = ""
        absent = [clause.leaves[i].kind for i, decided in cond.matches
                  if decided.state is MatchState.ABSENT]
        return Said(message=message, trace=trace, absent=absent)

    def triggered(self, decision: Decision, trace: list[str]) -> Said:
        """``fail if`` or ``warn if`` that fired: the first few findings that did it (the
        evidence keeps them all), and where to look."""
        clause, evidence = decision.clause, decision.findings
        shown = evidence[:SHOWN]
        if clause.message is not None:
            message = "; ".join(dict.fromkeys(self.render(clause.message, f, clause) for f in shown))
        else:
            titles = load_taxonomy().kinds
            message = "; ".join(dict.fromkeys(
                f"{titles[f.kind].title if f.kind in titles else f.kind} at {_where(f)}"
                for f in shown))
        if len(evidence) > len(shown):
            message += f" (and {len(evidence) - len(shown)} more)"
        first = evidence[0] if evidence else None
        fix = (f"See {_where(first)}: without this clause (or with terms that do not reach you) "
               "the rule would pass") if first else None
        return Said(message=message or clause.source, trace=trace, fix=fix)

    def details(self, m: CompiledMatch, decided: Decided) -> list[str]:
        """The trace lines of one match: what was found, compared, or could not be settled."""
        found = decided.findings
        if decided.state is MatchState.FOUND:
            return [f"{m.kind} found at {_where(f)}" for f in found[:SHOWN]]
        if decided.state is MatchState.ABSENT:
            return [f"no {m.kind} found"]
        lines = self.compared(m, found)
        if decided.state is MatchState.UNSETTLED:
            return [f"no {_roles(m.sources)} document was analysed to settle {m.kind}", *lines]
        if decided.state is MatchState.UNCLASSIFIED:
            return [f"no {m.kind} found, but {_unclassified(f)} might be one" for f in found[:SHOWN]]
        return lines

    def compared(self, m: CompiledMatch, findings: tuple[Finding, ...]) -> list[str]:
        """What a match's filter compared on the first few findings."""
        if m.filter is None:
            return []
        lines = []
        for finding in findings[:SHOWN]:
            _, text, _ = m.filter.explain(finding.attributes, self.env)
            lines.append(f"{m.kind} at {_where(finding)}: {text}")
        if len(findings) > SHOWN:
            lines.append(f"... and {len(findings) - SHOWN} more {m.kind} findings")
        return lines

    def unknown(self, clause: CompiledClause, cond: Cond) -> tuple[str, str]:
        """Why a clause is unknown, and what would settle it."""
        reasons: list[str] = []
        fixes: list[str] = []
        matches = [(clause.leaves[i], decided) for i, decided in cond.matches]
        for m, decided in matches:
            if decided.state is MatchState.UNSETTLED:
                reasons.append(f"no {_roles(m.sources)} document was analysed, so {m.kind} cannot be settled")
                fixes.append(f"Analyse the {_roles(m.sources)} together with the licence")
        for m, decided in matches:
            if decided.state is MatchState.UNCLASSIFIED:
                for finding in decided.findings:
                    reasons.append(f"{_unclassified(finding)}: read it")
                    fixes.append(f"Read {_where(finding)}: if it is {m.kind}, the rule applies")
        for m, decided in matches:
            if decided.state is MatchState.UNDECIDED:
                assert m.filter is not None
                for finding in decided.findings:
                    _, _, missing = m.filter.explain(finding.attributes, self.env)
                    for what, name in missing:
                        reason, fix = _missing(what, name, finding)
                        reasons.append(reason)
                        fixes.append(fix)
        reasons = list(dict.fromkeys(reasons)) or ["the documents do not settle this"]
        return "Unknown: " + "; ".join(reasons), "; ".join(dict.fromkeys(fixes)) or "Look at the clauses in the trace"

    def render(self, template: Template, finding: Finding | None, clause: CompiledClause) -> str:
        """A clause's message, with the names it holds read from ``finding`` and the profile."""
        profile, types = self.env.profile, clause.attribute_types

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


def _passed(deciding: list[Said]) -> str:
    """A pass message: what the clauses looked at, and the kinds not found."""
    parts = [s.message for s in deciding if s.message]
    absent = list(dict.fromkeys(k for s in deciding for k in s.absent))
    if absent:
        parts.append("Not found: " + ", ".join(absent))
    return "; ".join(dict.fromkeys(parts)) or "Nothing in the documents triggers this rule"


def _unclassified(finding: Finding) -> str:
    """"a restriction the analyzer could not classify (§4.2, line 31)", or one the trained
    classifier noticed where the rules saw nothing."""
    what = "restriction" if finding.attributes.get("force") == "prohibition" else "duty"
    if finding.attributes.get("noticed_by") == "classifier":
        return f"a clause the trained classifier reads as a {what} that no rule matched ({_where(finding)})"
    return f"a {what} the analyzer could not classify ({_where(finding)})"


def _missing(what: str, name: str, finding: Finding) -> tuple[str, str]:
    """Why a filter could not be decided on ``finding``, and what to do about it: an attribute
    the clause does not state, a profile fact not given, or a rate not declared."""
    if what == "attribute":
        return (f"the {_kind_of(finding)} clause at {_where(finding)} does not state `{name}`",
                f"Read {_where(finding)}: its `{name}` could not be read")
    if what == "profile":
        return (f"profile.{name} is not given",
                f"State `{name}` in the policy's profile block or with --profile FILE")
    a, b = name.split("/")
    return f"no rate between {a} and {b} is declared", f"Declare `rate {a} = ... {b}` in the policy"


def _where(finding: Finding | None) -> str:
    if finding is None:
        return "?"
    ev = finding.evidence
    section = f" (§{ev.section})" if ev.section else ""
    return f"{ev.path} line {ev.line}{section}"


def _kind_of(finding: Finding | None) -> str:
    return finding.kind if finding is not None else "?"


def _roles(sources: frozenset[str] | tuple[str, ...]) -> str:
    names = sorted(sources)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _truth(value: Truth) -> str:
    return {True: "true", False: "false", None: "unknown"}[value]


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
