"""What a diff reports: finding changes, wording changes and verdict changes, as frozen values.

The JSON shape is the contract of design/json-output.md (``openness.diff/1``); fields beyond the
required ones (``edits``, ``minor``, ``renames``, ``documents``...) are additions it allows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

SCHEMA = "openness.diff/1"


@dataclass(frozen=True, kw_only=True)
class Side:
    """One side of a finding change: what the finding said, quoted, and where."""

    path: str
    attributes: Mapping[str, Any]
    quote: str
    section: str | None
    page: int | None = None
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"attributes": dict(self.attributes), "quote": self.quote, "section": self.section,
                "path": self.path, "page": self.page, "line": self.line}


@dataclass(frozen=True, kw_only=True)
class FindingChange:
    """A finding added, removed, or changed in its attributes between the versions."""

    #: ``added``, ``removed`` or ``changed``.
    change: str
    kind: str
    old: Side | None
    new: Side | None

    @property
    def deltas(self) -> dict[str, tuple[Any, Any]]:
        """Attribute name -> (old value, new value) for every attribute that differs."""
        old = dict(self.old.attributes) if self.old else {}
        new = dict(self.new.attributes) if self.new else {}
        return {k: (old.get(k), new.get(k)) for k in sorted(set(old) | set(new))
                if old.get(k) != new.get(k)}

    def to_json(self) -> dict[str, Any]:
        return {"change": self.change, "kind": self.kind,
                "old": self.old.to_json() if self.old else None,
                "new": self.new.to_json() if self.new else None,
                "deltas": {k: {"old": o, "new": n} for k, (o, n) in self.deltas.items()}}


@dataclass(frozen=True, kw_only=True)
class Edit:
    """One run of a word-level redline: kept, deleted or inserted text."""

    #: ``equal``, ``delete`` or ``insert``.
    op: str
    text: str
    #: True for an edit folded as cosmetic (whitespace, punctuation, typo, repeated word).
    minor: bool = False
    #: True when whitespace precedes the run in its source (no space before "," or ")").
    space: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"op": self.op, "text": self.text, "minor": self.minor}


@dataclass(frozen=True, kw_only=True)
class TextChange:
    """A clause whose wording changed, was added, or was removed."""

    change: str
    old_section: str | None
    new_section: str | None
    old: str
    new: str
    path_old: str | None = None
    path_new: str | None = None
    edits: tuple[Edit, ...] = ()
    #: Number of cosmetic edits in the clause (folded into this count by default).
    minor: int = 0
    #: True when every edit is cosmetic: shown only with ``--all-text``.
    cosmetic: bool = False
    #: True when a finding change has its evidence in this clause.
    finding_changed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"change": self.change, "old_section": self.old_section,
                "new_section": self.new_section, "old": self.old, "new": self.new,
                "old_path": self.path_old, "new_path": self.path_new,
                "cosmetic": self.cosmetic, "minor_edits": self.minor,
                "finding_changed": self.finding_changed,
                "edits": [e.to_json() for e in self.edits]}


@dataclass(frozen=True, kw_only=True)
class Move:
    """A clause whose text stayed but whose section id changed (renumbered or moved)."""

    old_section: str
    new_section: str

    def to_json(self) -> dict[str, Any]:
        return {"old_section": self.old_section, "new_section": self.new_section}


@dataclass(frozen=True, kw_only=True)
class Rename:
    """A name that differs consistently between the versions ("Kestrel 2" -> "Kestrel 3")."""

    old: str
    new: str
    #: Places where the old name was replaced by the new one.
    count: int

    def to_json(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "count": self.count}


@dataclass(frozen=True, kw_only=True)
class VerdictChange:
    """A rule (or, with ``rule`` None, a whole policy) whose outcome changed."""

    policy: str
    rule: str | None
    title: str
    old: str | None
    new: str | None
    old_message: str = ""
    new_message: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"policy": self.policy, "rule": self.rule, "title": self.title, "old": self.old,
                "new": self.new, "old_message": self.old_message, "new_message": self.new_message}


@dataclass(frozen=True, kw_only=True)
class DocumentDiff:
    """The comparison of one document with its counterpart in the other version."""

    role: str
    old_path: str | None
    new_path: str | None
    changes: tuple[FindingChange, ...] = ()
    text_changes: tuple[TextChange, ...] = ()
    moves: tuple[Move, ...] = ()
    renames: tuple[Rename, ...] = ()
    #: Cosmetic edits folded into a count (clauses with only such edits, and such edits in others).
    folded_edits: int = 0
    folded_clauses: int = 0
    #: True when the two texts are identical once whitespace is ignored.
    identical: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"role": self.role, "old": self.old_path, "new": self.new_path,
                "identical": self.identical, "moves": [m.to_json() for m in self.moves],
                "renames": [r.to_json() for r in self.renames],
                "folded": {"edits": self.folded_edits, "clauses": self.folded_clauses}}


@dataclass(frozen=True, kw_only=True)
class Diff:
    """Two analyses compared: per document pair, then the verdicts of the whole subject."""

    old_path: str
    new_path: str
    documents: tuple[DocumentDiff, ...]
    verdict_changes: tuple[VerdictChange, ...] = ()
    #: Whether ``text_changes`` include cosmetic-only clauses (``--all-text``).
    all_text: bool = False

    @property
    def changes(self) -> tuple[FindingChange, ...]:
        return tuple(c for d in self.documents for c in d.changes)

    @property
    def text_changes(self) -> tuple[TextChange, ...]:
        """Wording changes to show: cosmetic-only clauses only with ``all_text``."""
        return tuple(t for d in self.documents for t in d.text_changes
                     if self.all_text or not t.cosmetic)

    @property
    def renames(self) -> tuple[Rename, ...]:
        return tuple(r for d in self.documents for r in d.renames)

    @property
    def moves(self) -> tuple[Move, ...]:
        return tuple(m for d in self.documents for m in d.moves)

    @property
    def folded(self) -> tuple[int, int]:
        """(cosmetic edits, clauses) folded into a count rather than shown."""
        if self.all_text:
            return 0, 0
        return (sum(d.folded_edits for d in self.documents),
                sum(d.folded_clauses for d in self.documents))

    def to_json(self) -> dict[str, Any]:
        edits, clauses = self.folded
        return {
            "schema": SCHEMA,
            "old": {"path": self.old_path},
            "new": {"path": self.new_path},
            "changes": [c.to_json() for c in self.changes],
            "text_changes": [t.to_json() for t in self.text_changes],
            "verdict_changes": [v.to_json() for v in self.verdict_changes],
            "documents": [d.to_json() for d in self.documents],
            "folded": {"edits": edits, "clauses": clauses},
        }
