"""A release without licence text, judged on the licence its model card declares.

Many releases state their licence only as ``license: apache-2.0`` in the card's front matter.
Rather than leave every licence rule ``unknown``, the declared licence's own text (the SPDX
reference that :mod:`openness.identify.reference` builds from the installed packages) is read by
the clause extractor, and its findings stand in the release with the evidence of the front-matter
line that declared it; the reference clause each finding came from is kept as related evidence.
A verdict then rests on the licence's terms, and on a line the user can check.

Nothing is judged on a declaration that does not settle the licence: ``license: other``, a tag
openness does not know, or a family licence whose text no package ships (``llama3.1``) leaves
the licence rules ``unknown``, and the notes say what was not settled and where.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from openness.disclose.frontmatter import key_line
from openness.identify.declared import declared_licence
from openness.model import Document, Evidence, Finding

if TYPE_CHECKING:
    from openness.identify.reference import Reference, ReferenceIndex

#: What every judgement on a declaration says, in its note.
NOTE = "licence text not provided; judged on the identified licence"


@dataclass(frozen=True, kw_only=True)
class Judged:
    """The findings a declaration stands for, and what the reader must know about them."""

    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        """The declared licence's text was read: its terms count as a licence analysed."""
        return bool(self.findings)


def judged_on_declaration(documents: Sequence[Document], *,
                          index: "ReferenceIndex | None" = None) -> Judged | None:
    """The judgement on the first declaration among ``documents``, ``None`` when none has one."""
    from openness.identify.identification import reference_index

    for doc in documents:
        declaration = declared_licence(doc, index=index)
        if declaration is None:
            continue
        index = index or reference_index()
        where = (f"{doc.path} front matter line {declaration.line}" if declaration.line
                 else f"{doc.path} front matter")
        references, textless = [], []
        for licence in declaration.licenses:
            reference = index.by_id(licence.id) if licence.id else None
            if reference is not None:
                references.append(reference)
            elif licence.known:
                textless.append(f"{licence.id} ({licence.name}) is named, but no package ships "
                                "its text to judge it on")
        problems = [f"{where}: {problem}" for problem in (*declaration.problems, *textless)]
        if not references or len(references) < len(declaration.licenses):
            return Judged(notes=(*problems, f"{where}: licence text not provided, and the "
                                 "declared licence could not be settled; its terms were not checked"))
        line = key_line(doc, "license")
        anchor = Evidence(path=doc.path, quote=line.quote if line else f"license: "
                          f"{declaration.expression}", section=None,
                          page=doc.page_of(line.start) if line else None,
                          line=declaration.line or 1, start=line.start if line else 0,
                          end=line.end if line else 0)
        findings = tuple(f for reference in references for f in _reference_findings(reference, anchor))
        ids = ", ".join(r.id for r in references)
        notes = [f"{where}: {NOTE} ({ids})", *problems]
        if " OR " in declaration.expression.upper():
            notes.append(f"{where}: {declaration.expression} offers a choice; judged on every "
                         "choice together, so a verdict is as strict as the strictest of them")
        return Judged(findings=findings, notes=tuple(notes))
    return None


def _reference_findings(reference: "Reference", anchor: Evidence) -> list[Finding]:
    """The findings of ``reference``'s text, each cited at ``anchor`` with the reference clause
    it came from as related evidence."""
    return [replace(f, evidence=anchor, related=(f.evidence, *f.related))
            for f in reference_findings(reference)]


def reference_findings(reference: "Reference") -> list[Finding]:
    """The clause findings of ``reference``'s own text (cited in it, path ``<id> (SPDX
    reference text)``)."""
    from openness.extract import extract_findings
    from openness.segment import segment

    from openness.taxonomy import UNCLASSIFIED

    source = f"{reference.id} (SPDX reference text)"
    doc = Document(path=source, text=reference.text, format="txt",
                   sha256=hashlib.sha256(reference.text.encode("utf-8")).hexdigest())
    # a clause the analyzer could not classify asks a person to read *this* text; a reference
    # licence is read through its identity, whose terms are known, not through that question
    return [f for f in extract_findings(doc, segment(doc)) if f.kind != UNCLASSIFIED]
