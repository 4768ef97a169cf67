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

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from openness.extract.attributes import DEFINED_READERS, READERS, UnitText
from openness.extract.cues import CUES_KEY, Mark
from openness.extract.frames import PRONOUN, Actor, Force, Frame, Reading
from openness.extract.glossary import GLOSSARY_KEY, Definition
from openness.extract.patterns import PatternSet, Rule, load_patterns
from openness.extract.units import TEXT_KEY, UNITS_KEY, Unit
from openness.taxonomy import UNCLASSIFIED

HITS_KEY = "openness.hits"
#: Labels that describe the whole unit wherever they were found: a definition stays a
#: definition after its "but".
_UNIT_WIDE = frozenset({"DEFINITION", "LEAD_IN"})
_LEAD_IN_ENDS = (":", ":**", ": **", "as follows", "following", "--", "\u2014", "\u2013")
#: Modal verbs, which a title never has.
_MODALS = frozenset({"may", "must", "shall", "will", "can", "cannot", "should"})
#: Words that announce a list even when the sentence ends in a full stop ("may perform the
#: following acts ... within the scope of these Terms.").
_ANNOUNCES = "the following"
#: A heading that is a party and a modal alone ("You may", "You must not"): the lead-in of the
#: table or list under it.
_MODAL_HEADING = re.compile(r"(?i)(?:you|the licensee|licensee|users?)\s+(?:may|must|shall|can)(?:\s+not)?\s*:?$")
#: Groups whose findings explain a clause that forbids or obliges.
_EXPLAINS = ("restrict.", "require.", "term.")
#: Labels of clauses that forbid or oblige without being terms of what the analysis judges: a
#: definition ("'Source' shall mean"), a restatement of the law ("you must comply with
#: applicable law") and boilerplate outside the taxonomy (trademarks, indemnity, assignment).
NOT_TERMS = frozenset({"DEFINITION", "DEFINES", "LAW", "BOILERPLATE"})
#: The label of words that make a marker advice or prediction ("should", "will"), which is no
#: command however it reads.
_ADVISORY = "ADVISORY"
#: The rule behind a ``review.unclassified`` hit: each such clause is its own.
_UNEXPLAINED = Rule(id="unexplained-force", kind=UNCLASSIFIED, distinct=True, source="review.jsonl")


@dataclass(frozen=True, kw_only=True, slots=True)
class Hit:
    """A rule that fired on a unit, with the attributes it read."""

    unit: Unit
    rule: Rule
    attributes: dict[str, Any] = field(default_factory=dict)
    #: Character spans (analysed text) of other clauses the attributes were read from: the
    #: definition of a defined term the unit uses.
    related: tuple[tuple[int, int], ...] = ()


@Language.factory("openness_rules", default_config={})
def make_rules(nlp: Language, name: str) -> "RuleApplier":
    return RuleApplier()


class RuleApplier:
    def __init__(self) -> None:
        patterns = load_patterns()
        self.patterns: PatternSet = patterns
        self.rules = patterns.rules
        #: Labels that name what an act is done to, and labels rules read as acts.
        self.objects = patterns.objects
        self.acts = patterns.acts
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
        text = doc.user_data.get(TEXT_KEY) or doc.text
        hits: list[Hit] = []
        for view in self.views(doc):
            explained = False
            for rule in self._candidates(view.present):
                if not view.fires(rule):
                    continue
                attributes = dict(rule.set)
                if rule.read is not None:
                    attributes.update(READERS[rule.read](view.text_of(doc, text)))
                if any(name not in attributes for name in rule.needs):
                    continue
                hits.append(Hit(unit=view.unit, rule=rule, attributes=attributes,
                                related=view.definitions(doc.user_data.get(GLOSSARY_KEY, {}), rule)))
                explained = explained or rule.kind.startswith(_EXPLAINS)
            if not explained:
                hits.extend(self.unexplained(view))
        doc.user_data[HITS_KEY] = hits
        return doc

    def unexplained(self, view: _UnitView) -> list[Hit]:
        """A ``review.unclassified`` hit when the unit forbids or obliges the licensee and no
        kind explains it: a clause the analyzer did not understand must reach a person, not
        pass silently."""
        if view.lead_in or NOT_TERMS.intersection(view.present) or "COND" in view.present:
            return []  # a condition's duties and bans are read by the kinds that know them
        advice = [(m.start, m.end) for m in view.marks if m.label == _ADVISORY]
        inherited_objects = any(target for readings in view.lead.acts.values() for _, target in readings)
        for frame in view.frames():
            if not frame.objects and not inherited_objects:
                continue  # about nothing the licence governs ("Don't include the brackets!")
            for head, reading in frame.commands():
                inherited = head not in view.marks
                if inherited and not view.unit.item:
                    continue  # only a list's items take their lead-in's force
                if (reading.force not in (Force.PROHIBITION, Force.OBLIGATION)
                        or reading.conditional or reading.actor is Actor.LICENSOR
                        or any(lo <= head.start < hi for lo, hi in advice)):
                    continue
                acts = {m.label for m in frame.marks if m.label in self.acts
                        and frame.read(m).force is reading.force and not frame.read(m).conditional}
                acts |= {label for label, readings in view.lead.acts.items()
                         if any(r.force is reading.force for r, _ in readings)}
                if not acts:
                    continue  # no act the licence governs is forbidden or owed
                named = acts | {m.label for m in frame.marks if m.label not in self.acts}
                kinds = self.patterns.might_be(reading.force, named)
                return [Hit(unit=view.unit, rule=_UNEXPLAINED,
                            attributes={"force": reading.force.value, "candidates": list(kinds),
                                        "noticed_by": "force"})]
        return []

    def views(self, doc: Doc) -> Iterator[_UnitView]:
        """Each unit that can say something, as the rules read it, with what a list's lead-in
        hands down to its items."""
        units: list[Unit] = doc.user_data.get(UNITS_KEY, [])
        marks: list[list[Mark]] = doc.user_data.get(CUES_KEY, [[] for _ in units])
        lead = _LeadIn()
        text = doc.user_data.get(TEXT_KEY) or doc.text
        in_list = False
        # whether the list under the current lead-in is made of list items; a list of
        # paragraphs (a quoted statement after "the following statement:") ends at the next item
        items_follow: bool | None = None
        for index, (unit, unit_marks) in enumerate(zip(units, marks)):
            if unit.block and not in_list and (not unit.item or items_follow is False):
                lead, items_follow = _LeadIn(), None
            if items_follow is None and lead.labels:
                items_follow = unit.item
            if not unit_marks and not lead.labels:
                in_list = False  # nothing can fire, and nothing is carried to the next unit
                continue
            body = text[unit.start_char : unit.end_char].rstrip(" *_")
            modal_heading = unit.heading and _MODAL_HEADING.match(body.lstrip("# ")) is not None
            titled = (unit.heading and not body.endswith("?")) or is_heading(body)
            if not in_list and not modal_heading and titled:
                # a title names a topic; the clause under it says what the rule is (a question
                # heading stays: in a FAQ, "Can I use it commercially?" and its "Yes." are one)
                continue
            if any(m.label == _EARLIER_VERSION for m in unit_marks):
                continue  # "Version 2 limited free use to ...": history, not a term of this licence
            if body.endswith("?") and not _answered_yes(text, units, index):
                continue  # "Can I share the weights?" grants nothing when the answer is "No."
            # "## You may not" over a table or list says what each of its rows is
            announces = body.endswith(_LEAD_IN_ENDS) or _ANNOUNCES in body.lower() or modal_heading
            view = _UnitView(unit, unit_marks, lead, announces, self.objects, self.acts,
                             _first_word(doc, unit))
            yield view
            if view.lead_in:
                lead = view.as_lead_in(lead if unit.item or in_list else _LeadIn())
                items_follow = None
            # A list runs on while its items end in ";" (or a nested lead-in's ":"), even when
            # they carry no marker, as in a policy that puts one prohibited use per line.
            in_list = bool(lead.labels) and body.endswith((";", ":", "; and", "; or", "and/or"))

    def _candidates(self, present: dict[str, list[int]]) -> list[Rule]:
        candidates = list(self.unanchored)
        for label in present:
            candidates.extend(self.by_anchor.get(label, ()))
        return candidates


@dataclass(frozen=True, kw_only=True, slots=True)
class _LeadIn:
    """What a list's lead-in hands down to its items ("You agree not to use the Model:")."""

    #: The lead-in's own labels (inherited as ``^LABEL``).
    labels: frozenset[str] = frozenset()
    #: What the lead-in says of whatever its items name ("You agree not to use the Model to:"
    #: prohibits), which governs an item's own acts ("agree" for "(a) not to ...").
    reading: Reading | None = None
    #: The readings of its acts and the labels of their objects, by act label (inherited as
    #: ``^LABEL`` acts).
    acts: dict[str, tuple[tuple[Reading, str | None], ...]] = field(default_factory=dict)


class _UnitView:
    """One unit's cues as the rules read them: by label, cut into clauses, and as frames."""

    def __init__(self, unit: Unit, marks: list[Mark], lead: _LeadIn, lead_in: bool,
                 objects: frozenset[str], acts: frozenset[str], first_word: int) -> None:
        self.unit = unit
        #: Token index of the unit's first word, after a list marker such as "(a)".
        self.first_word = first_word
        self.acts = acts
        self.marks = marks
        self.lead = lead
        self.lead_in = lead_in
        self.objects = objects
        self.present: dict[str, list[int]] = {}
        for mark in marks:
            self.present.setdefault(mark.label, []).append(mark.start)
        if lead_in:
            self.present["LEAD_IN"] = [unit.end - 1]
        for label in lead.labels:
            self.present.setdefault("^" + label, []).append(unit.start - 1)
        self._pieces: list[dict[str, list[int]]] | None = None
        self._frames: list[Frame] | None = None
        self._view: UnitText | None = None

    def fires(self, rule: Rule) -> bool:
        if any(label in self.present for label in rule.none_in_unit) or not _may_fire(rule, self.present):
            return False
        if rule.act:
            return any(_fires(rule, piece) and self._act_holds(rule, frame)
                       for piece, frame in zip(self.pieces(), self.frames()))
        if rule.scope == "clause":
            return any(_fires(rule, piece) for piece in self.pieces())
        return _fires(rule, self.present)

    def pieces(self) -> list[dict[str, list[int]]]:
        if self._pieces is None:
            self._pieces = _clauses(self.present, self.cuts())
        return self._pieces

    def cuts(self) -> list[int]:
        """Where the unit's clauses part: at contrastive words outside brackets ("a licence
        (except as set forth in Section 11.4) to install ..." is one clause)."""
        depth = 0
        events = sorted([(p, 1) for p in self.present.get("OPEN_PAREN", ())]
                        + [(p, -1) for p in self.present.get("CLOSE_PAREN", ())])
        inside: list[tuple[int, int]] = []
        for position, step in events:
            if step == 1 and depth == 0:
                inside.append((position, 10**9))
            depth = max(depth + step, 0)
            if step == -1 and depth == 0 and inside and inside[-1][1] == 10**9:
                inside[-1] = (inside[-1][0], position)
        return sorted(p for p in self.present.get("CONTRAST", ())
                      if not any(lo < p < hi for lo, hi in inside))

    def frames(self) -> list[Frame]:
        """One frame per piece; a list item's frames start with its lead-in's governing marker."""
        if self._frames is None:
            bounds = [-(10**9), *self.cuts(), 10**9]
            # the lead-in's force stands just before the item, as a marker of that force
            reading = self.lead.reading
            label = None if reading is None else (
                "CAN" if reading.plain and reading.force is Force.PERMISSION else _FORCE_LABELS.get(reading.force))
            # an item that forbids or obliges in its own words ("(3) Use in production falls
            # outside this Licence") says its own force; the lead-in's governs the others, and
            # those whose own marker sits in an exception ("(a) use it ..., unless we agree")
            exceptions = [*self.present.get("EXCEPT", ()), *self.present.get("COND", ())]
            own_force = any(not any(e < at for e in exceptions)
                            for label in _OWN_FORCE for at in self.present.get(label, ()))
            inherited = [] if label is None or own_force else [
                Mark(label=label, start=self.first_word - 1, end=self.first_word)]
            self._frames = []
            for n, (lo, hi) in enumerate(zip(bounds, bounds[1:])):
                inside = [m for m in self.marks if lo <= m.start < hi]
                earlier = [m for m in self.marks if m.start < lo and (m.label in self.objects or m.label == "OF")]
                self._frames.append(Frame((inherited if n == 0 else []) + inside, self.objects,
                                          earlier, self.acts))
        return self._frames

    def _act_holds(self, rule: Rule, frame: Frame) -> bool:
        for label in rule.act:
            if label.startswith("^"):
                if any(self._inherited_holds(rule, frame, reading, target)
                       for reading, target in self.lead.acts.get(label[1:], ())):
                    return True
                continue
            for mark in frame.by_label.get(label, ()):
                if not _reading_holds(rule, frame.read(mark)):
                    continue
                if rule.with_ and not frame.attached(mark, rule.with_):
                    continue
                if rule.without and frame.attached(mark, rule.without):
                    continue
                if rule.between and not frame.between(mark, rule.between):
                    continue
                if not rule.object:
                    return True
                target = frame.object_of(mark)
                named = target is not None and target.label != PRONOUN
                if named and any(o.label in rule.object for o in frame.coordinated(target)):
                    return True
                if not named and not frame.read(mark).plain and (
                        target.label if target is not None else NO_OBJECT) in rule.object:
                    return True
        return False

    def _inherited_holds(self, rule: Rule, frame: Frame, reading: Reading, target: str | None) -> bool:
        """Whether the lead-in's act, read as the lead-in reads it, is what ``rule`` asks for,
        with the item as its qualifier ("You may not use the Model: (a) for weapons;")."""
        if not _reading_holds(rule, reading):
            return False
        labels = {m.label for m in frame.marks}
        if rule.with_ and not labels.intersection(rule.with_):
            return False
        if rule.without and labels.intersection(rule.without):
            return False
        objects = {target} | {m.label for m in frame.objects}
        return not rule.object or bool(objects.intersection(rule.object))

    def as_lead_in(self, outer: _LeadIn) -> _LeadIn:
        """What this unit, a lead-in, hands to its items (added to an enclosing list's)."""
        frame = self.frames()[-1]
        readings = dict(outer.acts)
        own = [m for m in frame.marks if m.label in self.acts]
        for mark in own:
            target = frame.object_of(mark)
            inherited = (frame.read(mark), target.label if target is not None else None)
            readings[mark.label] = (*readings.get(mark.label, ()), inherited)
        reading = frame.read(own[-1]) if own else frame.closing()
        if reading.force is Force.PERMISSION and _CONDITIONS_FOLLOW in self.present:
            # "You may use ... as long as every condition below is satisfied:": each item is
            # a duty, even one written as a fact ("Copies ... retain the copyright line")
            reading = Reading(force=Force.OBLIGATION, actor=reading.actor)
        return _LeadIn(labels=outer.labels | {m.label for m in self.marks}, acts=readings,
                       reading=reading if reading.force is not Force.NONE else outer.reading)

    def definitions(self, glossary: dict[str, Definition], rule: Rule) -> tuple[tuple[int, int], ...]:
        """Where the defined terms whose limits ``rule`` read are defined, outside this unit."""
        if rule.read is None or rule.read not in DEFINED_READERS:
            return ()
        spans = []
        for mark in self.marks:
            definition = glossary.get(mark.id) if mark.label == DEFINED_READERS[rule.read] else None
            if definition is not None and definition.start is not None and definition.start != self.unit.start_char:
                spans.append((definition.start, definition.end or definition.start))
        return tuple(dict.fromkeys(spans))

    def text_of(self, doc: Doc, full: str) -> UnitText:
        if self._view is None:
            self._view = UnitText.of(doc, full, self.unit, self.marks, doc.user_data.get(GLOSSARY_KEY))
        return self._view


#: What a rule's ``object`` names to accept an act whose object the clause does not name
#: ("Redistribution and use ... are permitted").
NO_OBJECT = "NONE"
#: Markers with which a list item forbids or obliges on its own, whatever its lead-in says.
_OWN_FORCE = frozenset({"MUST", "FORBID", "ASK_FIRST"})
#: The label of a sentence about what an earlier version of the licence said.
_EARLIER_VERSION = "EARLIER_VERSION"
#: The label of words announcing that a grant's list holds its conditions.
_CONDITIONS_FOLLOW = "CONDITIONS_FOLLOW"
#: The marker that stands for a lead-in's force before each of its items.
_FORCE_LABELS = {Force.PROHIBITION: "FORBID", Force.OBLIGATION: "MUST", Force.PERMISSION: "PERMIT"}


def _reading_holds(rule: Rule, reading: Reading) -> bool:
    if rule.force and reading.force.value not in rule.force:
        return False
    if reading.conditional and not rule.conditional:
        return False
    if rule.actor == "licensee":
        return reading.actor is not Actor.LICENSOR
    if rule.actor == "licensor":
        return reading.actor is not Actor.LICENSEE
    return True


def _first_word(doc: Doc, unit: Unit) -> int:
    """Token index of the first token of ``unit`` at or after its words' first character."""
    for index in range(unit.start, unit.end):
        if doc[index].idx >= unit.start_char:
            return index
    return unit.start


def _answered_yes(text: str, units: list[Unit], index: int) -> bool:
    """Whether the unit after the question ``units[index]`` answers it with "Yes"."""
    if index + 1 >= len(units):
        return False
    answer = text[units[index + 1].start_char : units[index + 1].end_char]
    return answer.lstrip(" *_-\t\n").lower().startswith("yes")


def is_heading(body: str) -> bool:
    """A short title such as "Prohibited Uses" or "Grant of Patent License.": mostly
    capitalised words, the rest short ones, and no modal verb ("You may not use it." is a clause)."""
    words = body.rstrip(".").split()
    if not words or len(words) > 6 or body.endswith((":", ";")):
        return False
    if any(w.lower() in _MODALS for w in words):
        return False
    capitalised = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
    return len(capitalised) * 2 >= len(words) and all(
        w[:1].isupper() or len(w) <= 3 or not w[:1].isalpha() for w in words)


def _clauses(present: dict[str, list[int]], cuts: list[int]) -> list[dict[str, list[int]]]:
    """The unit's cues cut at ``cuts``; inherited (``^``) labels go to every piece."""
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


def _may_fire(rule: Rule, present: dict[str, list[int]]) -> bool:
    """Whether the unit as a whole holds what ``rule`` needs in some clause: each entry of
    ``all`` and one of its acts. A cheap test before the unit is cut into clauses and frames."""
    if rule.act and not any(label in present for label in rule.act):
        return False
    return _has_all(rule, present)


def _has_all(rule: Rule, present: dict[str, list[int]]) -> bool:
    """Whether ``present`` holds a label of each entry of the rule's ``all``."""
    return all(any(label in present for label in alternatives) for alternatives in rule.all)


def _fires(rule: Rule, present: dict[str, list[int]]) -> bool:
    if not _has_all(rule, present):
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
