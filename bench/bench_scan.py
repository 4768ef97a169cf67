"""Time ``openness scan`` on N generated releases: first scan, re-scan, engines, peak memory.

    python bench/bench_scan.py --n 1000 --jobs 2 [--mix full|cards] [--dask] [--runs 3]

Releases are made from the project's own corpus (``corpora/``), each made distinct by a line
naming it, so that no two share a digest: licence files alone, release folders (licence, use
policy, card), model cards alone, the Hugging Face cache layout, and one in fifty broken (an
empty licence). ``--mix cards`` keeps only the card releases, which the clause extractor does
not read (a measure of the scan's own overhead, and what fits in memory on a busy machine).
Each run scans into a new store in a subprocess (``openness scan --format jsonl``), times it,
and reads from ``/usr/bin/time`` the peak RSS of the largest process of the scan (the scan
itself or one of its workers). Figures are medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
LICENCES = sorted((CORPORA / "licences").glob("*.txt"))
CARDS = sorted((CORPORA / "model-cards").glob("*.md")) + sorted((CORPORA / "wording").glob("*-card.md"))
RELEASES = sorted(p for p in (CORPORA / "releases").iterdir() if p.is_dir())


def generate(root: Path, n: int, mix: str) -> None:
    """``n`` distinct releases under ``root``."""
    kinds = ("card", "hf") if mix == "cards" else ("licence", "release", "card", "hf")
    for index in range(n):
        kind = kinds[index % len(kinds)]
        mark = f"\n\nThis copy belongs to generated release {index}.\n"
        if index % 50 == 49:
            folder = root / "broken" / f"r{index:05d}"
            folder.mkdir(parents=True)
            (folder / "LICENSE").write_bytes(b"")
        elif kind == "licence":
            folder = root / "licences" / f"r{index:05d}"
            folder.mkdir(parents=True)
            (folder / "LICENSE.txt").write_text(LICENCES[index % len(LICENCES)].read_text() + mark)
        elif kind == "release":
            folder = root / "releases" / f"r{index:05d}"
            shutil.copytree(RELEASES[index % len(RELEASES)], folder)
            with open(folder / "README.md", "a", encoding="utf-8") as card:
                card.write(mark)
        elif kind == "card":
            folder = root / "cards" / f"r{index:05d}"
            folder.mkdir(parents=True)
            (folder / "MODEL_CARD.md").write_text(CARDS[index % len(CARDS)].read_text() + mark)
        else:
            repo = root / "hub" / f"models--org{index}--model{index}"
            snapshot = repo / "snapshots" / f"{index:040x}"
            snapshot.mkdir(parents=True)
            (repo / "refs").mkdir()
            (repo / "refs" / "main").write_text(snapshot.name)
            (snapshot / "README.md").write_text(CARDS[index % len(CARDS)].read_text() + mark)


def timed_scan(fleet: Path, db: Path, *args: str) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB (the largest process: the scan or one worker) and rows."""
    command = [sys.executable, "-m", "openness.cli.main", "-q", "scan", str(fleet), "--db", str(db),
               "--format", "jsonl", "--fail-on", "never", *args]
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = int(done.stderr.strip().splitlines()[-1]) / 1024
    return seconds, peak, len(done.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--mix", choices=("full", "cards"), default="full")
    parser.add_argument("--dask", action="store_true", help="also Dask (2 workers) vs local --jobs 1")
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float, int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        fleet = Path(tmp) / "fleet"
        generate(fleet, args.n, args.mix)
        for run in range(args.runs):
            db = Path(tmp) / f"first{run}.sqlite"
            results.setdefault(f"first, local --jobs {args.jobs}", []).append(
                timed_scan(fleet, db, "--jobs", str(args.jobs)))
            results.setdefault("re-scan, unchanged", []).append(
                timed_scan(fleet, db, "--jobs", str(args.jobs)))
            if args.dask:
                results.setdefault("first, local --jobs 1", []).append(
                    timed_scan(fleet, Path(tmp) / f"one{run}.sqlite", "--jobs", "1"))
                results.setdefault("first, dask LocalCluster 2 workers", []).append(
                    timed_scan(fleet, Path(tmp) / f"dask{run}.sqlite", "--engine", "dask", "--jobs", "2"))
    load = os.getloadavg()
    print(f"N={args.n} mix={args.mix} runs={args.runs} load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    for name, runs in results.items():
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        rows = runs[0][2]
        print(json.dumps({"run": name, "seconds": round(seconds, 2), "releases_per_s":
                          round(args.n / seconds, 1), "peak_rss_mb": round(peak), "rows": rows}))


if __name__ == "__main__":
    main()
