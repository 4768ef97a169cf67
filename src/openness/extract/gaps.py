"""Lemma phrases with a gap: "make … available" finds "make the Model, or any part of it, available".

A gap phrase is cut at its gaps into parts; each part is an ordinary phrase found, in every
form of its words, by one PhraseMatcher over the whole text, and the parts are then joined
in order, each to the nearest next part that starts within the gap's size and with no end of
sentence or clause between them. spaCy's Matcher can say the same with a wildcard token
(``{"OP": "{0,10}"}``), but it then tries the wildcard from every token of the text: that was
more than half the extractor's time, for a score of phrases.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from openness.extract.inflect import phrase_forms
from openness.extract.patterns import expand

#: Written between two parts of a lemma phrase: a few words may stand there.
GAP = "\u2026"
#: The most tokens a gap spans unless digits after it say otherwise ("require …3 agreement").
GAP_TOKENS = 14
#: Tokens a gap never crosses: the end of a sentence or clause.
GAP_STOPS = (".", ";", ":", "!", "?")
_GAP_SPLIT = re.compile(GAP + r"(\d*)")


@dataclass(frozen=True, slots=True)
class _GapPhrase:
    #: Match key the joined match is reported under (the cue's).
    key: int
    #: Match keys of the parts, in order.
    parts: tuple[int, ...]
    #: The most tokens between part ``i`` and part ``i + 1``.
    sizes: tuple[int, ...]


def part_spellings(part: str) -> list[str]:
    """Every spelling of one part: its ``{a|b}`` alternatives, each inflected as any lemma
    phrase is (:func:`openness.extract.inflect.phrase_forms`)."""
    return sorted({form for spelling in expand(part) for form in phrase_forms(spelling)})


class GapMatcher:
    """Finds gap phrases in a Doc: ``matcher(doc)`` -> ``[(key, start, end), ...]``."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._parts = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._phrases: list[_GapPhrase] = []
        self._stops = numpy.array([nlp.vocab.strings.add(s) for s in GAP_STOPS], dtype=numpy.uint64)

    def add(self, key: int, phrase: str) -> None:
        """Add ``phrase`` (parts between :data:`GAP` marks) to be reported under ``key``."""
        pieces = _GAP_SPLIT.split(phrase)
        texts, sizes = pieces[0::2], [int(s) if s else GAP_TOKENS for s in pieces[1::2]]
        parts = []
        for text in texts:
            name = f"{GAP}{len(self._phrases)}.{len(parts)}"
            self._parts.add(name, [self._nlp.make_doc(s) for s in part_spellings(text)])
            parts.append(self._nlp.vocab.strings[name])
        self._phrases.append(_GapPhrase(key=key, parts=tuple(parts), sizes=tuple(sizes)))

    def __len__(self) -> int:
        return len(self._phrases)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not self._phrases:
            return []
        by_part: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for part_key, start, end in self._parts(doc):
            by_part[part_key].append((start, end))
        if not by_part:
            return []
        stop = numpy.isin(doc.to_array(ORTH), self._stops)
        # stops_before[i]: how many stop tokens precede token i
        stops_before = numpy.concatenate(([0], numpy.cumsum(stop))).tolist()
        found = []
        for phrase in self._phrases:
            spans = sorted(by_part.get(phrase.parts[0], ()))
            for part, size in zip(phrase.parts[1:], phrase.sizes):
                following = sorted(by_part.get(part, ()))
                starts = [s for s, _ in following]
                joined = []
                for start, end in spans:
                    at = bisect.bisect_left(starts, end)
                    if at < len(following):
                        next_start, next_end = following[at]
                        if next_start - end <= size and stops_before[next_start] == stops_before[end]:
                            joined.append((start, next_end))
                spans = joined
            found.extend((phrase.key, start, end) for start, end in spans)
        return found
