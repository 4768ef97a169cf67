"""Word forms of a concept's lemmas, so that a lexicon lists "distribute" and finds "distributed".

The extractor's pipeline has no lemmatizer (a blank English pipeline: nothing is downloaded),
so the matcher is given every form instead: each content word of a lemma phrase in its regular
forms (-s, -es, -ies, -ed, -ied, -ing, with a doubled final consonant or a dropped final e),
its irregular forms from ``data/inflection.json``, and both spellings where British and
American English differ ("licence"/"license", "authorise"/"authorize"). Over-generation is
harmless: a form that is not a word never occurs in a text.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from importlib import resources
from typing import Any

_VOWELS = frozenset("aeiou")
#: Past and present participles of verbs whose final consonant doubles ("permitted",
#: "submitting") are made for every word ending in vowel + consonant; the single-consonant
#: forms are made too, so the rule need not know where the stress falls.
_NO_DOUBLING = frozenset("hwxy")
#: The most content words of a phrase that are inflected at once; past it only the first one
#: is (a long phrase is an idiom, not a verb with its object).
_MAX_INFLECTED_WORDS = 2


@cache
def _data() -> dict[str, Any]:
    raw = resources.files("openness.extract").joinpath("data/inflection.json").read_text("utf-8")
    return json.loads(raw)


@cache
def _irregular() -> dict[str, frozenset[str]]:
    """Each form (base included) -> every form of its lemma, for lemmas listed as irregular."""
    table: dict[str, frozenset[str]] = {}
    for base, forms in _data()["irregular"].items():
        family = frozenset([base, *forms])
        for form in family:
            table[form] = table.get(form, frozenset()) | family
    return table


def _spellings(word: str) -> set[str]:
    out = {word}
    for british, american in _data()["spelling"]:
        for a, b in ((british, american), (american, british)):
            # a whole word ("licence"), or an ending after a stem of three letters or more
            if word == a or (word.endswith(a) and len(word) - len(a) >= 3):
                out.add(word[: len(word) - len(a)] + b)
    return out


def word_forms(word: str) -> frozenset[str]:
    """Every form of one lower-case word: itself, its regular and irregular inflections."""
    if word in _data()["function_words"] or not word.isalpha():
        return frozenset(_spellings(word) | set(_irregular().get(word, ())))
    forms = {word} | set(_irregular().get(word, ())) | _s_forms(word)
    stem = word[:-1] if word.endswith("e") else word
    forms |= {stem + "ed", stem + "ing"}
    if _consonant_y(word):
        forms.add(word[:-1] + "ied")
    if (
        len(word) > 2
        and word[-1] not in _VOWELS
        and word[-1] not in _NO_DOUBLING
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    ):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(set().union(*(_spellings(f) for f in forms)))


def noun_forms(word: str) -> frozenset[str]:
    """A noun's forms: itself and its plural, in both spellings ("licence", "licences",
    "license", "licenses"), never a verb's ("the Licensed Models" names no licence)."""
    if word in _data()["function_words"] or not word.isalpha():
        return frozenset(_spellings(word))
    forms = {word} | _s_forms(word)
    return frozenset(set().union(*(_spellings(f) for f in forms)))


def _s_forms(word: str) -> set[str]:
    """The forms in -s, a noun's plural and a verb's third person: "licences", "fixes", "copies"."""
    forms = {word + "s"}
    if word.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(word + "es")
    if _consonant_y(word):
        forms.add(word[:-1] + "ies")
    return forms


def _consonant_y(word: str) -> bool:
    """A word whose final "y" follows a consonant ("copy", not "play"): "copies", "copied"."""
    return word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS


def phrase_forms(phrase: str, *, nouns: bool = False) -> list[str]:
    """Every spelling of a lemma phrase: "make available" -> "made available", "makes available"...

    Words joined by a hyphen inflect as one ("fine-tune" -> "fine-tuned"). In a phrase of more
    than two content words only the first is inflected. A phrase that names a thing (``nouns``)
    takes plurals only.
    """
    words = phrase.lower().split()
    content = [i for i, w in enumerate(words) if w not in _data()["function_words"]]
    inflected = set(content[:1] if len(content) > _MAX_INFLECTED_WORDS else content)
    inflect = noun_forms if nouns else word_forms
    choices = [sorted(inflect(w)) if i in inflected else sorted(_spellings(w)) for i, w in enumerate(words)]
    return [" ".join(combo) for combo in itertools.product(*choices)]
