"""``openness explain RULE_ID``: what a rule checks, why, where it comes from, and its examples."""

from __future__ import annotations

from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, fail, format_option, shared_options
from openness.report.explain import FORMATS


@click.command()
@click.argument("rule_id")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False, exists=True),
              help="Also look in this rule file (repeatable); the built-in packs are always searched.")
@format_option(FORMATS)
@shared_options
def explain(rule_id: str, rule_files: tuple[str, ...], fmt: str | None) -> None:
    """Explain RULE_ID (e.g. osd.no-discrimination): title, rationale, reference, conditions, examples."""
    from openness.dsl import RuleErrors, load
    from openness.dsl.errors import did_you_mean
    from openness.dsl.resources import builtin_packs
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, FORMATS)
    known: dict[str, object] = {}
    for source in (*map(Path, rule_files), *builtin_packs()):
        try:
            policy = load(source)
        except (RuleErrors, OpennessError) as exc:
            fail(str(exc))
        for p in (policy, *policy.imports.values()):
            for rule in p.rules:
                known.setdefault(rule.id, rule)
    rule = known.get(rule_id)
    if rule is None:
        hint = did_you_mean(rule_id, known) or "see `openness rules list`"
        fail(f"no rule `{rule_id}`; {hint}")
    from openness.dsl.ast import Rule
    from openness.report.explain import render

    assert isinstance(rule, Rule)
    emit(render(rule, chosen), inputs=[*rule_files, *builtin_packs()])
