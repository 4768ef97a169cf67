"""The extractor's data: cue patterns and clause rules, read from ``patterns/*.jsonl``.

Each line of a pattern file is one JSON object, either

* a **cue**: ``{"label": "NEG", "pattern": "{may|shall} not"}``. A string pattern is a literal
  phrase matched case-insensitively by spaCy's PhraseMatcher; ``{a|b|}`` in it spells
  alternatives (an empty one makes the group optional), expanded when the file is read. A list
  pattern is a spaCy Matcher token pattern, kept for structure (definitions, quoted names) and
  run only on the first words of each unit. The format is that of spaCy's SpanRuler files.
* a **concept**: ``{"label": "DISTRIBUTE", "lemmas": ["distribute", "make available", ...]}``, a
  set of lemma phrases, each matched in every form of its words (see
  :mod:`openness.extract.inflect`): "distributed", "makes available". ``{a|b}`` spells
  alternatives here too.
* a **rule**: ``{"kind": "restrict.non_compete", "id": "...", "all": [...], ...}``, which says
  which cues in one unit make a finding of that kind (see :mod:`openness.extract.rules`).
* a **review line**: ``{"review": "prohibition", "labels": ["MODIFY"], "might_be": [...]}``,
  the kinds a clause of that force naming those labels might be when no rule explains it (an
  act label counts when the clause gives that act that force; no labels: any other clause of
  that force); see ``review.unclassified`` in the taxonomy.

Adding a kind is adding a file (or lines) here; nothing in the Python code lists phrases.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from openness.errors import OpennessError
from openness.extract.frames import Force
from openness.jsonlines import package_file, read_objects
from openness.taxonomy import load_taxonomy

#: Labels set from the text's structure, not from a pattern: ``LEAD_IN`` marks a unit that
#: introduces a list ("You agree not to use the Model to:"); the ``DEFINED_*`` labels mark the
#: uses of a defined term that sets a limit (:mod:`openness.extract.glossary`).
STRUCTURE_LABELS = frozenset({"LEAD_IN", "DEFINED_USER_CAP", "DEFINED_REVENUE_CAP", "DEFINED_TERRITORY"})

_GROUP = re.compile(r"\{([^{}]*)\}")
#: The values of a rule's ``actor``.
ACTORS = frozenset({"licensee", "licensor", "any"})


@dataclass(frozen=True, kw_only=True)
class Cue:
    label: str
    #: A phrase (str) or a Matcher token pattern (list of dicts).
    pattern: str | list[dict[str, Any]] = ""
    #: Lemma phrases matched in every inflected form (a concept), instead of ``pattern``.
    lemmas: tuple[str, ...] = ()
    #: Normalised value the cue stands for (e.g. a region's or jurisdiction's canonical name).
    id: str | None = None
    #: Labels whose cues this cue's match overrides where the two overlap, e.g. the "may not"
    #: of "a licence, which you may not transfer, to use ..." is no prohibition of use.
    cancels: tuple[str, ...] = ()
    #: The label names what an act is done to (the model, outputs, these terms...): see
    #: :meth:`openness.extract.frames.Frame.object_of`.
    object: bool = False
    #: For a token pattern: the mark is the point before the match's last token, not the
    #: match. An imperative ("When you share it, include this file") is read as a marker of
    #: obligation standing just before its verb, which stays free to be the act it governs.
    before_last: bool = False
    source: str


@dataclass(frozen=True, kw_only=True)
class Rule:
    """When cues found in one unit make a finding (semantics in :mod:`openness.extract.rules`)."""

    id: str
    kind: str
    #: Every entry must be present: a label, or a list of labels of which one suffices.
    all: tuple[tuple[str, ...], ...] = ()
    #: No label from this list may be present.
    none: tuple[str, ...] = ()
    #: Entries that must occur in this order (label or alternatives), each within ``window``
    #: tokens of the one before when ``window`` is set.
    seq: tuple[tuple[str, ...], ...] = ()
    window: int | None = None
    #: Attributes set as given.
    set: dict[str, Any] = field(default_factory=dict)
    #: Name of an attribute reader in :mod:`openness.extract.attributes`.
    read: str | None = None
    #: Attributes the reader must find, else the rule does not fire.
    needs: tuple[str, ...] = ()
    #: Each unit this rule matches is its own obligation (items of a list of prohibited uses),
    #: not merged with an identical finding elsewhere in the document.
    distinct: bool = False
    #: ``unit`` (default): the cues of the whole unit count. ``clause``: the unit is cut at
    #: contrastive words (cue ``CONTRAST``: "but", "except", "provided that") and the rule must
    #: hold within one piece, so "you may use and modify the code, but you may not distribute
    #: it" grants modification although the sentence also prohibits.
    scope: str = "unit"
    #: The act whose deontic reading the rule tests (see :mod:`openness.extract.frames`): a
    #: label, or labels of which one suffices; ``^LABEL`` reads the act of the list's lead-in.
    act: tuple[str, ...] = ()
    #: The forces the act must have, e.g. ``("prohibition",)``.
    force: tuple[str, ...] = ()
    #: Whose act it must be: ``licensee`` (the default: the licensee, or no party named),
    #: ``licensor``, or ``any``.
    actor: str = "licensee"
    #: Labels of which one must name the act's object (what is used, shared, changed).
    object: tuple[str, ...] = ()
    #: Labels of which one must qualify the act: near it, in its clause and condition
    #: ("use the Model for commercial purposes", "commercial use is permitted").
    with_: tuple[str, ...] = ()
    #: Labels none of which may qualify the act.
    without: tuple[str, ...] = ()
    #: Labels of which one must stand between the act and the marker that governs it ("grants
    #: you a licence under all copyright, patent and other rights ... to use").
    between: tuple[str, ...] = ()
    #: Labels that may not occur anywhere in the unit, whatever its clauses: an exception
    #: ("unless", "except") makes a prohibition a condition of a grant.
    none_in_unit: tuple[str, ...] = ()
    #: Whether an act inside a condition ("if you distribute ...") counts.
    conditional: bool = False
    source: str = ""


@dataclass(frozen=True, kw_only=True)
class Review:
    """The kinds an unexplained clause of ``force`` naming ``labels`` might be."""

    force: Force
    #: Cue labels; empty for any other clause of that force.
    labels: tuple[str, ...]
    might_be: tuple[str, ...]
    source: str


@dataclass(frozen=True, kw_only=True)
class PatternSet:
    cues: tuple[Cue, ...]
    rules: tuple[Rule, ...]
    reviews: tuple[Review, ...] = ()

    def might_be(self, force: Force, labels: set[str]) -> tuple[str, ...]:
        """The kinds an unexplained clause of ``force`` naming ``labels`` might be."""
        named = [r for r in self.reviews if r.force is force and labels.intersection(r.labels)]
        chosen = named or [r for r in self.reviews if r.force is force and not r.labels]
        return tuple(dict.fromkeys(kind for r in chosen for kind in r.might_be))

    @property
    def objects(self) -> frozenset[str]:
        """Labels of the cues that name objects."""
        return frozenset(c.label for c in self.cues if c.object)

    @property
    def acts(self) -> frozenset[str]:
        """Labels the rules read as acts (see :mod:`openness.extract.frames`)."""
        return frozenset(label.lstrip("^") for rule in self.rules for label in rule.act)


def expand(phrase: str) -> list[str]:
    """All spellings of ``phrase``: ``"{may|shall} not"`` -> ``["may not", "shall not"]``."""
    parts = _GROUP.split(phrase)
    # split() alternates literal text and group contents
    choices = [[p] if i % 2 == 0 else p.split("|") for i, p in enumerate(parts)]
    out = []
    for combo in itertools.product(*choices):
        text = re.sub(r"\s+", " ", "".join(combo)).strip()
        if text:
            out.append(text)
    return out


def _alternatives(entry: str | list[str]) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry)


def _rule(obj: dict[str, Any], source: str) -> Rule:
    known = set(load_taxonomy().kinds)
    if obj["kind"] not in known:
        raise OpennessError(f"{source}: rule {obj.get('id')!r} names unknown kind {obj['kind']!r}")
    return Rule(
        id=obj["id"],
        kind=obj["kind"],
        all=tuple(_alternatives(e) for e in obj.get("all", ())),
        none=tuple(obj.get("none", ())),
        seq=tuple(_alternatives(e) for e in obj.get("seq", ())),
        window=obj.get("window"),
        set=dict(obj.get("set", {})),
        read=obj.get("read"),
        needs=tuple(obj.get("needs", ())),
        distinct=bool(obj.get("distinct", False)),
        scope=obj.get("scope", "unit"),
        act=_alternatives(obj.get("act", ())),
        force=_alternatives(obj.get("force", ())),
        actor=obj.get("actor", "licensee"),
        object=_alternatives(obj.get("object", ())),
        with_=_alternatives(obj.get("with", ())),
        without=_alternatives(obj.get("without", ())),
        between=_alternatives(obj.get("between", ())),
        conditional=bool(obj.get("conditional", False)),
        none_in_unit=tuple(obj.get("none_in_unit", ())),
        source=source,
    )


def _review(obj: dict[str, Any], source: str) -> Review:
    known = load_taxonomy().kinds
    unknown = [k for k in obj.get("might_be", ()) if k not in known]
    if obj["review"] not in (Force.PROHIBITION.value, Force.OBLIGATION.value) or unknown or not obj.get("might_be"):
        raise OpennessError(f"{source}: a review line needs a force (prohibition or obligation) and "
                            f"known kinds in might_be; got {obj['review']!r}, unknown {unknown}")
    return Review(force=Force(obj["review"]), labels=tuple(obj.get("labels", ())),
                  might_be=tuple(obj["might_be"]), source=source)


@cache
def load_patterns() -> PatternSet:
    """Every cue and rule of the shipped pattern files, checked against the taxonomy."""
    cues: list[Cue] = []
    rules: list[Rule] = []
    reviews: list[Review] = []
    folder = package_file("openness.extract", "patterns")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".jsonl"):
            continue
        for source, obj in read_objects(entry, entry.name):
            if "kind" in obj:
                rules.append(_rule(obj, source))
            elif "review" in obj:
                reviews.append(_review(obj, source))
            elif "label" in obj:
                cues.append(
                    Cue(label=obj["label"], pattern=obj.get("pattern", ""),
                        lemmas=tuple(obj.get("lemmas", ())), id=obj.get("id"),
                        cancels=tuple(obj.get("cancels", ())),
                        object=bool(obj.get("object", False)),
                        before_last=bool(obj.get("before_last", False)), source=source)
                )
            else:
                raise OpennessError(f"{source}: neither a cue (label), a rule (kind) nor a review line")
    labels = {c.label for c in cues} | STRUCTURE_LABELS
    for rule in rules:
        used = {l for alts in rule.all + rule.seq for l in alts} | set(rule.none) | set(rule.act) | set(rule.object) | set(rule.with_) | set(rule.without) | set(rule.between) | set(rule.none_in_unit)
        bad_force = set(rule.force) - {f.value for f in Force}
        if bad_force or rule.actor not in ACTORS:
            raise OpennessError(f"{rule.source}: rule {rule.id!r}: unknown force or actor "
                                f"{sorted(bad_force) or rule.actor!r}")
        missing = {l.lstrip("^") for l in used} - labels - {"NONE"}
        if missing:
            raise OpennessError(f"{rule.source}: rule {rule.id!r} uses undefined cue(s) {sorted(missing)}")
    for review in reviews:
        if set(review.labels) - labels:
            raise OpennessError(f"{review.source}: review line names undefined cue(s) "
                                f"{sorted(set(review.labels) - labels)}")
    return PatternSet(cues=tuple(cues), rules=tuple(rules), reviews=tuple(reviews))
