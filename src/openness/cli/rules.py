"""``openness rules check|test|list``: validate rule files, run their examples, list the packs.

Nothing heavy is imported until a subcommand runs, so ``openness --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, error, fail, warn


@click.group()
def rules() -> None:
    """Check, test and list rule files (policies)."""


@rules.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None)
def check(files: tuple[str, ...], fmt: str | None) -> None:
    """Validate each rule FILE; report every problem with its line and column (exit 2)."""
    from openness.dsl import RuleErrors, load
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, ("text", "json"))
    report = []
    bad = False
    for file in files:
        entry: dict[str, object] = {"path": file, "policy": None, "rules": 0, "errors": []}
        try:
            policy = load(Path(file))
        except RuleErrors as exc:
            bad = True
            entry["errors"] = [d.to_json() for d in exc.diagnostics]
            if chosen == "text":
                click.echo(str(exc), err=True)
        except OpennessError as exc:
            bad = True
            entry["errors"] = [{"path": file, "line": None, "column": None, "message": str(exc), "hint": None}]
            if chosen == "text":
                error(str(exc))
        else:
            entry["policy"] = policy.name
            entry["rules"] = len(policy.rules)
            if chosen == "text":
                warn(f"{file}: ok (policy {policy.name}, {len(policy.rules)} rules)")
        report.append(entry)
    if chosen == "json":
        emit(json.dumps({"schema": "openness.rules-check/1", "files": report}, indent=2, ensure_ascii=False))
    sys.exit(2 if bad else 0)


@rules.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--profile", "profile_file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="YAML facts about you, overriding each policy's profile block.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None)
def test(paths: tuple[str, ...], profile_file: str | None, fmt: str | None) -> None:
    """Run every rule's examples through the extractor and the engine (default: built-in packs).

    PATH is a rule file or a folder of them. Exit 1 when an example gives another outcome.
    """
    from openness.dsl import RuleErrors, load
    from openness.dsl.resources import builtin_packs
    from openness.engine import Profile
    from openness.engine.examples import run_examples
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, ("text", "json"))
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.rules")) if path.is_dir() else [path])
    if not paths:
        files = list(builtin_packs())
    try:
        profile = Profile.from_file(profile_file) if profile_file else None
    except OpennessError as exc:
        fail(str(exc))
    total = failed = 0
    broken = False
    lines: list[str] = []
    report = []
    for file in files:
        try:
            policy = load(file)
        except RuleErrors as exc:
            broken = True
            click.echo(str(exc), err=True)
            continue
        except OpennessError as exc:
            broken = True
            error(str(exc))
            continue
        for result in run_examples(policy, profile):
            total += 1
            ex = result.example
            entry = {
                "rule": result.rule_id, "path": str(file), "line": ex.loc.line,
                "expected": ex.outcome, "outcome": result.result.outcome, "passed": result.passed,
                "documents": [{"role": d.role, "text": d.text} for d in ex.documents],
                "findings": [f.to_json() for f in result.findings],
                "message": result.result.message,
            }
            report.append(entry)
            if result.passed:
                continue
            failed += 1
            seen = ", ".join(f.kind for f in result.findings) or "no findings"
            text = " / ".join(f"[{d.role}] {' '.join(d.text.split())}" for d in ex.documents)
            lines.append(
                f"{file}:{ex.loc.line}: {result.rule_id}: example {ex.outcome} gave {result.result.outcome}\n"
                f"    {text}\n    findings: {seen}\n    {result.result.message}"
            )
    if chosen == "json":
        emit(json.dumps({"schema": "openness.rules-test/1", "examples": report,
                         "total": total, "failed": failed}, indent=2, ensure_ascii=False))
    else:
        summary = f"{total} examples, {failed} failed"
        emit("\n".join([*lines, summary]))
    if broken:
        sys.exit(2)
    sys.exit(1 if failed else 0)


@rules.command(name="list")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None)
def list_(fmt: str | None) -> None:
    """List the built-in policies and their rules."""
    from openness.dsl import RuleErrors, load
    from openness.dsl.resources import builtin_packs

    chosen = chosen_format(fmt, ("text", "json"))
    policies = []
    for pack in builtin_packs():
        try:
            policies.append((pack, load(pack)))
        except RuleErrors as exc:  # a broken built-in pack is a bug; still list the others
            click.echo(str(exc), err=True)
    if chosen == "json":
        emit(json.dumps({"schema": "openness.rules-list/1", "policies": [
            {"policy": p.name, "title": p.title, "file": pack.name,
             "rules": [{"id": r.id, "title": r.title} for r in p.rules]}
            for pack, p in policies]}, indent=2, ensure_ascii=False))
        return
    lines = []
    for pack, policy in policies:
        lines.append(f"{policy.name}  {policy.title}  ({pack.name})")
        lines.extend(f"  {r.id}  {r.title}" for r in policy.rules)
    emit("\n".join(lines))
