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
    pairing = _Pairing(old, new)
    pairing.identical()
    pairing.same_id(SIMILAR)
    pairing.most_similar()
    # The same id, wording rewritten more than half: still the clause a reader cites there.
    pairing.same_id(REWRITTEN)
    paired, taken = pairing.paired, pairing.taken
    merged, removed = _hosted([old[i] for i in range(len(old)) if i not in paired], new)
    split, added = _hosted([new[j] for j in range(len(new)) if j not in taken], old)
    pairs = sorted(((old[i], new[j]) for i, j in paired.items()),
                   key=lambda p: p[1].tokens[0].start)
    return Alignment(pairs=tuple(pairs), merged=tuple((u, h) for u, h in merged),
                     split=tuple((h, u) for u, h in split),
                     removed=tuple(_scattered(removed, split)), added=tuple(_scattered(added, merged)))


class _Pairing:
    """Old clauses paired with new ones (by index), pass by pass, surest first."""

    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        self.old, self.new = old, new
        self.paired: dict[int, int] = {}  # old index -> new index
        self.taken: set[int] = set()
        self.new_by_id = {unit.id: j for j, unit in enumerate(new)}

    def pair(self, i: int, j: int) -> None:
        self.paired[i] = j
        self.taken.add(j)

    def identical(self) -> None:
        """Identical wording, where that wording is unique on both sides."""
        old_by_text: dict[tuple[str, ...], list[int]] = {}
        new_by_text: dict[tuple[str, ...], list[int]] = {}
        for i, unit in enumerate(self.old):
            old_by_text.setdefault(unit.folded, []).append(i)
        for j, unit in enumerate(self.new):
            new_by_text.setdefault(unit.folded, []).append(j)
        for text, olds in old_by_text.items():
            news = new_by_text.get(text, [])
            if len(olds) == 1 and len(news) == 1:
                self.pair(olds[0], news[0])

    def same_id(self, threshold: float) -> None:
        """The same id, with wording at least ``threshold`` similar."""
        for i, unit in enumerate(self.old):
            j = self.new_by_id.get(unit.id)
            if i in self.paired or j is None or j in self.taken:
                continue
            if similarity(unit, self.new[j]) >= threshold:
                self.pair(i, j)

    def most_similar(self) -> None:
        """The most similar wording left, best pairs first, nearer positions breaking ties."""
        old, new = self.old, self.new
        candidates = []
        for i, unit in enumerate(old):
            if i in self.paired:
                continue
            for j, other in enumerate(new):
                if j in self.taken or not _may_be_similar(unit, other):
                    continue
                score = similarity(unit, other)
                if score >= SIMILAR:
                    candidates.append((-score, abs(i / max(len(old), 1) - j / max(len(new), 1)), i, j))
        for _, _, i, j in sorted(candidates):
            if i not in self.paired and j not in self.taken:
                self.pair(i, j)


def _may_be_similar(a: Unit, b: Unit) -> bool:
    """Whether two clauses share enough words to be worth comparing word by word."""
    return len(a.words & b.words) / max(len(a.words | b.words), 1) >= SIMILAR / 2


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

