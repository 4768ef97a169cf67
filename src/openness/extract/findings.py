"""From a document to its findings: runs the pipeline and maps every hit back to evidence.

The pipeline reads the normalised view of the text; evidence quotes come from that view, while
offsets, lines, pages and sections are those of :attr:`Document.text`, mapped back through the
view, so a person can find the words in the file.
"""

from __future__ import annotations

import bisect
import hashlib
from typing import TYPE_CHECKING, Any

from openness.extract.layout import code_blocks, line_breaks, text_lines
from openness.model import Document, Evidence, Finding

if TYPE_CHECKING:
    from openness.segment import Outline

#: Share of letters that must be ASCII for a text to be read as English at all.
_ENGLISH_LETTERS = 0.8


def extract_findings(doc: Document, outline: "Outline | None" = None) -> list[Finding]:
    """Every clause the extractor recognises in ``doc``, ordered by position, then kind.

    One finding per obligation: a restatement with the same kind and attributes is merged into
    its first occurrence, except for kinds whose rules mark each unit as its own obligation (the
    items of a list of prohibited uses).
    """
    from openness.extract.rules import HITS_KEY

    if outline is None:
        from openness.segment import segment

        outline = segment(doc)
    view, sdoc = read_clauses(doc)

    code = code_blocks(view.text)
    hits = [h for h in sdoc.user_data[HITS_KEY]
            if not any(lo <= h.unit.start_char < hi for lo, hi in code)]
    # Several rules may read the same clause; keep the reading with the most attributes.
    best: dict[tuple[int, str], Any] = {}
    for hit in hits:
        key = (hit.unit.start_char, hit.rule.kind)
        if key not in best or len(hit.attributes) > len(best[key].attributes):
            best[key] = hit
    findings: list[Finding] = []
    seen: set[Any] = set()
    for hit in hits:
        unit = hit.unit
        if best[(unit.start_char, hit.rule.kind)] is not hit:
            continue
        evidence = _evidence(doc, view, outline, unit.start_char, unit.end_char)
        if evidence is None:
            continue
        # One finding per obligation: the same kind and attributes again in the same section,
        # or in the very same words anywhere, is a restatement. Distinct rules (items of a
        # list of prohibited uses) keep every unit.
        words = view.text[unit.start_char : unit.end_char].strip()
        identity = (hit.rule.kind, _frozen(hit.attributes))
        keys = [("unit", unit.start_char, hit.rule.kind)]
        if hit.rule.distinct:
            keys.append(("quote", *identity, words))
        else:
            keys += [("section", *identity, evidence.section), ("quote", *identity, words)]
        if any(key in seen for key in keys):
            seen.update(keys)
            continue
        seen.update(keys)
        related = (_evidence(doc, view, outline, lo, hi) for lo, hi in hit.related)
        findings.append(Finding(kind=hit.rule.kind, attributes=dict(hit.attributes), evidence=evidence,
                                related=tuple(r for r in related if r is not None)))
    findings.sort(key=lambda f: (f.evidence.start, f.kind))
    return findings


def read_clauses(doc: Document) -> tuple[Any, Any]:
    """The normalised view of ``doc`` and the spaCy Doc the pipeline made of it (units, cues
    and rule hits in its ``user_data``)."""
    from openness.extract.pipeline import load_pipeline
    from openness.extract.tokenizer import tokenize
    from openness.extract.units import BREAKS_KEY, TEXT_KEY
    from openness.ingest.normalize import analysis_view

    view = analysis_view(doc)
    locate = _locator(view, len(view.text))
    nlp = load_pipeline()
    sdoc = tokenize(nlp, view.text)
    sdoc.user_data[BREAKS_KEY] = line_breaks(text_lines(doc.text), locate)
    sdoc.user_data[TEXT_KEY] = view.text
    return view, nlp(sdoc)


def findings_from_text(text: str, path: str = "<example>") -> list[Finding]:
    """Findings of a snippet of licence text (a sentence or two, as in a rule's examples)."""
    data = text.encode("utf-8")
    doc = Document(path=path, text=text, format="txt", sha256=hashlib.sha256(data).hexdigest())
    return extract_findings(doc)


def document_notes(doc: Document, findings: list[Finding]) -> list[str]:
    """What a reader should know about a document's findings as a whole (not errors)."""
    if findings:
        return []
    letters = [c for c in doc.text if c.isalpha()]
    if letters and sum(c.isascii() for c in letters) / len(letters) < _ENGLISH_LETTERS:
        return ["no licence clauses recognised: the text does not appear to be in English, "
                "which the extractor does not read"]
    return ["no licence clauses recognised"]


def _evidence(doc: Document, view: Any, outline: "Outline | None", lo: int, hi: int) -> Evidence | None:
    """The evidence of the analysed text's ``[lo, hi)``: the file's own words there (curly
    quotes, dashes and all: the normalised text is for matching only), where they are."""
    words = view.text[lo:hi].strip()
    if not words:
        return None
    start, end = _original_span(view, lo, words)
    clause = outline.at(start) if outline is not None else None
    span = doc.span(start, end)
    return Evidence(path=doc.path, quote=doc.text[start:end], section=clause.id if clause is not None else None,
                    page=span.page, line=span.line, start=start, end=end)


def _original_span(view: Any, unit_start: int, quote: str) -> tuple[int, int]:
    """Offsets in ``Document.text`` of ``quote``, which begins at or after ``unit_start``."""
    raw = view.text[unit_start : unit_start + len(quote) + 64]
    lead = len(raw) - len(raw.lstrip())
    first = unit_start + lead
    return view.original(first), view.original(first + len(quote) - 1) + 1


def _locator(view: Any, size: int):  # type: ignore[no-untyped-def]
    """Maps an offset in ``Document.text`` to the offset of the same character in the view.

    The answer is the first view index whose original offset is at or after ``offset``. Line
    starts are asked for in increasing order, and away from normalised characters the view
    runs in step with the original, so each search starts from a guess made by the previous
    answer and widens only as far as it must (a few lookups instead of a full bisection).
    """
    offsets = getattr(view, "offsets", None)
    if offsets is not None:
        # the view's own array (view index -> original offset) is sorted: bisect it directly
        return lambda offset: min(bisect.bisect_left(offsets, offset), size)

    original = view.original
    last = [0, 0]  # the previous (offset, answer)

    def locate(offset: int) -> int:
        previous, answer = last
        guess = min(max(answer + offset - previous, 0), size)
        # widen [lo, hi] around the guess until it brackets the answer, then bisect
        step = 1
        lo = hi = guess
        while lo > 0 and original(lo - 1) >= offset:
            hi = lo - 1
            lo = max(lo - step, 0)
            step *= 2
        while hi < size and original(hi) < offset:
            lo = hi + 1
            hi = min(hi + step, size)
            step *= 2
        while lo < hi:
            mid = (lo + hi) // 2
            if original(mid) < offset:
                lo = mid + 1
            else:
                hi = mid
        last[0], last[1] = offset, lo
        return lo

    return locate


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value
