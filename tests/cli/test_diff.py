"""``openness diff``: formats, folders, and one-line errors with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli

OLD = """Example Licence Agreement, version 1.0

1. Grant. You may use, copy and share the model for research only.
2. Warranty. The model is provided as is, without any warranty of any kind.
3. Law. This agreement is governed by the laws of Ruritania.
"""
NEW = """Example Licence Agreement, version 2.0

1. Grant. You may use, copy and share the model for any purpose.
2. Warranty. The model is provided as is, without any warranty of any kind.
3. Law. This agreement is governed by the laws of Ruritania.
"""
CARD = """---
license: apache-2.0
---
# Model Card

## Model Details
A small model.
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "LICENSE-1.txt", tmp_path / "LICENSE-2.txt"
    old.write_text(OLD, "utf-8")
    new.write_text(NEW, "utf-8")
    return old, new


def _run(*args: str):
    return CliRunner().invoke(cli, ["diff", *args, "--policy", "osd"])


def test_json_report(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    result = _run(str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "openness.diff/1"
    assert data["old"]["path"] == str(old) and data["new"]["path"] == str(new)
    sections = [t["new_section"] for t in data["text_changes"]]
    assert "1" in sections and "2" not in sections


def test_text_markdown_and_html_to_a_file(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    result = _run(str(old), str(new))
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output and "{+any purpose+}" in result.output
    for fmt, marker in (("markdown", "# openness diff"), ("html", "<!DOCTYPE html>")):
        out = tmp_path / f"report.{fmt}"
        result = _run(str(old), str(new), "--format", fmt, "--output", str(out))
        assert result.exit_code == 0, result.output
        assert out.read_text("utf-8").startswith(marker)


def test_two_release_folders_pair_documents_by_role(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    for name, licence in (("v1", old), ("v2", new)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "LICENSE").write_text(licence.read_text("utf-8"), "utf-8")
        (folder / "README.md").write_text(CARD, "utf-8")
    result = _run(str(tmp_path / "v1"), str(tmp_path / "v2"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert sorted(d["role"] for d in data["documents"]) == ["license", "model_card"]
    assert {t["new_path"] for t in data["text_changes"]} == {str(tmp_path / "v2" / "LICENSE")}


def test_a_missing_file_is_named_with_exit_2(tmp_path: Path) -> None:
    old, _ = _files(tmp_path)
    result = _run(str(old), str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "Traceback" not in result.output


def test_an_unreadable_file_is_named_with_exit_2(tmp_path: Path) -> None:
    old, _ = _files(tmp_path)
    empty = tmp_path / "EMPTY.txt"
    empty.write_text("", "utf-8")
    result = _run(str(old), str(empty))
    assert result.exit_code == 2
    assert result.output.strip() == f"openness: error: {empty}: is empty"


def test_a_licence_against_a_model_card_is_refused(tmp_path: Path) -> None:
    old, _ = _files(tmp_path)
    card = tmp_path / "README.md"
    card.write_text(CARD, "utf-8")
    result = _run(str(old), str(card))
    assert result.exit_code == 2
    assert "is a licence but" in result.output and "is a model card" in result.output


def test_a_file_against_a_folder_is_refused(tmp_path: Path) -> None:
    old, _ = _files(tmp_path)
    result = _run(str(old), str(tmp_path))
    assert result.exit_code == 2
    assert "give two files or two release folders" in result.output


def test_a_profile_is_read(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    profile = tmp_path / "me.yaml"
    profile.write_text("monthly_active_users: 5M\n", "utf-8")
    result = _run(str(old), str(new), "--profile", str(profile), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["schema"] == "openness.diff/1"
    profile.write_text("no_such_field: 1\n", "utf-8")
    result = _run(str(old), str(new), "--profile", str(profile))
    assert result.exit_code == 2 and "unknown profile field `no_such_field`" in result.output


def test_a_verdict_that_becomes_fail_exits_1_unless_fail_on_never(tmp_path: Path) -> None:
    old, new = _files(tmp_path)
    worse = _run(str(new), str(old), "--format", "json")  # "any purpose" narrowed to "research only"
    assert worse.exit_code == 1, worse.output
    assert any(v["new"] == "fail" for v in json.loads(worse.stdout)["verdict_changes"])
    assert _run(str(new), str(old), "--fail-on", "never").exit_code == 0
    assert _run(str(old), str(new)).exit_code == 0  # the verdicts only got better


def test_json_validates_against_its_shipped_schema(tmp_path: Path, registry) -> None:
    import jsonschema

    from openness.report import schema

    licences = Path(__file__).resolve().parents[2] / "corpora" / "licences"
    result = _run(str(licences / "northwind-permissive-1.0.txt"), str(licences / "kestrel-community-1.0.txt"),
                  "--format", "json")
    data = json.loads(result.stdout)
    assert any(v["rule"] is None for v in data["verdict_changes"])  # a whole policy's outcome
    assert data["changes"] and data["text_changes"]
    jsonschema.Draft202012Validator(schema("diff"), registry=registry).validate(data)
