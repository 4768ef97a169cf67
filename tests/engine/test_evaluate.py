"""The engine on hand-made findings: three-valued outcomes, evidence, traces, messages."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from openness.dsl import loads
from openness.engine import Profile, compile, evaluate
from openness.model import Evidence, Finding

POLICY = '''
policy acme "ACME" {
  rate EUR = 1.08 USD
  profile { monthly_active_users = 40M  annual_revenue = 12B USD  regions = [EU, US] }
  rule users "User caps" {
    fail if restrict.user_threshold where count <= profile.monthly_active_users
      "Cap of {count} {metric} (§{section}); we have {profile.monthly_active_users}"
    warn if restrict.user_threshold where count < 1B "We may grow past the cap of {count}"
  }
  rule revenue "Revenue caps" {
    fail if restrict.revenue_threshold where amount <= profile.annual_revenue "Cap of {amount} {currency}"
  }
  rule regions "Regions" { fail if restrict.geographic where regions overlaps profile.regions "Excludes {regions}" }
  rule data "Data" { require disclose.training_data where level in [released, described] }
  rule grant "Grant" { require grant.use "No grant of rights found" }
  rule uses "Uses" { fail if restrict.field_of_use or restrict.commercial }
  rule plain "Not commercial" { fail if restrict.commercial and not grant.commercial }
  rule soft "Soft" { require acme.uses as warn }
}
'''


@pytest.fixture(scope="module")
def compiled():
    return compile(loads(POLICY))


def rule(verdict, name):
    return next(r for r in verdict.rules if r.id == f"acme.{name}")


def test_cap_far_above_us_passes_and_says_so(compiled, finding):
    cap = finding("restrict.user_threshold", line=41, quote="more than 2 billion monthly active users",
                  count=2_000_000_000, metric="monthly_active_users")
    result = rule(evaluate(compiled, [cap], roles={"license"}), "users")
    assert result.outcome == "pass"
    assert result.message.startswith(
        "Cap of 2,000,000,000 monthly active users (§2); we have 40,000,000 — not affected")
    assert result.evidence == (cap.evidence,)
    assert result.trace[0] == ("fail if restrict.user_threshold where count <= profile.monthly_active_users: "
                               "false -> pass")
    assert "count 2,000,000,000 <= profile.monthly_active_users 40,000,000: false" in result.trace[1]
    assert result.fix is None


def test_cap_below_us_fails_and_profile_file_overrides(compiled, finding):
    cap = finding("restrict.user_threshold", count=700_000_000, metric="monthly_active_users")
    assert rule(evaluate(compiled, [cap], roles={"license"}), "users").outcome == "warn"
    bigger = Profile.from_mapping({"monthly_active_users": "800M"})
    result = rule(evaluate(compiled, [cap], roles={"license"}, profile=bigger), "users")
    assert result.outcome == "fail"
    assert result.message == "Cap of 700,000,000 monthly active users (§2); we have 800,000,000"
    assert result.fix and "LICENSE line 1" in result.fix


def test_missing_attribute_is_unknown_not_pass(compiled, finding):
    cap = finding("restrict.user_threshold", metric="monthly_active_users")
    result = rule(evaluate(compiled, [cap], roles={"license"}), "users")
    assert result.outcome == "unknown"
    assert "does not state `count`" in result.message
    assert result.evidence == (cap.evidence,)


def test_missing_profile_fact_is_unknown():
    compiled = compile(loads('policy p "t" { rule r "t" { fail if restrict.user_threshold '
                             'where count <= profile.daily_active_users } }'))
    from openness.model import Evidence, Finding
    ev = Evidence(path="L", quote="q", section=None, page=None, line=1, start=0, end=1)
    cap = Finding(kind="restrict.user_threshold", attributes={"count": 5}, evidence=ev)
    result = evaluate(compiled, [cap], roles={"license"}).rules[0]
    assert result.outcome == "unknown"
    assert result.message == "Unknown: profile.daily_active_users is not given"
    assert "--profile" in result.fix


def test_money_converts_through_declared_rate(compiled, finding):
    cap = finding("restrict.revenue_threshold", amount=50_000_000, currency="EUR")
    result = rule(evaluate(compiled, [cap], roles={"license"}), "revenue")
    assert result.outcome == "fail"
    assert result.message == "Cap of 50,000,000 EUR"


def test_money_without_rate_is_unknown(compiled, finding):
    cap = finding("restrict.revenue_threshold", amount=50_000_000, currency="JPY")
    result = rule(evaluate(compiled, [cap], roles={"license"}), "revenue")
    assert result.outcome == "unknown"
    assert "no rate between JPY and USD is declared" in result.message
    assert "rate JPY" in result.fix


def test_regions_read_through_aliases(compiled, finding):
    excluded = finding("restrict.geographic", regions=["European Union"])
    result = rule(evaluate(compiled, [excluded], roles={"license"}), "regions")
    assert result.outcome == "fail"
    other = finding("restrict.geographic", regions=["Russia"])
    assert rule(evaluate(compiled, [other], roles={"license"}), "regions").outcome == "pass"


def test_kind_nobody_could_settle_is_unknown(compiled, finding):
    verdict = evaluate(compiled, [], roles={"license"})
    result = rule(verdict, "data")
    assert result.outcome == "unknown"
    assert result.message == ("Unknown: no data_card, model_card or readme document was analysed, "
                              "so disclose.training_data cannot be settled")
    assert result.fix == "Analyse the data_card, model_card or readme together with the licence"
    # With the licence analysed, a missing grant is a real failure, not a pass.
    assert rule(verdict, "grant").outcome == "fail"
    assert rule(verdict, "grant").message == "No grant of rights found"


def test_no_documents_at_all_settle_nothing(compiled):
    verdict = evaluate(compiled, [], roles=set())
    assert {r.outcome for r in verdict.rules} == {"unknown"}
    assert verdict.outcome == "unknown"


def test_require_not_met_shows_what_was_found_instead(compiled, finding):
    vague = finding("disclose.training_data", path="README.md", quote="publicly available data", level="vague")
    result = rule(evaluate(compiled, [vague], roles={"model_card"}), "data")
    assert result.outcome == "fail"
    # the place, not the words: a report quotes each clause once, in its evidence list
    assert "(found instead: disclose.training_data at README.md line 1 (§2))" in result.message
    assert result.evidence == (vague.evidence,)


def test_or_and_not_are_kleene(compiled, finding):
    commercial = finding("restrict.commercial")
    assert rule(evaluate(compiled, [commercial], roles=set()), "uses").outcome == "fail"  # true or unknown
    assert rule(evaluate(compiled, [], roles={"license"}), "uses").outcome == "pass"
    assert rule(evaluate(compiled, [commercial], roles={"license"}), "plain").outcome == "fail"
    allowed = finding("grant.commercial", line=3)
    assert rule(evaluate(compiled, [commercial, allowed], roles={"license"}), "plain").outcome == "pass"
    assert rule(evaluate(compiled, [commercial], roles=set()), "plain").outcome == "unknown"


def test_required_rule_with_overridden_severity(compiled, finding):
    result = rule(evaluate(compiled, [finding("restrict.field_of_use", quote="no weapons")], roles={"license"}),
                  "soft")
    assert result.outcome == "warn"
    assert result.trace[0] == "require acme.uses: fail -> warn"
    assert result.evidence[0].quote == "no weapons"


def test_unknown_ranks_above_warn(compiled, finding):
    # A warn and an unknown in one policy: the verdict is unknown, never the milder warn.
    cap = finding("restrict.user_threshold", count=700_000_000, metric="monthly_active_users")
    verdict = evaluate(compiled, [cap], roles={"license"})
    assert rule(verdict, "users").outcome == "warn"
    assert verdict.outcome == "fail"  # the grant is missing
    verdict = evaluate(compiled, [cap, finding("grant.use", line=2)], roles={"license"})
    assert verdict.outcome == "unknown"  # data cannot be settled without a model card


def test_template_does_not_reinterpret_finding_text(finding):
    compiled = compile(loads('policy p "t" { rule r "t" { fail if restrict.commercial "Found: {quote}" } }'))
    sneaky = finding("restrict.commercial", quote="{profile.annual_revenue} {__class__}")
    result = evaluate(compiled, [sneaky], roles={"license"}).rules[0]
    assert result.message == "Found: {profile.annual_revenue} {__class__}"


def test_attribute_of_wrong_type_is_unknown(compiled, finding):
    odd = finding("restrict.user_threshold", count="seven hundred million", metric="monthly_active_users")
    assert rule(evaluate(compiled, [odd], roles={"license"}), "users").outcome == "unknown"


def test_to_json_shape(compiled, finding):
    cap = finding("restrict.user_threshold", count=10_000_000, metric="monthly_active_users")
    data = evaluate(compiled, [cap], roles={"license"}).to_json()
    assert set(data) == {"policy", "title", "outcome", "subject", "rules"}
    first = data["rules"][0]
    assert set(first) == {"id", "title", "outcome", "message", "evidence", "trace", "fix"}
    assert first["evidence"][0]["line"] == 1 and first["evidence"][0]["page"] is None


def test_compile_once_evaluate_many(compiled, finding):
    cap = finding("restrict.user_threshold", count=10_000_000, metric="monthly_active_users")
    first = evaluate(compiled, [cap], roles={"license"})
    second = evaluate(compiled, [], roles={"license"})
    assert rule(first, "users").outcome == "fail" and rule(second, "users").outcome == "pass"


def test_decimal_rates_chain():
    from openness.engine.values import Rates

    rates = Rates([("EUR", Decimal("1.08"), "USD"), ("GBP", Decimal("1.25"), "USD")])
    assert rates.factor("EUR", "GBP") == Decimal("1.08") / Decimal("1.25")
    assert rates.factor("EUR", "JPY") is None


def test_evidence_in_document_order_whatever_the_input_order(compiled, finding):
    late = finding("restrict.field_of_use", line=9, quote="no weapons")
    early = finding("restrict.commercial", line=2, quote="no commercial use")
    result = rule(evaluate(compiled, [late, early], roles={"license"}), "uses")
    assert result.evidence == (early.evidence, late.evidence)
    # Within a kind, the message names the findings in document order too.
    first = finding("restrict.field_of_use", line=3, quote="no surveillance")
    result = rule(evaluate(compiled, [late, first], roles={"license"}), "uses")
    assert result.message.index("line 3") < result.message.index("line 9")


def test_a_clause_found_twice_is_one_piece_of_evidence(compiled, finding):
    once = finding("restrict.commercial", line=4)
    again = finding("restrict.commercial", line=4)
    result = rule(evaluate(compiled, [once, again], roles={"license"}), "uses")
    assert result.evidence == (once.evidence,)


def test_thresholds_answered_from_a_column_agree_with_the_test(finding):
    # The engine answers `count <= N` for all findings of a kind at once; odd values (a float,
    # text, a bool, an amount without currency) must come out as the per-finding test says.
    compiled = compile(loads('''
      policy p "t" { rate EUR = 1.08 USD
        rule a "t" { fail if restrict.user_threshold where count <= 5M }
        rule b "t" { fail if restrict.user_threshold where count > 5M }
        rule c "t" { fail if restrict.revenue_threshold where amount < 10M USD }
      }'''))
    cases = [
        ("restrict.user_threshold", {"count": 5_000_000}, {"a": "fail", "b": "pass"}),
        ("restrict.user_threshold", {"count": 5_000_001}, {"a": "pass", "b": "fail"}),
        ("restrict.user_threshold", {"count": 4.5e6}, {"a": "fail", "b": "pass"}),
        ("restrict.user_threshold", {"count": True}, {"a": "fail", "b": "pass"}),
        ("restrict.user_threshold", {"count": "many"}, {"a": "unknown", "b": "unknown"}),
        ("restrict.user_threshold", {}, {"a": "unknown", "b": "unknown"}),
        ("restrict.revenue_threshold", {"amount": 9_000_000, "currency": "EUR"}, {"c": "fail"}),
        ("restrict.revenue_threshold", {"amount": 9_500_000, "currency": "EUR"}, {"c": "pass"}),
        ("restrict.revenue_threshold", {"amount": 9_000_000, "currency": "JPY"}, {"c": "unknown"}),
        ("restrict.revenue_threshold", {"amount": 9_000_000}, {"c": "unknown"}),
        ("restrict.revenue_threshold", {"amount": 9e6, "currency": "USD"}, {"c": "fail"}),
    ]
    for kind, attributes, expected in cases:
        verdict = evaluate(compiled, [finding(kind, **attributes)], roles={"license"})
        outcomes = {r.id.split(".")[1]: r.outcome for r in verdict.rules if r.id.split(".")[1] in expected}
        assert outcomes == expected, attributes


def test_repeated_tests_are_shared_but_each_rule_keeps_its_own_words(finding):
    # Equal filters are worked out once per run; the trace still shows each rule's own text.
    compiled = compile(loads('''
      policy p "t" {
        rule a "t" { fail if restrict.user_threshold where count <= 5M }
        rule b "t" { fail if restrict.user_threshold where count <= 5000000 }
      }'''))
    cap = finding("restrict.user_threshold", count=1_000_000, metric="monthly_active_users")
    a, b = evaluate(compiled, [cap], roles={"license"}).rules
    assert a.outcome == b.outcome == "fail"
    assert "count <= 5M" in a.trace[0] and "count <= 5000000" in b.trace[0]
    # The clauses are decided once, but each rule's comparison is told with its own numbers.
    assert a.trace[1].endswith("count 1,000,000 <= 5M: true")
    assert b.trace[1].endswith("count 1,000,000 <= 5000000: true")


THRESHOLDS = compile(loads('''
policy bounds "Bounds" {
  rule le "le" { fail if restrict.user_threshold where count <= 5M }
  rule lt "lt" { fail if restrict.user_threshold where count < 5M }
  rule ge "ge" { fail if restrict.user_threshold where count >= 5M }
  rule gt "gt" { fail if restrict.user_threshold where count > 5M }
  rule eur "eur" { fail if restrict.revenue_threshold where amount <= 5M EUR }
}
'''))
LIMIT = 5_000_000


@given(counts=st.lists(st.sampled_from([1, 4_999_999, LIMIT, 5_000_001, 9 * LIMIT]), max_size=6),
       amounts=st.lists(st.tuples(st.sampled_from([4_999_999, LIMIT, 5_000_001]),
                                  st.sampled_from(["EUR", "USD"])), max_size=4))
@settings(max_examples=60, deadline=None)
def test_thresholds_pick_exactly_the_findings_on_their_side_of_the_limit(counts, amounts):
    # Many findings at once, on both sides of the limit and on it: each ordering takes exactly
    # its side (the engine finds it by bisecting the sorted column of values).
    def made(kind, line, **attributes):
        return Finding(kind=kind, attributes=attributes, evidence=Evidence(
            path="LICENSE", quote=f"clause {line}", section=None, page=None, line=line,
            start=line * 10, end=line * 10 + 5))

    found = [made("restrict.user_threshold", i + 1, count=c) for i, c in enumerate(counts)]
    found += [made("restrict.revenue_threshold", 100 + i, amount=a, currency=cur)
              for i, (a, cur) in enumerate(amounts)]
    verdict = evaluate(THRESHOLDS, found, roles={"license"})
    expected = {"le": [c <= LIMIT for c in counts], "lt": [c < LIMIT for c in counts],
                "ge": [c >= LIMIT for c in counts], "gt": [c > LIMIT for c in counts]}
    for name, sides in expected.items():
        result = next(r for r in verdict.rules if r.id == f"bounds.{name}")
        lines = [f.evidence.line for f, side in zip(found, sides) if side]
        assert result.outcome == ("fail" if lines else "pass")
        if lines:
            assert [e.line for e in result.evidence] == lines
    eur = next(r for r in verdict.rules if r.id == "bounds.eur")
    # No rate is declared: a USD amount cannot be compared with a EUR limit and stays unknown.
    euros = [a <= LIMIT for a, cur in amounts if cur == "EUR"]
    dollars = [a for a, cur in amounts if cur == "USD"]
    assert eur.outcome == ("fail" if any(euros) else "unknown" if dollars else "pass")


def test_an_unclassified_clause_makes_the_rules_it_might_concern_unknown(finding):
    compiled = compile(loads('policy p "t" { rule share "Sharing" { fail if restrict.redistribution } '
                             'rule uses "Uses" { fail if restrict.field_of_use } }'))
    unclassified = finding("review.unclassified", line=7, quote="You shall not sell the Model except to your affiliates.",
                           force="prohibition", candidates=["restrict.redistribution"])
    verdict = evaluate(compiled, [unclassified], roles={"license"})
    share = next(r for r in verdict.rules if r.id == "p.share")
    assert share.outcome == "unknown"
    assert "a restriction the analyzer could not classify" in share.message
    assert share.evidence == (unclassified.evidence,)
    assert next(r for r in verdict.rules if r.id == "p.uses").outcome == "pass"


def test_a_clause_the_classifier_noticed_says_so_in_the_message(finding):
    compiled = compile(loads('policy p "t" { rule copy "Licence copy" { fail if not require.license_copy } }'))
    noticed = finding("review.unclassified", line=4, quote="Whoever passes the weights on puts this text beside them.",
                      force="obligation", candidates=["require.license_copy"], noticed_by="classifier")
    rule = evaluate(compiled, [noticed], roles={"license"}).rules[0]
    assert rule.outcome == "unknown"
    assert "the trained classifier reads as a duty that no rule matched" in rule.message


def test_a_found_clause_still_decides_beside_an_unclassified_one(finding):
    compiled = compile(loads('policy p "t" { rule share "Sharing" { fail if restrict.redistribution } }'))
    unclassified = finding("review.unclassified", force="prohibition", candidates=["restrict.redistribution"])
    found = finding("restrict.redistribution", line=9)
    assert evaluate(compiled, [unclassified, found], roles={"license"}).rules[0].outcome == "fail"
