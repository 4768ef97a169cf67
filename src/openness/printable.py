"""Text shown to a person, with every character that is not plainly visible escaped.

File names, rule files and documents come from others. A NUL, an ANSI escape sequence, a
carriage return or a right-to-left override written raw to a terminal can hide or forge what
the message says; shown as ``\\x00``, ``\\x1b`` or ``\\u202e`` it is merely odd. Bytes of a
file name that are not UTF-8 (which Python carries as lone surrogates) are shown as the bytes
they were, ``\\xff``.
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str, *, keep: str = "") -> str:
    """``text`` with each character that :meth:`str.isprintable` rejects escaped (a space is
    printable; ``keep`` names characters to leave as they are, such as a report's ``\\n``)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in keep else _escape(c) for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
