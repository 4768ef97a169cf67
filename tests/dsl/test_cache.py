"""Checked policies kept between runs as JSON: used only while their files are unchanged, and
only as data of the AST's own types."""

import json
from pathlib import Path

import pytest

from openness.dsl import RuleErrors, load

BASE = 'policy base "Base" { rule r "R" { fail if restrict.user_threshold where count <= 5M } }\n'
TOP = 'import "base.rules"\npolicy top "Top" { rate EUR = 1.08 USD rule t "T" { require base.r } }\n'


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty cache folder of this test's own; the policies' entries land below it."""
    monkeypatch.setenv("OPENNESS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "base.rules").write_text(BASE)
    (folder / "top.rules").write_text(TOP)
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_an_unchanged_policy_comes_back_the_same(cache: Path, rules: Path) -> None:
    first = load(rules / "top.rules")
    (entry,) = entries(cache)
    assert json.loads(entry.read_text())["policy"]["node"] == "Policy"
    again = load(rules / "top.rules")
    assert again == first and again.imports["base"].rules[0].id == "base.r"


def test_a_well_formed_entry_is_what_load_returns(cache: Path, rules: Path) -> None:
    load(rules / "top.rules")
    (entry,) = entries(cache)
    entry.write_text(entry.read_text().replace('"title": "T"', '"title": "From the cache"', 1))
    assert load(rules / "top.rules").rules[0].title == "From the cache"


def test_editing_the_file_or_an_import_reads_them_again(cache: Path, rules: Path) -> None:
    load(rules / "top.rules")
    (rules / "base.rules").write_text(BASE.replace('"R"', '"R, renamed"'))
    assert load(rules / "top.rules").imports["base"].rules[0].title == "R, renamed"
    (rules / "top.rules").write_text(TOP.replace('"T"', '"T, renamed"'))
    assert load(rules / "top.rules").rules[0].title == "T, renamed"


@pytest.mark.parametrize("tamper", [
    lambda record: "not json at all",
    lambda record: json.dumps({**record, "policy": {"node": "Popen", "fields": {}}}),
    lambda record: json.dumps(record).replace('"node": "Rule"', '"node": "RuleFile"', 1),
    lambda record: json.dumps(record).replace('"title": "T"', '"title": 5', 1),
    lambda record: json.dumps(record).replace('"decimal": "1.08"', '"decimal": "__import__"', 1),
    lambda record: json.dumps(record).replace('"name": "t"', '"name": "t", "extra": 1', 1),
])
def test_an_entry_that_is_no_policy_of_the_ast_is_read_past(cache: Path, rules: Path, tamper) -> None:
    expected = load(rules / "top.rules")
    (entry,) = entries(cache)
    written = entry.read_text()
    tampered = tamper(json.loads(written))
    assert tampered != written
    entry.write_text(tampered)
    assert load(rules / "top.rules") == expected


def test_a_policy_with_errors_is_not_kept(cache: Path, rules: Path) -> None:
    (rules / "bad.rules").write_text('policy bad "Bad" { rule r "R" { fail if restrict.comercial } }\n')
    for _ in range(2):
        with pytest.raises(RuleErrors, match="comercial"):
            load(rules / "bad.rules")
    assert entries(cache) == []


def test_no_usable_cache_folder_changes_nothing(monkeypatch: pytest.MonkeyPatch, rules: Path,
                                               tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    monkeypatch.setenv("OPENNESS_CACHE_DIR", str(blocked))
    assert load(rules / "top.rules") == load(rules / "top.rules")
