"""Clauses as word tokens: the unit that alignment, rename detection and redlines compare.

A token keeps its offsets in ``Document.text`` so a redline can quote either version exactly;
its ``key`` is the token as :func:`~openness.ingest.normalize.normalize_quote` spells it, so
typographic quotes and dashes compare equal to their ASCII forms. Whitespace is never a token:
re-wrapping a paragraph is not a change of wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import cached_property, lru_cache

from openness.ingest.normalize import normalize_quote
from openness.model import Clause, Document
from openness.segment import PREAMBLE, Outline

#: Scripts written without spaces (Chinese, Japanese, Korean): each character is a token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_LETTERS = rf"(?:(?![{_CJK}])[^\W_])+"
#: Numbers keep their inner separators ("3.1", "50,000,000"); words their inner apostrophes.
#: An HTML tag in Markdown ("<br>") is one token that is not a word: layout, not wording.
_TOKEN = re.compile(rf"</?[A-Za-z][^<>\n]{{0,200}}>|\d+(?:[.,]\d+)*|[{_CJK}]|{_LETTERS}(?:['\u2019]{_LETTERS})*|[^\w\s]|_+")
#: A printed clause number: "3.", "(b)", "v)", "Section 4", "## 2.", "**1.1**".
_LABEL = re.compile(r"[\s#*]*(?:(?:section|article|clause|part|§)\s*)?[(\[]?"
                    r"([^\W_]+(?:\.[^\W_]+)*)[)\]:]?\.?", re.I)


class Token(NamedTuple):
    """One word, number or punctuation mark of a clause.

    A named tuple rather than a frozen dataclass: a 30-page licence has tens of thousands of
    tokens, and a tuple is several times cheaper to create.
    """

    key: str
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.key[:1].isalnum()

    @property
    def is_name(self) -> bool:
        """Capitalised words and numbers: what product names and versions are made of."""
        return self.key[:1].isupper() or self.key[:1].isdigit()


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A clause's own words (its text minus its sub-clauses and its printed number)."""

    id: str
    clause: Clause
    tokens: tuple[Token, ...]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens)

    @cached_property
    def folded(self) -> tuple[str, ...]:
        """Keys compared without case, as alignment compares them."""
        return tuple(t.key.casefold() for t in self.tokens)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self.folded)

    @property
    def display(self) -> str:
        return join(self.tokens)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        key = raw if raw.isascii() else _key(raw)
        tokens.append(Token(key, raw, offset + match.start(), offset + match.end()))
    return tokens


@lru_cache(maxsize=8192)
def _key(raw: str) -> str:
    return normalize_quote(raw) or raw


def join(tokens: tuple[Token, ...] | list[Token]) -> str:
    """The tokens as one line: a space wherever the source had whitespace between them."""
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if previous is not None and token.start > previous.end:
            out.append(" ")
        out.append(token.text)
        previous = token
    return "".join(out)


def units(doc: Document, outline: Outline) -> list[Unit]:
    """One :class:`Unit` per clause that has words of its own, in document order."""
    children: dict[str, list[Clause]] = {}
    for clause in outline.clauses:
        if clause.parent is not None:
            children.setdefault(clause.parent, []).append(clause)
    result = []
    for clause in outline.clauses:
        tokens: list[Token] = []
        cursor = clause.span.start
        for child in children.get(clause.id, []):
            tokens.extend(tokenize(doc.text[cursor:child.span.start], cursor))
            cursor = max(cursor, child.span.end)
        tokens.extend(tokenize(doc.text[cursor:clause.span.end], cursor))
        label_end = _label_end(doc.text, clause)
        tokens = [t for t in tokens if t.start >= label_end]
        if tokens:
            result.append(Unit(id=clause.id, clause=clause, tokens=tuple(tokens)))
    return result


def _label_end(text: str, clause: Clause) -> int:
    """Offset just past the printed number of ``clause`` ("5.", "(b)", "Section 4"), if any.

    The number is where a clause sits, not what it says: a renumbered clause is unchanged.
    """
    base = clause.id.split("~")[0]
    if clause.id == PREAMBLE or base == clause.title:
        return clause.span.start
    number = base.rsplit(" ", 1)[-1]
    match = _LABEL.match(text, clause.span.start, clause.span.end)
    if match and match.group(1) in (number, number.rsplit(".", 1)[-1]):
        return match.end()
    return clause.span.start
