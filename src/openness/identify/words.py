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
* what is left is split with the diff package's tokenizer (:func:`openness.diff.tokens.tokenize`,
  so typographic quotes compare equal to ASCII ones) and only words and numbers are kept,
  case-folded. Punctuation and HTML tags (``<br>``, and SPDX's ``<year>`` placeholders) are not
  words. List labels ("1.", "(a)") stay words: a copy that numbers its clauses differently is
  told apart later (:func:`is_label`), where a number that changed is still a change.

Blanking overwrites with spaces, so every word keeps its offsets in the original text and a
passage can be quoted and located by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from openness.diff.tokens import Token, tokenize

#: A copyright notice line ("Copyright (c) 2023 DeepSeek", "Copyright [yyyy] [name of copyright
#: owner]", "© 2024 Apple Inc."): the holder's line, not the licence's terms. Capitalised, so that
#: a hard-wrapped sentence whose line starts with "copyright notice" stays.
_COPYRIGHT = re.compile(r"^[ \t>#*_]*(?:(?:Copyright|COPYRIGHT)\b(?:\s*(?:\(c\)|©|\d{4}|[\[<({]|[A-Z]))"
                        r"|©|\([cC]\)\s*\d{4}|All [Rr]ights [Rr]eserved\b|ALL RIGHTS RESERVED\b).*$",
                        re.MULTILINE)
#: A URL, read as one word: what it points at, whatever scheme, ``www.`` or closing slash.
_URL = re.compile(r"\b(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/)[^\s<>\"'()\[\]]*",
                  re.IGNORECASE)
_URL_NOISE = re.compile(r"^(?:https?://)?(?:www\.)?|[/.,;:]+$", re.IGNORECASE)
_NOT_LINE_BREAK = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Words:
    """The identifying words of a text: ``keys`` to compare, ``tokens`` to quote and locate."""

    text: str
    tokens: tuple[Token, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key.casefold() for t in self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)


def words(text: str) -> Words:
    """The identifying words of ``text`` (see the module docstring for what is set aside)."""
    blanked = _blank(text, _COPYRIGHT)
    tokens: list[Token] = []
    cursor = 0
    for url in _URL.finditer(blanked):
        tokens.extend(_words(blanked[cursor:url.start()], cursor))
        key = "url:" + _URL_NOISE.sub("", url.group()).lower()
        tokens.append(Token(key, url.group(), url.start(), url.end()))
        cursor = url.end()
    tokens.extend(_words(blanked[cursor:], cursor))
    return Words(text=text, tokens=tuple(tokens))


def _words(text: str, offset: int) -> list[Token]:
    return [t for t in tokenize(text, offset) if t.key[:1].isalnum()]


def is_label(key: str) -> bool:
    """A list label or a URL: words a faithful copy may add or drop ("1.", "(b)", a link)."""
    return bool(_LABEL_WORD.fullmatch(key)) or key.startswith("url:")


_LABEL_WORD = re.compile(r"\d+(?:\.\d+)*|[a-z]|[ivxlc]{1,6}")


def _blank(text: str, pattern: re.Pattern[str]) -> str:
    """``text`` with every match of ``pattern`` overwritten by spaces (line breaks kept)."""
    return pattern.sub(lambda m: _NOT_LINE_BREAK.sub(" ", m.group()), text)


def quote(source: Words, start: int, end: int) -> str:
    """The words ``source.tokens[start:end]`` as the text prints them, on one line."""
    if start >= end:
        return ""
    first, last = source.tokens[start], source.tokens[end - 1]
    return " ".join(source.text[first.start:last.end].split())
