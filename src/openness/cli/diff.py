"""``openness diff OLD NEW``: what changed between two versions of a licence or release."""

from __future__ import annotations

import sys

import click

from openness.cli.common import (FAIL_ON, chosen_format, emit, fail, format_option, given_files, policy_files,
                                 refuse_clobbering, settings, shared_options)
from openness.report.diff import FORMATS


@click.command()
@click.argument("old", type=click.Path())
@click.argument("new", type=click.Path())
@click.option("--policy", "-p", "policies", multiple=True, metavar="NAME_OR_FILE",
              help="A built-in policy or a .rules file whose verdicts to compare; repeatable. "
                   "Default: osd, osaid-1.0 and mof.")
@click.option("--profile", type=click.Path(dir_okay=False), default=None,
              help="YAML file with your own situation (users, revenue, regions) for the rules.")
@format_option(FORMATS, help="Report format.")
@click.option("--all-text", is_flag=True,
              help="Show cosmetic edits (whitespace, punctuation, typos) instead of counting them, "
                   "and each finding and clause of a part added or cut out whole instead of one "
                   "entry for the part.")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="fail", show_default=True,
              help="Exit 1 when a verdict changes to this outcome or worse (never: exit 0 whatever changed).")
@shared_options
def diff(old: str, new: str, policies: tuple[str, ...], profile: str | None, fmt: str | None,
         all_text: bool, fail_on: str) -> None:
    """Compare two versions of a licence (files) or of a model release (folders).

    Reports the findings added, removed or changed, the clauses reworded (renumbering, moves and
    product renames set aside), and the policy verdicts whose outcome changed.
    """
    from openness.analysis import DEFAULT_POLICIES
    from openness.diff import diff as run
    from openness.errors import OpennessError

    chosen = chosen_format(fmt, FORMATS)
    output = settings().output
    policies = policies or DEFAULT_POLICIES
    try:
        if output:
            refuse_clobbering(output, [*given_files([old, new]), *([profile] if profile else []),
                                       *policy_files(policies)])
        user = None
        if profile:
            from openness.engine.profile import Profile

            user = Profile.from_file(profile)
        result = run(old, new, policies=policies, profile=user, all_text=all_text)
    except OpennessError as exc:
        fail(str(exc))
    from openness.cli.analyze import use_color
    from openness.report.diff import render

    emit(render(result, chosen, color=use_color(output)))
    if any(v.new in FAIL_ON[fail_on] for v in result.verdict_changes):
        sys.exit(1)
