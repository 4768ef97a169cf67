"""End-to-end speed of ``openness analyze``: one licence as a fresh process, and many in one.

    python bench/bench_analyze.py [--runs 5]

1. one licence, the whole command as a user runs it (process start, imports, pipeline and
   rule packs included): wall time and peak resident memory (ru_maxrss of the child);
2. fifty licences in one command (the ScanCode comparison in issue 5);
3. every document of the real corpus (../shared/corpora/real) through ``openness.analyze``
   in one process after start-up: documents per second.
Prints the median of several runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
LICENCE = ROOT / "corpora" / "licences" / "kestrel-community-1.0.txt"
OPENNESS = [sys.executable, "-m", "openness.cli.main"]
DOCUMENT_SUFFIXES = {".txt", ".md", ".LICENSE"}


def timed_child(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def real_documents() -> list[Path]:
    return sorted(
        p for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in DOCUMENT_SUFFIXES and not p.parent.name.startswith("_")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    one = [timed_child([*OPENNESS, "analyze", str(LICENCE)]) for _ in range(runs)]
    print(f"one licence, fresh process: median {statistics.median(s for s, _ in one):.2f} s, "
          f"peak RSS {max(m for _, m in one):.0f} MB ({runs} runs)")

    licences = sorted((ROOT / "corpora" / "licences").glob("*.txt"))
    fifty = [licences[i % len(licences)] for i in range(50)]
    batch = [timed_child([*OPENNESS, "analyze", *map(str, fifty)])[0] for _ in range(runs)]
    print(f"50 licences, one process: median {statistics.median(batch):.2f} s ({runs} runs)")

    if not CORPUS.is_dir():
        print("real corpus absent: skipped the corpus throughput")
        return
    from openness.analysis import analyze

    documents = real_documents()
    analyze([LICENCE])  # start-up: imports, pipeline, rule packs
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyze(documents)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(f"real corpus: {len(documents)} documents in {seconds:.2f} s after start-up -> "
          f"{len(documents) / seconds:.1f} documents/s ({runs} runs)")
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
