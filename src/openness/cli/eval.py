"""``openness eval [PATH]``: the extractor's accuracy on a corpus with an answer key."""

from __future__ import annotations

import json
from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, fail, warn

#: Where the real corpus sits relative to a checkout (the working directory).
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "real"


@click.command("eval")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default=None,
              help="text: table, misses and false alarms; markdown: the table for the docs.")
def eval_command(path: Path | None, fmt: str | None) -> None:
    """Score the clause extractor against GROUND_TRUTH.yaml in PATH (default ../shared/corpora/real)."""
    from openness.errors import OpennessError
    from openness.evaluate import evaluate_corpus
    from openness.evaluate.report import render_markdown, render_text, rows, summary_lines

    fmt = chosen_format(fmt, ("text", "markdown", "json"))
    root = path if path is not None else DEFAULT_CORPUS
    if not (root / "GROUND_TRUTH.yaml").is_file():
        if path is not None:
            fail(f"{root}: no GROUND_TRUTH.yaml here; give the folder of the real corpus")
        warn(f"{root}: the real corpus is absent; nothing to evaluate")
        return
    try:
        result = evaluate_corpus(root)
    except OpennessError as exc:
        fail(str(exc))
    if fmt == "markdown":
        emit(render_markdown(result))
    elif fmt == "json":
        emit(json.dumps({
            "schema": "openness.eval/1",
            "rows": [dict(zip(("name", "tp", "fp", "fn", "precision", "recall"), r)) for r in rows(result)],
            "summary": summary_lines(result),
            "misses": [{"entry": m.entry, "kind": m.kind} for m in result.misses],
            "false_alarms": [{"entry": a.entry, "kind": a.finding.kind, **a.finding.evidence.to_json()}
                             for a in result.false_alarms],
        }, indent=2))
    else:
        emit(render_text(result))
