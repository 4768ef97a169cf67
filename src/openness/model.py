"""The shared data model: what flows from one stage to the next.

Every stage (ingest -> segment -> extract -> engine -> report, and diff) speaks in these frozen
value objects, so a stage can be tested, replaced or cached without knowing its neighbours.
:class:`Analysis` gathers what they made of a set of inputs: what every report renders and what
``diff`` compares.
Offsets are always character offsets into :attr:`Document.text`; pages and lines are derived
from them, never stored independently, so they cannot disagree.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:
    from openness.disclose.components import Components
    from openness.engine.results import PolicyVerdict
    from openness.identify.model import Identification
    from openness.segment import Outline


class Outcome(StrEnum):
    """What a rule or a policy says of a release, from best to worst. ``unknown`` ranks above
    ``warn``: a question the documents do not settle may hide a failure, so it must never read as
    the milder outcome."""

    PASS = "pass"
    WARN = "warn"
    UNKNOWN = "unknown"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _OUTCOME_ORDER.index(self)

    @classmethod
    def worst(cls, outcomes: Iterable[Outcome]) -> Outcome:
        """The worst of ``outcomes``; ``pass`` when there are none."""
        return max(outcomes, key=_OUTCOME_ORDER.index, default=cls.PASS)


_OUTCOME_ORDER = tuple(Outcome)


@dataclass(frozen=True, kw_only=True)
class Page:
    """One page of a paged source (PDF); text sources have a single page numbered 1."""

    #: 1-based page number as the reader counts it.
    number: int
    #: Offset in :attr:`Document.text` where the page's text starts.
    start: int
    #: Offset one past the page's last character.
    end: int


@dataclass(frozen=True, kw_only=True)
class Span:
    """Where a piece of evidence sits: enough for a person to find it in the original file."""

    path: str
    #: 1-based page for paged sources, ``None`` for text input.
    page: int | None
    #: 1-based line in the extracted text.
    line: int
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Document:
    """A file turned into text, with the map from every character back to page and line.

    ``text`` is the extracted text the user can check evidence against: lines as the source
    printed them (running headers, footers and page numbers of PDFs removed). Analysis works on
    a normalised view of it (see :mod:`openness.ingest.normalize`) whose offsets map back here.
    """

    path: str
    text: str
    #: ``txt``, ``md`` or ``pdf``.
    format: str
    sha256: str
    pages: tuple[Page, ...] = ()
    #: YAML front matter of Markdown files and similar metadata kept apart from the text.
    metadata: Mapping[str, Any] = field(default_factory=dict)
    #: Things a reader should know that did not stop ingestion (e.g. a fallback decoding).
    warnings: tuple[str, ...] = ()
    #: Offsets at which each line starts; computed from ``text``.
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        object.__setattr__(self, "line_starts", tuple(starts))

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.pages else 1

    @property
    def paged(self) -> bool:
        """True for sources that have real pages (PDF), whose evidence names a page."""
        return self.format == "pdf"

    def line_of(self, offset: int) -> int:
        """1-based line number of the character at ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def page_of(self, offset: int) -> int | None:
        """1-based page of ``offset`` for paged sources, ``None`` for text."""
        if not self.paged or not self.pages:
            return None
        starts = [p.start for p in self.pages]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return self.pages[index].number

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``text[start:end]``."""
        return Span(
            path=self.path,
            page=self.page_of(start),
            line=self.line_of(start),
            start=start,
            end=end,
        )


@dataclass(frozen=True, kw_only=True)
class Clause:
    """A section of a document as the text numbers it (``1``, ``1.b.v``, ``Annex A``...)."""

    #: Stable id as the text prints it, e.g. ``1.b.v``; unnumbered text before the first
    #: heading has the id ``preamble``.
    id: str
    title: str
    #: Text of the section including its heading line, exactly as in ``Document.text``.
    text: str
    span: Span
    #: Id of the enclosing section, ``None`` at top level.
    parent: str | None = None
    #: Nesting depth, 1 at top level.
    level: int = 1


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """The words that caused a finding, and where they are."""

    path: str
    #: The minimal quote: the sentence or list item, as it reads in the normalised text.
    quote: str
    #: Id of the innermost section holding the quote.
    section: str | None
    page: int | None
    line: int
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "quote": self.quote,
            "section": self.section,
            "page": self.page,
            "line": self.line,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, kw_only=True)
class Finding:
    """One clause fact: a kind from the taxonomy, typed attributes and the evidence."""

    #: A kind from ``taxonomy.yaml``, e.g. ``restrict.user_threshold``.
    kind: str
    #: Normalised attributes (integers, ISO currency codes, plain strings); an attribute that
    #: could not be read is absent, never guessed.
    attributes: Mapping[str, Any] = field(default_factory=dict)
    evidence: Evidence
    #: Other clauses the finding rests on: the definition of a term the clause uses
    #: ('"Threshold" means annual revenue of USD 5 million'), whose words give its attributes.
    related: tuple[Evidence, ...] = ()
    #: The digest of the document the evidence is in; with the kind and the span it makes
    #: :attr:`id`. Empty where the document is not known (rule examples, hand-made findings).
    digest: str = ""

    @property
    def id(self) -> str:
        """Stable across runs and machines: ``kind@digest:start-end``. The same clause of the same
        text has the same id wherever the file lies; any change to the text changes it."""
        return f"{self.kind}@{self.digest[:16]}:{self.evidence.start}-{self.evidence.end}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "attributes": dict(self.attributes),
            "evidence": self.evidence.to_json(),
            "related": [e.to_json() for e in self.related],
        }


@dataclass(frozen=True, kw_only=True)
class DocumentResult:
    """One input: the document when it could be read, else the error a person can act on."""

    path: str
    role: str
    #: The PATH argument (file or release folder) this document belongs to.
    subject: str = ""
    document: Document | None = None
    #: Its section tree, as segmented for the extractor (``diff`` aligns clauses on it).
    outline: Outline | None = None
    #: One sentence naming the problem, e.g. "encrypted PDF: remove the password first".
    error: str | None = None
    #: Document-level notes, e.g. "no licence clauses recognised".
    notes: tuple[str, ...] = ()
    #: Which licence a licence or use-policy document is (``None`` for other roles).
    license: Identification | None = None

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "path": self.path,
            "role": self.role,
            "subject": self.subject,
            "sha256": doc.sha256 if doc else None,
            "pages": doc.page_count if doc and doc.paged else None,
            "error": self.error,
            "notes": list(self.notes),
            "license": self.license.to_json() if self.license else None,
        }


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """Documents, their findings and the verdicts of each policy on each subject."""

    documents: tuple[DocumentResult, ...]
    findings: tuple[Finding, ...]
    verdicts: tuple[PolicyVerdict, ...] = ()
    #: Per subject: weights, code and data information, each with the licence that covers it.
    components: Mapping[str, Components] = field(default_factory=dict)
    #: Things the reader must know about the inputs as a whole, e.g. "the licence incorporates
    #: the Acceptable Use Policy at URL, which was not given; its terms were not checked".
    notes: tuple[str, ...] = field(default=())
    #: The practical answers for the user's profile ("may we use it?"), one verdict of the
    #: ``for-you`` pack per subject when a profile is given; apart from ``verdicts``, because
    #: they answer the user's question, not a definition's, and ``--fail-on`` ignores them.
    for_you: tuple[PolicyVerdict, ...] = ()

    @classmethod
    def joined(cls, parts: list[Analysis]) -> Analysis:
        """One analysis holding everything of ``parts``, in order."""
        return cls(
            documents=tuple(d for a in parts for d in a.documents),
            findings=tuple(f for a in parts for f in a.findings),
            verdicts=tuple(v for a in parts for v in a.verdicts),
            components={s: c for a in parts for s, c in a.components.items()},
            notes=tuple(n for a in parts for n in a.notes),
            for_you=tuple(v for a in parts for v in a.for_you),
        )

    @property
    def errors(self) -> tuple[DocumentResult, ...]:
        return tuple(d for d in self.documents if d.error)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "openness.analysis/1",
            "documents": [d.to_json() for d in self.documents],
            "findings": [f.to_json() for f in self.findings],
            "verdicts": [v.to_json() for v in self.verdicts],
            "components": [
                {"subject": subject, **view.to_json()} for subject, view in self.components.items()
            ],
            "notes": list(self.notes),
            "for_you": [v.to_json() for v in self.for_you],
        }
