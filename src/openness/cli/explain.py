"""``openness explain RULE_ID``: what a rule checks, why, where it comes from, and its examples."""

from __future__ import annotations

import json
from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, fail


@click.command()
@click.argument("rule_id")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False, exists=True),
              help="Also look in this rule file (repeatable); the built-in packs are always searched.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None)
def explain(rule_id: str, rule_files: tuple[str, ...], fmt: str | None) -> None:
    """Explain RULE_ID (e.g. osd.no-discrimination): title, rationale, reference, conditions, examples."""
    from openness.dsl import RuleErrors, load
    from openness.dsl.errors import did_you_mean
    from openness.dsl.resources import builtin_packs
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, ("text", "json"))
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

    assert isinstance(rule, Rule)
    clauses = []
    for clause in rule.clauses:
        verb = "require" if clause.verb == "require" else f"{clause.verb} if"
        suffix = f" as {clause.severity}" if clause.severity_given else ""
        message = f'  "{clause.message.value}"' if clause.message else ""
        clauses.append(f"{verb} {clause.source}{suffix}{message}")
    if chosen == "json":
        emit(json.dumps({
            "schema": "openness.explain/1", "id": rule.id, "title": rule.title,
            "rationale": rule.rationale,
            "reference": {"url": rule.reference_url, "criterion": rule.reference_criterion},
            "conditions": clauses,
            "examples": [{"outcome": e.outcome, "documents": [{"role": d.role, "text": d.text} for d in e.documents]}
                         for e in rule.examples],
            "location": str(rule.loc),
        }, indent=2, ensure_ascii=False))
        return
    lines = [f"{rule.id}: {rule.title}", f"  defined at {rule.loc}"]
    if rule.rationale:
        lines += ["", "Why:", f"  {rule.rationale}"]
    if rule.reference_url or rule.reference_criterion:
        lines += ["", "Reference:", f"  {rule.reference_criterion or ''}  {rule.reference_url or ''}".rstrip()]
    lines += ["", "Conditions:", *(f"  {c}" for c in clauses)]
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            for doc in example.documents:
                role = "" if doc.role == "license" else f"[{doc.role}] "
                lines.append(f"  {example.outcome:7} {role}{' '.join(doc.text.split())}")
    emit("\n".join(lines))
