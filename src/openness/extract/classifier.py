"""The ``openness_classifier`` component: a trained second reader for clauses the patterns missed.

The rules read a clause by its parts and know the wordings they were written from; on a licence
worded otherwise they stay silent, and a restriction they do not see is a rule that passes. The
classifier is a spaCy ``textcat_multilabel`` (bag of words and word pairs) trained on the units of
the project's own corpora, labelled by their answer keys (:mod:`openness.evaluate.training`), and
shipped in ``data/classifier``. It never makes a finding of a kind: where it reads a restriction
or a duty of a kind that no rule found anywhere in the document, the unit becomes a
``review.unclassified`` finding whose ``candidates`` are those kinds, so a policy says ``unknown``
and names the clause to read. Its figures on batches left out of its training, and on the real
corpus it never saw, are in ``docs/evaluation.md``.
"""

from __future__ import annotations

from importlib import resources
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from openness.extract.cues import CUES_KEY
from openness.extract.frames import Force
from openness.extract.patterns import Rule
from openness.extract.rules import HITS_KEY, NOT_TERMS, Hit, is_heading
from openness.extract.units import TEXT_KEY, UNITS_KEY, Unit
from openness.taxonomy import UNCLASSIFIED

#: The groups the classifier may flag, and the force each stands for: a missed restriction or
#: duty is a silent pass; a missed grant or term makes the answer stricter, never laxer.
FLAGGED = {"restrict.": Force.PROHIBITION, "require.": Force.OBLIGATION}
#: Clauses a person need not read however the classifier scores them: those the rules' review
#: leaves alone (restatements of the law, boilerplate), except definitions, which are read: a
#: threshold's number often sits in one.
_NOT_READ = NOT_TERMS - {"DEFINITION", "DEFINES"}
#: A unit this short that ends in no stop and is no list item is a title ("Rules of use"), which
#: names a topic; the clauses under it are read on their own.
_TITLE_WORDS = 6
_STOPS = (".", ";", ":", "!", "?")
#: The fewest words a unit read by the classifier has, and words must be half its tokens.
_PROSE_WORDS = 4
#: The rule behind a classifier's ``review.unclassified`` hit: each such clause is its own.
CLASSIFIED = Rule(id="classifier", kind=UNCLASSIFIED, distinct=True, source="data/classifier")


def unit_words(doc: Doc, unit: Unit) -> Span:
    """The tokens of a unit's words, without its list marker ("2.", "(b)")."""
    span = doc.char_span(unit.start_char, unit.end_char, alignment_mode="expand")
    return span if span is not None else doc[unit.start:unit.end]


def unit_doc(vocab: Vocab, words: Iterable[str]) -> Doc:
    """What the classifier reads of a unit: its words, lower-cased. Training and reading make
    the Doc the same way, from the extractor's own tokens."""
    return Doc(vocab, words=[w.lower() for w in words] or [""])


def candidates(cats: dict[str, float], found: set[str], threshold: float) -> list[str]:
    """The kinds a unit might be, most likely first: flagged groups only, at least
    ``threshold``, and not found anywhere in the document by the rules."""
    kinds = [k for k, p in cats.items()
             if p >= threshold and k.startswith(tuple(FLAGGED)) and k not in found]
    return sorted(kinds, key=lambda k: -cats[k])


def _is_prose(words: list[str]) -> bool:
    """Words, mostly: not a row of scores ("| 5-shot | 17.27 |") or a line of code."""
    alphabetic = sum(w.isalpha() for w in words)
    return alphabetic >= _PROSE_WORDS and alphabetic * 2 >= len(words)


def _is_title(unit: Unit, body: str) -> bool:
    """A heading, or a short line that ends in no stop: it names a topic and commands nothing."""
    body = body.strip().rstrip("*_ ")
    return (unit.heading or is_heading(body)
            or (not unit.item and len(body.split()) <= _TITLE_WORDS and not body.endswith(_STOPS)))


@Language.factory("openness_classifier")
def make_classifier(nlp: Language, name: str, threshold: float, model: str) -> "ClauseClassifier":
    with resources.as_file(resources.files("openness.extract").joinpath(model)) as path:
        return ClauseClassifier(spacy.load(path), threshold=threshold)


class ClauseClassifier:
    """Reads the units the rules left unexplained and sends the likely restrictions and duties
    among them to review; the trained model is ``model`` (a pipeline holding the textcat)."""

    def __init__(self, model: Language, *, threshold: float) -> None:
        self.model = model
        self.textcat = model.get_pipe("textcat_multilabel")
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        hits: list[Hit] = doc.user_data.get(HITS_KEY, [])
        doc.user_data[HITS_KEY] = hits + self.flag(doc, hits)
        return doc

    def flag(self, doc: Doc, hits: list[Hit]) -> list[Hit]:
        """The review hits this classifier adds to the rules' ``hits`` of ``doc``."""
        found = {hit.rule.kind for hit in hits}
        reviewed = {hit.unit.start_char for hit in hits if hit.rule.kind == UNCLASSIFIED}
        text = doc.user_data.get(TEXT_KEY) or doc.text
        units = doc.user_data.get(UNITS_KEY, [])
        marks = doc.user_data.get(CUES_KEY, [[] for _ in units])
        readable: list[tuple[Unit, list[str]]] = []
        for unit, unit_marks in zip(units, marks):
            if (unit.start_char in reviewed or _is_title(unit, text[unit.start_char:unit.end_char])
                    or _NOT_READ.intersection(m.label for m in unit_marks)):
                continue
            words = [t.text for t in unit_words(doc, unit)]
            if _is_prose(words):
                readable.append((unit, words))
        docs = (unit_doc(self.model.vocab, words) for _, words in readable)
        flagged = []
        for (unit, _), read in zip(readable, self.textcat.pipe(docs)):
            kinds = candidates(read.cats, found, self.threshold)
            if kinds:
                force = next(f for group, f in FLAGGED.items() if kinds[0].startswith(group))
                flagged.append(Hit(unit=unit, rule=CLASSIFIED, attributes={
                    "force": force.value, "candidates": kinds, "noticed_by": "classifier"}))
        return flagged
