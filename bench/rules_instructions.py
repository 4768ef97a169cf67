"""Rules engine cost in instructions, which do not drift with the host as wall time does.

Run: python bench/rules_instructions.py [--runs N] [--steps parse,load,load+compile,evaluate]
Needs valgrind. For each step, runs this script under ``valgrind --tool=callgrind`` twice, once
doing the step N times after a warm-up and once doing it 0 times, and prints the difference
divided by N: the instructions of one run of the step on the benchmark policy of
``bench_rules.py`` (200 rules; 1,000 findings for ``evaluate``).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

STEPS = ("parse", "load", "load+compile", "evaluate")


def inner(step: str, runs: int) -> None:
    """The work measured: ``runs`` repetitions of ``step`` after one warm-up of every step."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_rules import findings, policy_text

    from openness.dsl import loads
    from openness.dsl.parser import parse
    from openness.engine import compile, evaluate

    rng = random.Random(7)
    text = policy_text(200, rng)
    data = findings(1000, rng)
    compiled = compile(loads(text))
    evaluate(compiled, data, roles={"license", "model_card"})
    work = {
        "parse": lambda: parse(text),
        "load": lambda: loads(text),
        "load+compile": lambda: compile(loads(text)),
        "evaluate": lambda: evaluate(compiled, data, roles={"license", "model_card"}),
    }[step]
    for _ in range(runs):
        work()


def instructions(step: str, runs: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/callgrind.out",
             sys.executable, __file__, "--inner", step, str(runs)],
            capture_output=True, text=True, check=True,
        )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--steps", default=",".join(STEPS))
    parser.add_argument("--inner", nargs=2, metavar=("STEP", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        inner(args.inner[0], int(args.inner[1]))
        return
    for step in args.steps.split(","):
        per_run = (instructions(step, args.runs) - instructions(step, 0)) / args.runs
        print(f"{step}: {per_run / 1e6:.1f} M instructions per run (callgrind, {args.runs} runs minus 0)")


if __name__ == "__main__":
    main()
