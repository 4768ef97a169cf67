"""Attribute readers: the typed values a finding carries (a threshold's number, a notice's text).

A rule names its reader (``"read": "user_threshold"``); the reader gets the unit's text and the
cues found in it and returns what it could read. What it cannot read it leaves out, never
guessing. Numbers and money come from :mod:`openness.extract.quantities`; canonical names of
regions, jurisdictions, metrics and periods are the ``id`` of the cue that matched them, so they
live in the pattern files with the phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

_URL = re.compile(r"(?:https?://|www\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|ai|dev|io|net)/)[^\s)\]>\"]*", re.I)
#: A word that can be part of a proper name: capitalised or a number ("Llama 3"), no stop.
_PROPER = re.compile(r"^[A-Z0-9][\w'&-]*$")
#: The letter, number or roman numeral after an annex's word ("Exhibit B.", "Schedule 2").
_ANNEX_LABEL = re.compile(r" ([A-Z]|[0-9]{1,2}|[IVX]{1,4})\b")
_QUOTED = re.compile(r'"([^"]{2,400})"')
#: How far (characters) a quoted mark may sit from the naming phrase it belongs to: a few words,
#: as in 'must begin with the word "Kestrel"'.
_NAMING_GAP = 24


@dataclass(frozen=True, kw_only=True, slots=True)
class UnitText:
    """One unit's text and its cues as (label, id, start, end) in character offsets of ``text``."""

    text: str
    marks: tuple[tuple[str, str | None, int, int], ...]
    #: The document's defined terms (term -> :class:`openness.extract.glossary.Definition`).
    glossary: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Any, full: str, unit: Any, marks: Any, glossary: Mapping[str, Any] | None = None) -> "UnitText":
        """The text of ``unit`` (a :class:`openness.extract.units.Unit` of the spaCy ``doc``,
        whose analysed text is ``full``) with its cues in character offsets."""
        base = unit.start_char
        located = []
        for mark in marks:
            span = doc[mark.start : mark.end]
            located.append((mark.label, mark.id, max(span.start_char - base, 0), span.end_char - base))
        return cls(text=full[base : unit.end_char], marks=tuple(located), glossary=glossary or {})

    def has(self, label: str) -> bool:
        return any(m[0] == label for m in self.marks)

    def first(self, label: str) -> tuple[str, str | None, int, int] | None:
        return next((m for m in self.marks if m[0] == label), None)

    def ids(self, label: str) -> list[str]:
        out: list[str] = []
        for m in self.marks:
            if m[0] == label and m[1] and m[1] not in out:
                out.append(m[1])
        return out


Reader = Callable[[UnitText], dict[str, Any]]


def _quantities(text: str) -> list[Any]:
    from openness.extract.quantities import find_quantities

    return list(find_quantities(text))


def user_threshold(unit: UnitText) -> dict[str, Any]:
    """``count`` and ``metric`` of "more than 700 million monthly active users".

    The count is the number written closest to the metric's words, preferring one before them
    ("Llama 2 ... 700 million monthly active users" is 700 million, not 2).
    """
    metrics = [m for m in unit.marks if m[0] == "USER_METRIC"]
    counts = [q for q in _quantities(unit.text) if not getattr(q, "currency", None)]
    best: tuple[int, Any, str | None] | None = None
    for q in counts:
        own = getattr(q, "metric", None)
        if own:
            return {"count": int(q.value), "metric": own}
        for _, metric, start, end in metrics:
            # the number before its metric ("700 million monthly active users"), or the metric
            # as the subject before its number ("Daily Active Users ... is less than 1 million")
            gap = start - q.end if start >= q.end else q.start - end + 20
            if 0 <= gap <= 100 and (best is None or gap < best[0]):
                best = (gap, q, metric)
    if best is None or best[2] is None:
        return {}
    return {"count": int(best[1].value), "metric": best[2]}


def revenue_threshold(unit: UnitText) -> dict[str, Any]:
    """``amount``, ``currency`` and, when stated, ``period`` of a revenue gate."""
    for q in _quantities(unit.text):
        currency = getattr(q, "currency", None)
        if not currency:
            continue
        out: dict[str, Any] = {"amount": int(q.value), "currency": currency}
        periods = unit.ids("PERIOD")
        if periods:
            out["period"] = periods[0]
        return out
    return {}


def policy(unit: UnitText) -> dict[str, Any]:
    """The document the restrictions live in, and its URL, when the unit gives them.

    The document is a use policy named in the unit ("the Kestrel Acceptable Use Policy", read
    as written with the proper name before it) or, failing that, an annex of the licence itself
    ("the activities listed in Exhibit B").
    """
    out: dict[str, Any] = {}
    name = _policy_name(unit) or _annex(unit)
    if name:
        out["document"] = name
    url = _URL.search(unit.text)
    if url:
        out["url"] = url.group(0).rstrip(".,;:")
    return out


def _span(unit: UnitText, label: str) -> tuple[str | None, int, int] | None:
    """The first mark of ``label``, widened to the longest mark of that label starting there."""
    first = unit.first(label)
    if first is None:
        return None
    end = max(m[3] for m in unit.marks if m[0] == label and m[2] == first[2])
    return first[1], first[2], end


def _policy_name(unit: UnitText) -> str | None:
    """A policy's name as written, or the cue's canonical name for an abbreviation ("AUP").

    A name written in Title Case takes the capitalised words right before it, which say whose
    policy it is ("Kestrel", "Databricks Open Model"); an article or a possessive stops them.
    """
    span = _span(unit, "POLICY_NAME")
    if span is None:
        return None
    canonical, start, end = span
    written = unit.text[start:end]
    words = written.split()
    if written.isupper() or not all(w[:1].isupper() for w in words):
        return canonical
    before = unit.text[:start].split()
    while before and _PROPER.match(before[-1]) and before[-1].lower() not in STOP_WORDS:
        words.insert(0, before.pop())
    return " ".join(words)


def _annex(unit: UnitText) -> str | None:
    """An annex named as a title with its letter or number ("Attachment A", "Schedule 2")."""
    mark = unit.first("ANNEX")
    if mark is None or not unit.text[mark[2]].isupper():
        return None
    label = _ANNEX_LABEL.match(unit.text, mark[3])
    return f"{unit.text[mark[2] : mark[3]]} {label.group(1)}" if label else None


def non_compete(unit: UnitText) -> dict[str, Any]:
    """Whether the ban covers the outputs, the model itself, or both.

    What is banned is what the unit names before the verb of building ("use Outputs to train
    ... any model other than the Model" bans the outputs only): the model after that verb is
    the one not to be built. A unit that puts the verb first ("train other models on ...") is
    read whole, less the words naming the other model.
    """
    verb = unit.first("IMPROVE")
    banned = [m for m in unit.marks if verb is not None and m[3] <= verb[2]]
    if not any(m[0] in ("OUTPUT", "MATERIALS") for m in banned):
        others = [(m[2], m[3]) for m in unit.marks if m[0] == "OTHER_MODEL"]
        banned = [m for m in unit.marks if not any(s < m[3] and m[2] < e for s, e in others)]
    outputs = any(m[0] == "OUTPUT" for m in banned)
    model = any(m[0] == "MATERIALS" for m in banned)
    if outputs and model:
        return {"scope": "both"}
    return {"scope": "outputs" if outputs else "model"}


def regions(unit: UnitText) -> dict[str, Any]:
    """The places a clause names: regions, and the countries and states named as jurisdictions
    outside a region's name ("Korea" in "North Korea" is no jurisdiction of its own)."""
    spans = [(m[2], m[3]) for m in unit.marks if m[0] == "REGION"]
    places = [m[1] for m in unit.marks
              if m[1] and (m[0] == "REGION" or (m[0] == "JURISDICTION"
                           and not any(lo < m[3] and m[2] < hi for lo, hi in spans)))]
    found = list(dict.fromkeys(places))
    return {"regions": found} if found else {}


def _quotes(unit: UnitText) -> list[tuple[re.Match[str], str]]:
    """The unit's quoted strings: each match (its span includes the quote marks, group 1's
    does not) and its text, stripped."""
    return [(m, m.group(1).strip()) for m in _QUOTED.finditer(unit.text)]


def attribution(unit: UnitText) -> dict[str, Any]:
    """The notice to display: the quoted text after the display/notice cue, if any."""
    cue = unit.first("ATTRIBUTION")
    after = cue[2] if cue else 0
    quotes = _quotes(unit)
    for match, text in quotes:
        if match.start(1) >= after and len(text.split()) >= 2:
            return {"text": text}
    for _, text in quotes:
        if len(text.split()) >= 2:
            return {"text": text}
    return {}


def naming(unit: UnitText) -> dict[str, Any]:
    """The mark a derivative's name must carry, and where (``prefix`` or ``contains``).

    The mark is the quoted term attached to the naming phrase: the one right after it ('must
    begin with "Kestrel"') or right before it ('include "Acme" at the beginning of any such
    model name'), whichever is closer; a notice quoted elsewhere in the sentence ('display
    "Powered by Kestrel 2"') is the attribution's text, not the mark.
    """
    cue = unit.first("NAME_POSITION") or unit.first("NAME_PLACE")
    if cue is None:
        return {}
    out: dict[str, Any] = {"position": cue[1] or "contains"}
    best: tuple[int, str] | None = None
    for match, text in _quotes(unit):
        at, end = match.span()
        gap = at - cue[3] if at >= cue[3] else cue[2] - end if end <= cue[2] else 0
        if gap <= _NAMING_GAP and (best is None or gap < best[0]):
            best = (gap, text)
    if best is not None:
        out["mark"] = best[1]
    return out


def jurisdiction(unit: UnitText) -> dict[str, Any]:
    """The governing law, as the most specific jurisdiction named (a state over its country)."""
    names = unit.ids("JURISDICTION")
    if not names:
        return {}
    specific = [n for n in names if "," in n]
    return {"jurisdiction": (specific or names)[0]}


def termination(unit: UnitText) -> dict[str, Any]:
    triggers = unit.ids("TRIGGER")
    return {"trigger": triggers[0] if triggers else "other"}


def _defined(label: str) -> Reader:
    def read(unit: UnitText) -> dict[str, Any]:
        """The limit a defined term sets (its definition's attributes), where the clause uses it."""
        for mark in unit.marks:
            definition = unit.glossary.get(mark[1]) if mark[0] == label else None
            if definition is not None:
                return dict(definition.attributes)
        return {}

    return read


#: The readers of a defined term's limit, and the label of the term's uses each reads.
DEFINED_READERS = {
    "defined_user_threshold": "DEFINED_USER_CAP",
    "defined_revenue_threshold": "DEFINED_REVENUE_CAP",
    "defined_territory": "DEFINED_TERRITORY",
}

READERS: dict[str, Reader] = {
    **{name: _defined(label) for name, label in DEFINED_READERS.items()},
    "user_threshold": user_threshold,
    "revenue_threshold": revenue_threshold,
    "policy": policy,
    "non_compete": non_compete,
    "regions": regions,
    "attribution": attribution,
    "naming": naming,
    "jurisdiction": jurisdiction,
    "termination": termination,
}
