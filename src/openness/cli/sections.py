"""``openness sections FILE``: the section outline of one document, as segmentation sees it."""

from __future__ import annotations

import json

import click

from openness.cli.common import chosen_format, emit, fail

SCHEMA = "openness.sections/1"


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None,
              help="Output format (default: text, an indented outline).")
def sections(file: str, fmt: str | None) -> None:
    """Show the sections of FILE with their ids, lines and pages."""
    from openness.errors import OpennessError
    from openness.ingest import load
    from openness.segment import segment

    chosen = chosen_format(fmt, ("text", "json"))
    try:
        doc = load(file)
    except OpennessError as exc:
        fail(str(exc))
    outline = segment(doc)
    if chosen == "json":
        report = {
            "schema": SCHEMA,
            "document": {"path": doc.path, "format": doc.format, "sha256": doc.sha256,
                         "pages": doc.page_count},
            "sections": [
                {"id": c.id, "title": c.title, "page": c.span.page, "line": c.span.line,
                 "start": c.span.start, "end": c.span.end, "text": c.text}
                for c in outline.clauses
            ],
        }
        emit(json.dumps(report, ensure_ascii=False, indent=2))
        return
    lines = []
    for clause in outline.clauses:
        where = f"line {clause.span.line}"
        if clause.span.page is not None:
            where += f", page {clause.span.page}"
        title = f"  {clause.title}" if clause.title else ""
        lines.append(f"{'  ' * (clause.level - 1)}{clause.id}{title}  ({where})")
    emit("\n".join(lines) if lines else f"{doc.path}: no sections")
