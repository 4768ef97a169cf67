"""What identifying a licence answers: which licence, how close, and what a copy changed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openness.identify.declared import Declaration

class Match(StrEnum):
    """How a document compares with the licence it is identified as.

    With basis ``text`` the wording is aligned with the reference text. With basis
    ``signature`` (an AI-licence family, whose text no package ships) no wording is compared:
    the match then says whether the figures the family's text sets (``figures`` in
    ``families.yaml``: Llama's 700 million monthly active users) are the ones the document's
    findings carry.
    """

    #: ``text``: the reference's wording, up to what copies fill in or lay out differently.
    #: ``signature``: every figure of the family read in the document, each unchanged.
    EXACT = "exact"
    #: ``text``: the reference's wording with passages added or removed (listed).
    #: ``signature``: a figure changed (a lower user cap); the passage is listed in ``added``
    #: with the family's own figure in ``expected``.
    VARIANT = "variant"
    #: No reference close enough; or (``signature``) the family sets no figures, or a figure
    #: was not read in the document: nothing settles how close the copy is.
    UNKNOWN = "unknown"


class Basis(StrEnum):
    """What the identification rests on."""

    #: The document's words aligned with a reference text of the SPDX License List.
    TEXT = "text"
    #: An AI-licence family's title and structure (``families.yaml``): no text is compared.
    SIGNATURE = "signature"
    #: Nothing: the licence is unknown.
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class Passage:
    """Words a copy added to, or removed from, the reference text."""

    quote: str
    #: 1-based line in the document (for a removal: where the words are missing).
    line: int
    #: Section of the document holding the passage, when it has numbered sections.
    section: str | None = None
    #: Finding kinds the added words carry (``require.attribution``...), as the extractor reads
    #: them; empty for removed passages.
    findings: tuple[str, ...] = ()
    #: For a family's changed figure: the figure the family's text sets (``count 700000000,
    #: metric monthly_active_users``).
    expected: str | None = None

    def to_json(self, *, added: bool) -> dict[str, Any]:
        if not added:
            return {"quote": self.quote, "line": self.line}
        return {"quote": self.quote, "line": self.line, "section": self.section,
                "findings": list(self.findings), "expected": self.expected}


@dataclass(frozen=True, kw_only=True)
class Properties:
    """What is known of a licence from the packages' data: the SPDX License List (OSI, FSF)
    and ScanCode's licence index (category)."""

    #: On the OSI's list of approved licences (the Open Source Definition).
    osi_approved: bool
    #: On the FSF's list of free licences.
    fsf_libre: bool
    #: ScanCode's category: "Permissive", "Copyleft", "Copyleft Limited", "Proprietary Free"...
    category: str | None = None
    #: A deprecated SPDX id.
    deprecated: bool = False

    @property
    def copyleft(self) -> bool | None:
        """True for a share-alike licence, False for one known not to be, None when unknown."""
        if self.category in ("Copyleft", "Copyleft Limited"):
            return True
        if self.category in ("Permissive", "Public Domain"):
            return False
        return None

    def to_json(self) -> dict[str, Any]:
        return {"osi_approved": self.osi_approved, "fsf_libre": self.fsf_libre,
                "copyleft": self.copyleft, "category": self.category,
                "deprecated": self.deprecated}


@dataclass(frozen=True, kw_only=True)
class Identification:
    """Which licence a document is, how close its wording is, and what it changed."""

    #: SPDX id, or ``LicenseRef-openness-<family>-<version>``; ``None`` when unknown.
    id: str | None
    name: str | None
    #: 0..1: words of both texts in the same order over the words of both (basis ``text``),
    #: or the share of the family's cues found (basis ``signature``).
    #: How the document compares with the licence (see :class:`Match` for each basis).
    similarity: float
    match: Match
    basis: Basis
    #: An AI-licence family and version (basis ``signature``).
    family: str | None = None
    version: str | None = None
    #: ``license`` or ``use_policy``.
    kind: str = "license"
    #: Other SPDX ids with the same text (``GPL-3.0-or-later`` beside ``GPL-3.0-only``).
    also: tuple[str, ...] = ()
    added: tuple[Passage, ...] = ()
    removed: tuple[Passage, ...] = ()
    properties: Properties | None = None

    @property
    def known(self) -> bool:
        return self.id is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "similarity": round(self.similarity, 4),
            "match": self.match.value, "basis": self.basis.value, "family": self.family,
            "version": self.version, "kind": self.kind, "also": list(self.also),
            "added": [p.to_json(added=True) for p in self.added],
            "removed": [p.to_json(added=False) for p in self.removed],
            "properties": self.properties.to_json() if self.properties else None,
        }


@dataclass(frozen=True, kw_only=True)
class IdentifiedDocument:
    """One input of ``openness identify``: its licence, what its front matter declares, or why
    it could not be read."""

    path: str
    license: Identification | None = None
    #: What the front matter's ``license:`` declares, when it has the key.
    declared: Declaration | None = None
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "license": self.license.to_json() if self.license else None,
                "declared": self.declared.to_json() if self.declared else None,
                "error": self.error}


UNKNOWN = Identification(id=None, name=None, similarity=0.0, match=Match.UNKNOWN, basis=Basis.NONE)
