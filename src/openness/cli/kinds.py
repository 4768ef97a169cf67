"""``openness kinds``: the taxonomy of finding kinds, for rule authors with an installed copy."""

from __future__ import annotations

import click

from openness.cli.common import chosen_format, emit, format_option, shared_options
from openness.report.kinds import FORMATS


@click.command()
@format_option(FORMATS, help="Output format (default: text, one kind a line).")
@shared_options
def kinds(fmt: str | None) -> None:
    """List the finding kinds rules can name, by group, with their attributes."""
    from openness.report.kinds import render
    from openness.taxonomy import load_taxonomy

    emit(render(load_taxonomy(), chosen_format(fmt, FORMATS)))
