"""``openness rules check|test|list`` and ``openness explain``: exit codes, JSON schema, messages."""

import json

from click.testing import CliRunner

from openness.cli.main import cli
from openness.dsl.resources import builtin_rules_root

GOOD = 'import "osd.rules"\npolicy acme "ACME" {\n  rule r "t" { require osd.no-field-of-use as warn }\n}\n'
BAD = 'policy acme "ACME" {\n  rule r "t" {\n    fail if restrict.user_treshold\n    fail if restrict.commercial "{cuont}"\n  }\n}\n'


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_check_ok(tmp_path):
    path = tmp_path / "acme.rules"
    path.write_text(GOOD, "utf-8")
    result = run("rules", "check", str(path))
    assert result.exit_code == 0, result.output
    assert "ok (policy acme, 1 rules)" in result.output


def test_check_reports_every_located_error_and_exits_2(tmp_path):
    path = tmp_path / "acme.rules"
    path.write_text(BAD, "utf-8")
    result = run("rules", "check", str(path))
    assert result.exit_code == 2
    assert f"{path}:3:13: unknown finding kind `restrict.user_treshold`" in result.output
    assert "did you mean `restrict.user_threshold`?" in result.output
    assert f"{path}:4:34: unknown name `{{cuont}}` in the message" in result.output
    assert "Traceback" not in result.output


def test_check_json(tmp_path):
    good, bad = tmp_path / "good.rules", tmp_path / "bad.rules"
    good.write_text(GOOD, "utf-8")
    bad.write_text(BAD, "utf-8")
    result = run("rules", "check", "--format", "json", str(good), str(bad))
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["schema"] == "openness.rules-check/1"
    assert [f["policy"] for f in data["files"]] == ["acme", None]
    assert [(e["line"], e["column"]) for e in data["files"][1]["errors"]] == [(3, 13), (4, 34)]


def test_check_missing_file_exits_2(tmp_path):
    result = run("rules", "check", str(tmp_path / "nope.rules"))
    assert result.exit_code == 2
    assert "no such rule file" in result.output


def test_check_builtin_packs():
    packs = sorted(str(p) for p in builtin_rules_root().glob("*.rules"))
    assert run("rules", "check", *packs).exit_code == 0


def test_list_json():
    result = run("rules", "list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["schema"] == "openness.rules-list/1"
    ids = {r["id"] for p in data["policies"] for r in p["rules"]}
    assert {"osd.no-discrimination", "osaid.data-information", "mof.class-iii"} <= ids


def test_explain():
    result = run("explain", "osd.no-discrimination")
    assert result.exit_code == 0
    assert "5. No Discrimination Against Persons or Groups" in result.output
    assert "fail if restrict.user_threshold" in result.output
    assert "Examples:" in result.output


def test_explain_unknown_rule_suggests():
    result = run("explain", "osd.no-discrimnation")
    assert result.exit_code == 2
    assert "did you mean `osd.no-discrimination`?" in result.output


def test_rules_test_on_a_user_file(tmp_path):
    path = tmp_path / "acme.rules"
    path.write_text(
        'policy acme "ACME" {\n  rule caps "t" {\n    fail if restrict.user_threshold\n'
        '    example fail "If your products had more than 700 million monthly active users, you must request a license from us."\n'
        '    example pass "If your products had more than 700 million monthly active users, you must request a license from us."\n'
        '  }\n}\n', "utf-8")
    result = run("rules", "test", "--format", "json", str(path))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema"] == "openness.rules-test/1"
    assert (data["total"], data["failed"]) == (2, 1)
    failed = next(e for e in data["examples"] if not e["passed"])
    assert (failed["rule"], failed["expected"], failed["outcome"]) == ("acme.caps", "pass", "fail")


def test_rules_test_broken_file_exits_2(tmp_path):
    path = tmp_path / "bad.rules"
    path.write_text(BAD, "utf-8")
    result = run("rules", "test", str(path))
    assert result.exit_code == 2
    assert "unknown finding kind" in result.output


def test_mutated_file_gives_located_message_not_traceback(tmp_path):
    text = (builtin_rules_root() / "osd.rules").read_text("utf-8").replace("{", "", 1)
    path = tmp_path / "osd.rules"
    path.write_text(text, "utf-8")
    result = run("rules", "check", str(path))
    assert result.exit_code == 2
    assert result.output.startswith(f"{path}:")
    assert "Traceback" not in result.output
