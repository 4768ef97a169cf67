"""Defined terms: a definition's number or territory reaches the clause that uses the term."""

from __future__ import annotations

from openness.extract import findings_from_text


def by_kind(text: str, kind: str) -> list:
    return [f for f in findings_from_text(text) if f.kind == kind]


def test_a_threshold_defined_in_one_place_and_used_in_another() -> None:
    text = ('1. Definitions. "Threshold" shall mean annual revenue of USD 5,000,000.\n\n'
            "2. Enterprise use. A licensee whose revenue exceeds the Threshold needs an enterprise licence.\n")
    (finding,) = by_kind(text, "restrict.revenue_threshold")
    assert dict(finding.attributes) == {"amount": 5_000_000, "currency": "USD", "period": "annual"}
    assert finding.evidence.section == "2"
    assert [r.quote for r in finding.related] == ['"Threshold" shall mean annual revenue of USD 5,000,000.']
    assert finding.related[0].section == "1"


def test_a_user_cap_named_by_a_term_of_its_own() -> None:
    text = ('"Large Deployment" means a service used by more than 1,000,000 monthly active users.\n\n'
            "A Large Deployment is not eligible for this licence.\n")
    (finding,) = by_kind(text, "restrict.user_threshold")
    assert dict(finding.attributes) == {"count": 1_000_000, "metric": "monthly_active_users"}


def test_a_threshold_defined_but_never_used_is_read_where_it_is_defined() -> None:
    text = '"Revenue Limit" means annual revenue of EUR 10 million.\n'
    (finding,) = by_kind(text, "restrict.revenue_threshold")
    assert finding.attributes["amount"] == 10_000_000
    assert finding.related == ()


def test_a_territory_that_excludes_countries() -> None:
    text = ('"Territory" means worldwide, excluding the Russian Federation and North Korea.\n\n'
            "You may use the Model in the Territory.\n")
    (finding,) = by_kind(text, "restrict.geographic")
    assert set(finding.attributes["regions"]) == {"Russia", "North Korea"}


def test_a_party_defined_by_place_is_no_territory() -> None:
    text = ('"Acme" or "we" means Acme Ireland Limited if you are located in the European Union, '
            "and Acme Inc. if you are located outside of it.\n")
    assert by_kind(text, "restrict.geographic") == []


def test_a_defined_name_for_the_work_is_the_work() -> None:
    text = ('"Assets" means the voice banks and model weights supplied with this licence.\n\n'
            "You must not place the Assets in the hands of a third party.\n")
    assert by_kind(text, "restrict.redistribution")


def test_the_licensors_name_is_the_licensors() -> None:
    # the company, not the licensee, publishes: no grant of distribution to the licensee
    text = "Kestrel AI, Inc. may update this Policy from time to time by publishing a new version.\n"
    assert by_kind(text, "grant.distribute") == []
    assert by_kind(text, "restrict.unilateral_change")


def test_a_glossary_entry_without_a_verb_defines_a_territory() -> None:
    text = ("- **Territory**: the whole world, excluding Belarus and Iran.\n\n"
            "No licence is given to anyone outside the Territory.\n")
    (finding,) = by_kind(text, "restrict.geographic")
    assert set(finding.attributes["regions"]) == {"Belarus", "Iran"}


def test_a_duty_under_a_bold_label_is_no_glossary_entry() -> None:
    text = "- **Commercial use**: you may not use the Model for commercial purposes.\n"
    assert by_kind(text, "restrict.commercial")


def test_a_line_of_particulars_defines_its_label() -> None:
    # each line of particulars is its own unit, though none ends in a stop
    text = ("PARTICULARS\nLicensor ........ Wren Lab, a research foundation with its seat in Oslo, Norway\n"
            "Territory ........ the whole world, excluding Cuba and Iran\n\n2. Anyone established outside the Territory is not licensed.\n")
    (finding,) = by_kind(text, "restrict.geographic")
    assert finding.attributes["regions"] == ["Cuba", "Iran"]
    assert finding.evidence.quote == "Anyone established outside the Territory is not licensed."


def test_a_party_defined_by_its_revenue_carries_the_threshold() -> None:
    text = ('"Large Licensee" means you, if your turnover in your last financial year was above '
            "EUR 80,000,000.\n\nA Large Licensee needs a separate agreement with us before it uses the Model.\n")
    (finding,) = by_kind(text, "restrict.revenue_threshold")
    assert dict(finding.attributes) == {"amount": 80_000_000, "currency": "EUR", "period": "annual"}
    assert finding.evidence.quote.startswith("A Large Licensee needs")
