"""A licence text as the words that identify it, each with its place in the text.

Two copies of one licence differ in much that is not wording: line wrapping, list labels
("1." against "(a)" against none), bullets, quotes and dashes, Markdown emphasis, ``http`` or
``https``, and the copyright line that every copy fills in with its own year and holder. None of
that may make an MIT licence a "variant", so it is set aside here, the same way on the document
and on the reference:

* copyright notices (a line that starts with "Copyright", "(c)", "©" or "All rights reserved")
  are blanked: they name the holder, not the terms;
* a URL is one word, without its scheme, ``www.`` and closing slash, so
  ``https://www.apache.org/licenses/`` and ``http://apache.org/licenses`` read alike;
* what is left is split into words and numbers, case-folded, with typographic quotes and
  ligatures spelled as :func:`openness.ingest.normalize.normalize_quote` spells them. Punctuation and HTML tags (``<br>``, and SPDX's ``<year>`` placeholders) are not
  words. List labels ("1.", "(a)") stay words: a copy that numbers its clauses differently is
  told apart later (:func:`is_label`), where a number that changed is still a change.

Blanking overwrites with spaces, so every word keeps its offsets in the original text and a
passage can be quoted and located by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Sequence

from openness.diff.tokens import Token
from openness.ingest.normalize import normalize_quote

#: A copyright notice line ("Copyright (c) 2023 DeepSeek", "Copyright [yyyy] [name of copyright
#: owner]", "© 2024 Apple Inc."): the holder's line, not the licence's terms. Capitalised, so that
#: a hard-wrapped sentence whose line starts with "copyright notice" stays.
_COPYRIGHT = re.compile(r"^[ \t>#*_]*(?:(?:Copyright|COPYRIGHT)\b(?:\s*(?:\(c\)|©|\d{4}|[\[<({]|[A-Z]))"
                        r"|©|\([cC]\)\s*\d{4}|All [Rr]ights [Rr]eserved\b|ALL RIGHTS RESERVED\b).*$",
                        re.MULTILINE)
#: Scripts written without spaces (Chinese, Japanese, Korean): each character is a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
#: A letter or digit outside those scripts (one character class: a look-ahead per character
#: would double the cost of reading a text).
_LETTER = f"[^\\W_{_CJK}]"
#: A URL (one word: what it points at, whatever scheme, ``www.`` or closing slash), an HTML tag
#: or SPDX placeholder (``<br>``, ``<year>``: no word), or a word: a number with its inner
#: separators ("3.1", "50,000"), a CJK character, or letters with inner apostrophes.
_PIECE = re.compile(
    r"(?P<url>(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>\"'()\[\]]*"
    r"|(?<![\w.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,6}/[^\s<>\"'()\[\]]*)"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,200}>)"
    rf"|(?P<word>\d+(?:[.,]\d+)*|[{_CJK}]|{_LETTER}+(?:['\u2019]{_LETTER}+)*)")
_URL_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|[/.,;:]+$", re.IGNORECASE)
_NOT_LINE_BREAK = re.compile(r"[^\n]")
#: First code point given to a word by :func:`encode` (past the Basic Multilingual Plane, so
#: clear of surrogates).
_FIRST_CODE = 0x10000


@dataclass(frozen=True)
class Words:
    """The identifying words of a text: ``keys`` to compare, ``tokens`` to quote and locate."""

    text: str
    #: One token per word; its ``key`` is the word as compared (case-folded, quotes straight).
    tokens: tuple[Token, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens)

    @cached_property
    def code(self) -> str:
        """The words as one character each (see :func:`encode`)."""
        return encode(self.keys)

    def __len__(self) -> int:
        return len(self.tokens)


def words(text: str) -> Words:
    """The identifying words of ``text`` (see the module docstring for what is set aside)."""
    blanked = _COPYRIGHT.sub(lambda m: _NOT_LINE_BREAK.sub(" ", m.group()), text)
    tokens = []
    for piece in _PIECE.finditer(blanked):
        kind, raw = piece.lastgroup, piece.group()
        if kind == "word":
            key = raw.casefold() if raw.isascii() else _folded(raw)
        elif kind == "url":
            key = "url:" + _URL_NOISE.sub("", raw).lower()
        else:
            continue
        tokens.append(Token(key, raw, piece.start(), piece.end()))
    return Words(text=text, tokens=tuple(tokens))


@lru_cache(maxsize=8192)
def _folded(raw: str) -> str:
    return (normalize_quote(raw) or raw).casefold()


#: The character standing for each word seen by this process (see :func:`encode`).
_CODES: dict[str, str] = {}


def encode(keys: Sequence[str]) -> str:
    """``keys`` as a string of one character per word, the same character for the same word.

    rapidfuzz aligns two strings in C at machine speed, but two tuples of Python strings only
    after hashing every element again on each call; so the word sequences of a copy and its
    references are compared as strings of word codes, whose indices are the words' indices.
    The codes are this process's own and are never stored.
    """
    codes = _CODES
    out = []
    for key in keys:
        code = codes.get(key)
        if code is None:
            code = codes[key] = chr(_FIRST_CODE + len(codes))
        out.append(code)
    return "".join(out)


def is_label(key: str) -> bool:
    """A list label or a URL: words a faithful copy may add or drop ("1.", "(b)", a link)."""
    return bool(_LABEL_WORD.fullmatch(key)) or key.startswith("url:")


_LABEL_WORD = re.compile(r"\d+(?:\.\d+)*|[a-z]|[ivxlc]{1,6}")


def quote(source: Words, start: int, end: int) -> str:
    """The words ``source.tokens[start:end]`` as the text prints them, on one line."""
    if start >= end:
        return ""
    first, last = source.tokens[start], source.tokens[end - 1]
    return " ".join(source.text[first.start:last.end].split())
