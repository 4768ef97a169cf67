"""``openness clauses``: grouped text, the JSON contract, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli

TEXT = ("1. Grant. Acme grants you a licence to use, copy and modify the Model.\n"
        "2. You may not use the Model for commercial purposes.\n"
        "3. This Agreement is governed by the laws of the State of California.\n")


def test_text_groups_findings_by_kind(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.txt"
    path.write_text(TEXT, "utf-8")
    out = CliRunner().invoke(cli, ["clauses", str(path)])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert 'term.governing_law  jurisdiction="California, USA"' in lines
    assert f'  {path}:-:3 §3 "This Agreement is governed by the laws of the State of California."' in lines


def test_json_contract(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.txt"
    path.write_text(TEXT, "utf-8")
    out = CliRunner().invoke(cli, ["clauses", str(path), "--format", "json"])
    data = json.loads(out.output)
    assert data["schema"] == "openness.clauses/1"
    assert data["documents"][0]["role"] == "license" and data["documents"][0]["error"] is None
    kinds = {f["kind"] for f in data["findings"]}
    assert {"grant.use", "grant.modify", "restrict.commercial", "term.governing_law"} <= kinds
    evidence = data["findings"][0]["evidence"]
    assert set(evidence) == {"path", "quote", "section", "page", "line", "start", "end"}


def test_unreadable_file_exits_2_after_the_others(tmp_path: Path) -> None:
    good = tmp_path / "LICENSE.txt"
    good.write_text(TEXT, "utf-8")
    out = CliRunner().invoke(cli, ["clauses", str(tmp_path / "missing.txt"), str(good), "--format", "json"])
    assert out.exit_code == 2
    assert "missing.txt" in out.stderr
    data = json.loads(out.stdout)
    assert data["documents"][0]["error"] and data["findings"]


def test_no_clauses_gives_a_note(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("Run `pip install foo` to get started.\n", "utf-8")
    out = CliRunner().invoke(cli, ["clauses", str(path)])
    assert out.exit_code == 0
    assert "no licence clauses recognised" in out.output


def test_json_validates_against_its_shipped_schema(tmp_path: Path, registry) -> None:
    import jsonschema

    from openness.report import schema

    path = tmp_path / "LICENSE.txt"
    path.write_text(TEXT, "utf-8")
    out = CliRunner().invoke(cli, ["clauses", str(path), str(tmp_path / "missing.txt"), "--format", "json"])
    data = json.loads(out.stdout)
    assert data["findings"] and data["documents"][1]["error"]
    jsonschema.Draft202012Validator(schema("clauses"), registry=registry).validate(data)
