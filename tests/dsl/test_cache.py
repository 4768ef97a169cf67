"""Checked policies are kept between runs, and never outlive a change to the files they came from."""

from pathlib import Path

import pytest

from openness.dsl import RuleErrors, cache, load
from openness.dsl import parser as parser_module

BASE = 'policy base "Base" { rule r "R" { fail if restrict.commercial } }\n'
TOP = 'import "base.rules"\npolicy top "Top" { rule t "T" { require base.r } }\n'


@pytest.fixture(autouse=True)
def own_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "base.rules").write_text(BASE)
    (folder / "top.rules").write_text(TOP)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files parsed from their text (a policy from the cache is not)."""
    seen: list[str] = []
    real = parser_module.parse

    def counting(text: str, path: str = "<string>"):
        seen.append(Path(path).name)
        return real(text, path)

    monkeypatch.setattr(parser_module, "parse", counting)
    return seen


def test_an_unchanged_policy_comes_from_the_cache(rules: Path, parses: list[str]) -> None:
    first = load(rules / "top.rules")
    assert parses == ["top.rules", "base.rules"]
    again = load(rules / "top.rules")
    assert parses == ["top.rules", "base.rules"]
    assert again == first and again.imports["base"].rules[0].id == "base.r"


def test_editing_the_file_or_an_import_reads_them_again(rules: Path, parses: list[str]) -> None:
    load(rules / "top.rules")
    (rules / "base.rules").write_text(BASE.replace('"R"', '"R, renamed"'))
    assert load(rules / "top.rules").imports["base"].rules[0].title == "R, renamed"
    (rules / "top.rules").write_text(TOP.replace('"T"', '"T, renamed"'))
    assert load(rules / "top.rules").rules[0].title == "T, renamed"
    assert parses.count("top.rules") == 3


def test_a_broken_cache_file_is_read_past(rules: Path, parses: list[str]) -> None:
    expected = load(rules / "base.rules")
    entry = cache._entry((rules / "base.rules").resolve())
    assert entry is not None and entry.is_file()
    entry.write_bytes(entry.read_bytes()[:20])
    assert load(rules / "base.rules") == expected
    assert parses == ["base.rules", "base.rules"]


def test_a_policy_with_errors_is_not_kept(rules: Path) -> None:
    (rules / "bad.rules").write_text('policy bad "Bad" { rule r "R" { fail if restrict.comercial } }\n')
    for _ in range(2):
        with pytest.raises(RuleErrors, match="comercial"):
            load(rules / "bad.rules")


def test_no_cache_folder_changes_nothing(rules: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert load(rules / "top.rules") == load(rules / "top.rules")
