"""The Lark parser is kept in the user's cache folder; a cache that is missing, corrupt or
cannot be written changes nothing but the time it takes."""

from pathlib import Path

import pytest
from lark import Lark

from openness.dsl import RuleErrors
from openness.dsl.parser import _parser, parse
from openness.dsl.resources import parser_cache_file

BROKEN = 'policy p "t" { rule r "t" { fail restrict.commercial } }'


def error_text(text: str) -> str:
    with pytest.raises(RuleErrors) as info:
        parse(text, "t.rules")
    return str(info.value)


@pytest.fixture
def fresh_parser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Each call of the fixture's function builds the parser again, with the cache under tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "reference"))
    _parser.cache_clear()
    expected = error_text(BROKEN)  # from a parser built from the grammar
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _parser.cache_clear()
    yield expected
    _parser.cache_clear()


def test_the_parser_is_cached_and_loaded_from_the_cache(fresh_parser: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _parser()
    cache_file = parser_cache_file()
    assert cache_file is not None and cache_file.is_file()
    assert cache_file.parent.name == "openness"
    loads: list[int] = []
    original = Lark._load

    def counting_load(self, *args, **kwargs):
        loads.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Lark, "_load", counting_load)
    _parser.cache_clear()
    _parser()
    assert loads == [1]
    assert error_text(BROKEN) == fresh_parser


def test_a_corrupt_cache_is_rebuilt(fresh_parser: str) -> None:
    _parser()
    cache_file = parser_cache_file()
    assert cache_file is not None
    data = cache_file.read_bytes()
    cache_file.write_bytes(data[: len(data) // 2])  # the right header, a truncated parser
    _parser.cache_clear()
    assert error_text(BROKEN) == fresh_parser
    cache_file.write_bytes(b"not a cache at all")
    _parser.cache_clear()
    assert error_text(BROKEN) == fresh_parser


def test_an_unusable_cache_folder_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             fresh_parser: str) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert parser_cache_file() is None
    assert error_text(BROKEN) == fresh_parser


def test_a_cache_file_that_cannot_be_written_is_ignored(fresh_parser: str) -> None:
    cache_file = parser_cache_file()
    assert cache_file is not None
    cache_file.mkdir()  # a folder in the file's place: neither readable nor writable as a file
    assert error_text(BROKEN) == fresh_parser


def test_keywords_and_brackets_are_dropped_and_nothing_else() -> None:
    # The shaper gets every token (for spans) and drops the ones Lark would have left out of a
    # tree: quoted strings of the grammar, except the words of `!` rules, which are values.
    import re

    from openness.dsl.parser import _dropped_terminals
    from openness.dsl.resources import grammar_text

    dropped = _dropped_terminals()
    named = set(re.findall(r"^([A-Z_]+)(?:\.\d+)?\s*:", grammar_text(), re.MULTILINE))
    assert named and not named & dropped
    assert {"POLICY", "RULE", "LBRACE", "RBRACE", "LPAR", "COMMA", "WHERE", "IF", "TRUE"} <= dropped
    assert not {"FAIL", "WARN", "PASS", "UNKNOWN"} & dropped
    rule = parse('policy p "t" { rule r "t" { warn if (a.b where x == true) "m" } }').policies[0].rules[0]
    assert rule.clauses[0].verb == "warn" and rule.clauses[0].loc.column == 29
    assert rule.clauses[0].source == "(a.b where x == true)"
