"""Two analyses compared: document pairs, then clauses, findings and verdicts.

``diff`` is downstream of every other stage: it reads two :class:`~openness.model.Analysis`
results (documents, findings, verdicts) and the section outline of each document, and never
feeds anything back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Sequence

from openness.analysis import DEFAULT_POLICIES, analyze
from openness.diff.align import align
from openness.diff.changes import finding_changes
from openness.diff.model import Diff, DocumentDiff, Edit, Move, TextChange
from openness.diff.normalise import RenameMap, detect_renames
from openness.diff.redline import redline, vocabulary
from openness.diff.tokens import Token, Unit, units
from openness.diff.verdicts import verdict_changes
from openness.errors import InputError, OpennessError
from openness.model import Analysis, Document, DocumentResult, Finding
from openness.segment import segment

#: Roles whose documents are terms a user is bound by; a licence and a use policy may be
#: compared (a licence often embeds its use policy), a licence and a model card may not.
TERMS = frozenset({"license", "use_policy", "notice", "other"})

#: How roles read in messages.
ROLE_NAMES = {"license": "a licence", "use_policy": "a use policy", "model_card": "a model card",
              "data_card": "a data card", "readme": "a README", "notice": "a NOTICE file",
              "other": "an unrecognised document"}


def diff(old: str | Path, new: str | Path, *, policies: Sequence[str] = DEFAULT_POLICIES,
         profile: Any = None, all_text: bool = False) -> Diff:
    """Analyse ``old`` and ``new`` (two files, or two release folders) and compare them.

    Raises :class:`~openness.errors.InputError` naming the file that cannot be read, and
    :class:`~openness.errors.OpennessError` when the two are not versions of one kind of
    document (a licence against a model card) or a file is compared with a folder.
    """
    old_path, new_path = Path(old), Path(new)
    for path in (old_path, new_path):
        if not path.exists():
            raise InputError(str(path), "no such file or folder")
    if old_path.is_dir() != new_path.is_dir():
        folder, file = (old_path, new_path) if old_path.is_dir() else (new_path, old_path)
        raise OpennessError(f"cannot compare the folder {folder} with the file {file}: "
                            "give two files or two release folders")
    before = analyze([str(old_path)], policies=policies, profile=profile)
    after = analyze([str(new_path)], policies=policies, profile=profile)
    for analysis in (before, after):
        for result in analysis.errors:
            raise InputError(result.path, result.error or "cannot be read")
    return compare(before, after, old_path=str(old_path), new_path=str(new_path),
                   all_text=all_text, folders=old_path.is_dir())


def compare(old: Analysis, new: Analysis, *, old_path: str, new_path: str,
            all_text: bool = False, folders: bool = False) -> Diff:
    """The diff of two analyses of one subject each (a file, or a release folder)."""
    olds = [d for d in old.documents if d.document is not None]
    news = [d for d in new.documents if d.document is not None]
    if not folders and olds and news and _family(olds[0].role) != _family(news[0].role):
        raise OpennessError(
            f"{olds[0].path} is {ROLE_NAMES.get(olds[0].role, olds[0].role)} but {news[0].path} "
            f"is {ROLE_NAMES.get(news[0].role, news[0].role)}: diff compares two versions of "
            "the same kind of document")
    documents = []
    for before, after in pair_documents(olds, news):
        documents.append(compare_documents(
            before, _findings_of(old.findings, before), after, _findings_of(new.findings, after)))
    return Diff(old_path=old_path, new_path=new_path, documents=tuple(documents),
                verdict_changes=tuple(verdict_changes(old.verdicts, new.verdicts)),
                all_text=all_text)


def pair_documents(old: Sequence[DocumentResult], new: Sequence[DocumentResult]
                   ) -> list[tuple[DocumentResult | None, DocumentResult | None]]:
    """Documents of two releases paired by role, then by the likeness of their file names."""
    pairs: list[tuple[DocumentResult | None, DocumentResult | None]] = []
    if len(old) == 1 and len(new) == 1:
        return [(old[0], new[0])]
    left, right = list(old), list(new)
    candidates = sorted(
        ((-SequenceMatcher(None, Path(a.path).name.lower(), Path(b.path).name.lower()).ratio(), i, j)
         for i, a in enumerate(left) for j, b in enumerate(right) if a.role == b.role))
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j]))
    pairs.extend((left[i], None) for i in range(len(left)) if i not in used_left)
    pairs.extend((None, right[j]) for j in range(len(right)) if j not in used_right)
    return sorted(pairs, key=lambda p: ((p[1] or p[0]).role, (p[1] or p[0]).path))  # type: ignore[union-attr]


@dataclass(frozen=True)
class TextDiff:
    """The text side of one document pair, which needs no finding: clauses reworded, added,
    removed, moved, renames; ``sections`` maps each aligned old section id to its new one."""

    document: DocumentDiff
    sections: dict[str, str]


def compare_documents(old: DocumentResult | None, old_findings: Sequence[Finding],
                      new: DocumentResult | None, new_findings: Sequence[Finding]) -> DocumentDiff:
    """Clauses, renames and findings of one document against its counterpart."""
    text = compare_text(old, new)
    changes = finding_changes(old_findings, new_findings, sections=text.sections)
    touched_old = {c.old.section for c in changes if c.old}
    touched_new = {c.new.section for c in changes if c.new}
    return replace(text.document, changes=tuple(changes), text_changes=tuple(
        replace(c, finding_changed=True)
        if (c.old_section is not None and c.old_section in touched_old)
        or (c.new_section is not None and c.new_section in touched_new) else c
        for c in text.document.text_changes))


def compare_text(old: DocumentResult | None, new: DocumentResult | None) -> TextDiff:
    """The clauses of one document aligned with its counterpart's, and their wording compared
    with product renames set aside."""
    old_units, new_units = _units(old), _units(new)
    alignment = align(old_units, new_units)
    rewording = _Rewording(old, new, detect_renames(alignment.pairs, old_units, new_units),
                           old_units, new_units)
    reworded = [(after, change) for before, after in alignment.pairs
                if (change := rewording.change(before, after)) is not None]
    moves = [*(Move(old_section=b.id, new_section=a.id) for b, a in alignment.pairs if b.id != a.id),
             *(Move(old_section=unit.id, new_section=host) for unit, host in alignment.merged),
             *(Move(old_section=host, new_section=unit.id) for host, unit in alignment.split)]
    where = _positions(alignment.pairs, alignment.removed)
    ordered = [((after.tokens[0].start, 0), change) for after, change in reworded]
    ordered += [(where[id(unit)], _whole(unit, "removed", old)) for unit in alignment.removed]
    ordered += [((unit.tokens[0].start, 0), _whole(unit, "added", new)) for unit in alignment.added]
    old_doc, new_doc = old.document if old else None, new.document if new else None
    return TextDiff(DocumentDiff(
        role=(new or old).role, old_path=old.path if old else None,  # type: ignore[union-attr]
        new_path=new.path if new else None,
        text_changes=tuple(change for _, change in sorted(ordered, key=lambda item: item[0])),
        moves=tuple(moves), renames=rewording.renames.renames,
        folded_edits=sum(change.minor for _, change in reworded),
        folded_clauses=sum(change.cosmetic for _, change in reworded),
        identical=bool(old_doc and new_doc) and old_doc.text.split() == new_doc.text.split()),  # type: ignore[union-attr]
        sections=alignment.section_map())


class _Rewording:
    """How the wording of a clause changed between two versions, product renames set aside."""

    def __init__(self, old: DocumentResult | None, new: DocumentResult | None, renames: RenameMap,
                 old_units: Sequence[Unit], new_units: Sequence[Unit]) -> None:
        self.old, self.new, self.renames = old, new, renames
        self.old_vocabulary = vocabulary([t for u in old_units for t in u.tokens])
        self.new_vocabulary = vocabulary([t for u in new_units for t in u.tokens])

    def change(self, before: Unit, after: Unit) -> TextChange | None:
        """The change of a clause paired with its new version; ``None`` when it reads the same
        (cosmetic edits, a re-spacing included, make a change marked ``cosmetic``)."""
        old, new = self.old, self.new
        old_tokens, new_tokens = self.renames.apply(before.tokens), self.renames.merge(after.tokens)
        lines = redline(old_tokens, new_tokens,
                        old_vocabulary=self.old_vocabulary, new_vocabulary=self.new_vocabulary)
        minor = lines.minor
        if not minor and not lines.substantive and _gaps(old.document if old else None, old_tokens) \
                != _gaps(new.document if new else None, new_tokens):
            minor = 1  # re-spaced or re-wrapped only
        if not lines.substantive and not minor:
            return None
        return TextChange(
            change="changed", old_section=before.id, new_section=after.id, old=before.display,
            new=after.display, path_old=old.path if old else None,
            path_new=new.path if new else None, edits=lines.edits, minor=minor,
            cosmetic=not lines.substantive)


def _family(role: str) -> str:
    return "terms" if role in TERMS else role.replace("readme", "model_card")


def _units(result: DocumentResult | None) -> list[Unit]:
    if result is None or result.document is None:
        return []
    outline = result.outline if result.outline is not None else segment(result.document)
    return units(result.document, outline)


def _findings_of(findings: Sequence[Finding], result: DocumentResult | None) -> list[Finding]:
    if result is None:
        return []
    return [f for f in findings if f.evidence.path == result.path]


def _gaps(doc: Document | None, tokens: Sequence[Token]) -> list[str]:
    """The whitespace between a clause's tokens, to notice a clause that was only re-spaced."""
    if doc is None:
        return []
    return [doc.text[a.end:b.start] for a, b in zip(tokens, tokens[1:])]


def _whole(unit: Unit, change: str, result: DocumentResult | None) -> TextChange:
    path = result.path if result else None
    removed = change == "removed"
    op = "delete" if removed else "insert"
    return TextChange(
        change=change, old_section=unit.id if removed else None,
        new_section=None if removed else unit.id, old=unit.display if removed else "",
        new="" if removed else unit.display, path_old=path if removed else None,
        path_new=None if removed else path, edits=(Edit(op=op, text=unit.display),))


def _positions(pairs: Sequence[tuple[Unit, Unit]], removed: Sequence[Unit]
               ) -> dict[int, tuple[int, int]]:
    """Sort keys placing each removed clause after the new place of the clause before it."""
    order = sorted((old.tokens[0].start, new.tokens[0].start) for old, new in pairs)
    keys = {}
    for unit in removed:
        start = unit.tokens[0].start
        before = [new for old, new in order if old < start]
        keys[id(unit)] = (max(before) if before else -1, 1)
    return keys
