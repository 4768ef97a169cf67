"""Finding changes: paired within a kind; same attributes unchanged wherever they moved."""

from __future__ import annotations

from openness.diff.changes import finding_changes
from openness.model import Evidence, Finding


def _finding(kind: str, quote: str, section: str, line: int = 1, **attributes) -> Finding:
    return Finding(kind=kind, attributes=attributes, evidence=Evidence(
        path="L", quote=quote, section=section, page=None, line=line, start=0, end=len(quote)))


def test_same_attributes_in_another_section_is_no_change() -> None:
    old = [_finding("term.warranty_disclaimer", "The model is provided as is.", "3")]
    new = [_finding("term.warranty_disclaimer", "The model is provided as is.", "4")]
    assert finding_changes(old, new, sections={"3": "4"}) == []


def test_a_new_threshold_is_one_change_with_both_quotes() -> None:
    old = [_finding("restrict.revenue_threshold", "Revenue above EUR 50,000,000 needs a licence.",
                    "2", amount=50_000_000, currency="EUR")]
    new = [_finding("restrict.revenue_threshold", "Revenue above EUR 100,000,000 needs a licence.",
                    "2", amount=100_000_000, currency="EUR")]
    [change] = finding_changes(old, new, sections={"2": "2"})
    assert change.change == "changed"
    assert change.deltas == {"amount": (50_000_000, 100_000_000)}
    assert change.old.quote.startswith("Revenue above EUR 50,000,000")
    assert change.new.quote.startswith("Revenue above EUR 100,000,000")


def test_unrelated_findings_of_one_kind_are_a_removal_and_an_addition() -> None:
    old = [_finding("term.governing_law", "Governed by the laws of Delaware.", "7",
                    jurisdiction="Delaware")]
    new = [_finding("term.governing_law", "Disputes go to arbitration in Singapore under SIAC rules.",
                    "9", jurisdiction="Singapore")]
    changes = finding_changes(old, new, sections={"7": "7"})
    assert sorted(c.change for c in changes) == ["added", "removed"]


def test_of_several_alike_findings_the_unmatched_one_is_removed() -> None:
    old = [_finding("restrict.field_of_use", "Do not use it for weapons.", "A 1", line=1),
           _finding("restrict.field_of_use", "Do not use it for spam.", "A 2", line=2)]
    new = [_finding("restrict.field_of_use", "Do not use it for spam.", "A 1", line=1)]
    [change] = finding_changes(old, new, sections={})
    assert (change.change, change.old.quote) == ("removed", "Do not use it for weapons.")
