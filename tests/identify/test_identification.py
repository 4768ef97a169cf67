"""Identification against the SPDX references: exact copies, variants built from the reference at
test time, AI-licence families by their structure, and what stays unknown."""

from __future__ import annotations

import re

from openness.identify import Basis, Match, identify_text

ADDED = ("If the Licensee or its affiliates have more than 100 million monthly active users or "
         "more than USD 20 million in monthly revenue, the Licensee must prominently display "
         "\"Kestrel\" on the user interface of its product.")


def _filled(text: str) -> str:
    """The reference as a project's copy reads: its own copyright line in the template's."""
    return re.sub(r"^Copyright.*$", "Copyright (c) 2024 Kestrel Labs", text, flags=re.M)


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_mit_with_its_own_copyright_line_is_exact(reference_text) -> None:
    found = identify_text(_filled(reference_text("MIT")), findings=False)
    assert (found.id, found.match, found.basis) == ("MIT", Match.EXACT, Basis.TEXT)
    assert found.properties is not None and found.properties.osi_approved
    assert found.added == found.removed == ()


def test_a_title_of_its_own_and_rewrapped_lines_leave_mit_exact(reference_text) -> None:
    body = _filled(reference_text("MIT")).replace("MIT License", "The MIT License (MIT)", 1)
    rewrapped = "\n".join(" ".join(p.split()) for p in _paragraphs(body))
    assert identify_text(rewrapped, findings=False).match is Match.EXACT


def test_a_name_in_the_templates_place_is_not_an_edit(reference_text) -> None:
    text = reference_text("BSD-3-Clause").replace("the copyright holder", "Kestrel Labs Inc.")
    found = identify_text(text, findings=False)
    assert (found.id, found.match) == ("BSD-3-Clause", Match.EXACT)


def test_apache_without_its_appendix_is_exact(reference_text) -> None:
    text = reference_text("Apache-2.0").split("END OF TERMS AND CONDITIONS")[0]
    found = identify_text(text, findings=False)
    assert (found.id, found.match) == ("Apache-2.0", Match.EXACT)


def test_mit_with_an_added_paragraph_is_a_variant_listing_it(reference_text) -> None:
    parts = _paragraphs(_filled(reference_text("MIT")))
    text = "\n\n".join(parts[:-1] + [ADDED] + parts[-1:])
    found = identify_text(text)
    assert (found.id, found.match) == ("MIT", Match.VARIANT)
    assert found.removed == ()
    [added] = found.added
    assert added.quote.startswith("If the Licensee") and added.quote.endswith("of its product")
    assert text.splitlines()[added.line - 1].startswith("If the Licensee")
    assert {"require.attribution", "restrict.user_threshold"} <= set(added.findings)


def test_apache_with_a_paragraph_appended_after_its_end_is_a_variant(reference_text) -> None:
    text = reference_text("Apache-2.0") + "\n\nYou may not use the Work for military purposes.\n"
    found = identify_text(text)
    assert (found.id, found.match) == ("Apache-2.0", Match.VARIANT)
    [added] = found.added
    assert added.quote == "You may not use the Work for military purposes"
    assert "restrict.field_of_use" in added.findings


def test_apache_with_a_paragraph_removed_is_a_variant_listing_it(reference_text) -> None:
    text = reference_text("Apache-2.0")
    parts = _paragraphs(text)
    trademarks = next(p for p in parts if p.lstrip().startswith("6. Trademarks"))
    found = identify_text(text.replace(trademarks, ""), findings=False)
    assert (found.id, found.match) == ("Apache-2.0", Match.VARIANT)
    assert found.added == ()
    [removed] = found.removed
    assert removed.quote.startswith("6. Trademarks. This License does not grant permission")


def test_mit_with_its_disclaimer_removed_is_a_variant(reference_text) -> None:
    parts = _paragraphs(_filled(reference_text("MIT")))
    disclaimer = parts[-1]
    found = identify_text("\n\n".join(parts[:-1]), findings=False)
    assert (found.id, found.match) == ("MIT", Match.VARIANT)
    assert [p.quote for p in found.removed] == [" ".join(disclaimer.split()).rstrip(".")]


def test_a_changed_number_is_a_change(reference_text) -> None:
    text = reference_text("GPL-3.0-only").replace("30 days", "90 days")
    found = identify_text(text, findings=False)
    assert found.match is Match.VARIANT
    assert any("90" in p.quote for p in found.added)


def test_an_ai_licence_is_named_by_its_title_and_structure() -> None:
    text = ("KESTREL NOTE\nLLAMA 3.1 COMMUNITY LICENSE AGREEMENT\n"
            "“Llama 3.1” means the foundational large language models.\n"
            "“Llama Materials” means, collectively, Meta’s proprietary Llama 3.1.\n"
            "If the monthly active users exceed 700 million, you must request a license. "
            "Display “Built with Llama”.\n")
    found = identify_text(text, findings=False)
    assert (found.id, found.family, found.version) == ("LicenseRef-openness-llama-3.1", "llama", "3.1")
    assert (found.basis, found.match) == (Basis.SIGNATURE, Match.UNKNOWN)
    assert found.properties is not None and not found.properties.osi_approved


def test_a_card_that_only_names_an_ai_licence_is_not_that_licence() -> None:
    text = ("# Model card\nThis model is released under the Llama 3.1 Community License "
            "Agreement; see LICENSE.\n")
    assert identify_text(text, findings=False).id is None


def test_prose_that_is_no_licence_is_unknown() -> None:
    text = "The quick brown fox jumps over the lazy dog. " * 20
    found = identify_text(text, findings=False)
    assert (found.id, found.match, found.basis) == (None, Match.UNKNOWN, Basis.NONE)


def test_every_fifth_spdx_text_is_identified_as_itself(index) -> None:
    references = list(index)[::5]
    assert len(references) > 100
    for reference in references:
        found = identify_text(reference.text, findings=False)
        assert found.match is Match.EXACT, reference.id
        assert reference.id in (found.id, *found.also) or found.id in reference.also, \
            (reference.id, found.id)


def test_a_sentence_added_to_any_of_them_is_a_variant_listing_it(index) -> None:
    sentence = "The Licensee shall not use the Work for any military purpose whatsoever."
    for reference in list(index)[3::40]:
        if len(reference.keys) < 60:
            continue  # a notice of a few lines: one sentence more is another text
        parts = _paragraphs(reference.text)
        middle = len(parts) // 2
        text = "\n\n".join(parts[:middle] + [sentence] + parts[middle:])
        found = identify_text(text, findings=False)
        assert (found.id, found.match) == (reference.id, Match.VARIANT), reference.id
        assert any(sentence.rstrip(".") in p.quote for p in found.added), (reference.id, found.added)


def _llama(cap: str) -> str:
    return ("LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\n"
            "“Llama 3.1” means the foundational large language models.\n"
            "“Llama Materials” means, collectively, the proprietary Llama 3.1 models.\n"
            f"If the products of the Licensee had more than {cap} monthly active users, you must "
            "request a license from the Licensor.\nDisplay “Built with Llama”.\n")


def test_a_family_copy_with_its_own_figures_is_exact_on_its_signature() -> None:
    found = identify_text(_llama("700 million"))
    assert (found.id, found.basis, found.match) == ("LicenseRef-openness-llama-3.1",
                                                    Basis.SIGNATURE, Match.EXACT)
    assert found.added == ()


def test_a_family_copy_with_a_lower_user_cap_is_a_variant_listing_it() -> None:
    found = identify_text(_llama("100 million"))
    assert (found.basis, found.match) == (Basis.SIGNATURE, Match.VARIANT)
    (passage,) = found.added
    assert "100 million monthly active users" in passage.quote
    assert passage.findings == ("restrict.user_threshold",)
    assert passage.expected == "count 700000000, metric monthly_active_users"
