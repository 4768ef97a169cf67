"""The ``openness_cues`` component: finds the cue phrases of ``patterns/*.jsonl`` in each unit.

Literal phrases go through one PhraseMatcher over the whole text (cheap whatever their number);
token patterns, which are slower, run only on the first ``head_tokens`` tokens of each unit,
where the structures they look for (a defined term followed by "means", a list lead-in) sit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from openness.extract.patterns import expand, load_patterns
from openness.extract.units import TEXT_KEY, UNITS_KEY, Unit

CUES_KEY = "openness.cues"


@dataclass(frozen=True, kw_only=True, slots=True)
class Mark:
    """One cue found in the text (token offsets in the spaCy Doc)."""

    label: str
    start: int
    end: int
    #: The cue's normalised value, when its pattern declares one.
    id: str | None = None


def _overlap(a: Mark, b: Mark) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory("openness_cues", default_config={"head_tokens": 16})
def make_cues(nlp: Language, name: str, head_tokens: int) -> "CueFinder":
    return CueFinder(nlp, head_tokens=head_tokens)


class CueFinder:
    """Writes ``doc.user_data[CUES_KEY]``: per unit, the cues found in it, in text order."""

    def __init__(self, nlp: Language, *, head_tokens: int) -> None:
        self.head_tokens = head_tokens
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.tokens = Matcher(nlp.vocab)
        #: match key -> (label, id)
        self.keys: dict[int, tuple[str, str | None]] = {}
        #: label -> labels its matches cancel where they overlap
        self.cancels: dict[str, tuple[str, ...]] = {}
        phrase_docs: dict[str, list[Doc]] = {}
        prefilters: list[str] = []
        unfiltered = False
        token_patterns: dict[str, list[list[dict]]] = {}
        for cue in load_patterns().cues:
            key = f"{cue.label}|{cue.id or ''}"
            if cue.cancels:
                self.cancels[cue.label] = cue.cancels
            self.keys[nlp.vocab.strings.add(key)] = (cue.label, cue.id)
            if isinstance(cue.pattern, str):
                for phrase in expand(cue.pattern):
                    phrase_docs.setdefault(key, []).append(nlp.make_doc(phrase))
            else:
                token_patterns.setdefault(key, []).append(cue.pattern)
                if cue.when:
                    prefilters.append(f"(?:{cue.when})")
                else:
                    unfiltered = True
        #: Units whose first words match none of the token cues' prefilters skip the Matcher.
        self.prefilter = (
            None if unfiltered or not prefilters else re.compile("|".join(prefilters), re.IGNORECASE)
        )
        for key, docs in phrase_docs.items():
            self.phrases.add(key, docs)
        for key, patterns in token_patterns.items():
            self.tokens.add(key, patterns)

    def __call__(self, doc: Doc) -> Doc:
        units: list[Unit] = doc.user_data.get(UNITS_KEY, [])
        found: list[tuple[int, int, int]] = list(self.phrases(doc))
        if len(self.tokens):
            text = doc.user_data.get(TEXT_KEY) or doc.text
            for unit in units:
                if self.prefilter is not None and not self.prefilter.search(
                    text, unit.start_char, min(unit.end_char, unit.start_char + 160)
                ):
                    continue
                head = doc[unit.start : min(unit.end, unit.start + self.head_tokens)]
                found.extend((k, unit.start + s, unit.start + e) for k, s, e in self.tokens(head))
        found.sort(key=lambda m: (m[1], m[2]))
        per_unit: list[list[Mark]] = [[] for _ in units]
        bounds = [u.start for u in units]
        for key, start, end in found:
            index = bisect.bisect_right(bounds, start) - 1
            if index < 0 or end > units[index].end:
                continue
            label, value = self.keys[key]
            per_unit[index].append(Mark(label=label, start=start, end=end, id=value))
        if self.cancels:
            per_unit = [self._cancel(marks) for marks in per_unit]
        doc.user_data[CUES_KEY] = per_unit
        return doc

    def _cancel(self, marks: list[Mark]) -> list[Mark]:
        cancelling = [m for m in marks if m.label in self.cancels]
        if not cancelling:
            return marks
        return [
            m for m in marks
            if not any(m.label in self.cancels[c.label] and _overlap(m, c) for c in cancelling)
        ]
