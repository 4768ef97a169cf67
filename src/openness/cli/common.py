"""What every subcommand shares: global settings, the --format and --fail-on options, output,
and one-line errors."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, NoReturn, Sequence

import click

from openness.files import same_file, write_atomically
from openness.model import Outcome
from openness.printable import printable
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
    """Options every command shares, given before the subcommand (``openness -o r.json
    sections …``) or after it (``openness sections … -o r.json``); the one after it wins."""

    format: str | None = None
    output: str | None = None
    quiet: bool = False


def settings() -> Settings:
    ctx = click.get_current_context()
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings()


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    """Keep a shared option in this command's own Settings, over the ones of the commands
    around it (click hands a subcommand its parent's object until it sets its own)."""
    if param.name and ctx.get_parameter_source(param.name) is not click.ParameterSource.DEFAULT:
        inherited = ctx.find_object(Settings) or Settings()
        ctx.obj = replace(inherited, **{param.name: value})


def shared_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``-o/--output`` and ``-q/--quiet``, on the ``openness`` group and on every subcommand,
    so that either place works; read them with :func:`settings`."""
    command = click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_remember,
                           help="No progress or notes on stderr (errors are still shown).")(command)
    return click.option("--output", "-o", type=click.Path(dir_okay=False), expose_value=False,
                        callback=_remember,
                        help="Write the report to this file instead of stdout.")(command)


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


def refuse_clobbering(output: str | None, inputs: Iterable[str | Path]) -> None:
    """Exit 2, before anything is written, when ``output`` is one of the ``inputs`` (by any
    name: a link, a hard link, ``./``): a report must never replace what it reports on."""
    if not output:
        return
    for given in inputs:
        if same_file(output, given):
            same = "" if os.path.normpath(output) == os.path.normpath(given) else f" ({given})"
            fail(f"{output}: --output names an input file{same}; the report would overwrite it, "
                 "so write it elsewhere")


def given_files(paths: Iterable[str | Path]) -> list[str]:
    """The files a command reads for its PATHs: each file, and the documents of each folder."""
    from openness.analysis import release_files

    files: list[str] = []
    for path in map(Path, paths):
        files.extend(map(str, release_files(path)) if path.is_dir() else [str(path)])
    return files


def policy_files(policies: Iterable[str]) -> list[str]:
    """The rule files of the named policies, imports included (raises their errors)."""
    from openness.dsl import load, source_files

    return [file for policy in policies for file in source_files(load(policy))]


def emit(report: str, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write the report to ``--output`` or stdout.

    A file is never one of ``inputs`` (exit 2) and is replaced whole or not at all; a write
    that fails is one line naming the path and the reason (exit 2).
    """
    target = settings().output
    text = report if report.endswith("\n") else report + "\n"
    if not target:
        try:
            click.echo(text, nl=False)
            sys.stdout.flush()
        except OSError as exc:
            # Nothing more can reach stdout; point it at the null device so that Python's own
            # flush at exit does not fail a second time.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            fail(f"<stdout>: cannot write the report ({exc.strerror or exc})")
        return
    refuse_clobbering(target, inputs)
    try:
        write_atomically(target, text)
    except OSError as exc:
        fail(f"{target}: cannot write the report ({_reason(exc, target)})")


def _reason(exc: OSError, target: str) -> str:
    """What went wrong, and where when it was not at the report's own path (a folder above it)."""
    reason = exc.strerror or str(exc)
    where = os.fsdecode(exc.filename) if exc.filename else None
    return f"{reason}: {where}" if where and not same_file(where, target) else reason


def warn(message: str) -> None:
    """A note on stderr, silenced by ``--quiet``."""
    if not settings().quiet:
        click.echo(f"openness: {printable(message)}", err=True)


def error(message: str) -> None:
    """An error line on stderr (never silenced)."""
    click.echo(f"openness: error: {printable(message)}", err=True)


def fail(message: str) -> NoReturn:
    """Report one clear line and exit 2 (usage error or unreadable input)."""
    error(message)
    sys.exit(2)
