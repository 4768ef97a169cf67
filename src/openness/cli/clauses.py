"""``openness clauses FILE…``: the clause findings of each file, grouped by kind, with evidence."""

from __future__ import annotations

import json
import sys

import click

from openness.cli.common import chosen_format, emit, error

SCHEMA = "openness.clauses/1"


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default=None,
              help="text: findings grouped by kind; json: the openness.clauses/1 object.")
def clauses(files: tuple[str, ...], fmt: str | None) -> None:
    """List the licence clauses recognised in FILES (kind, attributes, quote and where)."""
    from openness.errors import OpennessError
    from openness.extract import document_notes, extract_findings
    from openness.ingest import load

    chosen = chosen_format(fmt, ("text", "json"))
    documents = []
    findings = []
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
    if chosen == "json":
        emit(json.dumps({"schema": SCHEMA, "documents": documents,
                         "findings": [f.to_json() for f in findings]}, ensure_ascii=False, indent=2))
    else:
        emit(_text(findings, notes))
    if failed:
        sys.exit(2)


def _text(findings: list, notes: dict[str, list[str]]) -> str:  # type: ignore[type-arg]
    from openness.taxonomy import load_taxonomy

    order = {name: i for i, name in enumerate(load_taxonomy().kinds)}
    lines: list[str] = []
    by_kind: dict[str, list] = {}  # type: ignore[type-arg]
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
