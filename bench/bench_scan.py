"""Time ``openness scan`` on N generated releases: first scan, re-scan, engines, peak memory.

    python bench/bench_scan.py --n 1000 --jobs 2 [--mix full|cards] [--dask] [--runs 3]
    python bench/bench_scan.py --n 1000 --jobs 2 --scancode /path/to/scancode

Releases are made from the project's own corpus (``corpora/``), each made distinct by a line
naming it, so that no two share a digest: licence files alone, release folders (licence, use
policy, card), model cards alone, the Hugging Face cache layout, and one in fifty broken (an
empty licence). ``--mix cards`` keeps only the card releases, which the clause extractor does
not read (a measure of the scan's own overhead, and what fits in memory on a busy machine).
Each run scans into a new store in a subprocess (``openness scan --format jsonl``), times it,
and samples from ``/proc`` the peak RSS (VmHWM) of the largest process of the scan: the scan
itself or one of its workers (``/usr/bin/time`` sees only the scan, not the pool's workers).
Figures are medians over ``--runs``; the sampling costs a few per cent of one core.
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


def _tree(root: int) -> list[int]:
    """``root`` and every process descended from it (Linux ``/proc``)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _peak_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM), 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def _timed(command: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB of the largest process of ``command``'s tree (sampled from
    ``/proc`` every 50 ms while it runs) and its standard output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, text=True)
        peak = 0
        while process.poll() is None:
            peak = max([peak, *(_peak_kb(pid) for pid in _tree(process.pid))])
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        out.seek(0)
        return seconds, peak / 1024, out.read()


def timed_scan(fleet: Path, db: Path, *args: str) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB (the scan or one of its workers) and rows of one scan."""
    command = [sys.executable, "-m", "openness.cli.main", "-q", "scan", str(fleet), "--db", str(db),
               "--format", "jsonl", "--fail-on", "never", *args]
    seconds, peak, out = _timed(command)
    return seconds, peak, len(out.splitlines())


def beside_scancode(n: int, jobs: int, scancode: str) -> None:
    """``n`` licence files, each in a folder of its own, scanned once by ``openness scan
    --jobs`` and once by ``scancode --license -n`` with as many processes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "licences"
        for index in range(n):
            release = folder / f"r{index:05d}"
            release.mkdir(parents=True)
            mark = f"\n\nThis copy belongs to generated release {index}.\n"
            (release / "LICENSE.txt").write_text(LICENCES[index % len(LICENCES)].read_text() + mark)
        ours = timed_scan(folder, Path(tmp) / "s.sqlite", "--jobs", str(jobs))
        theirs = _timed([scancode, "--license", "-n", str(jobs), "--json", str(Path(tmp) / "sc.json"),
                         "--quiet", str(folder)])
    for name, (seconds, peak) in (("openness scan", ours[:2]), ("scancode --license", theirs[:2])):
        print(json.dumps({"run": f"{name}, {n} licence files, {jobs} processes", "seconds": round(seconds, 1),
                          "files_per_s": round(n / seconds, 1), "peak_rss_mb": round(peak)}))
    print(json.dumps({"run": "ratio", "scancode_over_openness": round(theirs[0] / ours[0], 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--mix", choices=("full", "cards"), default="full")
    parser.add_argument("--dask", action="store_true", help="also Dask (2 workers) vs local --jobs 1")
    parser.add_argument("--scancode", metavar="COMMAND", help="instead: N licence files through openness "
                        "scan and through this scancode (--license -n JOBS), once each")
    args = parser.parse_args()
    if args.scancode:
        beside_scancode(args.n, args.jobs, args.scancode)
        return
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
