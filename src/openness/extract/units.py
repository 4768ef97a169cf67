"""The ``openness_units`` component: legal sentence boundaries.

A unit is what a finding quotes: a sentence, or a list item. Boundaries come from three places:
the line structure found by :mod:`openness.extract.layout` (list items, headings, paragraphs:
passed in ``doc.user_data["openness.breaks"]``), sentence-final punctuation, and a cap on length.
Abbreviations that end in a full stop ("Inc.", "e.g.", "U.S.", "No.") are tokenizer special
cases read from ``data/abbreviations.jsonl`` and never end a unit, so a notice such as
"Copyright (c) Meta Platforms, Inc. All Rights Reserved." stays in one piece.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from importlib import resources

import numpy
from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from openness.extract.layout import Break

BREAKS_KEY = "openness.breaks"
UNITS_KEY = "openness.units"
#: The Doc's text, which spaCy rebuilds from the tokens on every ``doc.text``: read it once.
TEXT_KEY = "openness.text"

_TERMINAL = {".", "!", "?"}
#: HTML line breaks at the edges of a unit (Markdown licences use them for spacing).
_HTML_EDGE = re.compile(r"(?:\s*</?(?:br|p|div|hr)\s*/?>)+\s*$", re.IGNORECASE)
_HTML_HEAD = re.compile(r"^\s*(?:</?(?:br|p|div|hr)\s*/?>\s*)+", re.IGNORECASE)
_CLOSERS = {'"', "'", ")", "]", "\u201d", "\u2019", "*", "**"}


@dataclass(frozen=True, kw_only=True, slots=True)
class Unit:
    """One unit of the analysed text, in token and character coordinates of the spaCy Doc."""

    start: int
    end: int
    #: Character offsets of the unit's words (list marker excluded).
    start_char: int
    end_char: int
    #: The unit is a list item (its line began with a marker).
    item: bool
    #: The unit begins a block (a paragraph, heading or list item), not merely a sentence.
    block: bool


def abbreviations() -> list[str]:
    raw = resources.files("openness.extract").joinpath("data/abbreviations.jsonl").read_text("utf-8")
    return [json.loads(line)["abbr"] for line in raw.splitlines() if line.strip()]


@Language.factory("openness_units", default_config={"max_tokens": 200})
def make_units(nlp: Language, name: str, max_tokens: int) -> "UnitSplitter":
    for abbr in abbreviations():
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return UnitSplitter(max_tokens=max_tokens)


class UnitSplitter:
    """Sets ``Token.is_sent_start`` and records the units in ``doc.user_data``."""

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        breaks: list[Break] = doc.user_data.get(BREAKS_KEY, [])
        table = doc.to_array([ORTH, IDX, SPACY])
        orths = table[:, 0].tolist()
        starts = table[:, 1].tolist()
        spaced = table[:, 2].tolist()
        marks: dict[int, Break] = {}
        for brk in breaks:
            i = bisect.bisect_left(starts, brk.offset)
            if i < len(doc) and i not in marks:
                marks[i] = brk
        strings = doc.vocab.strings
        kinds: dict[int, str] = {}  # orth -> "end" | "close" | "open" | "word" | "lower" | "punct"
        boundaries = [0] if len(doc) else []
        ended = False
        marker_end = -1
        for i, orth in enumerate(orths):
            if i in marks:
                marker_end = marks[i].content
            elif starts[i] < marker_end:
                continue  # inside a list marker such as "1." or "(a)"
            kind = kinds.get(orth)
            if kind is None:
                kind = kinds[orth] = _kind(strings[orth])
            if i and (i in marks or (ended and _may_start(kind, i, orths, spaced, kinds, strings))):
                boundaries.append(i)
                ended = False
            if kind == "end":
                ended = True
            elif ended and kind in ("close", "quote") and not spaced[i - 1]:
                pass
            elif kind != "space":
                ended = False
        units = []
        text = doc.user_data.get(TEXT_KEY) or doc.text
        for n, start in enumerate(boundaries):
            end = boundaries[n + 1] if n + 1 < len(boundaries) else len(doc)
            brk = marks.get(start)
            for s, e in self._cap(doc, start, end):
                units.append(self._unit(doc, text, s, e, brk if s == start else None))
        if units:
            # one array write: setting Token.is_sent_start one token at a time is quadratic
            starts = numpy.full((len(doc), 1), -1, dtype="int32")
            starts[[unit.start for unit in units], 0] = 1
            doc.from_array([SENT_START], starts.astype("uint64"))
        doc.user_data[UNITS_KEY] = units
        doc.user_data[TEXT_KEY] = text
        return doc

    def _cap(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """Cut an over-long unit at its last ``;`` or ``,`` before the cap, else at the cap."""
        pieces = []
        while end - start > self.max_tokens:
            limit = start + self.max_tokens
            cut = limit
            for i in range(limit - 1, start + self.max_tokens // 2, -1):
                if doc[i].text in (";", ","):
                    cut = i + 1
                    break
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
        return pieces

    @staticmethod
    def _unit(doc: Doc, text: str, start: int, end: int, brk: Break | None) -> Unit:
        start_char = doc[start].idx
        if brk is not None and brk.content > start_char:
            start_char = brk.content
        last = doc[end - 1]
        end_char = last.idx + len(last.text)
        tail = _HTML_EDGE.search(text, start_char, end_char)
        if tail and tail.start() > start_char:
            end_char = tail.start()
        while end_char > start_char and text[end_char - 1].isspace():
            end_char -= 1
        head = _HTML_HEAD.match(text[start_char:end_char])
        if head and start_char + head.end() < end_char:
            start_char += head.end()
        return Unit(
            start=start,
            end=end,
            start_char=start_char,
            end_char=end_char,
            item=brk is not None and brk.item,
            block=brk is not None,
        )


def _kind(text: str) -> str:
    """How a token takes part in sentence boundaries."""
    if text in _TERMINAL or (len(text) > 1 and text.endswith(("!", "?"))):
        return "end"
    if not text.strip():
        return "space"
    if text in ('"', "'", "\u201c", "(", "["):
        return "quote"  # opens or closes, depending on the space before it
    if text in _CLOSERS:
        return "close"
    first = text[0]
    if first.islower():
        return "lower"
    if not first.isalnum():
        return "punct"
    return "word"


def _may_start(kind: str, i: int, orths: list[int], spaced: list[int],
               kinds: dict[int, str], strings) -> bool:  # type: ignore[no-untyped-def]
    """Whether a unit may begin at token ``i`` after a sentence-final mark."""
    if kind == "word":
        return True
    if kind == "quote":
        # an opening quote or bracket (after a space) starts the next sentence unless a
        # lowercase word follows it
        if not spaced[i - 1] or i + 1 >= len(orths):
            return False
        following = kinds.get(orths[i + 1]) or _kind(strings[orths[i + 1]])
        return following != "lower"
    return False
