"""openness beside ScanCode on the same real licence files: one file, then fifty, fresh processes.

    python bench/bench_scancode.py [--runs 5] [--scancode PATH] [--tree NAME=SRC[:PYTHON] ...]

The files are the real corpus's licence texts (``../shared/corpora/real``, every ``.txt``,
``.md`` and ``.LICENSE`` file whose name says licence, in path order): the first fifty, and
of those the one of median size. They are copied into a temporary folder so that both tools
read the same bytes. Each round times, as a user runs them:

* ``openness analyze FILES --format json --output OUT`` (one subject per file, the built-in
  osd and osaid-1.0 policies), with this Python, or with each ``--tree`` (a ``src`` folder put
  on ``PYTHONPATH``, run by this Python or the one named after a colon, so that each revision
  runs with the dependencies it declares, and revisions are compared in the same rounds);
* ``scancode --license -n 1 --json OUT FILE`` for one file, and the folder for fifty.

One warm-up run of every command comes first and is not counted (ScanCode builds its licence
index on its first run; openness's first run writes Python's bytecode). Rounds interleave the
commands, so a slow minute of the host slows all of them. Prints the median wall time and the
peak memory (the child's ``ru_maxrss``) of each, and the ratios.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
SUFFIXES = {".txt", ".md", ".LICENSE"}
SCANCODE = "/work/venvs/scancode/bin/scancode"


def licence_files() -> list[Path]:
    """The real corpus's licence texts, in path order (folders starting with `_` are not
    licences but third-party assessments)."""
    return sorted(
        p for p in CORPUS.rglob("*")
        if p.is_file() and p.suffix in SUFFIXES and "licen" in p.name.lower()
        and not any(part.startswith("_") for part in p.relative_to(CORPUS).parts)
    )


def copied(files: list[Path], folder: Path) -> list[Path]:
    """``files`` copied into ``folder`` under unique names (several are called LICENSE.txt)."""
    folder.mkdir()
    out = []
    for i, path in enumerate(files):
        target = folder / f"{i:02d}-{path.parent.name}-{path.name}"
        shutil.copyfile(path, target)
        out.append(target)
    return out


def run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process, which must succeed (openness may
    exit 1: a verdict failed)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command[:4])} ... exited {code}: "
                         f"{child.stderr.read().decode()[-500:] if child.stderr else ''}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scancode", default=SCANCODE, help="the scancode command")
    parser.add_argument("--tree", action="append", default=[], metavar="NAME=SRC[:PYTHON]",
                        help="time openness from this src folder (repeatable); default: as installed")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"the real corpus is absent: {CORPUS}")
    trees = dict(t.split("=", 1) for t in args.tree) or {"openness": ""}
    fifty_sources = licence_files()[:50]
    by_size = sorted(fifty_sources, key=lambda p: (p.stat().st_size, p))
    one_source = by_size[len(by_size) // 2]

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fifty = copied(fifty_sources, work / "fifty")
        one = copied([one_source], work / "one")
        out = work / "out.json"
        commands: dict[str, tuple[list[str], dict[str, str] | None]] = {}
        for name, tree in trees.items():
            src, _, python = tree.partition(":")
            env = dict(os.environ, PYTHONPATH=str(Path(src).resolve())) if src else None
            base = [python or sys.executable, "-m", "openness.cli.main", "analyze", "--format", "json",
                    "--output", str(out)]
            commands[f"{name}, 1 file"] = ([*base, *map(str, one)], env)
            commands[f"{name}, 50 files"] = ([*base, *map(str, fifty)], env)
        scan = [args.scancode, "--license", "-n", "1", "--json", str(out)]
        commands["scancode, 1 file"] = ([*scan, str(one[0])], None)
        commands["scancode, 50 files"] = ([*scan, str(work / "fifty")], None)

        for command, env in commands.values():  # warm-up, not counted
            run(command, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (command, env) in commands.items():
                times[name].append(run(command, env))

    size = sum(p.stat().st_size for p in fifty_sources)
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"one file: {one_source.relative_to(CORPUS)} ({one_source.stat().st_size:,} bytes); "
          f"fifty files: {size:,} bytes, {fifty_sources[0].relative_to(CORPUS)} .. "
          f"{fifty_sources[-1].relative_to(CORPUS)}")
    medians = {name: statistics.median(s for s, _ in runs) for name, runs in times.items()}
    for name, runs in times.items():
        spread = ", ".join(f"{s:.2f}" for s, _ in runs)
        print(f"{name}: median {medians[name]:.2f} s (runs {spread}), "
              f"peak RSS {max(m for _, m in runs):.0f} MB")
    for name in trees:
        for count in ("1 file", "50 files"):
            ratio = medians[f"scancode, {count}"] / medians[f"{name}, {count}"]
            print(f"{name}, {count}: {ratio:.1f}x faster than ScanCode")


if __name__ == "__main__":
    main()
