"""``openness rules check|test|list``: validate rule files, run their examples, list the packs.

Nothing heavy is imported until a subcommand runs, so ``openness --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, error, fail, format_option, shared_options, warn
from openness.report import Format
from openness.report.rules import FORMATS


@click.group()
def rules() -> None:
    """Check, test and list rule files (policies)."""


@rules.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@format_option(FORMATS)
@shared_options
def check(files: tuple[str, ...], fmt: str | None) -> None:
    """Validate each rule FILE; report every problem with its line and column (exit 2)."""
    from openness.dsl import RuleErrors, load
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, FORMATS)
    report = []
    bad = False
    for file in files:
        entry: dict[str, object] = {"path": file, "policy": None, "rules": 0, "errors": []}
        try:
            policy = load(Path(file))
        except RuleErrors as exc:
            bad = True
            entry["errors"] = [d.to_json() for d in exc.diagnostics]
            if chosen is Format.TEXT:
                click.echo(str(exc), err=True)
        except OpennessError as exc:
            bad = True
            entry["errors"] = [{"path": file, "line": None, "column": None, "message": str(exc), "hint": None}]
            if chosen is Format.TEXT:
                error(str(exc))
        else:
            entry["policy"] = policy.name
            entry["rules"] = len(policy.rules)
            if chosen is Format.TEXT:
                warn(f"{file}: ok (policy {policy.name}, {len(policy.rules)} rules)")
        report.append(entry)
    if chosen is Format.JSON:
        from openness.report.rules import checked

        emit(checked(report), inputs=files)
    sys.exit(2 if bad else 0)


@rules.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--profile", "profile_file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="YAML facts about you, overriding each policy's profile block.")
@format_option(FORMATS)
@shared_options
def test(paths: tuple[str, ...], profile_file: str | None, fmt: str | None) -> None:
    """Run every rule's examples through the extractor and the engine (default: built-in packs).

    PATH is a rule file or a folder of them. Exit 1 when an example gives another outcome.
    """
    from openness.dsl import RuleErrors, load
    from openness.dsl.resources import builtin_packs
    from openness.engine import Profile
    from openness.engine.examples import ExampleResult, run_examples
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, FORMATS)
    files: list[Path] = []
    for path in map(Path, paths):
        files.extend(sorted(path.glob("*.rules")) if path.is_dir() else [path])
    if not paths:
        files = list(builtin_packs())
    try:
        profile = Profile.from_file(profile_file) if profile_file else None
    except OpennessError as exc:
        fail(str(exc))
    from openness.report.rules import examples

    broken = False
    ran: list[tuple[Path, ExampleResult]] = []
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
        ran.extend((file, result) for result in run_examples(policy, profile))
    emit(examples(ran, chosen), inputs=[*files, *([profile_file] if profile_file else [])])
    if broken:
        sys.exit(2)
    sys.exit(0 if all(result.passed for _, result in ran) else 1)


@rules.command(name="list")
@format_option(FORMATS)
@shared_options
def list_(fmt: str | None) -> None:
    """List the built-in policies and their rules."""
    from openness.dsl import RuleErrors, load
    from openness.dsl.resources import builtin_packs

    chosen = chosen_format(fmt, FORMATS)
    policies = []
    for pack in builtin_packs():
        try:
            policies.append((pack, load(pack)))
        except RuleErrors as exc:  # a broken built-in pack is a bug; still list the others
            click.echo(str(exc), err=True)
    from openness.report.rules import packs

    emit(packs(policies, chosen), inputs=builtin_packs())
