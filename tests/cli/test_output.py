"""Where a report goes: never over an input, whole or not at all, and every failure one line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import CORPORA, run


@pytest.fixture()
def licence(tmp_path: Path) -> Path:
    target = tmp_path / "LICENSE.txt"
    shutil.copy(CORPORA / "licences" / "northwind-permissive-1.0.txt", target)
    return target


def assert_one_line(err: str, *names: str) -> None:
    assert "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("openness: error: ")
    for name in names:
        assert name in line


def same_name(licence: Path) -> str:
    return str(licence)


def symlink(licence: Path) -> str:
    (licence.parent / "link.txt").symlink_to(licence)
    return str(licence.parent / "link.txt")


def hard_link(licence: Path) -> str:
    (licence.parent / "hard.txt").hardlink_to(licence)
    return str(licence.parent / "hard.txt")


def dotted(licence: Path) -> str:
    return str(licence.parent / "." / licence.name)


@pytest.mark.parametrize("name", [same_name, symlink, hard_link, dotted])
def test_analyze_refuses_to_write_over_an_input(licence: Path, name):
    before = licence.read_bytes()
    output = name(licence)
    code, out, err = run("analyze", str(licence), "--policy", "osd", "-o", output)
    assert code == 2 and out == ""
    assert_one_line(err, output, "input")
    assert licence.read_bytes() == before


def test_analyze_refuses_a_file_of_a_release_folder(tmp_path: Path):
    release = tmp_path / "kestrel-3"
    shutil.copytree(CORPORA / "releases" / "kestrel-3", release)
    before = (release / "README.md").read_bytes()
    code, _, err = run("analyze", str(release), "-o", str(release / "README.md"))
    assert code == 2
    assert_one_line(err, "README.md")
    assert (release / "README.md").read_bytes() == before


def test_analyze_refuses_its_own_rule_file_and_profile(tmp_path: Path, licence: Path):
    rules = tmp_path / "mine.rules"
    rules.write_text('policy mine "Mine" {\n  rule r "R" {\n    fail if restrict.commercial\n  }\n}\n', "utf-8")
    profile = tmp_path / "me.yaml"
    profile.write_text("monthly_active_users: 10\n", "utf-8")
    for target in (rules, profile):
        before = target.read_bytes()
        code, _, err = run("analyze", str(licence), "--policy", str(rules), "--profile", str(profile),
                           "-o", str(target))
        assert code == 2, err
        assert_one_line(err, str(target))
        assert target.read_bytes() == before


def test_global_output_is_guarded_too(licence: Path):
    before = licence.read_bytes()
    code, _, err = run("-o", str(licence), "sections", str(licence))
    assert code == 2
    assert_one_line(err, str(licence))
    assert licence.read_bytes() == before


def test_diff_refuses_either_side(tmp_path: Path, licence: Path):
    other = tmp_path / "NEW.txt"
    shutil.copy(licence, other)
    for target in (licence, other):
        before = target.read_bytes()
        code, _, err = run("diff", str(licence), str(other), "-o", str(target))
        assert code == 2
        assert_one_line(err, str(target))
        assert target.read_bytes() == before


def test_rules_check_refuses_the_rule_file(tmp_path: Path):
    rules = tmp_path / "mine.rules"
    rules.write_text('policy mine "Mine" {\n  rule r "R" {\n    fail if restrict.commercial\n  }\n}\n', "utf-8")
    before = rules.read_bytes()
    code, _, err = run("-o", str(rules), "rules", "check", "--format", "json", str(rules))
    assert code == 2
    assert str(rules) in err and "Traceback" not in err
    assert rules.read_bytes() == before


def test_an_existing_report_is_replaced(tmp_path: Path, licence: Path):
    report = tmp_path / "report.json"
    report.write_text("old report", "utf-8")
    code, _, _ = run("analyze", str(licence), "--policy", "osd", "--format", "json", "-o", str(report))
    assert code == 0
    assert report.read_text("utf-8").lstrip().startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LICENSE.txt", "report.json"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_full_disk_is_one_line(licence: Path):
    code, _, err = run("analyze", str(licence), "--policy", "osd", "-o", "/dev/full")
    assert code == 2
    assert_one_line(err, "/dev/full", "No space left on device")


def test_a_folder_that_does_not_exist_is_one_line(tmp_path: Path, licence: Path):
    target = tmp_path / "no" / "such" / "report.txt"
    code, _, err = run("analyze", str(licence), "--policy", "osd", "-o", str(target))
    assert code == 2
    assert_one_line(err, str(target), "No such file or directory")
    assert not (tmp_path / "no").exists()


def test_a_path_under_a_file_is_one_line(licence: Path):
    target = licence / "report.txt"
    code, _, err = run("analyze", str(licence), "--policy", "osd", "-o", str(target))
    assert code == 2
    assert_one_line(err, str(target), "Not a directory")


def test_a_folder_without_permission_is_one_line(tmp_path: Path, licence: Path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("this user may write anywhere (root): permissions cannot be denied")
        code, _, err = run("analyze", str(licence), "--policy", "osd", "-o", str(locked / "r.txt"))
        assert code == 2
        assert_one_line(err, str(locked / "r.txt"), "Permission denied")
    finally:
        locked.chmod(0o700)


def test_control_characters_of_a_file_name_are_escaped(tmp_path: Path):
    missing = tmp_path / "evil\x1b[2Jname\rx.txt"
    code, _, err = run("analyze", str(missing))
    assert code == 2
    assert "\x1b" not in err and "\r" not in err
    assert "evil\\x1b[2Jname\\rx.txt" in err


def test_a_nul_in_a_rule_file_is_escaped(tmp_path: Path):
    rules = tmp_path / "nul.rules"
    rules.write_text('policy p "t" {\n  rule r\x00 "t" {\n  }\n}\n', "utf-8")
    code, out, err = run("rules", "check", str(rules))
    assert code == 2
    assert "\x00" not in out + err
    assert "r\\x00" in out + err
