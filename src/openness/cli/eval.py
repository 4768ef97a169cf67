"""``openness eval [PATH]``: the extractor's accuracy on a corpus with an answer key."""

from __future__ import annotations

from pathlib import Path

import click

from openness.cli.common import chosen_format, emit, fail, format_option, shared_options, warn
from openness.report.evaluation import FORMATS

#: Where the real corpus sits relative to a checkout (the working directory).
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "real"


@click.command("eval")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@format_option(FORMATS, help="text: table, misses and false alarms; markdown: the table for the docs.")
@shared_options
def eval_command(path: Path | None, fmt: str | None) -> None:
    """Score the clause extractor against the answer key in PATH: GROUND_TRUTH.yaml (the real
    corpus, the default ../shared/corpora/real) or expected.yaml (corpora/, corpora/wording/)."""
    from openness.errors import OpennessError
    from openness.evaluate import evaluate_corpus
    from openness.evaluate.groundtruth import has_key
    from openness.report.evaluation import render

    chosen = chosen_format(fmt, FORMATS)
    root = path if path is not None else DEFAULT_CORPUS
    if not has_key(root):
        if path is not None:
            fail(f"{root}: no answer key here (GROUND_TRUTH.yaml or expected.yaml)")
        warn(f"{root}: the real corpus is absent; nothing to evaluate")
        return
    try:
        result = evaluate_corpus(root)
    except OpennessError as exc:
        fail(str(exc))
    emit(render(result, chosen), inputs=[p for p in root.rglob("*") if p.is_file()])
