"""Finding changes: which findings a new version added, removed, or changed.

Findings pair within a kind. A finding with the same attributes on both sides is unchanged
wherever it now sits (a renumbered clause changes nothing); among several such findings the
ones whose quotes read most alike, or whose sections the clause alignment pairs, go together.
What is left pairs as *changed* when the quotes are versions of one sentence (or the clauses
are aligned), so a threshold raised from 50,000,000 to 100,000,000 EUR is one change with both
quotes, not a removal and an addition.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping, Sequence

from openness.diff.model import FindingChange, Side
from openness.diff.tokens import tokenize
from openness.model import Finding

#: Quote similarity from which two findings of one kind with other attributes are one change.
SIMILAR_QUOTES = 0.5


def finding_changes(old: Sequence[Finding], new: Sequence[Finding], *,
                    sections: Mapping[str, str]) -> list[FindingChange]:
    """The changes from ``old`` to ``new`` findings; ``sections`` maps old ids to new ones."""
    changes: list[FindingChange] = []
    for kind in sorted({f.kind for f in old} | {f.kind for f in new}):
        olds = [f for f in old if f.kind == kind]
        news = [f for f in new if f.kind == kind]
        changes.extend(_kind_changes(kind, olds, news, sections))
    return sorted(changes, key=_order)


def _kind_changes(kind: str, olds: list[Finding], news: list[Finding],
                  sections: Mapping[str, str]) -> list[FindingChange]:
    left = set(range(len(olds)))
    right = set(range(len(news)))

    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        if (i, j) not in scores:
            aligned = olds[i].evidence.section is not None and \
                sections.get(olds[i].evidence.section) == news[j].evidence.section
            scores[i, j] = _quote_similarity(olds[i], news[j]) + (0.5 if aligned else 0.0)
        return scores[i, j]

    # Same attributes: unchanged, however far it moved.
    same = sorted(((-score(i, j), i, j) for i in left for j in right
                   if _attributes(olds[i]) == _attributes(news[j])))
    for _, i, j in same:
        if i in left and j in right:
            left.discard(i)
            right.discard(j)
    # Other attributes, same sentence or aligned clause: changed.
    changed: list[FindingChange] = []
    candidates = sorted(((-score(i, j), i, j) for i in left for j in right))
    for negative, i, j in candidates:
        if -negative < SIMILAR_QUOTES or i not in left or j not in right:
            continue
        left.discard(i)
        right.discard(j)
        changed.append(FindingChange(change="changed", kind=kind, old=side(olds[i]),
                                     new=side(news[j])))
    return (changed
            + [FindingChange(change="removed", kind=kind, old=side(olds[i]), new=None)
               for i in sorted(left)]
            + [FindingChange(change="added", kind=kind, old=None, new=side(news[j]))
               for j in sorted(right)])


def side(finding: Finding) -> Side:
    evidence = finding.evidence
    return Side(path=evidence.path, attributes=dict(finding.attributes), quote=evidence.quote,
                section=evidence.section, page=evidence.page, line=evidence.line)


def _attributes(finding: Finding) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in finding.attributes.items()))


def _quote_similarity(a: Finding, b: Finding) -> float:
    """Share of words the two quotes have in common (Jaccard): cheap enough for every pair."""
    x, y = _words(a.evidence.quote), _words(b.evidence.quote)
    return len(x & y) / max(len(x | y), 1)


@lru_cache(maxsize=4096)
def _words(quote: str) -> frozenset[str]:
    return frozenset(t.key.casefold() for t in tokenize(quote))


def _order(change: FindingChange) -> tuple[Any, ...]:
    where = change.new or change.old
    assert where is not None
    return (where.path, where.line or 0, change.kind, change.change)
