"""Analyse licences and model releases: read, segment, extract, judge — the ``analyze`` job.

The result is what every report renders and what ``diff`` compares. A PATH is a *subject*: a
licence file, or a folder holding a release (licence, use policy, model card...); policies judge
each subject as a whole, so a model card's data statement and a licence's terms meet in one
verdict.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from openness.errors import InputError
from openness.model import Document, Finding

if TYPE_CHECKING:
    from openness.disclose.components import Components
    from openness.engine.compiler import CompiledPolicy
    from openness.engine.results import PolicyVerdict
    from openness.segment import Outline

#: Files in a release folder that are read as documents; anything else is passed over.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".license", ".rst", ""})

#: The policies judged when none is named.
DEFAULT_POLICIES = ("osd", "osaid-1.0")

#: Called once per document before its clauses are read: (path, index, total).
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


class Reading(NamedTuple):
    """One file to read: its path, the subject it belongs to, a role the user gave, and whether
    it was given alone (not in a release folder)."""

    path: str
    subject: str
    role: str | None = None
    alone: bool = False


def read_text(reading: Reading) -> DocumentResult:
    """Read and segment one file; an unreadable file becomes a result with ``error``.

    Needs nothing of the extractor, so it can run while a worker loads that (see
    :class:`Extractor`). A file given ``alone`` whose role cannot be told is taken as a licence:
    that is what a user hands ``analyze``.
    """
    from openness.ingest import load
    from openness.roles import detect_role
    from openness.segment import segment

    path, subject, role, alone = reading
    try:
        doc = load(path)
    except InputError as exc:
        return unreadable(reading, exc.problem)
    detected = role or detect_role(doc)
    if alone and detected == "other":
        detected = "license"
    return DocumentResult(path=path, role=detected, subject=subject, document=doc,
                          outline=segment(doc))


def unreadable(reading: Reading, problem: str) -> DocumentResult:
    """The result of a file that could not be read, naming the problem."""
    from openness.roles import role_from_name

    return DocumentResult(path=reading.path, subject=reading.subject, error=problem,
                          role=reading.role or role_from_name(reading.path) or "other")


#: A document's notes and findings, as the extractor hands them back.
Extracted = tuple[tuple[str, ...], list[Finding]]


def read_findings(result: DocumentResult) -> Extracted:
    """The notes and findings of a document read by :func:`read_text` (none if unreadable)."""
    from openness.extract import document_notes

    if result.document is None or result.outline is None:
        return result.notes, []
    findings = document_findings(result.document, result.outline, result.role)
    return tuple(document_notes(result.document, findings)), findings


def readings(release: Release, roles: Mapping[str, str] | None = None) -> list[Reading]:
    """The files of a release to read, with the roles given by path in ``roles``."""
    alone = len(release.files) == 1 and str(release.files[0]) == release.subject
    return [Reading(str(file), release.subject, (roles or {}).get(str(file)), alone)
            for file in release.files]


class Extractor:
    """Finds the clauses of documents read by :func:`read_text`.

    With ``parallel`` (and where :func:`openness.workers.usable` agrees), a worker is forked at
    once to load spaCy and the pipeline while this process loads the policies and reads the
    files; it then extracts the documents it is given, two at a time. Otherwise, or when no file
    looks like a licence (all model cards, which need no spaCy), each document is extracted here
    as it is asked for. Use as a context manager: leaving it ends the worker.
    """

    @classmethod
    def for_paths(cls, paths: Sequence[str | Path], *, parallel: bool) -> "Extractor":
        """An extractor for the files of ``paths`` (files or release folders), started before
        anything else is loaded: the command line's first step."""
        return cls([r for p in paths for r in readings(Release.from_path(p))], parallel=parallel)

    def __init__(self, readings: Sequence[Reading], *, parallel: bool) -> None:
        from openness.workers import Worker, usable

        self._worker: Worker[list[DocumentResult], list[Extracted]] | None = (
            Worker(_read_findings_shared, prepare=_prepare)
            if parallel and usable() and any(_likely_clauses(r) for r in readings) else None)

    def extracted(self, texts: Sequence[DocumentResult]
                  ) -> Iterator[tuple[DocumentResult, list[Finding]]]:
        """Each document with its notes, and its findings, in order."""
        from openness.workers import WorkerGone

        answers: Iterable[Extracted] | None = None
        if self._worker is not None:
            try:
                self._worker.send(list(texts))
                answers = self._worker.receive()
            except WorkerGone:  # killed, say, for memory: extract here instead
                self.close()
        if answers is None:
            answers = map(read_findings, texts)
        for text, (notes, findings) in zip(texts, answers):
            yield replace(text, notes=notes), findings

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def __enter__(self) -> "Extractor":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _prepare() -> None:
    from openness.extract import prepare

    prepare()


def _read_findings_shared(texts: list[DocumentResult]) -> list[Extracted]:
    """:func:`read_findings` of each text, every second one in a worker of the worker's own."""
    from openness.workers import shared

    return list(shared(read_findings, texts, worker=True))


def _likely_clauses(reading: Reading) -> bool:
    """Whether a file will likely be read for clauses, judged from the role given or the file's
    name alone (a README is usually a model card): a guess made before reading, only to decide
    whether to load the extractor early."""
    from openness.roles import role_from_name

    if reading.role:
        return reading.role in CLAUSE_ROLES
    named = role_from_name(reading.path)
    return named is None or (named in CLAUSE_ROLES and named != "readme")


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
    parallel: bool = False,
    extractor: Extractor | None = None,
) -> Analysis:
    """Analyse each PATH (a licence file or a release folder) and judge it by ``policies``.

    ``policies`` are built-in names (``osd``) or rule files; ``roles`` overrides detected roles
    by path. Unreadable files are reported in the result and the rest is still analysed; rule
    files that do not load raise :class:`~openness.errors.RuleError` before any file is judged.
    ``parallel`` lets a forked worker load the extractor while this process reads, then extract
    two documents at a time (see :class:`Extractor`; ``extractor``, one started already); the
    result is the same.
    """
    analyses = analyze_each(paths, policies=policies, profile=profile, roles=roles,
                            observer=observer, parallel=parallel, extractor=extractor)
    return Analysis(
        documents=tuple(d for a in analyses for d in a.documents),
        findings=tuple(f for a in analyses for f in a.findings),
        verdicts=tuple(v for a in analyses for v in a.verdicts),
        components={s: c for a in analyses for s, c in a.components.items()},
        notes=tuple(n for a in analyses for n in a.notes),
    )


def analyze_each(
    paths: Sequence[str | Path | Release],
    *,
    policies: Sequence[str] = DEFAULT_POLICIES,
    profile: Any = None,
    roles: Mapping[str, str] | None = None,
    observer: Observer | None = None,
    parallel: bool = False,
    texts: Sequence[DocumentResult] | None = None,
    extractor: Extractor | None = None,
) -> list[Analysis]:
    """One :class:`Analysis` per PATH, as :func:`analyze` makes them.

    ``texts`` may be the files already read by :func:`read_text`, in order, and ``extractor``
    an :class:`Extractor` started earlier (``diff`` starts one, then reads and compares both
    versions while the extractor loads).
    """
    overrides = {str(Path(k)): v for k, v in (roles or {}).items()}
    releases = [p if isinstance(p, Release) else Release.from_path(p) for p in paths]
    files = [r for release in releases for r in readings(release, overrides)]
    with extractor or Extractor(files, parallel=parallel) as extract:
        # Everything this process needs is loaded before it waits for the extractor.
        from openness import dsl, engine

        importlib.import_module("openness.disclose.components")
        compiled = [engine.compile(dsl.load(p)) for p in policies]
        read = list(texts) if texts is not None else [read_text(r) for r in files]
        extracted = extract.extracted(read)
        analyses = []
        index = 0
        for release in releases:
            results: list[DocumentResult] = []
            found: list[Finding] = []
            for _ in release.files:
                index += 1
                if observer:
                    observer(files[index - 1].path, index, len(files))
                result, file_findings = next(extracted)
                results.append(result)
                found.extend(file_findings)
            analyses.append(_judged(release, results, found, compiled, profile))
    return analyses


def _judged(release: Release, results: list[DocumentResult], found: list[Finding],
            compiled: Sequence[CompiledPolicy], profile: Any) -> Analysis:
    """The analysis of one release: its documents and findings judged by each policy."""
    from openness import engine
    from openness.disclose.components import release_components

    subject = release.subject
    if not release.files:
        return Analysis(documents=(DocumentResult(
            path=subject, role="other", subject=subject,
            error="is a folder with no licence, policy or card files"),), findings=())
    notes = tuple(policy_notes(results, found))
    read = [r for r in results if r.document is not None]
    if not read:
        return Analysis(documents=tuple(results), findings=tuple(found), notes=notes)
    components = release_components(
        {r.path: [f for f in found if f.evidence.path == r.path] for r in read},
        [r.document for r in read if r.document is not None],
        {r.path: r.role for r in read},
    )
    read_roles = {r.role for r in read}
    verdicts = tuple(
        replace(engine.evaluate(policy, found, roles=read_roles, profile=profile), subject=subject)
        for policy in compiled)
    return Analysis(documents=tuple(results), findings=tuple(found), verdicts=verdicts,
                    components={subject: components}, notes=notes)
