"""Scanning a fleet into the store: one row per release, re-scans, resumes, engines."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from openness.scan import Engine, Store, scan
from openness.scan.engines import DASK_BATCH
from openness.scan.store import ROW_TABLES

from .conftest import CORPORA, card_fleet

TABLES = ("releases", *ROW_TABLES, "reports")


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted: what two stores must share to be the same."""
    with sqlite3.connect(db) as con:
        return {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}")), key=repr) for t in TABLES}


def scanned(paths, db: Path, **options) -> tuple[object, list[dict]]:
    with Store(db) as store:
        progress = scan(paths, store, **options)
        return progress, list(store.releases())


def test_every_release_is_one_row_and_broken_ones_carry_their_error(fleet):
    root, releases = fleet
    progress, rows = scanned([root], root / "store.sqlite")
    assert len(rows) == progress.total == len(releases) == 12
    assert {r["location"] for r in rows} == {str(p.resolve()) for p in releases}
    broken = [r for r in rows if r["error"]]
    assert sorted(r["name"] for r in broken) == ["release-010", "release-011"]
    assert all(r["error"] == "LICENSE: is empty" for r in broken)
    hub = sorted((r["name"], r["layout"], r["revision"]) for r in rows if r["layout"] == "hf-cache")
    assert hub == [("org0/model0", "hf-cache", f"{0:040x}"), ("org1/model1", "hf-cache", f"{1:040x}")]


def test_a_row_sums_up_the_release(fleet):
    root, _ = fleet
    _, rows = scanned([root], root / "store.sqlite")
    row = next(r for r in rows if r["name"] == "release-003")  # the Meadow card
    assert set(json.loads(row["outcomes"])) == {"osd", "osaid", "mof"}
    assert row["mof_class"] in {"I", "II", "III", "none"}
    assert row["training_data"] in {"released", "described", "vague", "none"}
    with Store(root / "store.sqlite") as store:
        [document] = store.rows("documents", row["location"])
        assert (document["path"], document["role"]) == ("MODEL_CARD.md", "model_card")
        verdicts = store.rows("verdicts", row["location"])
        assert [v["policy"] for v in verdicts] == ["osd", "osaid", "mof"]
        assert "<html" in store.report(row["location"])


def test_a_rescan_analyses_only_what_changed(fleet):
    root, releases = fleet
    db = root / "store.sqlite"
    scanned([root], db)
    first = dump(db)
    progress, _ = scanned([root], db)
    assert (progress.unchanged, progress.done) == (12, 12)
    assert dump(db) == first
    card = releases[5] / "MODEL_CARD.md"
    card.write_text(card.read_text() + "\nThe training code is available at https://code.example/t.\n")
    progress, _ = scanned([root], db)
    assert progress.unchanged == 11


def test_other_settings_analyse_everything_again(fleet):
    root, _ = fleet
    db = root / "store.sqlite"
    scanned([root], db)
    progress, rows = scanned([root], db, policies=("osd",))
    assert progress.unchanged == 0
    assert {tuple(json.loads(r["outcomes"])) for r in rows if not r["error"]} == {("osd",)}


def test_releases_gone_from_disk_leave_the_store(fleet):
    root, releases = fleet
    db = root / "store.sqlite"
    scanned([root], db)
    shutil.rmtree(releases[4])
    _, rows = scanned([root], db)
    assert len(rows) == 11 and str(releases[4].resolve()) not in {r["location"] for r in rows}


def test_a_release_with_a_licence_text_is_named_by_it(tmp_path):
    shutil.copytree(CORPORA / "releases" / "vela-lm-7b", tmp_path / "vela")
    _, [row] = scanned([tmp_path], tmp_path / "store.sqlite")
    assert row["license_source"] == "text"
    assert row["license_match"] in {"exact", "variant", "unknown"}
    assert row["error"] is None and row["training_data"] == "released"


KILLED_SCAN = """
import sys
from openness.scan import Store, scan
with Store(sys.argv[1]) as store:
    scan([sys.argv[2]], store)
"""


def test_a_killed_scan_resumes_to_the_same_store(tmp_path):
    card_fleet(tmp_path, 40, broken=3, hf=4)
    killed, whole = tmp_path / "killed.sqlite", tmp_path / "whole.sqlite"
    child = subprocess.Popen([sys.executable, "-c", KILLED_SCAN, str(killed), str(tmp_path)])
    deadline = time.monotonic() + 600
    written = 0
    while written < 5 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if killed.exists():
            try:
                with sqlite3.connect(killed) as con:
                    written = con.execute("SELECT count(*) FROM releases").fetchone()[0]
            except sqlite3.OperationalError:
                written = 0  # the schema is not there yet
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(killed) as con:
        kept = con.execute("SELECT count(*) FROM releases").fetchone()[0]
    assert 5 <= kept < 40, "the scan must be killed halfway"
    progress, _ = scanned([tmp_path], killed)
    assert progress.unchanged == kept
    scanned([tmp_path], whole)
    assert dump(killed) == dump(whole)


def test_a_process_pool_gives_the_same_store(fleet):
    root, _ = fleet
    scanned([root / "fleet", root / "hub"], root / "one.sqlite")
    scanned([root / "fleet", root / "hub"], root / "pool.sqlite", workers=2)
    assert dump(root / "one.sqlite") == dump(root / "pool.sqlite")


def test_dask_gives_the_same_rows_as_the_local_engine(fleet):
    pytest.importorskip("dask.distributed")
    root, _ = fleet
    scanned([root / "fleet", root / "hub"], root / "local.sqlite")
    scanned([root / "fleet", root / "hub"], root / "dask.sqlite", engine=Engine.DASK, workers=2)
    assert dump(root / "local.sqlite") == dump(root / "dask.sqlite")


def test_dask_hands_out_releases_in_batches_and_loses_none(tmp_path):
    pytest.importorskip("dask.distributed")
    card_fleet(tmp_path / "many", 2 * DASK_BATCH + 3, broken=1)
    scanned([tmp_path / "many"], tmp_path / "local.sqlite")
    scanned([tmp_path / "many"], tmp_path / "dask.sqlite", engine=Engine.DASK, workers=2)
    assert dump(tmp_path / "local.sqlite") == dump(tmp_path / "dask.sqlite")
