"""Time and memory of ``openness analyze`` on the long inputs of issue 17.

    python bench/bench_long_input.py [--runs 3] [--keep DIR]

Inputs generated in a temporary folder from the project's own licences (``corpora/licences``):
1. "million short lines": the licences' words wrapped at 17 characters, repeated to 1,000,000
   lines (about 15 MB);
2. "single 5 MB line": the licences' text on one line (line breaks made spaces), repeated to
   5 MB with no line break at all;
and the same two cut to just under the length limit (``IngestOptions.max_chars``), which are
analysed rather than refused, with a third of that length: one run of brackets with no white
space (the tokenizer's worst case).
Each runs as a fresh ``openness analyze --format json`` process under ``/usr/bin/time -f %M``:
median wall time of the runs, and the largest peak resident memory of any run. The targets of
issue 17 are 10 s and 600 MB for the first, 3 s for the second.

Runs whatever ``openness`` this Python imports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from openness.ingest import IngestOptions

ROOT = Path(__file__).resolve().parents[1]
LICENCES = sorted((ROOT / "corpora" / "licences").glob("*.txt"))
OPENNESS = [sys.executable, "-m", "openness.cli.main"]
MILLION = 1_000_000
FIVE_MB = 5 * 1024 * 1024


def corpus_text() -> str:
    return "\n\n".join(p.read_text("utf-8") for p in LICENCES)


def short_lines(folder: Path, count: int) -> Path:
    lines = textwrap.wrap(corpus_text(), width=17)
    path = folder / f"short-lines-{count}.txt"
    with path.open("w", encoding="utf-8") as out:
        out.writelines(lines[i % len(lines)] + "\n" for i in range(count))
    return path


def single_line(folder: Path, size: int) -> Path:
    unit = " ".join(corpus_text().split()) + " "
    text = (unit * (size // len(unit) + 1))[:size]
    path = folder / f"single-line-{size}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def brackets(folder: Path, size: int) -> Path:
    path = folder / f"brackets-{size}.txt"
    path.write_text("(" * size, encoding="utf-8")
    return path


def timed_run(path: Path) -> tuple[float, int, int, str]:
    """Wall seconds, peak RSS (MB), exit code and first stderr line of one ``openness
    analyze`` of ``path``."""
    command = ["/usr/bin/time", "-f", "%M", *OPENNESS, "analyze", "--format", "json",
               "--output", os.devnull, str(path)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    *messages, peak_kb = done.stderr.strip().splitlines()
    return seconds, int(peak_kb) // 1024, done.returncode, messages[0] if messages else ""


def report(label: str, path: Path, runs: int) -> None:
    results = [timed_run(path) for _ in range(runs)]
    seconds = [s for s, _, _, _ in results]
    print(f"{label} ({path.stat().st_size / 1e6:.1f} MB): median {statistics.median(seconds):.2f} s "
          f"(runs {', '.join(f'{s:.2f}' for s in seconds)}), peak RSS "
          f"{max(m for _, m, _, _ in results)} MB, exit {sorted({c for _, _, c, _ in results})}")
    if any(code == 2 for _, _, code, _ in results):
        print(f"  {next(message for _, _, code, message in results if code == 2)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        limit = IngestOptions().max_chars
        report("million short lines", short_lines(folder, MILLION), args.runs)
        report("single 5 MB line", single_line(folder, FIVE_MB), args.runs)
        report("short lines, just under the limit", short_lines(folder, limit // 15 - 1), args.runs)
        report("single line, just under the limit", single_line(folder, limit - 1), args.runs)
        report("brackets, just under the limit", brackets(folder, limit - 1), args.runs)
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}; "
          f"Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
