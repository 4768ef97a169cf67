"""``openness analyze``: findings and policy verdicts for licence files and release folders."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from concurrent.futures import Executor
from typing import Callable, Iterator

import click

from openness.cli.common import (FAIL_ON, chosen_format, emit, error, fail, format_option, given_files,
                                 policy_files, refuse_clobbering, settings, shared_options)
from openness.report import Format

#: The formats of an analysis: all but the tables of a scan.
FORMATS = (Format.TEXT, Format.JSON, Format.MARKDOWN, Format.SARIF, Format.HTML)


def use_color(output: str | None) -> bool:
    """Colour only for a terminal on stdout, and never under NO_COLOR."""
    return output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--policy", "-p", "policies", multiple=True, metavar="NAME_OR_FILE",
              help="A built-in policy (osd, osaid-1.0, mof, example-company) or a .rules file; "
                   "repeatable; +NAME adds it to the defaults. Default: osd, osaid-1.0 and mof.")
@click.option("--profile", type=click.Path(dir_okay=False), default=None,
              help="YAML file with your own situation (users, revenue, regions) for the rules.")
@click.option("--role", "role_overrides", multiple=True, metavar="PATH=ROLE",
              help="Override a document's detected role (license, use_policy, model_card, ...).")
@format_option(FORMATS, help="Report format.")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="fail", show_default=True,
              help="Exit 1 when a verdict reaches this outcome.")
@click.option("--show-passing", is_flag=True, help="List passing rules too (text, markdown).")
@click.option("--each", "grouping", flag_value="each",
              help="Judge each file as a release of its own (default: the files given are one release).")
@click.option("--by-folder", "grouping", flag_value="folder",
              help="Judge the files of each folder as one release (as the pre-commit hook does).")
@click.option("--base", type=click.Path(file_okay=False), default=None,
              help="The folder SARIF paths are relative to (default: the current folder).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Read and extract the files in this many processes (for large batches).")
@shared_options
def analyze(paths: tuple[str, ...], policies: tuple[str, ...], profile: str | None,
            role_overrides: tuple[str, ...], fmt: str | None,
            fail_on: str, show_passing: bool, grouping: str | None, base: str | None,
            jobs: int) -> None:
    """Judge licences and model releases (files or folders) by open-source policies.

    The files given together are one release (a licence and its use policy), unless --each or
    --by-folder says otherwise; each folder given is a release of its own.

    Every verdict comes with the quote, section, page and line that caused it; a question the
    documents do not settle is `unknown`.
    """
    from openness.analysis import Grouping, analyze as run, chosen_policies, releases
    from openness.engine.profile import Profile
    from openness.errors import OpennessError
    from openness.roles import parse_role_override

    fmt = chosen_format(fmt, FORMATS)
    output = settings().output
    try:
        roles = dict(parse_role_override(value) for value in role_overrides)
    except ValueError as exc:
        fail(str(exc))
    policies = chosen_policies(policies)
    try:
        if output:
            refuse_clobbering(output, [*given_files(paths), *([profile] if profile else []),
                                       *policy_files(policies)])
        user = Profile.from_file(profile) if profile else None
        with pool(jobs) as executor, progress(len(paths)) as observer:
            given = releases(paths, Grouping(grouping or Grouping.TOGETHER))
            analysis = run(given, policies=policies, profile=user,
                           roles=roles, observer=observer, executor=executor)
    except OpennessError as exc:
        fail(str(exc))
    from openness.report import render

    emit(render(analysis, fmt, color=use_color(output), show_passing=show_passing, base=base))
    for result in analysis.errors:
        error(f"{result.path}: {result.error}")
    # A verdict that reached --fail-on is what a CI step asks about, so it wins over a file
    # that could not be read (which still has its line above and its `error` in the report).
    if any(v.outcome in FAIL_ON[fail_on] for v in analysis.verdicts):
        sys.exit(1)
    if analysis.errors:
        sys.exit(2)


@contextmanager
def pool(jobs: int) -> Iterator[Executor | None]:
    """A pool of ``jobs`` processes for ``--jobs``, or none for one job."""
    if jobs == 1:
        yield None
        return
    from openness.processes import process_pool

    with process_pool(jobs) as executor:
        yield executor


@contextmanager
def progress(subjects: int) -> Iterator[Callable[[str, int, int], None] | None]:
    """A transient progress bar on stderr for runs of several inputs, when stderr is a terminal."""
    if subjects < 2 or settings().quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analysing", total=None)

        def observe(path: str, index: int, total: int) -> None:
            bar.update(task, completed=index - 1, total=total, description=path[-40:])

        yield observe
