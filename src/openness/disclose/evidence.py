"""Evidence for disclosure findings: a statement, a front-matter line, or the document itself."""

from __future__ import annotations

from typing import Protocol

from openness.model import Clause, Document, Evidence


class Outline(Protocol):
    """What the analysis needs of :class:`openness.segment.outline.Outline`."""

    def at(self, offset: int) -> Clause | None: ...


def evidence(doc: Document, start: int, end: int, quote: str, outline: Outline | None) -> Evidence:
    """Evidence quoting ``quote`` at ``doc.text[start:end]``, in its innermost section."""
    clause = outline.at(start) if outline is not None else None
    return Evidence(
        path=doc.path,
        quote=quote,
        section=clause.id if clause is not None else None,
        page=doc.page_of(start),
        line=doc.line_of(start),
        start=start,
        end=end,
    )


def searched(doc: Document, what: str) -> Evidence:
    """Evidence of absence: the document that was read and found silent about ``what``."""
    return Evidence(
        path=doc.path,
        quote=f"no statement about {what} found in {doc.path}",
        section=None,
        page=doc.page_of(0),
        line=1,
        start=0,
        end=0,
    )
