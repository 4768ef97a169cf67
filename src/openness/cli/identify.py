"""``openness identify FILE…``: which licence each file is, and how it differs from the original."""

from __future__ import annotations

import sys

import click

from openness.cli.common import chosen_format, emit, error, fail, format_option, shared_options
from openness.report.identify import FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@format_option(FORMATS, help="Output format (default: text).")
@shared_options
def identify(paths: tuple[str, ...], fmt: str | None) -> None:
    """Name the licence of each FILE: its SPDX id or AI-licence family and version, whether its
    wording is exact or a variant of the reference, and what a variant added or removed.

    A model card's front-matter `license:` is read too. A file that cannot be read is reported
    on one line and the others are still identified (exit 2).
    """
    from openness.errors import OpennessError
    from openness.identify import identify_document
    from openness.identify.declared import declared_licence
    from openness.identify.identification import reference_index
    from openness.identify.model import IdentifiedDocument
    from openness.ingest import load
    from openness.report.identify import render

    chosen = chosen_format(fmt, FORMATS)
    try:
        reference_index()  # built on first use; a broken install is one line, not a traceback
    except OpennessError as exc:
        fail(str(exc))
    documents = []
    for path in paths:
        try:
            doc = load(path)
        except OpennessError as exc:
            error(str(exc))
            documents.append(IdentifiedDocument(path=path, error=getattr(exc, "problem", str(exc))))
            continue
        documents.append(IdentifiedDocument(path=path, license=identify_document(doc),
                                            declared=declared_licence(doc)))
    emit(render(documents, chosen), inputs=paths)
    if any(d.error for d in documents):
        sys.exit(2)
