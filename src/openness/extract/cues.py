"""The ``openness_cues`` component: finds the cue phrases of ``patterns/*.jsonl`` in each unit.

Literal phrases go through one PhraseMatcher over the whole text (cheap whatever their number);
token patterns, which are slower, run only on the first ``head_tokens`` tokens of each unit,
where the structures they look for (a defined term followed by "means", a list lead-in) sit,
and only on the units whose head holds the words a pattern cannot match without (read from the
patterns: "means", "refers", ...), found for all units at once with array operations.
Lemma phrases with a gap ("make … available") are found by :mod:`openness.extract.gaps`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from openness.extract.gaps import GAP, GapMatcher
from openness.extract.inflect import phrase_forms
from openness.extract.patterns import expand, load_patterns
from openness.extract.units import UNITS_KEY, Unit

CUES_KEY = "openness.cues"
#: Word sets the head prefilter tracks as bits of one 64-bit mask; more turns it off.
_MAX_SETS = 64


@dataclass(frozen=True, kw_only=True, slots=True)
class Mark:
    """One cue found in the text (token offsets in the spaCy Doc)."""

    label: str
    start: int
    end: int
    #: The cue's normalised value, when its pattern declares one.
    id: str | None = None


def _required_words(pattern: list[dict]) -> tuple[frozenset[str], ...]:
    """The lowercase word sets a token pattern cannot match without, one token from each.

    Read from the pattern itself: every token that is not optional (no ``OP``, or ``+``)
    and is given by ``LOWER`` (a word, or ``IN`` a list of words).
    """
    needed = []
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        lower = token.get("LOWER")
        if isinstance(lower, str):
            needed.append(frozenset([lower]))
        elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
            needed.append(frozenset(lower["IN"]))
    return tuple(needed)


def _overlap(a: Mark, b: Mark) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory("openness_cues", default_config={"head_tokens": 24})
def make_cues(nlp: Language, name: str, head_tokens: int) -> "CueFinder":
    return CueFinder(nlp, head_tokens=head_tokens)


class CueFinder:
    """Writes ``doc.user_data[CUES_KEY]``: per unit, the cues found in it, in text order."""

    def __init__(self, nlp: Language, *, head_tokens: int) -> None:
        self.head_tokens = head_tokens
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        #: Lemma phrases with a gap ("make … available"), matched over the whole text.
        self.gaps = GapMatcher(nlp)
        #: match key -> (label, id)
        self.keys: dict[int, tuple[str, str | None]] = {}
        #: label -> labels its matches cancel where they overlap
        self.cancels: dict[str, tuple[str, ...]] = {}
        #: match keys of the token patterns marked at the point before their last token
        self.before_last: set[int] = set()
        phrase_docs: dict[str, list[Doc]] = {}
        token_patterns: dict[str, list[list[dict]]] = {}
        anchors: list[tuple[frozenset[str], ...]] = []
        for cue in load_patterns().cues:
            key = f"{cue.label}|{cue.id or ''}"
            if cue.cancels:
                self.cancels[cue.label] = cue.cancels
            match_key = nlp.vocab.strings.add(key)
            self.keys[match_key] = (cue.label, cue.id)
            if cue.lemmas:
                for lemma in (lemma for lemma in cue.lemmas if GAP in lemma):
                    self.gaps.add(match_key, lemma)
                phrases = {form for lemma in cue.lemmas if GAP not in lemma
                           for spelling in expand(lemma) for form in phrase_forms(spelling, nouns=cue.object)}
                phrase_docs.setdefault(key, []).extend(nlp.make_doc(p) for p in sorted(phrases))
            elif isinstance(cue.pattern, str):
                for phrase in expand(cue.pattern):
                    phrase_docs.setdefault(key, []).append(nlp.make_doc(phrase))
            else:
                if cue.before_last:
                    key = f"{key}|before-last"
                    match_key = nlp.vocab.strings.add(key)
                    self.keys[match_key] = (cue.label, cue.id)
                    self.before_last.add(match_key)
                token_patterns.setdefault(key, []).append(cue.pattern)
                anchors.append(_required_words(cue.pattern))
        #: Per token pattern, the word sets its match needs a token from (one token per set).
        #: A unit whose head lacks them all skips the Matcher; a pattern without any required
        #: word (``None``) makes every unit a candidate.
        self.anchors: list[tuple[frozenset[str], ...]] | None = (
            None if any(not words for words in anchors) else anchors
        )
        # Each distinct word set is a bit; each anchor word carries the bits of its sets, so
        # one lookup per token says which sets it belongs to.
        sets = list(dict.fromkeys(words for pattern in anchors for words in pattern))
        if len(sets) > _MAX_SETS:
            self.anchors = None
        self._bit = {words: bit for bit, words in enumerate(sets)}
        bits: dict[int, int] = {}
        for bit, words in enumerate(sets):
            for word in words:
                key = nlp.vocab.strings.add(word)
                bits[key] = bits.get(key, 0) | (1 << bit)
        self._anchor_ids = numpy.array(sorted(bits), dtype=numpy.uint64)
        self._anchor_bits = numpy.array([bits[k] for k in sorted(bits)], dtype=numpy.uint64)
        for key, docs in phrase_docs.items():
            self.phrases.add(key, docs)
        for key, patterns in token_patterns.items():
            self.tokens.add(key, patterns)

    def __call__(self, doc: Doc) -> Doc:
        units: list[Unit] = doc.user_data.get(UNITS_KEY, [])
        found = list(self.phrases(doc))
        found.extend(self.gaps(doc))
        if len(self.tokens) and units:
            for index in self._worth_matching(doc, units):
                unit = units[index]
                head = doc[unit.start : min(unit.end, unit.start + self.head_tokens)]
                for k, s, e in self.tokens(head):
                    if k in self.before_last:
                        s = e = e - 1
                    found.append((k, unit.start + s, unit.start + e))
        per_unit: list[list[Mark]] = [[] for _ in units]
        if found and units:
            # each match goes to the unit it starts in, if it ends there too, in text order
            table = numpy.array(found, dtype=numpy.uint64)
            starts = table[:, 1].astype(numpy.int64)
            ends = table[:, 2].astype(numpy.int64)
            owner = numpy.searchsorted([u.start for u in units], starts, side="right") - 1
            inside = (owner >= 0) & (ends <= numpy.array([u.end for u in units])[owner])
            order = numpy.lexsort((ends, starts))
            owners = owner.tolist()
            for i in order[inside[order]].tolist():
                key, start, end = found[i]
                label, value = self.keys[key]
                per_unit[owners[i]].append(Mark(label=label, start=start, end=end, id=value))
        if self.cancels:
            per_unit = [self._cancel(marks) for marks in per_unit]
        doc.user_data[CUES_KEY] = per_unit
        return doc

    def _worth_matching(self, doc: Doc, units: list[Unit]) -> list[int]:
        """Indexes of the units whose head holds a token of every word set of some pattern."""
        if self.anchors is None or not len(self._anchor_ids):
            return list(range(len(units)))
        lower = doc.to_array(LOWER)
        at = numpy.minimum(numpy.searchsorted(self._anchor_ids, lower), len(self._anchor_ids) - 1)
        token_bits = numpy.where(self._anchor_ids[at] == lower, self._anchor_bits[at], 0)
        firsts = numpy.array([u.start for u in units])
        lasts = numpy.minimum(numpy.array([u.end for u in units]), firsts + self.head_tokens)
        present: dict[int, numpy.ndarray] = {}
        worth = numpy.zeros(len(units), dtype=bool)
        for words_of_pattern in self.anchors:
            holds = numpy.ones(len(units), dtype=bool)
            for words in words_of_pattern:
                bit = self._bit[words]
                if bit not in present:
                    member = (token_bits >> numpy.uint64(bit)) & numpy.uint64(1)
                    counts = numpy.concatenate(([0], numpy.cumsum(member)))
                    present[bit] = counts[lasts] > counts[firsts]
                holds &= present[bit]
            worth |= holds
        return numpy.flatnonzero(worth).tolist()

    def _cancel(self, marks: list[Mark]) -> list[Mark]:
        cancelling = [m for m in marks if m.label in self.cancels]
        if not cancelling:
            return marks
        return [
            m for m in marks
            if not any(m.label in self.cancels[c.label] and _overlap(m, c) for c in cancelling)
        ]
