"""Verdict changes: each policy and rule whose outcome differs between the two versions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from openness.diff.model import VerdictChange

if TYPE_CHECKING:
    from openness.engine.results import PolicyVerdict


def verdict_changes(old: Sequence[PolicyVerdict], new: Sequence[PolicyVerdict]) -> list[VerdictChange]:
    """Policy outcomes that changed (``rule`` None), then rule outcomes, in policy order.

    A policy or rule judged on one side only (a policy file that gained a rule) is a change from
    or to ``None``.
    """
    olds = {v.policy: v for v in old}
    news = {v.policy: v for v in new}
    order = list(dict.fromkeys([v.policy for v in old] + [v.policy for v in new]))
    changes: list[VerdictChange] = []
    for name in order:
        before, after = olds.get(name), news.get(name)
        if (before and before.outcome) != (after and after.outcome):
            changes.append(VerdictChange(
                policy=name, rule=None, title=(after or before).title,  # type: ignore[union-attr]
                old=before.outcome if before else None, new=after.outcome if after else None))
        old_rules = {r.id: r for r in (before.rules if before else ())}
        new_rules = {r.id: r for r in (after.rules if after else ())}
        for rule_id in dict.fromkeys(list(old_rules) + list(new_rules)):
            was, now = old_rules.get(rule_id), new_rules.get(rule_id)
            if was is not None and now is not None and was.outcome == now.outcome:
                continue
            changes.append(VerdictChange(
                policy=name, rule=rule_id, title=(now or was).title,  # type: ignore[union-attr]
                old=was.outcome if was else None, new=now.outcome if now else None,
                old_message=was.message if was else "", new_message=now.message if now else ""))
    return changes
