"""Exact error text for mistakes people make in rule files (one case per kind of mistake)."""

import pytest

from openness.dsl import RuleErrors, loads

CASES = {
    'kind_typo': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_treshold\n  }\n}\n',
        'acme.rules:3:13: unknown finding kind `restrict.user_treshold`\n        fail if restrict.user_treshold\n                ^^^^^^^^^^^^^^^^^^^^^^\n  did you mean `restrict.user_threshold`?',
    ),
    'unknown_attribute': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where cout < 5M\n  }\n}\n',
        'acme.rules:3:43: unknown attribute `cout` of `restrict.user_threshold`\n        fail if restrict.user_threshold where cout < 5M\n                                              ^^^^\n  did you mean `count`?',
    ),
    'wrong_type_flag': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where count\n  }\n}\n',
        'acme.rules:3:43: `count` is a count, not true or false\n        fail if restrict.user_threshold where count\n                                              ^^^^^\n  compare it instead, e.g. `count < 1M`',
    ),
    'enum_value': (
        'policy p "t" {\n  rule r "t" {\n    require disclose.training_data where level in [released, descibed]\n  }\n}\n',
        'acme.rules:3:62: `descibed` is not a value of `level`\n        require disclose.training_data where level in [released, descibed]\n                                                                 ^^^^^^^^\n  did you mean `described`?',
    ),
    'money_vs_count': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.revenue_threshold where amount < 20B\n  }\n}\n',
        'acme.rules:3:46: cannot compare an amount of money (`amount`) with a count (`20B`)\n        fail if restrict.revenue_threshold where amount < 20B\n                                                 ^^^^^^^^^^^^\n  write the currency, e.g. `20B USD`',
    ),
    'missing_brace': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.commercial\n}\n',
        'acme.rules:1:14: this `{` is never closed: a `}` is missing\n    policy p "t" {\n                 ^',
    ),
    'unterminated': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.commercial "Not allowed\n  }\n}\n',
        'acme.rules:3:33: unterminated string: text in quotes must end with `"` on the same line\n        fail if restrict.commercial "Not allowed\n                                    ^',
    ),
    'duplicate_rule': (
        'policy p "t" {\n  rule r "t" { fail if restrict.commercial }\n  rule r "t" { fail if restrict.outputs }\n}\n',
        'acme.rules:3:8: duplicate rule id `p.r`\n      rule r "t" { fail if restrict.outputs }\n           ^\n  the first `r` is at line 2; give each rule its own name',
    ),
    'template_name': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold "Cap of {cuont}"\n  }\n}\n',
        'acme.rules:3:45: unknown name `{cuont}` in the message\n        fail if restrict.user_threshold "Cap of {cuont}"\n                                                ^^^^^^^\n  did you mean `count`?',
    ),
    'template_code': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.commercial "{quote.__class__}"\n  }\n}\n',
        'acme.rules:3:34: unknown name `{quote.__class__}` in the message\n        fail if restrict.commercial "{quote.__class__}"\n                                     ^^^^^^^^^^^^^^^^^\n  this message may name `{quote}`, `{section}` and `{profile.FIELD}`',
    ),
    'profile_field': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where count <= profile.monthly_users\n  }\n}\n',
        'acme.rules:3:52: unknown profile field `monthly_users`\n        fail if restrict.user_threshold where count <= profile.monthly_users\n                                                       ^^^^^^^^^^^^^^^^^^^^^\n  did you mean `monthly_active_users`?',
    ),
    'number_suffix': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where count < 40X\n  }\n}\n',
        'acme.rules:3:51: bad number suffix `X` in `40X`\n        fail if restrict.user_threshold where count < 40X\n                                                      ^^^\n  a number may end in K (thousand), M (million) or B (billion); a currency goes after a space: `12B USD`',
    ),
    'require_policy': (
        'policy p "t" {\n  rule r "t" {\n    require osdd.no-field-of-use\n  }\n}\n',
        'acme.rules:3:13: unknown policy `osdd` in `require osdd.no-field-of-use`\n        require osdd.no-field-of-use\n                ^^^^^^^^^^^^^^^^^^^^\n  import the file that defines it (`import "FILE.rules"`); known policies: `p`',
    ),
    'require_rule': (
        'import "osd.rules"\npolicy p "t" {\n  rule r "t" {\n    require osd.no-field-of-uses\n  }\n}\n',
        'acme.rules:4:13: policy `osd` has no rule `no-field-of-uses`\n        require osd.no-field-of-uses\n                ^^^^^^^^^^^^^^^^^^^^\n  did you mean `osd.no-field-of-use`?',
    ),
    'rate_currency': (
        'policy p "t" {\n  rate EUR = 1.08\n}\n',
        'acme.rules:2:3: the rate for EUR has no currency on its right-hand side\n      rate EUR = 1.08\n      ^^^^^^^^^^^^^^^\n  write what one EUR is worth, e.g. `rate EUR = 1.08 USD`',
    ),
    'profile_type': (
        'policy p "t" {\n  profile {\n    annual_revenue = 12B\n  }\n}\n',
        'acme.rules:3:5: profile field `annual_revenue` takes an amount of money\n        annual_revenue = 12B\n        ^^^^^^^^^^^^^^\n  write e.g. `annual_revenue = 12B USD`',
    ),
    'filtered_needs_parens': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where count < 5M and restrict.commercial\n  }\n}\n',
        'acme.rules:4:3: unexpected `}`: a filtered condition (`KIND where ...`) must be in parentheses when combined with `and`, `or` or `not`\n      }\n      ^',
    ),
    'missing_if': (
        'policy p "t" {\n  rule r "t" {\n    fail restrict.commercial\n  }\n}\n',
        'acme.rules:3:10: unexpected `restrict.commercial`: expected `if` after `fail` or `warn`\n        fail restrict.commercial\n             ^^^^^^^^^^^^^^^^^^^',
    ),
    'require_message_attr': (
        'policy p "t" {\n  rule r "t" {\n    require grant.use "No grant in {quote}"\n  }\n}\n',
        'acme.rules:3:36: unknown name `{quote}` in the message\n        require grant.use "No grant in {quote}"\n                                       ^^^^^^^\n  a `require` message is shown when nothing matched, so it may name only `{profile.FIELD}`',
    ),
    'role': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.commercial\n    example pass licence "You may use it."\n  }\n}\n',
        'acme.rules:4:18: unknown document role `licence`\n        example pass licence "You may use it."\n                     ^^^^^^^^^^^^^^^^^^^^^^^^^\n  did you mean `license`?',
    ),
    'two_policies': (
        'policy p "t" {\n}\npolicy q "t" {\n}\n',
        'acme.rules:3:8: a rule file holds one policy; this is a second one\n    policy q "t" {\n           ^\n  put each policy in a file of its own and import it',
    ),
    'ordering_enum': (
        'policy p "t" {\n  rule r "t" {\n    fail if restrict.user_threshold where metric < 5\n  }\n}\n',
        'acme.rules:3:43: `<` compares counts or amounts; `metric` is one of monthly_active_users, daily_active_users, users, customers\n        fail if restrict.user_threshold where metric < 5\n                                              ^^^^^^^^^^',
    ),
    'as_on_kind': (
        'policy p "t" {\n  rule r "t" {\n    require grant.use as warn\n  }\n}\n',
        'acme.rules:3:5: `as fail` / `as warn` applies only to a required rule\n        require grant.use as warn\n        ^^^^^^^^^^^^^^^^^^^^^^^^^\n  `as` changes the outcome of another rule (`require osd.no-field-of-use as warn`); to warn about a missing finding, write `warn if not KIND`',
    ),
    'no_clauses': (
        'policy p "t" {\n  rule r "t" {\n  }\n}\n',
        'acme.rules:2:8: rule `r` has no `fail if`, `warn if` or `require` line\n      rule r "t" {\n           ^\n  a rule without a condition can never fail; add what it checks',
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_text(name):
    text, expected = CASES[name]
    with pytest.raises(RuleErrors) as caught:
        loads(text, path="acme.rules")
    assert str(caught.value) == expected
    first = caught.value.diagnostics[0]
    assert (caught.value.path, caught.value.line, caught.value.column) == (first.path, first.line, first.column)
