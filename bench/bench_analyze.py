"""End-to-end speed of ``openness analyze``: fresh processes as a user runs them, and many
documents in one process.

    python bench/bench_analyze.py [--runs 5] [--jobs N]

As fresh processes (wall time, median of the runs; peak resident memory, ``ru_maxrss`` of the
children):
1. one licence of the own corpus;
2. fifty licences of the own corpus (its seven, repeated);
3. the real corpus's first fifty licence texts (the files of ``bench_scancode.py``);
4. every text document of the real corpus (130) in one command;
5. two ~30-page PDFs rendered from real licences (the pair of ``bench_diff.py``), the largest
   inputs the benchmarks have;
with ``--jobs N``, 2-5 once more with ``openness analyze --jobs N``.
6. every document of the real corpus through ``openness.analyze`` in one process after
   start-up: documents per second.

Runs whatever ``openness`` this Python imports: put another revision's ``src`` on
``PYTHONPATH`` to time it with the same script (``--jobs`` needs a revision that has it).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
LICENCE = ROOT / "corpora" / "licences" / "kestrel-community-1.0.txt"
OPENNESS = [sys.executable, "-m", "openness.cli.main"]
DOCUMENT_SUFFIXES = {".txt", ".md", ".LICENSE"}
sys.path.insert(0, str(Path(__file__).parent))


def timed_child(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def real_documents() -> list[Path]:
    return sorted(
        p for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in DOCUMENT_SUFFIXES and not p.parent.name.startswith("_")
    )


def report(label: str, args: list[str], runs: int) -> None:
    times = [timed_child([*OPENNESS, "analyze", "--each", "--format", "json", "--output", os.devnull, *args])
             for _ in range(runs)]
    seconds = [s for s, _ in times]
    print(f"{label}: median {statistics.median(seconds):.2f} s (runs "
          f"{', '.join(f'{s:.2f}' for s in seconds)}), peak RSS {max(m for _, m in times):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args()
    runs = args.runs

    report("one licence, fresh process", [str(LICENCE)], runs)
    licences = sorted((ROOT / "corpora" / "licences").glob("*.txt"))
    batches = {"50 own licences": [str(licences[i % len(licences)]) for i in range(50)]}
    if CORPUS.is_dir():
        from bench_diff import render_pair
        from bench_scancode import licence_files

        batches["50 real licence files"] = [str(p) for p in licence_files()[:50]]
        batches[f"{len(real_documents())} real documents"] = [str(p) for p in real_documents()]
        pdfs = Path(tempfile.mkdtemp())
        old, new, old_pages, new_pages = render_pair(pdfs, 30)
        batches[f"two PDFs ({old_pages} and {new_pages} pages)"] = [str(old), str(new)]
    for label, paths in batches.items():
        report(f"{label}, one process", paths, runs)
        if args.jobs:
            report(f"{label}, --jobs {args.jobs}", ["--jobs", str(args.jobs), *paths], runs)

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
