"""Imports, built-in packs by name, every error of a file at once."""

from pathlib import Path

import pytest

from openness.dsl import RuleErrors, load, loads
from openness.dsl.ast import MAX_NESTING
from openness.dsl.resources import builtin_packs, builtin_rules_root
from openness.errors import OpennessError, RuleError


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_builtin_pack_by_name_and_by_policy_name():
    assert load("osd").name == "osd"
    assert load("osaid-1.0").name == "osaid"
    assert load("osaid").name == "osaid"


def test_unknown_name_is_one_clear_error():
    with pytest.raises(OpennessError, match="no such rule file, and no built-in policy"):
        load("no-such-policy")


def test_every_builtin_pack_loads():
    assert {p.stem for p in builtin_packs()} >= {"osd", "osaid-1.0", "mof", "example-company"}
    for pack in builtin_packs():
        policy = load(pack)
        assert policy.rules and all(r.id.startswith(policy.name + ".") for r in policy.rules)


def test_import_relative_then_builtin(tmp_path):
    write(tmp_path, "lib/base.rules", 'policy base "B" { rule r "t" { fail if restrict.commercial } }')
    top = write(tmp_path, "top.rules",
                'import "lib/base.rules"\nimport "osd.rules"\n'
                'policy top "T" { rule x "t" { require base.r\n require osd.no-field-of-use as warn } }')
    policy = load(top)
    assert set(policy.imports) == {"base", "osd"}


def test_import_cycle(tmp_path):
    write(tmp_path, "a.rules", 'import "b.rules"\npolicy a "A" { rule r "t" { fail if restrict.commercial } }')
    write(tmp_path, "b.rules", 'import "a.rules"\npolicy b "B" { rule r "t" { fail if restrict.commercial } }')
    with pytest.raises(RuleErrors) as caught:
        load(tmp_path / "a.rules")
    [diag] = caught.value.diagnostics
    assert diag.path.endswith("b.rules") and (diag.line, diag.column) == (1, 1)
    assert diag.message == "import cycle: a.rules -> b.rules -> a.rules"


def test_import_escaping_the_root(tmp_path):
    write(tmp_path, "outside.rules", 'policy o "O" { rule r "t" { fail if restrict.commercial } }')
    top = write(tmp_path, "policies/top.rules", 'import "../outside.rules"\npolicy t "T" { rule r "t" { require grant.use } }')
    with pytest.raises(RuleErrors) as caught:
        load(top)
    assert caught.value.diagnostics[0].message == '`import "../outside.rules"` reaches outside the rule folders'
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_missing_import(tmp_path):
    top = write(tmp_path, "top.rules", 'import "nope.rules"\npolicy t "T" { rule r "t" { require grant.use } }')
    with pytest.raises(RuleErrors, match='cannot find the imported file "nope.rules"'):
        load(top)


def test_errors_in_imported_file_are_reported_in_that_file(tmp_path):
    write(tmp_path, "base.rules", 'policy base "B" { rule r "t" { fail if restrict.comercial } }')
    top = write(tmp_path, "top.rules", 'import "base.rules"\npolicy t "T" { rule r "t" { require base.r } }')
    with pytest.raises(RuleErrors) as caught:
        load(top)
    [diag] = caught.value.diagnostics  # no cascade of "unknown policy base" in top.rules
    assert diag.path.endswith("base.rules") and diag.hint == "did you mean `restrict.commercial`?"


def test_every_error_of_a_file_is_reported():
    text = ('policy p "t" {\n'
            '  profile { monthly_active_user = 40M }\n'
            '  rule a "t" { fail if restrict.comercial }\n'
            '  rule b "t" { fail if restrict.user_threshold where cont < 5M "{coutn}" }\n'
            '}\n')
    with pytest.raises(RuleErrors) as caught:
        loads(text, path="p.rules")
    found = [(d.line, d.column, d.message) for d in caught.value.diagnostics]
    assert found == [
        (2, 13, "unknown profile field `monthly_active_user`"),
        (3, 24, "unknown finding kind `restrict.comercial`"),
        (4, 54, "unknown attribute `cont` of `restrict.user_threshold`"),
        (4, 65, "unknown name `{coutn}` in the message"),
    ]
    assert isinstance(caught.value, RuleError)


def test_rules_requiring_each_other_in_a_circle():
    text = 'policy p "t" {\n rule a "t" { require p.b }\n rule b "t" { require p.a }\n}\n'
    with pytest.raises(RuleErrors, match=r"rules require each other in a circle: p\.a -> p\.b -> p\.a"):
        loads(text)


def test_builtin_root_is_a_real_folder():
    assert (builtin_rules_root() / "osd.rules").is_file()


def test_a_rule_file_over_the_size_limit_is_refused_at_once(tmp_path: Path) -> None:
    from openness.dsl.loader import MAX_RULE_FILE_BYTES

    huge = tmp_path / "huge.rules"
    rule = ' rule r{} "Rule" {{ fail if restrict.commercial }}\n'
    count = MAX_RULE_FILE_BYTES // len(rule.format(0)) + 10
    huge.write_text('policy big "Big" {\n' + "".join(rule.format(i) for i in range(count)) + "}\n", "utf-8")
    with pytest.raises(OpennessError) as caught:
        load(huge)
    assert str(caught.value).startswith(f"{huge.resolve()}: the rule file is over the size limit of 1024 KB")


@pytest.mark.parametrize("length, problem", [
    (MAX_NESTING, None),
    (5_000, f"nesting deeper than {MAX_NESTING} levels: a chain of rules that `require` each other"),
])
def test_a_long_chain_of_requires_is_bounded(length: int, problem: str | None) -> None:
    # Each rule requires the next, so a recursive walk from the first would be `length` deep.
    rules = "".join(f' rule r{i} "R" {{ require chain.r{i + 1} }}\n' for i in range(length - 1))
    text = f'policy chain "C" {{\n{rules} rule r{length - 1} "R" {{ fail if restrict.commercial }}\n}}\n'
    if problem is None:
        assert len(loads(text, path="chain.rules").rules) == length
        return
    with pytest.raises(RuleErrors) as caught:
        loads(text, path="chain.rules")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.message == problem and diagnostic.path == "chain.rules"


def test_a_long_circle_of_requires_is_named_without_recursion() -> None:
    rules = "".join(f' rule r{i} "R" {{ require ring.r{(i + 1) % 3000} }}\n' for i in range(3000))
    with pytest.raises(RuleErrors) as caught:
        loads(f'policy ring "R" {{\n{rules}}}\n', path="ring.rules")
    assert any("rules require each other in a circle: ring.r0 -> ring.r1 -> " in d.message
               for d in caught.value.diagnostics)
