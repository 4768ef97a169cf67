"""The text report of ``openness identify``: what each kind of answer reads like."""

from __future__ import annotations

from openness.identify.declared import Declaration, DeclaredLicence
from openness.identify.model import (Basis, IdentifiedDocument, Identification, Match, Passage,
                                     Properties)
from openness.report import Format
from openness.report.identify import render

PERMISSIVE = Properties(osi_approved=True, fsf_libre=True, category="Permissive")


def test_a_variant_lists_its_passages_with_what_they_do() -> None:
    found = Identification(
        id="MIT", name="MIT License", similarity=0.9, match=Match.VARIANT, basis=Basis.TEXT,
        properties=PERMISSIVE,
        added=(Passage(quote="You must display Kestrel.", line=12, section="2",
                       findings=("require.attribution",)),),
        removed=(Passage(quote="THE SOFTWARE IS PROVIDED AS IS", line=14),))
    report = render([IdentifiedDocument(path="LICENSE", license=found)], Format.TEXT)
    assert report.splitlines()[:4] == [
        "LICENSE",
        "  licence: MIT (MIT License)",
        "  match: variant, similarity 90.0%",
        "  properties: OSI-approved, FSF free, not copyleft, ScanCode category Permissive",
    ]
    assert "  + added (line 12, section 2) -> require.attribution" in report
    assert "      “You must display Kestrel.”" in report
    assert "  - removed (at line 14)" in report


def test_a_family_says_its_wording_was_not_compared() -> None:
    found = Identification(id="LicenseRef-openness-llama-3.1", name="Llama 3.1 Community License "
                           "Agreement", similarity=1.0, match=Match.UNKNOWN, basis=Basis.SIGNATURE,
                           family="llama", version="3.1")
    report = render([IdentifiedDocument(path="LICENSE", license=found)], Format.TEXT)
    assert "version 3.1" in report and "its wording was not compared" in report


def test_a_declaration_shows_its_line_and_what_it_leaves_unsettled() -> None:
    declared = Declaration(expression="other", line=3, name="kestrel",
                           licenses=(DeclaredLicence(key="other", name="kestrel"),),
                           problems=("license: other names a licence of its own",))
    unknown = Identification(id=None, name=None, similarity=0.0, match=Match.UNKNOWN,
                             basis=Basis.NONE)
    report = render([IdentifiedDocument(path="README.md", license=unknown, declared=declared)],
                    Format.TEXT)
    assert report.splitlines() == ["README.md", "  declared: other (front matter line 3)",
                                   "    unsettled: license: other names a licence of its own"]


def test_an_unreadable_file_is_its_error() -> None:
    report = render([IdentifiedDocument(path="x.pdf", error="encrypted PDF")], Format.TEXT)
    assert report == "x.pdf\n  error: encrypted PDF\n"
