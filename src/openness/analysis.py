"""The result of analysing a set of documents: what each report renders and what ``diff`` compares.

Kept apart from :mod:`openness.model` because it carries the engine's verdicts, which sit
downstream of the extractor's findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from openness.model import Document, Finding

if TYPE_CHECKING:
    from openness.engine.results import PolicyVerdict

ROLES = ("license", "use_policy", "model_card", "data_card", "readme", "notice", "other")


@dataclass(frozen=True, kw_only=True)
class DocumentResult:
    """One input: the document when it could be read, else the error a person can act on."""

    path: str
    role: str
    document: Document | None = None
    #: One sentence naming the problem, e.g. "encrypted PDF: remove the password first".
    error: str | None = None
    #: Document-level notes, e.g. "no licence clauses recognised".
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "path": self.path,
            "role": self.role,
            "sha256": doc.sha256 if doc else None,
            "pages": doc.page_count if doc and doc.paged else None,
            "error": self.error,
            "notes": list(self.notes),
        }


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """Documents, their findings and the verdicts of each policy on them."""

    documents: tuple[DocumentResult, ...]
    findings: tuple[Finding, ...]
    verdicts: tuple["PolicyVerdict", ...] = ()
    #: Things the reader must know about the inputs as a whole, e.g. "the licence incorporates
    #: the Acceptable Use Policy at URL, which was not given; its terms were not checked".
    notes: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> tuple[DocumentResult, ...]:
        return tuple(d for d in self.documents if d.error)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "openness.analysis/1",
            "documents": [d.to_json() for d in self.documents],
            "findings": [f.to_json() for f in self.findings],
            "verdicts": [v.to_json() for v in self.verdicts],
            "notes": list(self.notes),
        }
