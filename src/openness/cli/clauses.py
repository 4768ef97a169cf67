"""``openness clauses FILE…``: the clause findings of each file, grouped by kind, with evidence."""

from __future__ import annotations

import sys

import click

from openness.cli.common import chosen_format, emit, error, format_option, shared_options
from openness.report.clauses import FORMATS


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@format_option(FORMATS, help="text: findings grouped by kind; json: the openness.clauses/1 object.")
@shared_options
def clauses(files: tuple[str, ...], fmt: str | None) -> None:
    """List the licence clauses recognised in FILES (kind, attributes, quote and where)."""
    from openness.errors import OpennessError
    from openness.extract import document_notes, extract_findings
    from openness.ingest import load
    from openness.model import Finding

    chosen = chosen_format(fmt, FORMATS)
    documents = []
    findings: list[Finding] = []
    notes: dict[str, list[str]] = {}
    failed = False
    for file in files:
        try:
            doc = load(file)
        except OpennessError as exc:
            error(str(exc))
            failed = True
            documents.append({"path": file, "role": "license", "sha256": None, "pages": None,
                              "error": getattr(exc, "problem", str(exc))})
            continue
        found = extract_findings(doc)
        notes[doc.path] = document_notes(doc, found)
        documents.append({"path": doc.path, "role": "license", "sha256": doc.sha256,
                          "pages": doc.page_count if doc.paged else None, "error": None,
                          "notes": notes[doc.path]})
        findings.extend(found)
    from openness.report.clauses import render

    emit(render(documents, findings, notes, chosen), inputs=files)
    if failed:
        sys.exit(2)
