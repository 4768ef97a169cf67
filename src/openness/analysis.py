"""Analyse licences and model releases: read, segment, extract, judge — the ``analyze`` job.

A PATH is a *subject*: a licence file, or a folder holding a release (licence, use policy,
model card...); policies judge each subject as a whole, so a model card's data statement and a
licence's terms meet in one verdict. The result is an :class:`~openness.model.Analysis`.
"""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, NamedTuple, Sequence

from openness.errors import InputError
from openness.model import Analysis, Document, DocumentResult, Finding

if TYPE_CHECKING:
    from openness.engine.compiler import CompiledPolicy
    from openness.engine.results import PolicyVerdict
    from openness.segment import Outline

#: Files in a release folder that are read as documents; anything else is passed over.
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".pdf", ".license", ".rst", ""})

#: The policies judged when none is named.
DEFAULT_POLICIES = ("osd", "osaid-1.0", "mof")

def chosen_policies(named: Sequence[str]) -> tuple[str, ...]:
    """The policies a command line names: the defaults when none is named, the defaults and the
    rest when a name starts with ``+`` (``--policy +ours.rules``), else exactly those named."""
    if not named:
        return DEFAULT_POLICIES
    if any(name.startswith("+") for name in named):
        added = [name.removeprefix("+") for name in named]
        return tuple(dict.fromkeys([*DEFAULT_POLICIES, *added]))
    return tuple(named)


#: The pack of practical questions judged against the user's profile when one is given.
FOR_YOU = "for-you"

#: Called as each document is reached: (path, index, total).
Observer = Callable[[str, int, int], None]

#: Roles whose documents are identified against the reference licences and families.
IDENTIFIED_ROLES = frozenset({"license", "use_policy"})

#: Roles whose text is read for licence clauses (grants, restrictions, obligations, terms). A model
#: card's "Limitations" section is advice, not a licence term, so cards are read for disclosure only.
CLAUSE_ROLES = frozenset({"license", "use_policy", "notice", "readme", "other"})


def release_files(folder: Path) -> list[Path]:
    """The documents of a release folder, in name order: licence-like text, Markdown and PDF."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


@dataclass(frozen=True, kw_only=True)
class Release:
    """What one verdict judges: a licence file, a release folder, or any named set of files."""

    subject: str
    files: tuple[Path, ...]

    @classmethod
    def from_path(cls, path: str | Path) -> Release:
        p = Path(path)
        return cls(subject=str(path), files=tuple(release_files(p)) if p.is_dir() else (p,))


class Grouping(StrEnum):
    """How files given together make releases; a folder is always a release of its own."""

    #: All the files given are one release (a licence and its use policy, named together).
    TOGETHER = "together"
    #: Each file is a release of its own (a batch of unrelated licences).
    EACH = "each"
    #: The files of one folder are one release (a commit's files, as the pre-commit hook gives them).
    FOLDER = "folder"


def releases(paths: Sequence[str | Path], grouping: Grouping = Grouping.TOGETHER) -> list[Release]:
    """The releases that ``paths`` make: each folder one, and the files as ``grouping`` says.

    Files given together are named by their paths joined with `` + ``; a folder of files by
    the folder. A group of one file is that file, judged as a licence when its role is unclear.
    """
    folders = [Release.from_path(p) for p in paths if Path(p).is_dir()]
    files = [str(p) for p in paths if not Path(p).is_dir()]
    if grouping is Grouping.EACH:
        groups = [[f] for f in files]
    elif grouping is Grouping.FOLDER:
        by_folder: dict[str, list[str]] = {}
        for f in files:
            by_folder.setdefault(str(Path(f).parent), []).append(f)
        groups = list(by_folder.values())
    else:
        groups = [files] if files else []
    made = [Release.from_path(group[0]) if len(group) == 1 else
            Release(subject=(str(Path(group[0]).parent) if grouping is Grouping.FOLDER
                             else " + ".join(group)), files=tuple(Path(f) for f in group))
            for group in groups]
    return [*made, *folders]


class Reading(NamedTuple):
    """One file to read: its path, the subject it belongs to, a role the user gave, and whether
    it was given alone (not in a release folder)."""

    path: str
    subject: str
    role: str | None = None
    alone: bool = False


def readings(release: Release, roles: Mapping[str, str] | None = None) -> list[Reading]:
    """The files of a release to read, with the roles given by path in ``roles``."""
    alone = len(release.files) == 1 and str(release.files[0]) == release.subject
    return [Reading(str(file), release.subject, (roles or {}).get(str(file)), alone)
            for file in release.files]


def document_findings(doc: Document, outline: Outline, role: str) -> list[Finding]:
    """The findings of one document: licence clauses and/or disclosures, as its role calls for,
    each carrying the document's digest for its stable id."""
    from openness.disclose import disclosure_findings
    from openness.extract import extract_findings
    from openness.taxonomy import UNCLASSIFIED, load_taxonomy

    findings = extract_findings(doc, outline) if role in CLAUSE_ROLES else []
    if role not in load_taxonomy().groups["review"].sources:
        # a clause to read by hand matters where terms are set, not in a README's prose
        findings = [f for f in findings if f.kind != UNCLASSIFIED]
    if role in load_taxonomy().groups["disclose"].sources:
        findings.extend(disclosure_findings(doc, outline))
    return [replace(f, digest=doc.sha256) for f in findings]


def read_document(reading: Reading) -> tuple[DocumentResult, list[Finding]]:
    """One file read, segmented and extracted: its result (with an ``error`` if it could not be
    read) and its findings. A file given ``alone`` whose role cannot be told is taken as a
    licence: that is what a user hands ``analyze``."""
    from openness.extract import document_notes
    from openness.identify import identify_document
    from openness.ingest import load
    from openness.roles import detect_role, role_from_name
    from openness.segment import segment

    path, subject, role, alone = reading
    try:
        doc = load(path)
    except InputError as exc:
        return DocumentResult(path=path, subject=subject, error=exc.problem,
                              role=role or role_from_name(path) or "other"), []
    detected = role or detect_role(doc)
    if alone and detected == "other":
        detected = "license"
    outline = segment(doc)
    findings = document_findings(doc, outline, detected)
    identity = identify_document(doc, read=findings) if detected in IDENTIFIED_ROLES else None
    return DocumentResult(path=path, role=detected, subject=subject, document=doc, outline=outline,
                          notes=tuple(document_notes(doc, findings)), license=identity), findings


def use_policies(results: Sequence[DocumentResult]) -> list[str]:
    """The documents of a release that hold a use policy: use policies, and licences that carry
    theirs appended as an exhibit or attachment."""
    from openness.roles import carries_use_policy

    return [r.path for r in results if r.document is not None and (
        r.role == "use_policy" or (r.role == "license" and carries_use_policy(r.document)))]


def policy_notes(results: Sequence[DocumentResult], findings: Sequence[Finding]) -> list[str]:
    """What the verdicts could not see: use policies incorporated by reference but not given."""
    roles = {r.path: r.role for r in results if r.document is not None}
    have_policy = use_policies(results)
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


def analyze(
    paths: Sequence[str | Path | Release],
    *,
    policies: Sequence[str] = DEFAULT_POLICIES,
    profile: Any = None,
    roles: Mapping[str, str] | None = None,
    observer: Observer | None = None,
    executor: Executor | None = None,
) -> Analysis:
    """Analyse each PATH (a licence file or a release folder) and judge it by ``policies``.

    ``policies`` are built-in names (``osd``) or rule files; ``roles`` overrides detected roles
    by path. Unreadable files are reported in the result and the rest is still analysed; rule
    files that do not load raise :class:`~openness.errors.RuleError` before any file is read.
    Files are read one after another here, unless an ``executor`` is given: the command line's
    ``--jobs`` hands a process pool, which reads and extracts the files in its processes
    (:func:`read_document`), while the verdicts are still made here.
    """
    from openness import dsl, engine

    compiled = [engine.compile(dsl.load(p)) for p in policies]
    advice = engine.compile(dsl.load(FOR_YOU)) if profile is not None else None
    overrides = {str(Path(k)): v for k, v in (roles or {}).items()}
    releases = [p if isinstance(p, Release) else Release.from_path(p) for p in paths]
    files = [r for release in releases for r in readings(release, overrides)]
    read = executor.map(read_document, files) if executor else map(read_document, files)
    observed = _observed(read, files, observer)
    return Analysis.joined([
        judge(release, [next(observed) for _ in release.files], compiled, profile, advice)
        for release in releases])


def _observed(read: Iterator[tuple[DocumentResult, list[Finding]]], files: Sequence[Reading],
              observer: Observer | None) -> Iterator[tuple[DocumentResult, list[Finding]]]:
    """``read``, telling ``observer`` of each file as it is reached."""
    for index, reading in enumerate(files, start=1):
        if observer:
            observer(reading.path, index, len(files))
        yield next(read)


def judge(release: Release, documents: Sequence[tuple[DocumentResult, list[Finding]]],
          compiled: Sequence[CompiledPolicy], profile: Any,
          advice: CompiledPolicy | None = None) -> Analysis:
    """The analysis of one release from its documents as read: judged by each policy, and by
    the practical questions of ``advice`` (the ``for-you`` pack) when a profile is given."""
    from openness import engine
    from openness.disclose.components import release_components
    from openness.identify.edits import changed_verdicts
    from openness.identify.judged import judged_on_declaration

    subject = release.subject
    if not release.files:
        return Analysis(documents=(DocumentResult(
            path=subject, role="other", subject=subject,
            error="is a folder with no licence, policy or card files"),), findings=())
    results = [result for result, _ in documents]
    found = [f for _, findings in documents for f in findings]
    notes = tuple(policy_notes(results, found))
    read = [r for r in results if r.document is not None]
    if not read:
        return Analysis(documents=tuple(results), findings=tuple(found), notes=notes)
    components = release_components(
        {r.path: [f for f in found if f.evidence.path == r.path] for r in read},
        [r.document for r in read if r.document is not None],
        {r.path: r.role for r in read},
    )
    read_roles = {r.role for r in read} | ({"use_policy"} if use_policies(read) else set())
    if "license" not in read_roles:
        judged_licence = judged_on_declaration([r.document for r in read if r.document is not None])
        if judged_licence is not None:
            found += judged_licence.findings
            notes += judged_licence.notes
            if judged_licence.settled:
                read_roles.add("license")

    def judged(packs: Sequence[CompiledPolicy]) -> tuple[PolicyVerdict, ...]:
        return tuple(replace(engine.evaluate(policy, found, roles=read_roles, profile=profile),
                             subject=subject) for policy in packs)

    verdicts, for_you = judged(compiled), judged([advice] if advice else [])
    for result in read:
        notes += tuple(changed_verdicts(result, found, verdicts, compiled, roles=read_roles,
                                        profile=profile))
    return Analysis(documents=tuple(results), findings=tuple(found), verdicts=verdicts,
                    components={subject: components}, notes=notes, for_you=for_you)
