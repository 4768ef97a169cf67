"""Analyse licences and model releases: read, segment, extract, judge — the ``analyze`` job.

The result is what every report renders and what ``diff`` compares. A PATH is a *subject*: a
licence file, or a folder holding a release (licence, use policy, model card...); policies judge
each subject as a whole, so a model card's data statement and a licence's terms meet in one
verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from openness.errors import InputError
from openness.model import Document, Finding

if TYPE_CHECKING:
    from openness.disclose.components import Components
    from openness.engine.results import PolicyVerdict
    from openness.segment import Outline

#: Files in a release folder that are read as documents; anything else is passed over.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".license", ".rst", ""})

#: The policies judged when none is named.
DEFAULT_POLICIES = ("osd", "osaid-1.0")

#: Called once per document before it is read: (path, index, total).
Observer = Callable[[str, int, int], None]


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
        }


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """Documents, their findings and the verdicts of each policy on each subject."""

    documents: tuple[DocumentResult, ...]
    findings: tuple[Finding, ...]
    verdicts: tuple["PolicyVerdict", ...] = ()
    #: Per subject: weights, code and data information, each with the licence that covers it.
    components: Mapping[str, "Components"] = field(default_factory=dict)
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
            "components": [
                {"subject": subject, **view.to_json()} for subject, view in self.components.items()
            ],
            "notes": list(self.notes),
        }


def release_files(folder: Path) -> list[Path]:
    """The documents of a release folder, in name order: licence-like text, Markdown and PDF."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


#: Roles whose text is read for licence clauses (grants, restrictions, obligations, terms). A model
#: card's "Limitations" section is advice, not a licence term, so cards are read for disclosure only.
CLAUSE_ROLES = frozenset({"license", "use_policy", "notice", "readme", "other"})


def document_findings(doc: Document, outline: Outline, role: str) -> list[Finding]:
    """The findings of one document: licence clauses and/or disclosures, as its role calls for."""
    from openness.disclose import disclosure_findings
    from openness.extract import extract_findings
    from openness.taxonomy import load_taxonomy

    findings = extract_findings(doc, outline) if role in CLAUSE_ROLES else []
    if role in load_taxonomy().groups["disclose"].sources:
        findings.extend(disclosure_findings(doc, outline))
    return findings


def read_document(
    path: str, subject: str, role: str | None = None, *, alone: bool = False
) -> tuple[DocumentResult, list[Finding]]:
    """Read, segment and extract one file; an unreadable file becomes a result with ``error``.

    A file given ``alone`` (not in a release folder) whose role cannot be told is taken as a
    licence: that is what a user hands ``analyze``.
    """
    from openness.extract import document_notes
    from openness.ingest import load
    from openness.roles import detect_role, role_from_name
    from openness.segment import segment

    try:
        doc = load(path)
    except InputError as exc:
        return DocumentResult(path=path, role=role or role_from_name(path) or "other",
                              subject=subject, error=exc.problem), []
    detected = role or detect_role(doc)
    if alone and detected == "other":
        detected = "license"
    outline = segment(doc)
    findings = document_findings(doc, outline, detected)
    result = DocumentResult(
        path=path,
        role=detected,
        subject=subject,
        document=doc,
        outline=outline,
        notes=tuple(document_notes(doc, findings)),
    )
    return result, findings


def policy_notes(results: Sequence[DocumentResult], findings: Sequence[Finding]) -> list[str]:
    """What the verdicts could not see: use policies incorporated by reference but not given."""
    roles = {r.path: r.role for r in results if r.document is not None}
    have_policy = [path for path, role in roles.items() if role == "use_policy"]
    notes = []
    for finding in findings:
        if finding.kind != "restrict.field_of_use" or not finding.attributes.get("by_reference"):
            continue
        if roles.get(finding.evidence.path) != "license":
            continue
        where = finding.attributes.get("url") or finding.attributes.get("document") or "a separate document"
        cite = f"{finding.evidence.path} §{finding.evidence.section}" if finding.evidence.section else finding.evidence.path
        if have_policy:
            notes.append(f"{cite} incorporates the use policy at {where}; read from {', '.join(have_policy)}")
        else:
            notes.append(
                f"{cite} incorporates the use policy at {where}, which was not given; "
                "its terms were not checked"
            )
    return sorted(set(notes))


@dataclass(frozen=True, kw_only=True)
class Release:
    """What one verdict judges: a licence file, a release folder, or any named set of files."""

    subject: str
    files: tuple[Path, ...]

    @classmethod
    def from_path(cls, path: str | Path) -> "Release":
        p = Path(path)
        return cls(subject=str(path), files=tuple(release_files(p)) if p.is_dir() else (p,))


def analyze(
    paths: Sequence[str | Path | Release],
    *,
    policies: Sequence[str] = DEFAULT_POLICIES,
    profile: Any = None,
    roles: Mapping[str, str] | None = None,
    observer: Observer | None = None,
) -> Analysis:
    """Analyse each PATH (a licence file or a release folder) and judge it by ``policies``.

    ``policies`` are built-in names (``osd``) or rule files; ``roles`` overrides detected roles
    by path. Unreadable files are reported in the result and the rest is still analysed; rule
    files that do not load raise :class:`~openness.errors.RuleError` before any file is read.
    """
    from openness import dsl, engine
    from openness.disclose.components import release_components

    compiled = [engine.compile(dsl.load(p)) for p in policies]
    overrides = {str(Path(k)): v for k, v in (roles or {}).items()}
    releases = [p if isinstance(p, Release) else Release.from_path(p) for p in paths]
    total = sum(len(r.files) for r in releases)

    documents: list[DocumentResult] = []
    findings: list[Finding] = []
    verdicts: list[PolicyVerdict] = []
    notes: list[str] = []
    components: dict[str, Components] = {}
    index = 0
    for release in releases:
        subject = release.subject
        if not release.files:
            documents.append(DocumentResult(path=subject, role="other", subject=subject,
                                            error="is a folder with no licence, policy or card files"))
            continue
        alone = len(release.files) == 1 and str(release.files[0]) == subject
        results, found = [], []
        for file in release.files:
            index += 1
            if observer:
                observer(str(file), index, total)
            result, file_findings = read_document(str(file), subject, overrides.get(str(file)),
                                                  alone=alone)
            results.append(result)
            found.extend(file_findings)
        documents.extend(results)
        findings.extend(found)
        notes.extend(policy_notes(results, found))
        read = [r for r in results if r.document is not None]
        if not read:
            continue
        read_roles = {r.role for r in read}
        components[subject] = release_components(
            {r.path: [f for f in found if f.evidence.path == r.path] for r in read},
            [r.document for r in read if r.document is not None],
            {r.path: r.role for r in read},
        )
        for policy in compiled:
            verdict = engine.evaluate(policy, found, roles=read_roles, profile=profile)
            verdicts.append(replace(verdict, subject=subject))
    return Analysis(documents=tuple(documents), findings=tuple(findings),
                    verdicts=tuple(verdicts), components=components, notes=tuple(notes))
