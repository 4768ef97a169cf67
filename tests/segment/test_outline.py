"""Segmentation of small hand-written snippets, one per numbering style the convention names."""

from __future__ import annotations

import textwrap

import pytest

from openness.model import Document
from openness.segment import segment


def outline_of(text: str, fmt: str = "txt"):
    doc = Document(path="t." + fmt, text=textwrap.dedent(text).lstrip("\n"), format=fmt,
                   sha256="0")
    return doc, segment(doc)


def ids(text: str, fmt: str = "txt") -> list[str]:
    return [c.id for c in outline_of(text, fmt)[1].clauses]


def test_decimal_sections_and_subsections() -> None:
    assert ids("""
        Intro words here.

        1. Definitions
        Terms mean things.
        1.1 Scope
        Some text.
        1.2 More
        2. Grant
        3.2 Stray reference line
        """) == ["preamble", "1", "1.1", "1.2", "2"]


def test_llama_style_letters_and_romans_indented() -> None:
    doc, outline = outline_of("""
        1. License Rights.
              a. Grant of Rights. You may use it.
              b. Redistribution and Use.
                    i. If you distribute, give a copy.
                    ii. Keep the notice.
                    iii. Follow the law.
                    iv. Follow the policy.
                    v. Do not improve other models.
        2. Additional Commercial Terms. Big users ask.
        """)
    assert [c.id for c in outline.clauses] == [
        "1", "1.a", "1.b", "1.b.i", "1.b.ii", "1.b.iii", "1.b.iv", "1.b.v", "2"]
    clause = outline.at(doc.text.index("improve other"))
    assert clause is not None and clause.id == "1.b.v" and clause.parent == "1.b"
    assert clause.level == 3
    assert outline.get("1.a").title == "Grant of Rights"
    assert outline.get("2").title == "Additional Commercial Terms"


def test_unindented_letters_and_romans() -> None:
    assert ids("""
        1. Rights.
        a. First.
        b. Second.
        i. Roman one under b.
        """)[:4] == ["1", "1.a", "1.b", "1.b.i"]


def test_letter_i_after_h_is_a_letter() -> None:
    text = "Terms follow.\n\n1. Definitions.\n" + "".join(
        f"  {c}. Word {c} means something.\n" for c in "abcdefghij")
    assert ids(text)[-3:] == ["1.h", "1.i", "1.j"]


def test_parenthesised_items() -> None:
    assert ids("""
        Section 4: Redistribution
        (a) You must give a copy.
        (b) You must keep notices:
            (i) the copyright;
            (ii) the licence.
        """) == ["4", "4.a", "4.b", "4.b.i", "4.b.ii"]


def test_keyword_sections() -> None:
    assert ids("""
        Preamble text.

        Section 1. Definitions
        Words.
        SECTION 2: Grant
        Words.
        Article 3 Term
        Words. See Section 2 of this Agreement
        Section 2 of this Agreement is a reference, not a heading.
        """) == ["preamble", "1", "2", "3"]


def test_roman_parts_with_lettered_items_and_running_numbers() -> None:
    assert ids("""
        Some preamble sentence.

        I. INTRODUCTION
        Words.
        II. GENERAL TERMS
        a. Distribution. Text.
        b. Use. Text.
        """) == ["preamble", "I", "II", "II.a", "II.b"]
    assert ids("""
        Some preamble sentence.

        Section I: Preamble
        1. Definitions. Text.
        Section II: Rights
        2. Grant. Text.
        a. Condition one.
        """)[1:] == ["I", "1", "II", "2", "2.a"]


def test_capital_letter_items_under_a_number() -> None:
    assert ids("""
        Terms.

        1. Definitions
        2. License
        (A) Provide a copy.
        (B) Display a notice.
        """)[1:] == ["1", "2", "2.A", "2.B"]


def test_a_list_cannot_start_in_the_middle() -> None:
    assert ids("Terms.\n\n7. Stray number line.\n") == ["preamble"]


def test_markdown_numbered_heading_and_list() -> None:
    assert ids("""
        # Example Terms

        Opening words of the terms.

        ## 2. Conditions
        1. Keep the notice.
        2. Share alike.
        """, "md") == ["preamble", "2", "2.1", "2.2"]


def test_markdown_named_heading_with_nested_lists_and_bullets() -> None:
    doc, outline = outline_of("""
        # Example Use Policy

        We want safe use.

        ## Prohibited Uses
        You will not:

        1. Break the law, including:
            1. Violence
            2. Fraud
        2. Harm people:
            1. Weapons
        * a bullet is not a section
        - nor is this one

        Please report violations to us.
        """, "md")
    assert [c.id for c in outline.clauses] == [
        "preamble", "Prohibited Uses", "Prohibited Uses 1", "Prohibited Uses 1.1",
        "Prohibited Uses 1.2", "Prohibited Uses 2", "Prohibited Uses 2.1"]
    assert outline.at(doc.text.index("Please report")).id == "Prohibited Uses"
    assert outline.at(doc.text.index("We want")).id == "preamble"


def test_all_caps_heading_after_numbered_text_and_annex() -> None:
    assert ids("""
        Agreement between parties.

        1. Grant. You may use it.
        2. Term. It lasts.

        ATTACHMENT A - USE RESTRICTIONS
        You agree not to use the Model:
        (a) To break the law;
        (b) To harm minors.

        ACCEPTABLE USE POLICY
        Do not misuse the model.
        """) == ["preamble", "1", "2", "ATTACHMENT A", "ATTACHMENT A a", "ATTACHMENT A b",
                 "ACCEPTABLE USE POLICY"]


def test_annex_words() -> None:
    for word in ("Annex A", "Attachment A", "Exhibit B", "Schedule 1", "Appendix 2"):
        assert ids(f"Main text.\n\n1. Grant. Yes.\n\n{word}\nMore text here.\n")[-1] == word


def test_title_line_and_run_in_titles_without_numbers() -> None:
    assert ids("""
        Example Open Agreement
        Release Date: 2026

        These terms apply to you.

        Definitions.
        "Work" means the model.

        Grant of License. You may use the Work.

        Redistribution. You may share the Work if:
        a. you give a copy of this License; and
        b. you keep the notices.

        Governing Law. The law of somewhere applies.
        """) == ["preamble", "Definitions", "Grant of License", "Redistribution",
                 "Redistribution a", "Redistribution b", "Governing Law"]


@pytest.mark.parametrize("line", [
    "version 2.0 of the model is better.",
    "2.0 is the version number here.",
    "$1,000. That is the fee.",
    "700 million monthly active users is the limit.",
    "e.g. this is an example.",
])
def test_numbers_inside_text_are_not_headings(line: str) -> None:
    assert ids(f"1. Grant. Words words\n{line}\n") == ["1"]


def test_hard_wrapped_reference_does_not_open_a_section() -> None:
    assert ids("""
        1. Rights. If you receive it, then Section
        2 of this Agreement will not apply to you.
        2. Commercial Terms. Words.
        """) == ["1", "2"]


def test_repeated_ids_get_a_suffix() -> None:
    assert ids("""
        Words.

        1. Grant. Text.
        2. Warranty. Text.
        2. Liability. Text.
        3. Term. Text.
        """)[1:] == ["1", "2", "2~2", "3"]


def test_translation_then_original_restarts_the_list() -> None:
    assert ids("""
        Words.

        1. Definitions
        2. Licence
        1. Definitions
        2. Licence
        """)[1:] == ["1", "2", "1~2", "2~2"]


def test_page_break_before_a_heading() -> None:
    assert ids("Words.\n\n1. Grant. Text.\n\f2. Term. Text.\n") == ["preamble", "1", "2"]


def test_spans_are_exact_and_nested() -> None:
    doc, outline = outline_of("""
        Opening.

        1. Grant. Text one.
           a. Sub item.
        2. Term. Text two.
        """)
    for clause in outline.clauses:
        assert clause.text == doc.text[clause.span.start:clause.span.end]
        assert clause.span.line == doc.line_of(clause.span.start)
    one = outline.get("1")
    assert one is not None and "Sub item." in one.text and "Term" not in one.text
    assert outline.get("nope") is None
    assert outline.at(doc.text.index("Opening")).id == "preamble"


def test_empty_document_has_no_sections() -> None:
    assert ids("") == []


def test_appended_use_policy_after_numbered_articles_is_an_annex():
    # Regression: an ALL-CAPS policy title after "Article 2" was read as part of Article 2.
    text = (
        "Intro text of the agreement.\n"
        "Article 1. Grant\nYou may use it.\n"
        "Article 2. Law\nThe laws of Ruritania apply.\n\n"
        "ACCEPTABLE USE POLICY\nYou agree not to use the Model:\n"
        "1. to break the law;\n2. to harm children.\n"
    )
    assert ids(text) == ["preamble", "1", "2", "ACCEPTABLE USE POLICY",
                   "ACCEPTABLE USE POLICY 1", "ACCEPTABLE USE POLICY 2"]


def test_a_first_heading_with_siblings_at_its_level_is_a_section() -> None:
    # A card that opens with "## Model Information" and goes on with "## Intended Use" has no
    # title: its first heading is a section like the others, and its table lines sit under it.
    doc, outline = outline_of("## Model Information\n\n| a | b |\n|---|---|\n| c | d |\n\n"
                              "## Intended Use\n\nText.\n", "md")
    assert [c.id for c in outline.clauses] == ["Model Information", "Intended Use"]
    assert outline.at(doc.text.index("| c |")).id == "Model Information"
    # a first heading above all the others is still the document's title
    assert ids("# Owl\n\n## Usage\n\nText.\n", "md") == ["preamble", "Usage"]
