"""``openness scan`` end to end over card releases built in ``tmp_path``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli
from tests.scan.conftest import card_fleet


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_json_has_one_record_per_release_and_a_broken_one_exits_2(tmp_path):
    card_fleet(tmp_path, 5, broken=1, hf=1)
    code, out, err = run("scan", str(tmp_path), "--db", str(tmp_path / "s.sqlite"), "--format", "json",
                         "--fail-on", "never")
    report = json.loads(out)
    assert report["schema"] == "openness.scan/1"
    assert len(report["releases"]) == 5
    assert code == 2
    assert "release-004: LICENSE: is empty" in err


def test_csv_and_jsonl_export_the_store_without_scanning(tmp_path):
    card_fleet(tmp_path, 3)
    db = str(tmp_path / "s.sqlite")
    run("scan", str(tmp_path), "--db", db, "--format", "json")
    code, out, _ = run("scan", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == ["release-000", "release-001", "release-002"]
    assert {"osd", "osaid", "mof", "mof_class", "license_id", "error"} <= set(rows[0])
    _, lines, _ = run("scan", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["name"] for line in lines.splitlines()] == [r["name"] for r in rows]


def test_html_links_every_row_to_its_report(tmp_path):
    card_fleet(tmp_path, 3)
    page = tmp_path / "out" / "scan.html"
    page.parent.mkdir()
    run("scan", str(tmp_path), "--db", str(tmp_path / "s.sqlite"), "--format", "html", "-o", str(page))
    html = page.read_text()
    links = [part.split('"')[0] for part in html.split('<a href="')[1:]]
    assert len(links) == 3
    assert all((page.parent / link).read_text().startswith("<!DOCTYPE html>") for link in links)
    assert "<script>" in html and 'type="search"' in html


def test_html_needs_an_output_file(tmp_path):
    code, _, err = run("scan", str(tmp_path), "--db", str(tmp_path / "s.sqlite"), "--format", "html")
    assert code == 2 and "--output" in err


def test_a_file_that_is_not_a_store_is_refused_and_kept(tmp_path):
    card_fleet(tmp_path, 1)
    mine = tmp_path / "notes.db"
    mine.write_text("my own notes, not a database\n" * 100)
    code, _, err = run("scan", str(tmp_path), "--db", str(mine))
    assert code == 2 and "is not an openness results store" in err
    assert mine.read_text() == "my own notes, not a database\n" * 100


def test_a_path_that_is_not_a_folder_is_reported_after_the_others(tmp_path):
    card_fleet(tmp_path, 2)
    code, out, err = run("scan", str(tmp_path), str(tmp_path / "gone"), "--db",
                         str(tmp_path / "s.sqlite"), "--format", "jsonl", "--fail-on", "never")
    assert code == 2 and f"{tmp_path / 'gone'}: no such folder" in err
    assert len(out.splitlines()) == 2


def test_fail_on_sets_the_exit_code_as_analyze_does(tmp_path):
    card_fleet(tmp_path, 2)
    db = str(tmp_path / "s.sqlite")
    code, _, _ = run("scan", str(tmp_path), "--db", db, "--fail-on", "never")
    assert code == 0
    code, _, _ = run("scan", str(tmp_path), "--db", db, "--fail-on", "unknown")
    assert code == 1  # a card alone leaves the licence questions unknown


def test_scheduler_needs_the_dask_engine(tmp_path):
    code, _, err = run("scan", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and "--engine dask" in err


def test_a_verdict_that_reaches_fail_on_beats_a_broken_release(tmp_path):
    card_fleet(tmp_path, 3, broken=1)
    code, _, err = run("scan", str(tmp_path), "--db", str(tmp_path / "s.sqlite"), "--fail-on", "unknown")
    assert code == 1  # as analyze: a CI must tell "a verdict failed" from "a file was bad"
    assert "is empty" in err
