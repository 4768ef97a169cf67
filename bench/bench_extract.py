"""Speed of the clause extractor (not a test: run it, read the medians).

    python bench/bench_extract.py [FOLDER]            (default ../shared/corpora/real, else corpora/)
    python bench/bench_extract.py --stages [FOLDER]   time of each stage instead

Reports, as the median of several runs:
* pipeline load time in a fresh interpreter, imports included (what one CLI call pays once);
* throughput of the whole extractor (normalised view, segmentation, spaCy pipeline, findings)
  over every licence text in FOLDER after load: MB/s of text and findings/s, and the first
  pass on its own (new words entering the vocabulary).

With ``--stages``: the seconds per corpus pass of each stage (segmentation, analysis view, line
breaks, tokenizer, each pipeline component), best of several passes, to see where time goes.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 5
SUFFIXES = (".txt", ".md", ".license")


def load_time() -> float:
    code = (
        "import time; t = time.perf_counter(); "
        "from openness.extract.pipeline import load_pipeline; load_pipeline(); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def stages(docs: list) -> dict[str, float]:  # type: ignore[type-arg]
    """Best-of-RUNS seconds per corpus pass of each stage of :func:`extract_findings`."""
    from openness.extract.findings import _locator
    from openness.extract.layout import line_breaks, text_lines
    from openness.extract.pipeline import load_pipeline
    from openness.extract.units import BREAKS_KEY, TEXT_KEY
    from openness.ingest.normalize import analysis_view
    from openness.segment import segment

    nlp = load_pipeline()
    best: dict[str, float] = {}
    for _ in range(RUNS):
        spent: dict[str, float] = {}

        def clock(name: str, since: float) -> float:
            now = time.perf_counter()
            spent[name] = spent.get(name, 0.0) + now - since
            return now

        for doc in docs:
            t = time.perf_counter()
            segment(doc)
            t = clock("segmentation", t)
            view = analysis_view(doc)
            t = clock("analysis view", t)
            breaks = line_breaks(text_lines(doc.text), _locator(view, len(view.text)))
            t = clock("line breaks", t)
            sdoc = nlp.make_doc(view.text)
            t = clock("tokenizer", t)
            sdoc.user_data[BREAKS_KEY] = breaks
            sdoc.user_data[TEXT_KEY] = view.text
            for name, component in nlp.pipeline:
                sdoc = component(sdoc)
                t = clock(name, t)
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return best


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--stages"]
    root = Path(args[0]) if args else Path("../shared/corpora/real")
    if not root.is_dir():
        root = Path("corpora")
    from openness.extract import extract_findings
    from openness.ingest import load

    docs = [load(p) for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    extract_findings(docs[0])  # load the pipeline outside the timed runs
    if "--stages" in sys.argv[1:]:
        for d in docs:  # every word into the vocabulary first, as in the median passes
            extract_findings(d)
        print(f"corpus: {root} ({len(docs)} documents, {size / 1e6:.2f} MB); best of {RUNS} passes")
        for name, seconds in stages(docs).items():
            print(f"{name:>16}: {seconds:.3f} s")
        return
    seconds = []
    findings = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        findings = sum(len(extract_findings(d)) for d in docs)
        seconds.append(time.perf_counter() - start)
    loads = [load_time() for _ in range(RUNS)]
    run = statistics.median(seconds)
    print(f"corpus: {root} ({len(docs)} documents, {size / 1e6:.2f} MB, {findings} findings)")
    print(f"extract: median {run:.2f} s over {RUNS} runs -> {size / 1e6 / run:.2f} MB/s, "
          f"{findings / run:.0f} findings/s")
    # The first pass also pays for every word the vocabulary has not seen yet (what a single
    # CLI call on a new licence pays); the later ones reuse them, hence the median.
    print(f"first pass (new words): {seconds[0]:.2f} s -> {size / 1e6 / seconds[0]:.2f} MB/s; "
          f"all runs: {', '.join(f'{s:.2f}' for s in seconds)} s")
    print(f"pipeline load (fresh process, imports included): median {statistics.median(loads):.2f} s")


if __name__ == "__main__":
    main()
