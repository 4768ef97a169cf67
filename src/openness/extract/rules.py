"""The ``openness_rules`` component: turns the cues of each unit into clause hits.

A rule (one line of ``patterns/*.jsonl`` with a ``kind``) fires on a unit when

* every entry of ``all`` is present (an entry is a cue label, or a list of labels of which one
  suffices),
* no label of ``none`` is present,
* the entries of ``seq`` occur in that order, each within ``window`` tokens of the previous one
  when ``window`` is given (this is how polarity is read: "may not" *before* "use ... for
  commercial purposes" restricts, "commercial use" *before* "is permitted" grants),
* and its attribute reader, if it names one, finds the attributes listed in ``needs``.

Labels written ``^LABEL`` are inherited: a list item carries, as ``^LABEL``, the cues of the
lead-in that introduced its list ("You agree not to use the Model: (a) ..., (b) ..."), so an
item that reads "Military, warfare, nuclear industries" is known to be a prohibited use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from openness.extract.attributes import READERS, UnitText
from openness.extract.cues import CUES_KEY, Mark
from openness.extract.patterns import Rule, load_patterns
from openness.extract.units import TEXT_KEY, UNITS_KEY, Unit

HITS_KEY = "openness.hits"
#: Labels that describe the whole unit wherever they were found: a definition stays a
#: definition after its "but".
_UNIT_WIDE = frozenset({"DEFINITION", "LEAD_IN"})
_LEAD_IN_ENDS = (":", ":**", ": **", "as follows", "following")


@dataclass(frozen=True, kw_only=True, slots=True)
class Hit:
    """A rule that fired on a unit, with the attributes it read."""

    unit: Unit
    rule: Rule
    attributes: dict[str, Any] = field(default_factory=dict)


@Language.factory("openness_rules", default_config={})
def make_rules(nlp: Language, name: str) -> "RuleApplier":
    return RuleApplier()


class RuleApplier:
    def __init__(self) -> None:
        self.rules = load_patterns().rules
        for rule in self.rules:
            if rule.read is not None and rule.read not in READERS:
                raise ValueError(f"{rule.source}: unknown attribute reader {rule.read!r}")
        # Index each rule under one label it cannot do without, so that a unit is only tested
        # against rules that stand a chance.
        self.by_anchor: dict[str, list[Rule]] = {}
        self.unanchored: list[Rule] = []
        for rule in self.rules:
            anchors = [alts for alts in rule.all if len(alts) == 1]
            if anchors:
                self.by_anchor.setdefault(anchors[0][0], []).append(rule)
            else:
                self.unanchored.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        units: list[Unit] = doc.user_data.get(UNITS_KEY, [])
        marks: list[list[Mark]] = doc.user_data.get(CUES_KEY, [[] for _ in units])
        hits: list[Hit] = []
        context: set[str] = set()
        text = doc.user_data.get(TEXT_KEY) or doc.text
        in_list = False
        for unit, unit_marks in zip(units, marks):
            if unit.block and not unit.item and not in_list:
                context = set()
            if not unit_marks and not context:
                in_list = False  # nothing can fire, and nothing is carried to the next unit
                continue
            present: dict[str, list[int]] = {}
            for mark in unit_marks:
                present.setdefault(mark.label, []).append(mark.start)
            own = set(present)
            body = text[unit.start_char : unit.end_char].rstrip(" *_")
            lead_in = body.endswith(_LEAD_IN_ENDS)
            if not in_list and _is_heading(body):
                continue  # a title names a topic; the clause under it says what the rule is
            if lead_in:
                present["LEAD_IN"] = [unit.end - 1]
            for label in context:
                present.setdefault("^" + label, []).append(unit.start - 1)
            candidates = list(self.unanchored)
            for label in present:
                candidates.extend(self.by_anchor.get(label, ()))
            view: UnitText | None = None
            pieces: list[dict[str, list[int]]] | None = None
            for rule in candidates:
                if rule.scope == "clause":
                    if pieces is None:
                        pieces = _clauses(present)
                    if not any(_fires(rule, piece) for piece in pieces):
                        continue
                elif not _fires(rule, present):
                    continue
                attributes = dict(rule.set)
                if rule.read is not None:
                    if view is None:
                        view = _unit_text(doc, text, unit, unit_marks)
                    attributes.update(READERS[rule.read](view))
                if any(name not in attributes for name in rule.needs):
                    continue
                hits.append(Hit(unit=unit, rule=rule, attributes=attributes))
            if lead_in:
                context = (context if unit.item or in_list else set()) | own
            # A list runs on while its items end in ";" (or a nested lead-in's ":"), even when
            # they carry no marker, as in a policy that puts one prohibited use per line.
            in_list = bool(context) and body.endswith((";", ":", "; and", "; or", "and/or"))
        doc.user_data[HITS_KEY] = hits
        return doc


def _is_heading(body: str) -> bool:
    """A short Title Case line such as "Prohibited Uses" or "Grant of Patent License."."""
    words = body.rstrip(".").split()
    if not words or len(words) > 6 or body.endswith((":", ";")):
        return False
    return all(w[:1].isupper() or len(w) <= 3 or not w[:1].isalpha() for w in words)


def _clauses(present: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    """The unit's cues cut at its contrastive words; inherited (``^``) labels go to every piece."""
    cuts = sorted(present.get("CONTRAST", ()))
    if not cuts:
        return [present]
    bounds = [-(10**9), *cuts, 10**9]
    pieces: list[dict[str, list[int]]] = []
    for lo, hi in zip(bounds, bounds[1:]):
        piece: dict[str, list[int]] = {}
        for label, positions in present.items():
            whole = label.startswith("^") or label in _UNIT_WIDE
            inside = positions if whole else [p for p in positions if lo <= p < hi]
            if inside:
                piece[label] = inside
        pieces.append(piece)
    return pieces


def _fires(rule: Rule, present: dict[str, list[int]]) -> bool:
    for alternatives in rule.all:
        if not any(label in present for label in alternatives):
            return False
    for label in rule.none:
        if label in present:
            return False
    if rule.seq:
        return _in_order(rule.seq, 0, None, present, rule.window)
    return True


def _in_order(
    seq: tuple[tuple[str, ...], ...],
    index: int,
    after: int | None,
    present: dict[str, list[int]],
    window: int | None,
) -> bool:
    if index == len(seq):
        return True
    for label in seq[index]:
        for position in present.get(label, ()):
            if after is not None and (position <= after or (window and position - after > window)):
                continue
            if _in_order(seq, index + 1, position, present, window):
                return True
    return False


def _unit_text(doc: Doc, full: str, unit: Unit, marks: list[Mark]) -> UnitText:
    base = unit.start_char
    text = full[base : unit.end_char]
    located = []
    for mark in marks:
        span = doc[mark.start : mark.end]
        located.append((mark.label, mark.id, max(span.start_char - base, 0), span.end_char - base))
    return UnitText(text=text, marks=tuple(located))
