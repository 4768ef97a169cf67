"""The ``openness_units`` component: legal sentence boundaries.

A unit is what a finding quotes: a sentence, or a list item. Boundaries come from three places:
the line structure found by :mod:`openness.extract.layout` (list items, headings, paragraphs:
passed in ``doc.user_data["openness.breaks"]``), sentence-final punctuation, and a cap on length.
Abbreviations that end in a full stop ("Inc.", "e.g.", "U.S.", "No.") are special cases of the
tokenizer (:mod:`openness.extract.tokenizer`), read from ``data/abbreviations.jsonl``, and never
end a unit, so a notice such as "Copyright (c) Meta Platforms, Inc. All Rights Reserved." stays
in one piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, SENT_START, SPACY
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
#: The longest quoted passage (tokens) that is kept inside one unit.
_QUOTE_SPAN = 80
#: Marks a straight quote may follow without a space and still open a quotation.
_BEFORE_QUOTE = ":(["
_QUOTE_CHAR = re.compile("[\"\u201c\u201d]")
_CLOSERS = {'"', "'", ")", "]", "\u201d", "\u2019", "*", "**"}
#: Token kinds as small integers, for the array operations of :class:`UnitSplitter`.
_END, _SPACE, _QUOTE, _CLOSE, _LOWER, _PUNCT, _WORD = range(7)
_KIND_CODES = {"end": _END, "space": _SPACE, "quote": _QUOTE, "close": _CLOSE,
               "lower": _LOWER, "punct": _PUNCT, "word": _WORD}


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
    #: The unit begins a Markdown heading line.
    heading: bool = False


@Language.factory("openness_units", default_config={"max_tokens": 200})
def make_units(nlp: Language, name: str, max_tokens: int) -> "UnitSplitter":
    return UnitSplitter(max_tokens=max_tokens)


class UnitSplitter:
    """Sets ``Token.is_sent_start`` and records the units in ``doc.user_data``.

    The boundaries are found with array operations over ``Doc.to_array``, not a loop over the
    tokens: a sentence ends at a terminal mark, the closing quotes or brackets attached to it
    are passed over, and the next unit starts at the first word (or opening quote) after it.
    """

    def __init__(self, *, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        #: Kind code of every word seen so far (orth ids, sorted, and their codes): orth ids
        #: are stable for the life of the vocab, so a word's kind is worked out once.
        self._orths = numpy.zeros(0, dtype=numpy.uint64)
        self._codes = numpy.zeros(0, dtype=numpy.int8)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(TEXT_KEY) or doc.text
        doc.user_data[TEXT_KEY] = text
        if not len(doc):
            doc.user_data[UNITS_KEY] = []
            return doc
        table = doc.to_array([ORTH, IDX, SPACY, LENGTH])
        starts = table[:, 1].astype(numpy.int64)
        marks = self._marks(doc.user_data.get(BREAKS_KEY, []), starts)
        boundaries = self._boundaries(doc, table, starts, marks)
        first_chars = starts.tolist()
        last_chars = (starts + table[:, 3].astype(numpy.int64)).tolist()
        separators: numpy.ndarray | None = None
        units = []
        for n, start in enumerate(boundaries):
            end = boundaries[n + 1] if n + 1 < len(boundaries) else len(doc)
            brk = marks.get(start)
            if end - start <= self.max_tokens:
                units.append(_unit(text, start, end, first_chars[start], last_chars[end - 1], brk))
                continue
            if separators is None:
                separators = numpy.isin(table[:, 0], [doc.vocab.strings[p] for p in (";", ",")])
            for s, e in self._cap(separators, start, end):
                units.append(_unit(text, s, e, first_chars[s], last_chars[e - 1], brk if s == start else None))
        # one array write: setting Token.is_sent_start one token at a time is quadratic
        sent_starts = numpy.full((len(doc), 1), -1, dtype="int32")
        sent_starts[[unit.start for unit in units], 0] = 1
        doc.from_array([SENT_START], sent_starts.astype("uint64"))
        doc.user_data[UNITS_KEY] = units
        return doc

    @staticmethod
    def _marks(breaks: list[Break], starts: numpy.ndarray) -> dict[int, Break]:
        """The token at which each line break falls (the first break wins a token)."""
        marks: dict[int, Break] = {}
        if breaks:
            at = numpy.searchsorted(starts, [brk.offset for brk in breaks], side="left").tolist()
            for i, brk in zip(at, breaks):
                if i < len(starts) and i not in marks:
                    marks[i] = brk
        return marks

    def _boundaries(self, doc: Doc, table: numpy.ndarray, starts: numpy.ndarray,
                    marks: dict[int, Break]) -> list[int]:
        n = len(table)
        kind = self._kind_codes(table[:, 0], doc.vocab.strings)
        spaced = table[:, 2].astype(bool)
        after_space = numpy.roll(spaced, 1)  # whitespace before each token
        at_mark = numpy.zeros(n, dtype=bool)
        at_mark[list(marks)] = True
        # tokens of a list marker such as "1." or "(a)" take no part: they sit between the
        # break's token and the offset where the item's words begin
        in_marker = numpy.zeros(n, dtype=bool)
        order = sorted(marks)
        content = numpy.searchsorted(starts, [marks[i].content for i in order], side="left").tolist()
        for j, (i, k) in enumerate(zip(order, content)):
            stop = min(k, order[j + 1] if j + 1 < len(order) else n)
            in_marker[i + 1 : stop] = True
        # a closing quote or bracket attached to a full stop keeps the sentence ended
        passed_over = (kind == _SPACE) | (((kind == _CLOSE) | (kind == _QUOTE)) & ~after_space)
        decides = ~in_marker & (~passed_over | at_mark)
        last = numpy.maximum.accumulate(numpy.where(decides, numpy.arange(n), -1))
        before = numpy.concatenate(([-1], last[:-1]))
        ended = (before >= 0) & (kind[numpy.maximum(before, 0)] == _END)
        # after a sentence-final mark, a unit starts at a word, or at an opening quote or
        # bracket (after a space) unless a lowercase word follows it
        following = numpy.concatenate((kind[1:], [_SPACE]))
        opens = (kind == _QUOTE) & after_space & (following != _LOWER) & (numpy.arange(n) + 1 < n)
        starts_here = ended & ~in_marker & ((kind == _WORD) | opens)
        starts_here &= ~self._quoted(doc.user_data.get(TEXT_KEY) or doc.text, starts, at_mark)
        starts_here |= at_mark
        starts_here[0] = True
        return numpy.flatnonzero(starts_here).tolist()

    @staticmethod
    def _quoted(text: str, starts: numpy.ndarray, at_mark: numpy.ndarray) -> numpy.ndarray:
        """Tokens inside a double-quoted passage that closes within its line or paragraph.

        A notice to display may hold sentences of its own ('the notice "Lumen-Vox is licensed
        under ... Licence. Copyright Lumen Foundry Oy."'); the unit is the sentence that
        quotes it. Quotes are found in the text, not among the tokens, as one may sit inside a
        token ('file:"Tongyi'): a straight quote opens after a space or a mark that introduces
        it, and closes right after a word or mark. A quote that does not close within
        ``_QUOTE_SPAN`` tokens, before the next line break, is a stray mark and ends nothing.
        """
        inside = numpy.zeros(len(starts), dtype=bool)
        quotes = [m.start() for m in _QUOTE_CHAR.finditer(text)]
        if len(quotes) < 2:
            return inside
        tokens = (numpy.searchsorted(starts, quotes, side="right") - 1).tolist()
        breaks = numpy.cumsum(at_mark)
        for (opener, first), (closer, last) in zip(zip(quotes, tokens), zip(quotes[1:], tokens[1:])):
            before = text[opener - 1] if opener else " "
            opens = text[opener] == "\u201c" or (
                text[opener] == '"' and (before.isspace() or before in _BEFORE_QUOTE))
            closes = text[closer] == "\u201d" or (
                text[closer] == '"' and not text[closer - 1].isspace())
            near = 0 <= first and last - first <= _QUOTE_SPAN and breaks[last] == breaks[first]
            if opens and closes and near:
                inside[first + 1 : last + 1] = True
        return inside

    def _kind_codes(self, orths: numpy.ndarray, strings) -> numpy.ndarray:  # type: ignore[no-untyped-def]
        at = numpy.searchsorted(self._orths, orths)
        known = numpy.zeros(len(orths), dtype=bool)
        if len(self._orths):
            known = self._orths[numpy.minimum(at, len(self._orths) - 1)] == orths
        if not known.all():
            new = numpy.unique(orths[~known])
            codes = [_KIND_CODES[_kind(strings[orth])] for orth in new.tolist()]
            merged = numpy.concatenate((self._orths, new))
            order = numpy.argsort(merged, kind="stable")
            self._orths = merged[order]
            self._codes = numpy.concatenate((self._codes, numpy.array(codes, dtype=numpy.int8)))[order]
            at = numpy.searchsorted(self._orths, orths)
        return self._codes[at]

    def _cap(self, separators: numpy.ndarray, start: int, end: int) -> list[tuple[int, int]]:
        """Cut an over-long unit at its last ``;`` or ``,`` before the cap, else at the cap."""
        pieces = []
        while end - start > self.max_tokens:
            limit = start + self.max_tokens
            floor = start + self.max_tokens // 2 + 1
            found = numpy.flatnonzero(separators[floor:limit])
            cut = floor + int(found[-1]) + 1 if len(found) else limit
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
        return pieces


def _unit(text: str, start: int, end: int, start_char: int, end_char: int, brk: Break | None) -> Unit:
    if brk is not None and brk.content > start_char:
        start_char = brk.content
    while end_char > start_char and text[end_char - 1].isspace():
        end_char -= 1
    if end_char > start_char and text[end_char - 1] == ">":
        tail = _HTML_EDGE.search(text, start_char, end_char)
        if tail and tail.start() > start_char:
            end_char = tail.start()
            while end_char > start_char and text[end_char - 1].isspace():
                end_char -= 1
    first = start_char
    while first < end_char and text[first].isspace():
        first += 1
    if first < end_char and text[first] == "<":
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
        heading=brk is not None and brk.heading,
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
