"""Rules engine speed: a generated policy of 200 rules, compiled, then evaluated on 1,000 findings.

Run: python bench/bench_rules.py [--runs N]. Prints the median of N runs (wall time, and the
CPU time of this process) for
  * the built-in packs as a command pays for them: a fresh process imports the rules language
    and the engine, then loads and compiles osd and osaid-1.0 (``--fresh N`` processes),
  * the first parse in a process, which builds the Lark parser,
  * loading the policy text (parse + check) and compiling it, and parsing it alone,
  * evaluating the compiled policy on 1,000 findings: every rule's outcome, evidence, message,
    trace and fix.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import time

from openness.dsl import loads
from openness.dsl.parser import parse
from openness.engine import compile, evaluate
from openness.model import Evidence, Finding
from openness.taxonomy import load_taxonomy

CLAUSES = [
    'fail if restrict.user_threshold where count <= {n}M and metric in [monthly_active_users, daily_active_users] "Cap of {{count}} {{metric}} (§{{section}})"',
    'warn if restrict.user_threshold where count < profile.monthly_active_users "Cap {{count}}"',
    'fail if restrict.revenue_threshold where amount <= {n}M USD "Cap of {{amount}} {{currency}}"',
    'fail if restrict.geographic where regions overlaps [EU, US] "Excludes {{regions}}: {{quote}}"',
    'fail if restrict.field_of_use or restrict.commercial "Uses restricted: {{quote}}"',
    'require disclose.training_data where level in [released, described]',
    'require disclose.weights where available',
    'fail if restrict.non_compete where scope == both "{{quote}}"',
    'require grant.use',
    'warn if restrict.unilateral_change and not term.termination',
]


def policy_text(rules: int, rng: random.Random) -> str:
    lines = ['policy bench "Generated" {', "  rate EUR = 1.08 USD",
             "  profile { monthly_active_users = 40M annual_revenue = 2B USD regions = [EU] }"]
    for i in range(rules):
        lines.append(f'  rule r{i} "Generated rule {i}" {{')
        lines.append(f'    rationale "Rule {i} of the benchmark."')
        for template in rng.sample(CLAUSES, 3):
            lines.append("    " + template.format(n=rng.randint(1, 900)))
        lines.append('    example pass "You may use the Work for any purpose."')
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def findings(count: int, rng: random.Random) -> list[Finding]:
    kinds = list(load_taxonomy().kinds)
    out = []
    for i in range(count):
        kind = rng.choice(kinds)
        attributes: dict[str, object] = {}
        if kind == "restrict.user_threshold":
            attributes = {"count": rng.randint(1, 1000) * 1_000_000, "metric": "monthly_active_users"}
        elif kind == "restrict.revenue_threshold":
            attributes = {"amount": rng.randint(1, 1000) * 1_000_000, "currency": rng.choice(["USD", "EUR"])}
        elif kind == "restrict.geographic":
            attributes = {"regions": [rng.choice(["European Union", "Russia", "China"])]}
        elif kind == "disclose.training_data":
            attributes = {"level": rng.choice(["released", "described", "vague", "none"])}
        elif kind in ("disclose.weights", "disclose.training_code", "disclose.evaluation"):
            attributes = {"available": rng.random() < 0.5}
        elif kind == "restrict.non_compete":
            attributes = {"scope": rng.choice(["outputs", "model", "both"])}
        ev = Evidence(path="LICENSE", quote=f"clause {i}", section=str(i % 20), page=None,
                      line=i + 1, start=i * 80, end=i * 80 + 60)
        out.append(Finding(kind=kind, attributes=attributes, evidence=ev))
    return out


def median_ms(fn, runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a machine shared with
    other jobs the wall time includes waiting for a core; the CPU time does not."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


#: Run in a fresh interpreter: the built-in packs loaded and compiled, imports included.
PACKS = """
import time
start = time.perf_counter()
from openness import dsl, engine
for name in ("osd", "osaid-1.0"):
    engine.compile(dsl.load(name))
print((time.perf_counter() - start) * 1000)
"""


def fresh_packs_ms(runs: int) -> float:
    """Median ms a fresh process takes to import, load and compile the built-in packs."""
    times = [float(subprocess.run([sys.executable, "-c", PACKS], check=True, capture_output=True,
                                  text=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--fresh", type=int, default=7, help="fresh processes for the packs")
    args = parser.parse_args()
    rng = random.Random(7)
    text = policy_text(args.rules, rng)
    data = findings(args.findings, rng)
    roles = {"license", "model_card"}

    packs = fresh_packs_ms(args.fresh)
    start = time.perf_counter()
    parse('policy first "First" {}')
    build = (time.perf_counter() - start) * 1000
    compiled = compile(loads(text))
    evaluate(compiled, data, roles=roles)  # warm caches (taxonomy, region table)

    load_compile = median_ms(lambda: compile(loads(text)), args.runs)
    evaluation = median_ms(lambda: evaluate(compiled, data, roles=roles), args.runs)
    parse_only = median_ms(lambda: parse(text), args.runs)
    verdict = evaluate(compiled, data, roles=roles)
    outcomes = {o: sum(r.outcome == o for r in verdict.rules) for o in ("pass", "warn", "unknown", "fail")}
    print(f"machine: {platform.machine()} {platform.processor() or ''} python {platform.python_version()}".rstrip())
    print(f"policy: {args.rules} rules, {len(text.splitlines())} lines; findings: {args.findings}; runs: {args.runs}")
    print(f"built-in packs (osd, osaid-1.0) in a fresh process, imports included, median of "
          f"{args.fresh}: {packs:.1f} ms")
    print(f"first parse in this process (builds the Lark parser): {build:.1f} ms")
    print(f"load (parse + check) + compile, median: {load_compile[0]:.1f} ms (CPU {load_compile[1]:.1f} ms)")
    print(f"parse alone (no check, no compile), median: {parse_only[0]:.1f} ms (CPU {parse_only[1]:.1f} ms)")
    print(f"evaluate, median: {evaluation[0]:.2f} ms (CPU {evaluation[1]:.2f} ms)   outcomes: {outcomes}")


if __name__ == "__main__":
    main()
