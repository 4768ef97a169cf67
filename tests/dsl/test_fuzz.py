"""Random and mutated rule files: always a located RuleError or a policy, never a traceback."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openness.dsl import RuleErrors, loads
from openness.dsl.resources import builtin_packs

PACKS = [p.read_text("utf-8") for p in builtin_packs() if p.stem != "example-company"]
ALPHABET = st.sampled_from(list('{}[]()"=<>!.,#_-\n abcdefghijklmnopqrstuvwxyzKMBUSDE0123456789'))


def assert_located(text: str) -> None:
    try:
        loads(text, path="fuzz.rules")
    except RuleErrors as exc:
        lines = text.splitlines() or [""]
        for diag in exc.diagnostics:
            assert diag.path == "fuzz.rules"
            assert 1 <= diag.line <= max(len(lines), 1)
            assert diag.column >= 1
            assert str(exc).startswith(f"fuzz.rules:{exc.line}:{exc.column}: ")


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(PACKS))
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, max(len(text) - 1, 0)))
        op = draw(st.sampled_from(["delete", "insert", "swap"]))
        if op == "delete":
            text = text[:pos] + text[pos + 1 :]
        elif op == "insert":
            text = text[:pos] + draw(ALPHABET) + text[pos:]
        elif pos + 1 < len(text):
            text = text[:pos] + text[pos + 1] + text[pos] + text[pos + 2 :]
    return text


@pytest.mark.fuzz
@given(mutated())
def test_mutated_builtin_packs(text):
    assert_located(text)


@pytest.mark.fuzz
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_random_text(text):
    assert_located(text)


@pytest.mark.fuzz
@given(st.text(max_size=80))
def test_random_unicode(text):
    assert_located('policy p "t" {\n rule r "t" {\n fail if restrict.commercial "' + text.replace('"', "") + '"\n }\n}\n')
    assert_located(text)
