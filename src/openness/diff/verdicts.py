"""Verdict changes: each policy and rule whose outcome differs between the two versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from openness.diff.model import VerdictChange

if TYPE_CHECKING:
    from openness.engine.results import PolicyVerdict, RuleResult


def verdict_changes(old: Sequence[PolicyVerdict], new: Sequence[PolicyVerdict]) -> list[VerdictChange]:
    """Policy outcomes that changed (``rule`` None), then rule outcomes, in policy order.

    A policy or rule judged on one side only (a policy file that gained a rule) is a change from
    or to ``None``.
    """
    olds = {v.policy: v for v in old}
    news = {v.policy: v for v in new}
    changes: list[VerdictChange] = []
    for name in dict.fromkeys([v.policy for v in old] + [v.policy for v in new]):
        changes.extend(_policy_changes(name, olds.get(name), news.get(name)))
    return changes


def _policy_changes(name: str, before: PolicyVerdict | None, after: PolicyVerdict | None
                    ) -> list[VerdictChange]:
    """The change of one policy's outcome, if any, then those of its rules."""
    changes: list[VerdictChange] = []
    if (before and before.outcome) != (after and after.outcome):
        changes.append(VerdictChange(
            policy=name, rule=None, title=(after or before).title,  # type: ignore[union-attr]
            old=before.outcome if before else None, new=after.outcome if after else None))
    old_rules = {r.id: r for r in (before.rules if before else ())}
    new_rules = {r.id: r for r in (after.rules if after else ())}
    for rule_id in dict.fromkeys(list(old_rules) + list(new_rules)):
        was, now = old_rules.get(rule_id), new_rules.get(rule_id)
        if was is None or now is None or was.outcome != now.outcome:
            changes.append(_rule_change(name, rule_id, was, now))
    return changes


def _rule_change(policy: str, rule_id: str, was: RuleResult | None, now: RuleResult | None) -> VerdictChange:
    return VerdictChange(
        policy=policy, rule=rule_id, title=(now or was).title,  # type: ignore[union-attr]
        old=was.outcome if was else None, new=now.outcome if now else None,
        old_message=was.message if was else "", new_message=now.message if now else "")
