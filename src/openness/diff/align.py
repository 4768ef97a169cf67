"""Which clause of the new version is which clause of the old one.

Ids are where a reader cites a clause, but a new version renumbers, moves, splits and merges
clauses, so ids alone would pair the wrong texts. Pairs are found in passes, surest first:
identical wording (whatever the id: a moved clause), then the same id with similar wording,
then the most similar wording left. A clause still unpaired whose words all sit inside a clause
of the other version was merged into it (or split out of it); anything else was added or
removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from openness.diff.tokens import Unit

#: Similarity (difflib ratio over words) from which two clauses are versions of each other.
SIMILAR = 0.5
#: Similarity from which two clauses with the same id are one clause rewritten.
REWRITTEN = 0.3
#: Share of a clause's words found in another clause for it to count as merged into it.
CONTAINED = 0.9


@dataclass(frozen=True, kw_only=True)
class Alignment:
    #: (old, new) clause pairs, in new-document order.
    pairs: tuple[tuple[Unit, Unit], ...]
    #: Unpaired clauses whose words live on in a clause of the other version: (unit, host id).
    merged: tuple[tuple[Unit, str], ...]
    split: tuple[tuple[str, Unit], ...]
    removed: tuple[Unit, ...]
    added: tuple[Unit, ...]

    def section_map(self) -> dict[str, str]:
        """Old section id -> new section id for every paired or merged old clause."""
        mapping = {old.id: new.id for old, new in self.pairs}
        mapping.update({unit.id: host for unit, host in self.merged})
        return mapping


def similarity(a: Unit, b: Unit) -> float:
    return SequenceMatcher(None, a.folded, b.folded, autojunk=False).ratio()


def align(old: Sequence[Unit], new: Sequence[Unit]) -> Alignment:
    paired: dict[int, int] = {}  # old index -> new index
    taken: set[int] = set()

    def pair(i: int, j: int) -> None:
        paired[i] = j
        taken.add(j)

    # 1. Identical wording, where that wording is unique on both sides.
    old_by_text: dict[tuple[str, ...], list[int]] = {}
    new_by_text: dict[tuple[str, ...], list[int]] = {}
    for i, unit in enumerate(old):
        old_by_text.setdefault(unit.folded, []).append(i)
    for j, unit in enumerate(new):
        new_by_text.setdefault(unit.folded, []).append(j)
    for text, olds in old_by_text.items():
        news = new_by_text.get(text, [])
        if len(olds) == 1 and len(news) == 1:
            pair(olds[0], news[0])
    # 2. Same id, similar wording (identical repeated wording too, by id).
    new_by_id = {unit.id: j for j, unit in enumerate(new)}
    for i, unit in enumerate(old):
        j = new_by_id.get(unit.id)
        if i in paired or j is None or j in taken:
            continue
        if similarity(unit, new[j]) >= SIMILAR:
            pair(i, j)
    # 3. The most similar wording left, best pairs first, nearer positions breaking ties.
    candidates = []
    for i, unit in enumerate(old):
        if i in paired:
            continue
        words = unit.words
        for j, other in enumerate(new):
            if j in taken:
                continue
            shared = len(words & other.words) / max(len(words | other.words), 1)
            if shared < SIMILAR / 2:
                continue
            score = similarity(unit, other)
            if score >= SIMILAR:
                candidates.append((-score, abs(i / max(len(old), 1) - j / max(len(new), 1)), i, j))
    for _, _, i, j in sorted(candidates):
        if i not in paired and j not in taken:
            pair(i, j)

    # 4. The same id, wording rewritten more than half (still the clause a reader cites there).
    for i, unit in enumerate(old):
        j = new_by_id.get(unit.id)
        if i not in paired and j is not None and j not in taken \
                and similarity(unit, new[j]) >= REWRITTEN:
            pair(i, j)

    removed_units = [old[i] for i in range(len(old)) if i not in paired]
    added_units = [new[j] for j in range(len(new)) if j not in taken]
    merged, removed = _hosted(removed_units, new)
    split, added = _hosted(added_units, old)
    removed = _scattered(removed, split)
    added = _scattered(added, merged)
    pairs = sorted(((old[i], new[j]) for i, j in paired.items()),
                   key=lambda p: p[1].tokens[0].start)
    return Alignment(pairs=tuple(pairs), merged=tuple((u, h) for u, h in merged),
                     split=tuple((h, u) for u, h in split), removed=tuple(removed),
                     added=tuple(added))


def _scattered(units: list[Unit], pieces: list[tuple[Unit, str]]) -> list[Unit]:
    """``units`` less those whose words all live on in the pieces split out of (or merged
    into) them: a preamble cut into numbered sections was not removed."""
    by_host: dict[str, list[Unit]] = {}
    for piece, host in pieces:
        by_host.setdefault(host, []).append(piece)
    rest = []
    for unit in units:
        parts = by_host.get(unit.id, [])
        words = tuple(w for part in parts for w in part.folded)
        matcher = SequenceMatcher(None, unit.folded, words, autojunk=False)
        kept = sum(block.size for block in matcher.get_matching_blocks()) if parts else 0
        if kept < CONTAINED * len(unit.folded):
            rest.append(unit)
    return rest


def _hosted(units: list[Unit], others: Sequence[Unit]) -> tuple[list[tuple[Unit, str]], list[Unit]]:
    """Split ``units`` into those whose words sit in one of ``others`` (with its id), and the rest."""
    hosted, rest = [], []
    for unit in units:
        host = None
        words = unit.words
        for other in others:
            if len(other.folded) <= len(unit.folded) \
                    or len(words & other.words) < CONTAINED * len(words):
                continue
            matcher = SequenceMatcher(None, unit.folded, other.folded, autojunk=False)
            kept = sum(block.size for block in matcher.get_matching_blocks())
            if kept >= CONTAINED * len(unit.folded):
                host = other.id
                break
        if host is None:
            rest.append(unit)
        else:
            hosted.append((unit, host))
    return hosted, rest

