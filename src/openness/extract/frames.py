"""Clause semantics: the deontic reading of each act a unit names.

A licence says what someone may, must or must not do. Phrase lists tie that force to one wording
("may not use"); here it is read from the parts of the clause, so new word orders and synonyms
fall out of the concept lexicons instead of needing a pattern each:

* **force markers** (labels of ``patterns/force.jsonl``): modal and lexical permission
  (``PERMIT``: "may", "is eligible to", "is licensed for"; ``CAN``: "can"), grants made to the licensee
  (``GRANTS``: "grants you", "authorises you to", "no rights are given"), obligation (``MUST``:
  "must", "agrees to"), prohibition (``FORBID``: "is prohibited", "refrain from"), a need for the
  licensor's permission (``ASK_FIRST``: "requires a separate written agreement"), no duty
  (``NEED_NOT``: "need not"), verbs that stop the force from reaching further acts (``INERT``:
  "shall not apply to", "does not limit"), negators (``NOT``, and ``NO_RIGHTS``: "no other
  rights ... are granted") and limiters (``LIMIT``: "only", "solely");
* **scopes**: conditions (``COND``: "if", "each time") and relative clauses (``RELATIVE``:
  ", which"), which end at a ``CLAUSE_END`` (a comma) or at the main clause's ``MODAL`` verb;
* **acts**: any other label a rule names as its ``act`` ("USE", "DISTRIBUTE", "AMEND"...), and
  **objects**, the labels of cues marked ``object`` (the model, outputs, these terms...);
* **parties** (``LICENSOR``, ``LICENSEE``): whose act it is.

An act is governed by the nearest force marker before it in its clause (a "may not" before
"use"); an act named before any marker is governed by the one after it, which is how passive
and nominal clauses read ("Redistribution of the Weights is prohibited", "Production use
requires a separate agreement"). Negators near the governing marker turn its polarity: a
negated permission or grant is a prohibition ("are not eligible to use", "does not authorise
you to use", "no licence is granted to"), a negated obligation after its modal is a prohibition
("must not", "agree not to") but before it is no duty ("are not required to"), and a negated
prohibition ("nothing prohibits") forbids nothing. An act inside a condition ("if you distribute
the Model, you must ...") is read as the condition, not as what the sentence commands; a marker
inside a condition or a relative clause ("a licence, which you may not transfer, to run ...")
governs only the acts inside it.

The reader knows only these label names; what words make each label is data.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol, Sequence


class Force(str, enum.Enum):
    """What a clause does to an act."""

    PROHIBITION = "prohibition"
    OBLIGATION = "obligation"
    PERMISSION = "permission"
    NONE = "none"


class Actor(str, enum.Enum):
    """Whose act the clause speaks of."""

    LICENSEE = "licensee"
    #: The licensor, or the terms themselves ("This licence conveys ...").
    LICENSOR = "licensor"
    #: No party is named before the governing marker (a passive clause, "Use ... is prohibited").
    UNSTATED = "unstated"


class Mark(Protocol):
    """A cue in a unit: its label and token offsets (the cue finder's marks are such)."""

    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


#: Labels that can govern an act.
HEADS = frozenset({"PERMIT", "CAN", "GRANTS", "MUST", "FORBID", "ASK_FIRST", "NEED_NOT", "INERT"})
#: Labels that name a party to the licence.
_PARTIES = frozenset({"LICENSOR", "LICENSEE"})
#: Labels that open a scope of their own.
SCOPES = frozenset({"COND", "RELATIVE"})
#: The object label of whom an act is done to or for ("to any other party"): what is
#: shared is named before it in a passive clause ("the Model must not be made available to
#: any other party"), so it is an act's object only when nothing else is named.
RECIPIENT = "OTHER_PARTY"
#: Object labels that stand for an object named earlier ("it", "them").
PRONOUN = "PRONOUN"
#: Tokens before a governing marker in which a negator negates it ("no trademark licences are
#: granted": four; "does not authorise": one) and after it ("may not": one).
_NEG_BEFORE = 5
_NEG_AFTER = 2
#: How far (tokens) from its act an object or qualifier may be named.
REACH = 12
#: Tokens between two acts of one list ("use, reproduce, and distribute").
_CHAIN_GAP = 4
#: Tokens between an object and a coordinated noun that is then no act ("the Model or
#: Modifications of the Model" names two things to use, not an act of modifying).
_COORDINATED = 2


@dataclass(frozen=True, slots=True)
class _Point:
    label: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True, slots=True)
class Reading:
    """The deontic reading of one act."""

    force: Force
    actor: Actor
    #: The act is inside a condition ("if you distribute ..."), not commanded by the clause.
    conditional: bool = False
    #: A permission limited by "only", "solely"... ("may be used solely for research").
    limited: bool = False
    #: The prohibition lifts with the licensor's permission ("requires a separate agreement").
    needs_permission: bool = False
    #: A permission in everyday words ("you can"), which also says what is possible ("you can
    #: load the model with the command below"): it grants only an act whose object is named.
    plain: bool = False


_NO_ACT = Reading(force=Force.NONE, actor=Actor.UNSTATED)


#: How near an inert verb must follow a marker to take its force ("shall not apply to").
_INERT_AFTER = 2
#: How near an act must follow "other than" to be what it excepts ("other than developing",
#: "except for training"); "except as set forth in Section 11.4, ... to install" excepts nothing.
_EXCEPTED_WITHIN = 3


def _outermost(objects: list[Mark]) -> list[Mark]:
    """``objects`` without those inside a longer one, which are part of its name: "weights" in
    "fine-tuned weights", "a copy" in "a copy of this licence"."""
    return [m for m in objects if not any(
        o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in objects)]


class Frame:
    """The readings of the acts of one piece of a unit (a clause between contrastive words).

    ``marks`` are the piece's cues; ``objects`` the labels that name what an act is done to (the
    model, its outputs, these terms, content...); ``antecedents`` the objects named earlier in
    the unit (with the "of" marks among them, which join a phrase's head to its complement), to
    which a pronoun at the start of the piece may refer. Readings are worked out
    when first asked for.
    """

    def __init__(self, marks: Sequence[Mark], objects: frozenset[str] = frozenset(),
                 antecedents: Sequence[Mark] = (), acts: frozenset[str] = frozenset()) -> None:
        self.marks = sorted(marks, key=lambda m: (m.start, -m.end))
        #: The marks of each label, in text order.
        self.by_label: dict[str, list[Mark]] = {}
        for mark in self.marks:
            self.by_label.setdefault(mark.label, []).append(mark)
        self._act_labels = acts
        self.objects = _outermost([m for m in self.marks if m.label in objects])
        self.antecedents = _outermost(sorted((m for m in antecedents if m.label not in (PRONOUN, "OF")),
                                             key=lambda m: (m.start, -m.end)))
        #: Where "of" stands, in the piece and before it (antecedents come with theirs).
        self._ofs = {m.start for m in [*self.marks, *antecedents] if m.label == "OF"}
        self.heads = [m for m in self.marks if m.label in HEADS]
        self.negators = [m.start for m in self.by_label.get("NOT", ())]
        self.scopes = self._scopes()
        self._cache: dict[tuple[int, int], Reading] = {}

    def read(self, act: Mark) -> Reading:
        key = (act.start, act.end)
        if key not in self._cache:
            self._cache[key] = _NO_ACT if self._is_noun(act) else self._read(act)
        return self._cache[key]

    def closing(self) -> Reading:
        """The reading of whatever follows the piece, as a list's items follow its lead-in
        ("You agree not to:" prohibits what its items name)."""
        end = max((m.end for m in self.marks), default=0)
        return self._read(_Point(label="", start=end, end=end))

    def commands(self) -> list[tuple[Mark, Reading]]:
        """What each governing marker of the piece's main clause says, whatever act it governs
        ("You shall not reverse engineer the Model" forbids, though no act label names
        reverse engineering): what the piece commands, for a reader that asks whether some
        force went unexplained."""
        heads = [h for h in self.heads if not any(label == "COND" for label, _, _ in self._scopes_of(h.start))]
        return [(h, self._read(_Point(label="", start=h.end, end=h.end))) for h in heads]

    def object_of(self, act: Mark) -> Mark | None:
        """What ``act`` is done to: the first object named inside or after it, before the next
        governing marker and within ``REACH`` tokens ("distribute, sublicense or sell copies of
        the Model", "make the Weights available"); failing that, the nearest one before it, as
        in a passive clause ("the Weights may not be shared"). A pronoun stands for the object
        named before it ("changing it is not allowed" after "copies of this licence document").
        What a ``REFERS`` word introduces is the rule the act follows, not its object ("to use,
        copy and modify under the conditions of Section 2").
        """
        refers = {m.end for m in self.marks if m.label == "REFERS"}
        # what follows the next "is" is a new predicate ("updates, or third-party
        # applications, is the entire agreement"), not the act's object
        predicate = min([b.start for b in self.marks if b.label == "BE" and b.start >= act.end], default=10**9)
        near = [o for o in self._attached(act, self.objects, self._chain_end(act))
                if (o.start, o.end) != (act.start, act.end) and o.start not in refers
                and o.start < predicate]
        things = [o for o in near if o.label != RECIPIENT]
        inside_or_after = [o for o in things if o.start >= act.start]
        # a passive clause names its object before the marker: "the Model must not be shared"
        scope = self._innermost(act.start)
        # ("is to" / "are to" is a modal, not the passive's "be": "copies are to be accompanied
        # by these conditions")
        modal = {h.start for h in self.heads}
        passive = [b.start for b in self.marks if b.label == "BE" and act.start - 2 <= b.start < act.start
                   and b.start not in modal]
        before = [o for o in self.objects if o.label != RECIPIENT and o.end <= act.start
                  and o.end >= act.start - REACH and self._innermost(o.start) == scope
                  and passive and o.end <= passive[0]]
        recipients = [o for o in near if o.label == RECIPIENT]
        # in a passive clause what follows is a complement ("Outputs may not be presented ...
        # as the advice of a clinician"): the object is the subject
        target = (self._head_of(before) if before else inside_or_after[0] if inside_or_after
                  else recipients[0] if recipients else None)
        if target is None or target.label != PRONOUN:
            return target
        earlier = [o for o in [*self.antecedents, *self.objects]
                   if o.end <= target.start and o.label != PRONOUN]
        return self._head_of(earlier) if earlier else target

    def _head_of(self, phrase: list[Mark]) -> Mark:
        """The head of the noun phrase the last of ``phrase`` ends: an object followed by "of"
        governs the one after it ("Outputs of the Model", "versions of the Model")."""
        head = phrase[-1]
        for mark in reversed(phrase[:-1]):
            if mark.label != PRONOUN and mark.end in self._ofs and head.start == mark.end + 1:
                head = mark
        return head

    def coordinated(self, target: Mark) -> list[Mark]:
        """``target`` and the objects joined to it ("the Model, or any text generated by it"):
        each next object within ``_CHAIN_GAP`` tokens of the one before, an "or"/"and" between."""
        joins = [m.start for m in self.by_label.get("COORD", ())]
        chain = [target]
        for other in self.objects:
            last = chain[-1].end
            if (last <= other.start <= last + _CHAIN_GAP
                    and any(last <= j < other.start for j in joins)):
                chain.append(other)
        return chain

    def attached(self, act: Mark, labels: Sequence[str]) -> bool:
        """Whether a mark of ``labels`` qualifies ``act``: near it, in the same clause and
        scope, with no governing marker between them ("use ... for commercial purposes",
        "commercial use is permitted")."""
        return any(m.label in labels for m in self._attached(act, self.marks))

    def between(self, act: Mark, labels: Sequence[str]) -> bool:
        """Whether a mark of ``labels`` stands between ``act`` and the marker governing it."""
        head = self._governor(act)
        if head is None:
            return False
        lo, hi = (head.end, act.start) if head.end <= act.start else (act.end, head.start)
        return any(m.label in labels and lo <= m.start and m.end <= hi for m in self.marks)

    # -- how one act is read -----------------------------------------------------------------

    def _read(self, act: Mark) -> Reading:
        conditional = any(label == "COND" for label, _, _ in self._scopes_of(act.start))
        head = None if self._describes(act) else self._governor(act)
        if head is None:
            return Reading(force=Force.NONE, actor=Actor.UNSTATED, conditional=conditional)
        force = self._force(head)
        if force is Force.PERMISSION and self._excepted(head, act):
            force = Force.PROHIBITION
        return Reading(
            force=force,
            actor=self._actor(head),
            conditional=conditional,
            limited=force is Force.PERMISSION and any(m.label == "LIMIT" for m in self.marks),
            needs_permission=head.label == "ASK_FIRST",
            plain=head.label == "CAN",
        )

    def _excepted(self, head: Mark, act: Mark) -> bool:
        """Whether ``act`` is what a permission excepts, and so withholds: "may use it for any
        purpose other than developing a substitute" does not let you develop one."""
        return any(head.end <= m.start and m.end <= act.start <= m.end + _EXCEPTED_WITHIN
                   for m in self.by_label.get("EXCEPT", ()))

    def _describes(self, act: Mark) -> bool:
        """An act in a relative clause describes a thing rather than being what the clause
        commands: "any model that is offered in competition" offers nothing."""
        return any(m.end == act.start for m in self.by_label.get("RELATIVE_BE", ()))

    def _is_noun(self, act: Mark) -> bool:
        """An act's word used as a thing: inside an object's words ("modified versions"), or a
        noun of acting (``NOMINAL``: "modifications") coordinated with an object ("the Model or
        Modifications of the Model")."""
        nominal = any(m.label == "NOMINAL" and m.start == act.start for m in self.marks)
        for o in self.objects:
            if o.start <= act.start and act.end <= o.end and (o.start, o.end) != (act.start, act.end):
                return True
            if nominal and o.end <= act.start <= o.end + _COORDINATED:
                return True
        return False

    def _governor(self, act: Mark) -> Mark | None:
        """The force marker that governs ``act``: the nearest before it, else after it, among
        the markers of the act's own scope."""
        scope = self._innermost(act.start)
        eligible = [h for h in self.heads if self._innermost(h.start) == scope
                    and not (h.start <= act.start < h.end)]
        before = [h for h in eligible if h.end <= act.start]
        if before:
            return before[-1]
        # "Redistribution ... is permitted"; but "fine-tuning ..., and can be used" is no
        # permission to fine-tune: an everyday "can" speaks only of what follows it
        after = [h for h in eligible if h.start >= act.end and h.label != "CAN"]
        if not after:
            return None
        # a verb with a subject of its own ("stating that You modified the Model; ... You
        # impose ... shall neither") is not the subject of a later clause's marker
        parties = [m.end for m in self.marks if m.label in _PARTIES]
        if any(act.start - 1 <= p <= act.start for p in parties) or any(
                act.end <= p <= after[0].start for p in parties):
            return None
        # "The requirement that changed versions be released ... shall not apply to them": the
        # marker's force goes to the inert verb after it, not back to the act
        inert = [h for h in after[1:] if h.label == "INERT" and h.start <= after[0].end + _INERT_AFTER]
        return inert[0] if inert else after[0]

    def _force(self, head: Mark) -> Force:
        before = any(head.start - _NEG_BEFORE <= n < head.start for n in self.negators)
        after = any(head.end <= n < head.end + _NEG_AFTER for n in self.negators)
        inside = any(head.start <= n < head.end for n in self.negators)
        label = head.label
        if label == "ASK_FIRST":
            # "needs no further permission", "you do not need a licence": nothing to ask for
            return Force.NONE if before or inside else Force.PROHIBITION
        if label in ("NEED_NOT", "INERT"):
            return Force.NONE
        if label in ("PERMIT", "CAN", "GRANTS"):
            negated = before or after or inside or self._denied(head)
            if negated:
                return Force.PROHIBITION
            return Force.NONE if label != "GRANTS" and self._capability(head) else Force.PERMISSION
        if label == "MUST":
            if after or inside:
                return Force.PROHIBITION
            return Force.NONE if before else Force.OBLIGATION
        # FORBID: "nothing in this licence prohibits" forbids nothing
        return Force.NONE if before else Force.PROHIBITION

    def _capability(self, head: Mark) -> bool:
        """"The new models can generate ..." says what a thing can do, not what anyone may: an
        active modal whose subject is an object (the model, its outputs), where a passive "may"
        ("the Model may be used") is a permission."""
        if not any(m.label == "MODAL" and m.start == head.start for m in self.marks):
            return False
        scope = self._innermost(head.start)
        subjects = [m for m in self.marks if m.end <= head.start and self._innermost(m.start) == scope
                    and (m.label in ("LICENSOR", "LICENSEE", "TERMS") or m in self.objects)]
        if not subjects or subjects[-1] not in self.objects or subjects[-1].label == PRONOUN:
            return False
        if subjects[0].label in ("LICENSEE", "LICENSOR"):
            return False  # "Anyone who obtains a copy of the weights may use ...": a person's may
        if head.label == "CAN":
            return True  # "the model can be used without adaptation" is a capability too
        return not any(m.label == "BE" and head.end <= m.start <= head.end + 1 for m in self.marks)

    def _denied(self, head: Mark) -> bool:
        """A grant whose subject denies rights, however long ("no other rights or licences,
        express or implied, are granted"): a ``NO_RIGHTS`` mark before it, in its scope, with no
        other governing marker between."""
        scope = self._innermost(head.start)
        for mark in self.marks:
            if mark.label == "NO_RIGHTS" and mark.end <= head.start and self._innermost(mark.start) == scope:
                if not any(mark.end <= h.start and h.end <= head.start for h in self.heads):
                    return True
        return False

    def _actor(self, head: Mark) -> Actor:
        """The party named before the governing marker in its scope (the clause's subject).

        A grant's subject is the grantor, so the act it grants is the licensee's, unless the
        grant is the licensee's own ("you hereby grant us ..."). The terms themselves speak
        for the licensor ("This licence conveys ...", "These terms may be changed"), except in
        what they forbid, which binds the licensee.
        """
        scope = self._innermost(head.start)
        if head.label == "PERMIT":
            # "the Licensor grants every User a licence to use": the licence is the grantee's
            grants = [m for m in self.by_label.get("GRANTS", ()) if m.end <= head.start
                      and self._innermost(m.start) == scope]
            head = grants[-1] if grants else head
        parties = [m for m in self.marks if m.label in ("LICENSOR", "LICENSEE", "TERMS")
                   and m.end <= head.start and self._innermost(m.start) == scope]
        last = parties[-1].label if parties else None
        if head.label == "GRANTS":
            # "you grant us" is the licensee's grant; "you are granted" is made to the licensee
            passive = any(m.label == "BE" and head.start - 1 <= m.start < head.end for m in self.marks)
            return Actor.LICENSOR if last == "LICENSEE" and not passive else Actor.LICENSEE
        if last == "TERMS" and head.label == "FORBID":
            # what "this licence does not cover" or "these terms prohibit" is the licensee's
            return Actor.LICENSEE
        if last in ("LICENSOR", "TERMS"):
            return Actor.LICENSOR
        if last == "LICENSEE":
            return Actor.LICENSEE
        return Actor.UNSTATED

    def _chain_end(self, act: Mark) -> int:
        """Where a list of acts that begins or continues at ``act`` ends: acts share their
        object ("to use, reproduce, distribute, copy, create derivative works of, and make
        modifications to the Llama Materials")."""
        acts = sorted((m for m in self.marks if m.label in self._act_labels), key=lambda m: m.start)
        end = act.end
        for other in acts:
            if other.start >= end and other.start - end <= _CHAIN_GAP:
                end = max(end, other.end)
        return end

    def _attached(self, act: Mark, marks: Sequence[Mark], until: int | None = None) -> list[Mark]:
        scope = self._innermost(act.start)
        heads_after = [h.start for h in self.heads if h.start >= act.end]
        heads_before = [h.end for h in self.heads if h.end <= act.start]
        hi = min([(until or act.end) + REACH, *heads_after])
        lo = max([act.start - REACH, *heads_before])
        return [m for m in marks if lo <= m.start and m.end <= hi and m is not act
                and self._innermost(m.start) == scope]

    # -- scopes: conditions and relative clauses ---------------------------------------------

    def _scopes(self) -> list[tuple[str, int, int]]:
        """(label, start, end) of the piece's conditions and relative clauses: from their marker
        to the next ``CLAUSE_END`` (a comma, "then") or modal verb (``MODAL``: the main clause's
        "you must"), else to the end of the piece."""
        stops = [m.start for m in self.marks if m.label in ("CLAUSE_END", "MODAL")]
        spans = []
        for mark in (m for m in self.marks if m.label in SCOPES):
            # a relative clause's own modal ("which you may not transfer") stays inside it
            after = mark.end + 2 if mark.label == "RELATIVE" else mark.end
            stop = min([s for s in stops if s >= after], default=10**9)
            spans.append((mark.label, mark.start, stop))
        return spans

    def _scopes_of(self, position: int) -> list[tuple[str, int, int]]:
        return [s for s in self.scopes if s[1] <= position < s[2]]

    def _innermost(self, position: int) -> tuple[int, int] | None:
        inner = self._scopes_of(position)
        return max((s[1], s[2]) for s in inner) if inner else None
