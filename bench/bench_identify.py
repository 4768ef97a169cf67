"""Speed of ``openness identify``, and side by side with ScanCode's ``--license``.

    python bench/bench_identify.py [--runs 3] [--scancode /work/venvs/scancode-id/bin/scancode]

The inputs are fifty licence files of the real corpus (../shared/corpora/real, the files its
ground truth names, in name order), each slightly edited at bench time: one sentence appended,
so that a standard licence is a variant and both tools have to do more than find a known text.
They are written to a temporary folder that both tools read.

1. one licence in a warm process: ``identify_document`` on each file after one warm-up call
   (reference index open, spaCy loaded for the findings of added passages): median and worst,
   in wall time and in this process's CPU time (the machine is shared: CPU time is the work
   itself, wall time adds the waits for a core);
2. the fifty files in one ``openness identify --format json`` process, and ScanCode's
   ``scancode --license --json`` on the same folder (one process, its default), each the
   median of ``--runs`` runs. ScanCode's first run builds its licence index: one untimed run
   of each tool comes first, so neither pays for a cache it builds once.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
OPENNESS = [sys.executable, "-m", "openness.cli.main"]
EDIT = "\n\nThe Licensee must display the name of the Licensor on every product that uses it.\n"
FILES = 50


def inputs(folder: Path) -> list[Path]:
    """Fifty ground-truth licence files, each with one sentence appended, in ``folder``."""
    truth = yaml.safe_load((CORPUS / "GROUND_TRUTH.yaml").read_text("utf-8"))
    names = sorted({e["file"] for e in truth["licenses"] if e.get("file")})[:FILES]
    written = []
    for index, name in enumerate(names):
        target = folder / f"{index:02d}-{Path(name).name}"
        target.write_text((CORPUS / name).read_text("utf-8", errors="replace") + EDIT, "utf-8")
        written.append(target)
    return written


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scancode", default="/work/venvs/scancode-id/bin/scancode")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit("bench_identify: ../shared/corpora/real is absent")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "licences"
        folder.mkdir()
        files = inputs(folder)

        from openness.identify import identify_document
        from openness.ingest import load

        documents = [load(p) for p in files]
        identify_document(documents[0])  # warm-up: index, spaCy
        wall, cpu = [], []
        for doc in documents:
            start, started = time.perf_counter(), time.process_time()
            identify_document(doc)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - started)
        for label, times in (("wall", wall), ("CPU", cpu)):
            print(f"one licence, warm process, {label} time: median "
                  f"{statistics.median(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms "
                  f"({len(times)} files)")

        ours_args = [*OPENNESS, "identify", "--format", "json", *map(str, files)]
        theirs_args = [options.scancode, "--license", "--json", str(Path(tmp) / "scancode.json"),
                       str(folder)]
        timed(ours_args)
        ours = [timed(ours_args) for _ in range(options.runs)]
        print(f"openness identify, {len(files)} files, one process: median "
              f"{statistics.median(ours):.2f} s ({options.runs} runs: "
              f"{', '.join(f'{s:.2f}' for s in ours)})")
        if not Path(options.scancode).exists():
            print(f"ScanCode not found at {options.scancode}: skipped the comparison")
            return
        timed(theirs_args)  # builds ScanCode's licence index on a first run
        theirs = [timed(theirs_args) for _ in range(options.runs)]
        print(f"scancode --license, same files: median {statistics.median(theirs):.2f} s "
              f"({options.runs} runs: {', '.join(f'{s:.2f}' for s in theirs)})")
        print(f"ratio: {statistics.median(theirs) / statistics.median(ours):.1f}x")
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
