"""Text from others is shown with its invisible characters escaped."""

from __future__ import annotations

import os

from openness.printable import printable


def test_plain_text_is_unchanged():
    assert printable("LICENSE.md: is empty — «ok»") == "LICENSE.md: is empty — «ok»"


def test_controls_and_format_characters_are_escaped():
    assert printable("a\x00b\x1b[31mc\rd\te\u202ef") == "a\\x00b\\x1b[31mc\\rd\\te\\u202ef"


def test_bytes_of_a_name_that_is_not_utf8_show_as_bytes():
    assert printable(os.fsdecode(b"bad\xffname")) == "bad\\xffname"


def test_kept_characters_stay():
    assert printable("one\ntwo\x07", keep="\n") == "one\ntwo\\x07"
