#!/bin/bash
# Before/after speed on a host whose speed drifts: the rules, analyze and diff benchmarks of an
# earlier revision and of the working tree, run interleaved, ROUNDS rounds each.
#
#   bench/compare_revisions.sh REV [ROUNDS]      e.g. bench/compare_revisions.sh 27aea80 2
#
# REV is extracted with `git archive` into a temporary folder and run from there with
# PYTHONPATH; each side has its own cache folder (checked policies). Every round
# prints the load average and a `timeit` reading of the moment. Needs the project installed in
# the current Python and the real corpus at ../shared/corpora/real.
set -euo pipefail
rev=${1:?usage: bench/compare_revisions.sh REV [ROUNDS]}
rounds=${2:-2}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/old" "$work/cache-old" "$work/cache-new"
git -C "$here" archive "$rev" src grammars rules bench corpora tests/ingest | tar -x -C "$work/old"
ln -s "$here/../shared" "$work/shared"
for round in $(seq "$rounds"); do
  for side in old new; do
    if [ "$side" = old ]; then root=$work/old; else root=$here; fi
    echo "=== round $round $side ($(date +%T)) load $(cut -d' ' -f1 /proc/loadavg)," \
         "timeit $(python -m timeit -n 20 'sum(range(10**6))' | sed 's/.*: //')"
    (cd "$root" && export PYTHONPATH="$root/src" XDG_CACHE_HOME="$work/cache-$side" &&
       python bench/bench_rules.py --runs 15 | grep -v '^machine\|^policy' &&
       python bench/bench_analyze.py --runs 3 | grep -v '^machine' &&
       python bench/bench_diff.py --runs 3 | grep -v '^machine\|^PDFs\|finding changes')
  done
done
