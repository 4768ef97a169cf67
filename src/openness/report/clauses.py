"""The report of ``openness clauses FILE…``: findings grouped by kind, with their evidence."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Sequence

from openness.report import Format

if TYPE_CHECKING:
    from openness.model import Finding

SCHEMA = "openness.clauses/1"

#: The formats of the report.
FORMATS = (Format.TEXT, Format.JSON)


def render(documents: list[dict[str, Any]], findings: Sequence[Finding],
           notes: dict[str, list[str]], fmt: Format) -> str:
    """``documents``: each file as the JSON report lists it (path, role, sha256, pages, error
    and notes); ``notes``: each read file's notes, for the text report."""
    if fmt is Format.JSON:
        return json.dumps({"schema": SCHEMA, "documents": documents,
                           "findings": [f.to_json() for f in findings]}, ensure_ascii=False, indent=2)
    return _text(findings, notes)


def _text(findings: Sequence[Finding], notes: dict[str, list[str]]) -> str:
    from openness.taxonomy import load_taxonomy

    order = {name: i for i, name in enumerate(load_taxonomy().kinds)}
    lines: list[str] = []
    by_kind: dict[str, list[Finding]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    for kind in sorted(by_kind, key=lambda k: order.get(k, len(order))):
        for finding in by_kind[kind]:
            attrs = " ".join(f"{k}={_value(v)}" for k, v in sorted(finding.attributes.items()))
            e = finding.evidence
            where = f"{e.path}:{e.page if e.page is not None else '-'}:{e.line}"
            lines.append(f"{kind}  {attrs}".rstrip())
            lines.append(f"  {where} §{e.section or '-'} \"{e.quote}\"")
    for path, messages in notes.items():
        lines.extend(f"{path}: note: {message}" for message in messages)
    return "\n".join(lines) if lines else "no findings"


def _value(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and " " in value:
        return json.dumps(value, ensure_ascii=False)
    return str(value)
