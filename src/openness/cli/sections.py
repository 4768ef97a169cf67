"""``openness sections FILE``: the section outline of one document, as segmentation sees it."""

from __future__ import annotations

import click

from openness.cli.common import chosen_format, emit, fail, format_option, shared_options
from openness.report.sections import FORMATS


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@format_option(FORMATS, help="Output format (default: text, an indented outline).")
@shared_options
def sections(file: str, fmt: str | None) -> None:
    """Show the sections of FILE with their ids, lines and pages."""
    from openness.errors import OpennessError
    from openness.ingest import load
    from openness.segment import segment

    chosen = chosen_format(fmt, FORMATS)
    try:
        doc = load(file)
    except OpennessError as exc:
        fail(str(exc))
    from openness.report.sections import render

    emit(render(doc, segment(doc), chosen), inputs=[file])
