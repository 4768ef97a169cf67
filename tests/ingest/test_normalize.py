from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from openness.ingest.normalize import analysis_view, normalize_quote
from openness.model import Document


def doc(text: str) -> Document:
    return Document(path="x.txt", text=text, format="txt", sha256="0")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a  b\t\tc\n\n  d", "a b c d"),
        ("a\u00a0b\u2003c\u202fd", "a b c d"),
        ("non-\n      transferable", "non-transferable"),
        ("models-and-\nlibraries", "models-and-libraries"),
        ("non- transferable", "non-transferable"),
        ("pre- and post-training", "pre- and post-training"),
        ("Llama-\nMaterials", "Llama- Materials"),
        ("trans\u00ad\nferable", "transferable"),
        ("non\ufffe\ntransferable", "nontransferable"),
        ("the \u201cModel\u201d and the Licensee\u2019s rights", 'the "Model" and the Licensee\'s rights'),
        ("2020\u20132024 \u2014 see \u2026", "2020-2024 -- see ..."),
        ("\ufb01ne print", "fine print"),
        ("7\\. Governing law \\*", "7. Governing law *"),
        ("AT&amp;T &#8217;s &#x201C;x&#x201D; &nbsp; y", "AT&T 's \"x\" y"),
        ("zero\u200bwidth", "zerowidth"),
        ("AT&T; &unknown;", "AT&T; &unknown;"),
    ],
)
def test_normalize_quote(raw: str, expected: str) -> None:
    assert normalize_quote(raw) == expected


def test_view_maps_back_to_original_offsets() -> None:
    text = "1. Grant.\n   You are granted a non-\n   transferable licence &amp; \u201cmore\u201d."
    view = analysis_view(doc(text))
    assert view.text == '1. Grant. You are granted a non-transferable licence & "more".'
    start = view.text.index("non-transferable")
    span = view.span(start, start + len("non-transferable"))
    assert text[span.start : span.end] == "non-\n   transferable"
    assert span.line == 2 and span.page is None
    amp = view.text.index("&")
    assert text[view.original(amp) : view.original(amp + 1)] == "&amp;"
    assert view.original(len(view.text)) == len(text)
    assert view.span(0, len(view.text)).end == len(text)


def test_view_rejects_indices_outside_it() -> None:
    view = analysis_view(doc("abc"))
    with pytest.raises(IndexError):
        view.original(4)
    with pytest.raises(IndexError):
        view.span(2, 1)


@given(st.text(alphabet=st.sampled_from("ab -\n\t\u00a0\u2019\u2014&;#\\.\u00ad\u200bxA"), max_size=60))
@example("&AA;")  # an entity that is none: its letters once all pointed at the "&"
def test_view_is_normalize_quote_and_offsets_are_monotonic(text: str) -> None:
    view = analysis_view(doc(text))
    assert view.text == normalize_quote(text)
    offsets = [view.original(i) for i in range(len(view.text) + 1)]
    assert offsets == sorted(offsets) and offsets[-1] == len(text)
    for i, char in enumerate(view.text):  # letters are copied, never made up
        if char.isalnum():
            assert text[offsets[i]] == char
    assert normalize_quote(view.text) == view.text or "\\" in text or "&" in text


@given(st.text(max_size=80))
def test_quotes_found_in_view_of_text_containing_them(text: str) -> None:
    """What the corpus test relies on: a normalised substring is found in the view."""
    words = text.split()
    quote = " ".join(words[1:-1])
    if quote:
        assert normalize_quote(quote).strip() in analysis_view(doc(" ".join(words))).text
