"""Unit boundaries: what one finding quotes (a sentence or a list item)."""

from __future__ import annotations

from openness.extract.layout import line_breaks, text_lines
from openness.extract.pipeline import load_pipeline
from openness.extract.units import BREAKS_KEY, UNITS_KEY


def units(text: str) -> list[str]:
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    doc.user_data[BREAKS_KEY] = line_breaks(text_lines(text), lambda offset: offset)
    doc = nlp(doc)
    return [doc.text[u.start_char : u.end_char] for u in doc.user_data[UNITS_KEY]]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = ('Copyright (c) Acme Models, Inc. All Rights Reserved. Use it e.g. for tests, i.e. '
            'locally, under U.S. law and clause No. 5 only. Then stop.')
    assert units(text) == [
        "Copyright (c) Acme Models, Inc. All Rights Reserved.",
        "Use it e.g. for tests, i.e. locally, under U.S. law and clause No. 5 only.",
        "Then stop.",
    ]


def test_legal_forms_with_inner_stops_do_not_end_a_sentence() -> None:
    # "e.V." had been cut after "e.", so the attribution duty around it lost its second half
    text = ("Products name Feldspar Audio e.V. as the origin of the Model. Credit Nordlicht B.V., "
            "Tarn S.p.A. and Kookaburra Pty. Ltd. in the documentation. Then stop.")
    assert units(text) == [
        "Products name Feldspar Audio e.V. as the origin of the Model.",
        "Credit Nordlicht B.V., Tarn S.p.A. and Kookaburra Pty. Ltd. in the documentation.",
        "Then stop.",
    ]


def test_a_definition_opening_with_a_quote_is_not_run_into_its_heading() -> None:
    # the glossary reads a definition at the start of its unit: "DEFINITIONS \"Ceiling\" means"
    # had hidden the threshold its number sat in
    text = 'DEFINITIONS\n"Community Ceiling" means gross turnover of EUR 5,000,000.\n"Output" means text.\n'
    assert units(text) == ["DEFINITIONS", '"Community Ceiling" means gross turnover of EUR 5,000,000.',
                           '"Output" means text.']


def test_a_quoted_notice_stays_whole() -> None:
    text = 'Keep this notice: "Foo is licensed under the Foo Licence, Copyright Foo Ltd. All Rights Reserved." Then go.'
    assert units(text)[0].endswith('All Rights Reserved."')


def test_each_list_item_is_its_own_unit_without_its_marker() -> None:
    text = "You agree not to use the Model:\n(a) for military purposes;\n(b) to harm minors; or\n1.b.v. to spam.\n"
    assert units(text) == [
        "You agree not to use the Model:",
        "for military purposes;",
        "to harm minors; or",
        "to spam.",
    ]


def test_hard_wrapped_sentences_are_kept_whole() -> None:
    text = "You may use the Model for any lawful purpose provided that you keep\nthis notice in every copy you distribute to anyone.\n"
    assert [" ".join(u.split()) for u in units(text)] == [
        "You may use the Model for any lawful purpose provided that you keep this notice in every copy you distribute to anyone."
    ]


def test_all_caps_disclaimer_is_a_unit_of_its_own() -> None:
    text = "4. Disclaimer. THE MODEL IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND.\n5. Term. It ends."
    assert "THE MODEL IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND." in units(text)


def test_a_megabyte_on_one_line_finishes_in_bounded_units() -> None:
    # no punctuation at all: the cap splits it; the point is that it returns
    text = "word " * 200_000
    pieces = units(text)
    assert len(pieces) >= 200_000 // 200
    assert all(len(p.split()) <= 200 for p in pieces)


def test_a_line_that_ends_in_a_conjunction_runs_on_into_the_next() -> None:
    text = ("(a) You must give any other recipients of the Work or\n"
            "    Derivative Works a copy of this License; and\n")
    assert units(text) == ["You must give any other recipients of the Work or\n    Derivative Works a copy of this License; and"]
