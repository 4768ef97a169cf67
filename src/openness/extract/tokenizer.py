"""The extractor's tokenizer: spaCy's own ``Tokenizer``, with rules sized for licence text.

spaCy's English defaults carry some 1,300 special cases (contractions, emoticons, "a.m.") and
affix expressions with hundreds of alternatives (currency and measurement units, symbols of
many scripts), each tried on every new word. Licence text needs little of that: quotes,
brackets and punctuation come off a word's edges, hyphens and slashes split inside it, a full
stop ends a word unless the word is an abbreviation, and a URL stays one token. The affix rules
are the data in ``data/tokenizer.json``, the abbreviations those of ``data/abbreviations.jsonl``.

Cue phrases are tokenized by this same tokenizer when the matchers are built, so a phrase and
the text it is found in are always cut the same way.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any, Callable

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry


def _rules() -> dict[str, Any]:
    raw = resources.files("openness.extract").joinpath("data/tokenizer.json").read_text("utf-8")
    return json.loads(raw)


def abbreviations() -> list[str]:
    """Words ending in a full stop that stay whole (the stop ends no sentence)."""
    raw = resources.files("openness.extract").joinpath("data/abbreviations.jsonl").read_text("utf-8")
    return [json.loads(line)["abbr"] for line in raw.splitlines() if line.strip()]


def _special_cases(rules: dict[str, Any]) -> dict[str, list[dict[int, str]]]:
    """Abbreviations kept whole, and words split as the cue phrases expect ("cannot")."""
    cases: dict[str, list[dict[int, str]]] = {abbr: [{ORTH: abbr}] for abbr in abbreviations()}
    for word, pieces in rules["splits"].items():
        cases[word] = [{ORTH: piece} for piece in pieces]
    return cases


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
            suffix_search=_either(rules["suffixes"], "end").search,
            infix_finditer=re.compile("|".join(rules["infixes"])).finditer,
            url_match=re.compile(rules["url"]).match,
            max_cache_size=rules["cache_size"],
        )

    return make
