"""What every subcommand shares: global settings, the --format and --fail-on options, output,
and one-line errors."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, NoReturn, Sequence

import click

from openness.model import Outcome
from openness.report import Format

#: ``--fail-on``: the outcomes that reach each threshold (``never``: none does).
FAIL_ON: dict[str, frozenset[Outcome]] = {
    "fail": frozenset({Outcome.FAIL}),
    "warn": frozenset({Outcome.FAIL, Outcome.WARN}),
    "unknown": frozenset({Outcome.FAIL, Outcome.WARN, Outcome.UNKNOWN}),
    "never": frozenset(),
}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Options given before the subcommand (``openness --format json sections …``)."""

    format: str | None = None
    output: str | None = None
    quiet: bool = False


def settings() -> Settings:
    ctx = click.get_current_context()
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings()


def format_option(formats: Sequence[Format], help: str | None = None) -> Callable[[Any], Any]:
    """A command's own ``--format``, offering the formats it writes."""
    return click.option("--format", "fmt", type=click.Choice([f.value for f in formats]),
                        default=None, help=help)


def chosen_format(own: str | None, allowed: Sequence[Format]) -> Format:
    """The command's own ``--format``, else the global one, else ``text``."""
    fmt = own or settings().format or Format.TEXT
    if fmt not in allowed:
        fail(f"this command cannot write --format {fmt}; choose one of {', '.join(allowed)}")
    return Format(fmt)


def emit(report: str, output: str | None = None) -> None:
    """Write the report to ``--output`` (the command's, else the global one) or stdout."""
    target = output or settings().output
    if target:
        Path(target).write_text(report if report.endswith("\n") else report + "\n", "utf-8")
    else:
        click.echo(report, nl=not report.endswith("\n"))


def warn(message: str) -> None:
    """A note on stderr, silenced by ``--quiet``."""
    if not settings().quiet:
        click.echo(f"openness: {message}", err=True)


def error(message: str) -> None:
    """An error line on stderr (never silenced)."""
    click.echo(f"openness: error: {message}", err=True)


def fail(message: str) -> NoReturn:
    """Report one clear line and exit 2 (usage error or unreadable input)."""
    error(message)
    sys.exit(2)
