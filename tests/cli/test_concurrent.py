"""Several ``openness analyze`` processes at once (CI jobs on one runner, a user's parallel
scripts) share the cache folder: checked policies and the licence reference index. Whichever
process writes an entry first, each must read a whole one or build its own, and say the same."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from openness.cache import ENVIRONMENT
from tests.cli.helpers import CORPORA

ROOT = Path(__file__).resolve().parents[2]
RUNS = 4


def analyze(cache: Path, output: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "openness.cli.main", "analyze", "--format", "json", "--output", str(output), *args],
        env={**os.environ, ENVIRONMENT: str(cache)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_four_runs_at_once_on_a_cold_cache_give_identical_reports(tmp_path: Path) -> None:
    release = shutil.copytree(CORPORA / "releases" / "kestrel-3", tmp_path / "kestrel-3")
    rules = Path(shutil.copy(ROOT / "rules" / "example-company.rules", tmp_path / "company.rules"))
    licence = shutil.copy(CORPORA / "licences" / "wren-reciprocal-1.0.txt", tmp_path)
    args = ["--each", "--policy", f"+{rules}", str(release), str(licence)]
    cache = tmp_path / "cache"

    children = [analyze(cache, tmp_path / f"report-{i}.json", *args) for i in range(RUNS)]
    errors = [child.communicate(timeout=600)[1] for child in children]
    ends = [(child.returncode, err) for child, err in zip(children, errors)]
    reports = [(tmp_path / f"report-{i}.json").read_bytes() for i in range(RUNS)]

    assert {code for code, _ in ends} == {1}, ends  # the release fails osd: a verdict, not a crash
    assert all("Traceback" not in err for _, err in ends)
    assert len(set(reports)) == 1 and b'"verdicts"' in reports[0]
    assert any((cache / "policies").iterdir())
    # what the four wrote at once is whole: a fifth run reads it and says the same
    warm = analyze(cache, tmp_path / "warm.json", *args)
    warm.communicate(timeout=600)
    assert warm.returncode == 1
    assert (tmp_path / "warm.json").read_bytes() == reports[0]
