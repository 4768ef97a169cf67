"""Verdict changes per policy and rule, with the reason."""

from __future__ import annotations

from openness.diff.verdicts import verdict_changes
from openness.engine.results import PolicyVerdict, RuleResult


def _verdict(outcome: str, rules: dict[str, str]) -> PolicyVerdict:
    return PolicyVerdict(policy="osd", title="Open Source Definition", outcome=outcome, rules=tuple(
        RuleResult(id=rule, title=rule, outcome=out, message=f"{rule} is {out}")
        for rule, out in rules.items()))


def test_changed_rules_and_policy_outcomes_are_listed_with_messages() -> None:
    old = [_verdict("fail", {"osd.a": "fail", "osd.b": "pass"})]
    new = [_verdict("pass", {"osd.a": "pass", "osd.b": "pass"})]
    changes = verdict_changes(old, new)
    assert [(c.rule, c.old, c.new) for c in changes] == [(None, "fail", "pass"), ("osd.a", "fail", "pass")]
    assert changes[1].new_message == "osd.a is pass"


def test_identical_verdicts_change_nothing() -> None:
    same = [_verdict("fail", {"osd.a": "fail"})]
    assert verdict_changes(same, same) == []
