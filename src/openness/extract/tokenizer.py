"""The extractor's tokenizer: spaCy's own ``Tokenizer``, with rules sized for licence text.

spaCy's English defaults carry some 1,300 special cases (contractions, emoticons, "a.m.") and
affix expressions with hundreds of alternatives (currency and measurement units, symbols of
many scripts), each tried on every new word. Licence text needs little of that: quotes,
brackets and punctuation come off a word's edges, hyphens and slashes split inside it, a full
stop ends a word unless the word is an abbreviation, and a URL stays one token. The affix rules
are the data in ``data/tokenizer.json``, the abbreviations those of ``data/abbreviations.jsonl``.

Cue phrases are tokenized by this same tokenizer when the matchers are built, so a phrase and
the text it is found in are always cut the same way.

spaCy's tokenizer works on one run of characters without white space at a time, taking its
affixes off one by one, and each step looks at the whole run: its cost grows with the square of
the run's length (a run of 100,000 brackets took over four minutes). Two bounds keep it linear
in the text: a suffix is searched for only among a word's last :data:`SUFFIX_WINDOW`
characters, and :func:`tokenize` hands a document's runs to it in pieces of at most
:data:`MAX_RUN` characters.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any, Callable

import numpy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry

from openness.jsonlines import package_file, read_objects

#: A suffix is looked for among a word's last this many characters. No suffix of the rules is
#: longer, except a run of dots, which then comes off in pieces of this length.
SUFFIX_WINDOW = 64
#: The longest run of characters without white space tokenized in one piece. No word or URL of
#: a licence comes near it; a longer run (a line of ten thousand ``=``, a base64 blob, an
#: attack) is cut into runs of this length, each its own tokens.
MAX_RUN = 1000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _rules() -> dict[str, Any]:
    raw = resources.files("openness.extract").joinpath("data/tokenizer.json").read_text("utf-8")
    return json.loads(raw)


def abbreviations() -> list[str]:
    """Words ending in a full stop that stay whole (the stop ends no sentence)."""
    resource = package_file("openness.extract", "data/abbreviations.jsonl")
    return [entry["abbr"] for _, entry in read_objects(resource, "extract/data/abbreviations.jsonl")]


def _special_cases(rules: dict[str, Any]) -> dict[str, list[dict[int, str]]]:
    """Abbreviations kept whole, and words split as the cue phrases expect ("cannot")."""
    cases: dict[str, list[dict[int, str]]] = {abbr: [{ORTH: abbr}] for abbr in abbreviations()}
    for word, pieces in rules["splits"].items():
        cases[word] = [{ORTH: piece} for piece in pieces]
    return cases


def tokenize(nlp: Language, text: str) -> Doc:
    """``nlp``'s tokens of ``text``, each run of more than :data:`MAX_RUN` characters without
    white space cut into pieces of that length; the Doc's text is ``text`` exactly."""
    cuts = [cut for run in _LONG_RUN.finditer(text)
            for cut in range(run.start() + MAX_RUN, run.end(), MAX_RUN)]
    if not cuts:
        return nlp.make_doc(text)
    bounds = [0, *cuts, len(text)]
    pieces = [nlp.make_doc(text[start:end]).to_array([ORTH, SPACY])
              for start, end in zip(bounds, bounds[1:])]
    tokens = numpy.concatenate(pieces)
    strings = nlp.vocab.strings
    return Doc(nlp.vocab, words=[strings[orth] for orth in tokens[:, 0].tolist()],
               spaces=tokens[:, 1].astype(bool).tolist())


def _tail_search(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """``pattern.search``, over the last :data:`SUFFIX_WINDOW` characters of a word only (a
    lookbehind still sees the characters before them)."""
    def search(word: str) -> re.Match[str] | None:
        return pattern.search(word, max(0, len(word) - SUFFIX_WINDOW))

    return search


def _either(patterns: list[str], anchor: str) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?:{body})" if anchor == "start" else f"(?:{body})$")


@registry.tokenizers("openness.licence_tokenizer.v1")
def create_licence_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        rules = _rules()
        return Tokenizer(
            nlp.vocab,
            rules=_special_cases(rules),
            # a prefix is matched at the start, not searched for: same answer, no scan
            prefix_search=_either(rules["prefixes"], "start").match,
            suffix_search=_tail_search(_either(rules["suffixes"], "end")),
            infix_finditer=re.compile("|".join(rules["infixes"])).finditer,
            url_match=re.compile(rules["url"]).match,
            max_cache_size=rules["cache_size"],
        )

    return make
