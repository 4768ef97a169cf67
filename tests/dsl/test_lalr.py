"""The lean driver reads a text exactly as Lark does, or leaves it to Lark."""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark.exceptions import UnexpectedInput

from openness.dsl.errors import RuleErrors
from openness.dsl.parser import SYNTAX_EXAMPLES, _driver, _shaped, _Shaper, parse
from openness.dsl.resources import builtin_packs

PACKS = [p.read_text("utf-8") for p in builtin_packs()]
#: Words that sit on the edges the driver must place as Lark's contextual lexer does: keywords
#: where names are expected, dotted names, currency codes and near-misses, numbers with suffixes.
WORDS = ["fail", "warn", "pass", "unknown", "rule", "policy", "in", "not", "where", "and", "or",
         "true", "false", "as", "if", "example", "USD", "EUR", "USDX", "USD-x", "USD.x", "Usd",
         "a.b", "a.b.", "a-b", "a-", "restrict.commercial", "count", "40M", "1.5B", "2_000",
         "1.2.3", "=", "==", "<", "<=", "!=", "!", ",", "[", "]", "(", ")", "{", "}", '"x"',
         '"a\\"b"', "# note", "\n", "\r\n", "\t", " ", "\f", "\v"]
EDGE_CASES = [
    "",
    "# only a comment",
    'policy p "t" { profile { fail = 5 rule = 2 pass = [EU, US] } }',
    'policy p "t" { profile { a = 5 USD b = 6 } }',
    'policy p "t" { profile { a = 5 USDX = 6 } }',
    'policy p "t" { rate EUR = 1.08 USD rate GBP = 2 }',
    'policy p "t" { rule r "t" { fail if a.b where in in [in, not, where] } }',
    'policy p "t" { rule r "t" { fail if a.b where not x and (y or z == "q") } }',
    'policy p "t" {\r\n  rule r "t" {\r\n    require a.b as warn "m"\r\n  }\r\n}\r\n',
    'policy p "t" { rule r "t" { example pass { license "a" model_card "b" } } }\n# end',
    'import "a.rules"\nimport "b.rules"\npolicy p "t" {}',
    'policy p "t" { rule r "t" { rationale "a" "b" "c" reference "u" fix "f" } }',
    'policy p "t" { rule r "t" { fail if a.b where regions overlaps profile.regions } }',
]


def through_lark(text: str) -> Any:
    shaper = _Shaper(text, "x.rules")
    try:
        return _shaped(shaper, text), shaper.problems
    except UnexpectedInput:
        return "syntax error"


def through_driver(text: str) -> Any:
    driver = _driver()
    assert driver is not None
    shaper = _Shaper(text, "x.rules")
    result = driver.read(text, shaper)
    return None if result is None else (result, shaper.problems)


def assert_same(text: str) -> None:
    read = through_driver(text)
    if read is not None:
        assert read == through_lark(text)


def test_the_driver_reads_every_builtin_pack() -> None:
    for text in PACKS:
        read = through_driver(text)
        assert read is not None and read == through_lark(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases_read_as_lark_reads_them(text: str) -> None:
    assert_same(text)


def test_syntax_errors_are_left_to_lark() -> None:
    snippets = [s for examples in SYNTAX_EXAMPLES.values() for s in examples]
    for text in snippets:
        assert through_driver(text) is None, text


def test_valid_edge_cases_are_read_by_the_driver() -> None:
    for text in EDGE_CASES:
        assert through_driver(text) is not None, text


def test_a_comment_is_never_read_as_tokens() -> None:
    # A regular expression that may backtrack into `# }` finds a `}` there; Lark does not.
    assert through_lark('policy p "t" { # }') == "syntax error"
    assert through_driver('policy p "t" { # }') is None


def test_a_word_the_state_does_not_take_is_left_to_lark() -> None:
    # Lark's contextual lexer reads `USD` then fails on `-x`; the driver does not guess.
    assert through_driver('policy p "t" { profile { a = 5 USD-x = 6 } }') is None
    assert through_driver('policy p "t" { rule r "t" { fail if a.b where x in [a.b.] } }') is None


def test_parse_gives_the_same_policy_either_way() -> None:
    # A value problem found by the driver is reported exactly as the Lark path reports it.
    text = 'policy p "t" { rule r "t" { fail if a.b where count < 40X } }'
    assert through_driver(text) == through_lark(text)
    with pytest.raises(RuleErrors) as raised:
        parse(text)
    assert "40X" in str(raised.value)


@st.composite
def edited(draw: Any) -> str:
    text = draw(st.sampled_from(PACKS))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, max(len(text) - 1, 0)))
        op = draw(st.sampled_from(["delete", "insert", "word", "replace"]))
        if op == "delete":
            text = text[:pos] + text[pos + 1 :]
        elif op == "insert":
            text = text[:pos] + draw(st.sampled_from(WORDS)) + text[pos:]
        elif op == "word":
            text = text[:pos] + " " + draw(st.sampled_from(WORDS)) + " " + text[pos:]
        else:
            end = min(len(text), pos + draw(st.integers(1, 12)))
            text = text[:pos] + draw(st.sampled_from(WORDS)) + text[end:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edited())
def test_edited_packs_read_as_lark_reads_them(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_word_salad_reads_as_lark_reads_it(words: list[str]) -> None:
    assert_same('policy p "t" { rule r "t" { ' + " ".join(words) + " } }")
    assert_same('policy p "t" { profile { ' + " ".join(words) + " } }")
