"""What a copy may lay out differently is not a word that identifies it."""

from __future__ import annotations

from openness.identify.words import is_label, quote, words


def test_a_copyright_notice_is_not_compared() -> None:
    assert words("Copyright (c) 2023 DeepSeek\nPermission is granted.").keys == \
        ("permission", "is", "granted")
    assert words("Copyright [yyyy] [name of copyright owner]\nLicensed.").keys == ("licensed",)
    assert words("© 2024 Apple Inc.\nAll rights reserved.\nTerms.").keys == ("terms",)


def test_a_wrapped_sentence_that_starts_a_line_with_copyright_is_kept() -> None:
    text = "retain the\ncopyright notice that is included in the work"
    assert words(text).keys[:3] == ("retain", "the", "copyright")


def test_case_quotes_and_punctuation_do_not_count() -> None:
    assert words('“Software” means THE program.').keys == words('"software" means the program').keys


def test_a_url_is_one_word_whatever_its_scheme() -> None:
    assert words("see https://www.apache.org/licenses/").keys == \
        words("see http://apache.org/licenses").keys
    assert len(words("see https://www.apache.org/licenses/")) == 2


def test_labels_and_links_are_told_apart_from_words() -> None:
    assert all(is_label(key) for key in ("1", "4.2", "b", "iv"))
    assert is_label(words("http://example.org/x").keys[0])
    assert not is_label("thirty")


def test_a_quote_reads_as_the_text_prints_it() -> None:
    text = "You may not\n   use it for “military” purposes."
    found = words(text)
    assert quote(found, 3, len(found)) == "use it for “military” purposes"
