"""The reports of ``openness rules``: the files checked, the examples run, the built-in packs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openness.report import Format

if TYPE_CHECKING:
    from openness.dsl.ast import Policy
    from openness.engine.examples import ExampleResult

#: The formats of every ``rules`` report.
FORMATS = (Format.TEXT, Format.JSON)


def checked(files: list[dict[str, Any]]) -> str:
    """``rules check --format json``: each file with its policy, its rule count and its errors
    (the text form is one line per file on stderr, written as the files are checked)."""
    return json.dumps({"schema": "openness.rules-check/1", "files": files}, indent=2, ensure_ascii=False)


def examples(ran: list[tuple[Path, ExampleResult]], fmt: Format) -> str:
    """``rules test``: every example run (JSON), or the failed ones and a count (text)."""
    failed = [(file, result) for file, result in ran if not result.passed]
    if fmt is Format.JSON:
        return json.dumps({"schema": "openness.rules-test/1",
                           "examples": [_example(file, result) for file, result in ran],
                           "total": len(ran), "failed": len(failed)}, indent=2, ensure_ascii=False)
    summary = f"{len(ran)} examples, {len(failed)} failed"
    return "\n".join([*(_failure(file, result) for file, result in failed), summary])


def _example(file: Path, result: ExampleResult) -> dict[str, Any]:
    ex = result.example
    return {
        "rule": result.rule_id, "path": str(file), "line": ex.loc.line,
        "expected": ex.outcome, "outcome": result.result.outcome.value, "passed": result.passed,
        "documents": [{"role": d.role, "text": d.text} for d in ex.documents],
        "findings": [f.to_json() for f in result.findings],
        "message": result.result.message,
    }


def _failure(file: Path, result: ExampleResult) -> str:
    ex = result.example
    seen = ", ".join(f.kind for f in result.findings) or "no findings"
    text = " / ".join(f"[{d.role}] {' '.join(d.text.split())}" for d in ex.documents)
    return (f"{file}:{ex.loc.line}: {result.rule_id}: example {ex.outcome} gave {result.result.outcome}\n"
            f"    {text}\n    findings: {seen}\n    {result.result.message}")


def packs(policies: list[tuple[Path, Policy]], fmt: Format) -> str:
    """``rules list``: each built-in policy and its rules."""
    if fmt is Format.JSON:
        return json.dumps({"schema": "openness.rules-list/1", "policies": [
            {"policy": p.name, "title": p.title, "file": pack.name,
             "rules": [{"id": r.id, "title": r.title} for r in p.rules]}
            for pack, p in policies]}, indent=2, ensure_ascii=False)
    lines = []
    for pack, policy in policies:
        lines.append(f"{policy.name}  {policy.title}  ({pack.name})")
        lines.extend(f"  {r.id}  {r.title}" for r in policy.rules)
    return "\n".join(lines)
