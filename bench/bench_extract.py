"""Speed of the clause extractor (not a test: run it, read the medians).

    python bench/bench_extract.py [FOLDER]   (default ../shared/corpora/real, else corpora/)

Reports, as the median of several runs:
* pipeline load time in a fresh interpreter, imports included (what one CLI call pays once);
* throughput of the whole extractor (normalised view, segmentation, spaCy pipeline, findings)
  over every licence text in FOLDER after load: MB/s of text and findings/s.
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


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/corpora/real")
    if not root.is_dir():
        root = Path("corpora")
    from openness.extract import extract_findings
    from openness.ingest import load

    docs = [load(p) for p in sorted(root.rglob("*")) if p.is_file() and p.suffix.lower() in SUFFIXES]
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    extract_findings(docs[0])  # load the pipeline outside the timed runs
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
    print(f"pipeline load (fresh process, imports included): median {statistics.median(loads):.2f} s")


if __name__ == "__main__":
    main()
