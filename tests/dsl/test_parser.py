"""The parser: the grammar as Lark reads it, and the AST the shaper builds from it."""

from pathlib import Path

import pytest
from lark import Lark

from openness.dsl import RuleErrors, ast, load, loads
from openness.dsl.ast import MAX_NESTING
from openness.dsl.parser import parse
from openness.dsl.resources import grammar_text


def test_the_grammar_has_no_conflicts_and_no_colliding_terminals() -> None:
    # Strict mode fails on a shift/reduce conflict and on two terminals that could match the
    # same text; openness builds its parser without it, for speed, so this test holds the line.
    Lark(grammar_text(), parser="lalr", strict=True)


def test_a_clause_spans_its_keywords_and_its_values_leave_them_out() -> None:
    rule = parse('policy p "t" { rule r "t" { warn if (a.b where x == true) "m" } }').policies[0].rules[0]
    clause = rule.clauses[0]
    assert clause.verb == "warn" and clause.severity == "warn"
    assert clause.loc.column == 29
    assert clause.source == "(a.b where x == true)"
    assert clause.message is not None and clause.message.value == "m"


def test_severities_and_outcomes_are_read_as_values() -> None:
    text = ('policy p "t" {\n  rule r "t" {\n    require a.b as warn "m"\n'
            '    example unknown model_card "x"\n  }\n}\n')
    rule = parse(text).policies[0].rules[0]
    clause, example = rule.clauses[0], rule.examples[0]
    assert (clause.verb, clause.severity, clause.severity_given) == ("require", "warn", True)
    assert example.outcome == "unknown"
    assert [d.role for d in example.documents] == ["model_card"]
    assert (example.loc.line, example.loc.column) == (4, 5)


def test_nesting_up_to_the_bound_parses() -> None:
    # The AST is built as the LALR parser reduces each rule: no tree is walked recursively.
    depth = MAX_NESTING - 1
    rule_file = parse('policy p "t" { rule r "t" { fail if ' + "not " * depth + "a.b } }")
    condition = rule_file.policies[0].rules[0].clauses[0].condition
    for _ in range(depth):
        assert isinstance(condition, ast.CondNot)
        condition = condition.item
    assert isinstance(condition, ast.Match) and condition.name == "a.b"


@pytest.mark.parametrize("nested", [
    lambda n: "not " * n + "restrict.commercial",
    lambda n: "restrict.commercial where " + "not " * n + "x",
    lambda n: "not (restrict.commercial and\n" * n + "restrict.commercial" + ")" * n,
])
@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 100_000])
def test_nesting_beyond_the_bound_is_one_located_error(nested, depth: int) -> None:
    text = 'policy p "t" {\n rule r "t" {\n  fail if ' + nested(depth) + "\n }\n}\n"
    with pytest.raises(RuleErrors) as caught:
        loads(text, path="deep.rules")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.message == f"nesting deeper than {MAX_NESTING} levels"
    assert str(caught.value).startswith(f"deep.rules:{diagnostic.line}:{diagnostic.column}: nesting deeper")
    assert 3 <= diagnostic.line <= text.count("\n")


def test_an_edited_file_and_its_imports_are_read_again(tmp_path: Path) -> None:
    (tmp_path / "base.rules").write_text('policy base "Base" { rule r "R" { fail if restrict.commercial } }\n')
    (tmp_path / "top.rules").write_text('import "base.rules"\npolicy top "Top" { rule t "T" { require base.r } }\n')
    assert load(tmp_path / "top.rules").imports["base"].rules[0].title == "R"
    (tmp_path / "base.rules").write_text('policy base "Base" { rule r "R, renamed" { fail if restrict.commercial } }\n')
    assert load(tmp_path / "top.rules").imports["base"].rules[0].title == "R, renamed"
