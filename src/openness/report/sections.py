"""The report of ``openness sections FILE``: the section outline, as segmentation sees it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from openness.report import Format

if TYPE_CHECKING:
    from openness.model import Document
    from openness.segment import Outline

SCHEMA = "openness.sections/1"

#: The formats of the report.
FORMATS = (Format.TEXT, Format.JSON)


def render(doc: Document, outline: Outline, fmt: Format) -> str:
    """The outline as text, or as JSON whose ``document`` is the one ``analyze`` writes."""
    if fmt is Format.JSON:
        from openness.model import DocumentResult
        from openness.roles import detect_role

        document = DocumentResult(path=doc.path, role=detect_role(doc), document=doc).to_json()
        return json.dumps({
            "schema": SCHEMA,
            "document": {**document, "format": doc.format},
            "sections": [
                {"id": c.id, "title": c.title, "page": c.span.page, "line": c.span.line,
                 "start": c.span.start, "end": c.span.end, "text": c.text}
                for c in outline.clauses
            ],
        }, ensure_ascii=False, indent=2)
    lines = []
    for clause in outline.clauses:
        where = f"line {clause.span.line}"
        if clause.span.page is not None:
            where += f", page {clause.span.page}"
        title = f"  {clause.title}" if clause.title else ""
        lines.append(f"{'  ' * (clause.level - 1)}{clause.id}{title}  ({where})")
    return "\n".join(lines) if lines else f"{doc.path}: no sections"
