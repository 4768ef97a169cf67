"""Which licence a document is: its text against the SPDX references, its title against the
AI-licence families, and for a variant the passages it added or removed.

The order of the answers is the order of their certainty: a text that is word for word an SPDX
licence is that licence (even an AI one the SPDX list carries); else a text that carries an
AI-licence family's title and structure is that family's version; else a text that is mostly
an SPDX licence's words is a variant of it; else the licence is unknown.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Sequence

from rapidfuzz.distance import Indel

from openness.identify.compare import Comparison, compare, trailer_start
from openness.identify.families import Family, identify_family
from openness.identify.model import UNKNOWN, Basis, Identification, Match, Passage, Properties
from openness.identify.reference import Reference, ReferenceIndex
from openness.identify.words import Words, quote, words
from openness.model import Document, Finding

if TYPE_CHECKING:
    from openness.segment import Outline

#: A variant keeps at least this share of its reference's words, in order, or is made of the
#: reference's words for this share of its own (a licence with a clause cut out)...
VARIANT_COVERAGE = 0.6
#: ...and the two texts share at least this share of their words (Dice over aligned words).
VARIANT_SIMILARITY = 0.5
#: Candidates found by shingles that are aligned word by word.
CANDIDATES = 4
#: Candidates this close to the nearest are aligned in full too when it is not exact.
CLOSE = 0.01


@cache
def reference_index() -> ReferenceIndex:
    """The reference index of this process (built into the user cache on first use)."""
    return ReferenceIndex.open()


def identify_text(text: str, *, findings: bool = True,
                  index: ReferenceIndex | None = None) -> Identification:
    """Identify a licence given as a string (no sections; lines are the string's)."""
    from openness.ingest.text import extract_metadata

    text, _ = extract_metadata(text)
    doc = Document(path="<text>", text=text, format="txt", sha256="")
    return identify_document(doc, findings=findings, index=index)


def identify_document(doc: Document, *, findings: bool = True,
                      index: ReferenceIndex | None = None,
                      read: Sequence[Finding] | None = None) -> Identification:
    """Identify the licence ``doc`` holds.

    ``findings`` runs the clause extractor on each passage a variant added, to say what it
    does (it loads spaCy on first use); without it, passages carry no findings. ``read`` are
    the findings already extracted from ``doc`` (``analyze`` has them): a passage then carries
    the kinds of those whose quote overlaps it, and nothing is extracted twice.
    """
    index = index or reference_index()
    copy = words(doc.text)
    comparison = _best(copy, index)
    if comparison is not None and comparison.exact:
        return _from_text(comparison)
    family = identify_family(doc.text)
    if family is not None:
        found = family.family
        if read is None and findings and found.figures:
            read = _document_findings(doc)
        match, changed = figures_match(found, read)
        return Identification(
            id=found.id, name=found.name, similarity=family.score, match=match,
            basis=Basis.SIGNATURE, family=found.family, version=found.version, kind=found.kind,
            added=changed, properties=family_properties(found, index))
    if comparison is None or max(comparison.coverage, comparison.precision) < VARIANT_COVERAGE \
            or comparison.similarity < VARIANT_SIMILARITY:
        return UNKNOWN
    return _variant(doc, copy, comparison, findings=findings, read=read)


def figures_match(family: Family, read: Sequence[Finding] | None) -> tuple[Match, tuple[Passage, ...]]:
    """How a copy of ``family`` compares with the figures its text sets, on the copy's
    findings ``read`` (``None``: not read). A figure is checked on the findings of its kind
    that carry all its attributes: any with another value is a changed passage (``variant``);
    every figure read and unchanged is ``exact``; anything else settles nothing (``unknown``)."""
    if not family.figures or read is None:
        return Match.UNKNOWN, ()
    changed: list[Passage] = []
    agreed = 0
    for figure in family.figures:
        own = [f for f in read if f.kind == figure.kind
               and all(name in f.attributes for name, _ in figure.attributes)]
        other = [f for f in own if any(f.attributes[name] != value
                                       for name, value in figure.attributes)]
        agreed += bool(own) and not other
        changed += [Passage(quote=f.evidence.quote, line=f.evidence.line,
                            section=f.evidence.section, findings=(f.kind,),
                            expected=figure.describe()) for f in other]
    if changed:
        return Match.VARIANT, tuple(changed)
    return (Match.EXACT if agreed == len(family.figures) else Match.UNKNOWN), ()


def _document_findings(doc: Document) -> list[Finding]:
    """The clause findings of the whole document (loads the extractor)."""
    from openness.extract import extract_findings
    from openness.segment import segment

    return extract_findings(doc, segment(doc))


def family_properties(family: Family, index: ReferenceIndex | None = None) -> Properties:
    """What is known of an AI-licence family's version: neither the OSI's nor the FSF's list
    (as the SPDX list carries them) has any of these licences; ScanCode's category where
    ScanCode knows the licence."""
    category = (index or reference_index()).category(family.scancode) if family.scancode else None
    return Properties(osi_approved=False, fsf_libre=False, category=category)


def _best(copy: Words, index: ReferenceIndex) -> Comparison | None:
    """The reference closest to ``copy``, aligned in full; of near ties, the one whose edits
    change fewest words.

    A reference's optional trailer (Apache's appendix) may be missing from a faithful copy, so
    a reference is as close as the nearer of its text with and without the trailer: Apache 2.0
    without its appendix is Apache 2.0, not Pixar's modified Apache that has none.
    """
    scored: list[tuple[float, Reference]] = []
    for _, reference in index.candidates(copy.keys, CANDIDATES):
        floor = max(VARIANT_SIMILARITY, scored[0][0] - CLOSE if scored else 0.0)
        closeness = _closeness(copy, reference, floor)
        if closeness:
            scored.append((closeness, reference))
            scored.sort(key=lambda item: (-item[0], item[1].deprecated))
    if not scored:
        return None  # too far from every reference to be one or a variant of one
    best = compare(copy, scored[0][1])
    if best.exact:
        return best
    others = [compare(copy, reference) for score, reference in scored[1:]
              if score >= scored[0][0] - CLOSE]
    return min([best, *others], key=lambda c: (c.changed_words, -c.similarity))


def _closeness(copy: Words, reference: Reference, floor: float) -> float:
    """Similarity of ``copy`` to ``reference`` with or without its trailer; 0 below ``floor``
    (which lets rapidfuzz stop early)."""
    full = Indel.normalized_similarity(reference.code, copy.code, score_cutoff=floor)
    trailer = trailer_start(reference)
    if trailer == len(reference.keys):
        return full
    return max(full, Indel.normalized_similarity(reference.code[:trailer], copy.code,
                                                 score_cutoff=floor))


def _from_text(comparison: Comparison) -> Identification:
    reference = comparison.reference
    return Identification(
        id=reference.id, name=reference.name, similarity=comparison.similarity,
        match=Match.EXACT if comparison.exact else Match.VARIANT, basis=Basis.TEXT,
        also=reference.also, properties=reference.properties)


def _variant(doc: Document, copy: Words, comparison: Comparison, *, findings: bool,
             read: Sequence[Finding] | None) -> Identification:
    outline = _outline(doc)
    ref_words = comparison.reference_words
    added, removed = [], []
    for change in comparison.changes:
        j1, j2 = change.added
        if j2 > j1:
            text = quote(copy, j1, j2)
            start, end = copy.tokens[j1].start, copy.tokens[j2 - 1].end
            kinds = (_overlapping(read, start, end) if read is not None
                     else _kinds(text) if findings else ())
            added.append(Passage(
                quote=text, line=doc.line_of(start), section=_section(outline, start),
                findings=kinds))
        i1, i2 = change.removed
        if i2 > i1 and ref_words is not None:
            where = copy.tokens[min(j1, len(copy.tokens) - 1)].start if copy.tokens else 0
            removed.append(Passage(quote=quote(ref_words, i1, i2), line=doc.line_of(where)))
    return replace(_from_text(comparison), added=tuple(added), removed=tuple(removed))


def _outline(doc: Document) -> "Outline | None":
    from openness.segment import segment

    return segment(doc) if doc.text.strip() else None


def _section(outline: "Outline | None", offset: int) -> str | None:
    clause = outline.at(offset) if outline is not None else None
    return clause.id if clause is not None else None


def _overlapping(read: Sequence[Finding], start: int, end: int) -> tuple[str, ...]:
    """The kinds of the findings whose quote overlaps ``[start, end)``, once each, in order."""
    return tuple(dict.fromkeys(f.kind for f in read
                               if f.evidence.start < end and start < f.evidence.end))


def _kinds(text: str) -> tuple[str, ...]:
    """The finding kinds the extractor reads in ``text``, once each, in order."""
    from openness.extract import findings_from_text

    return tuple(dict.fromkeys(f.kind for f in findings_from_text(text)))
