"""A copy of a licence aligned word by word with a reference text, and its edits sorted out.

The alignment is rapidfuzz's Indel (longest common subsequence) over the identifying words of
both (:mod:`openness.identify.words`). Runs of difference a couple of words apart are read as
one edit, as the diff package's redlines do. An edit then changes the licence unless it is one
of the things a faithful copy does (``fields.yaml`` holds their vocabulary):

* cosmetic: case, punctuation, a typo fixed within a word, a word repeated or not, exactly as
  :func:`openness.diff.redline.redline` tells them apart for ``openness diff``;
* a name in a template's place ("the copyright holder" -> "Google Inc.");
* a list label or a link added or dropped ("1.", "(a)", a URL);
* a title added above the licence, or the reference's title left out ("MIT License");
* a trailer that is not part of the terms left out or reworded (the appendix on how to apply
  the licence after "END OF TERMS AND CONDITIONS"); words added after its end still count.

What is left are the substantive changes: the words a copy added and those it removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Sequence

from rapidfuzz.distance import Indel

from openness.diff.redline import redline
from openness.identify.reference import Reference
from openness.identify.words import Words, is_label, words
from openness.yamldata import safe_load

#: Runs of difference at most this many words apart are one edit.
JOIN = 2


@dataclass(frozen=True, kw_only=True)
class Change:
    """One substantive edit: reference words ``removed`` replaced by copy words ``added``
    (half-open word ranges; an empty range means nothing on that side)."""

    removed: tuple[int, int]
    added: tuple[int, int]


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """How a copy compares with one reference text."""

    reference: Reference
    #: Words of both texts in the same order, over the words of both (Dice over aligned words).
    similarity: float
    #: Share of the reference's words that the copy has, in order.
    coverage: float
    #: Share of the copy's words that are the reference's, in order.
    precision: float
    changes: tuple[Change, ...]
    #: The reference's words with offsets (tokenised only when there were edits to sort out).
    reference_words: Words | None = None

    @property
    def exact(self) -> bool:
        return not self.changes

    @property
    def changed_words(self) -> int:
        """Words the substantive edits add or remove."""
        return sum(c.removed[1] - c.removed[0] + c.added[1] - c.added[0] for c in self.changes)


@dataclass(frozen=True, kw_only=True)
class _Fields:
    max_reference: int
    max_copy: int
    nouns: frozenset[str]
    fillers: frozenset[str]
    #: The words of each marker (see ``optional_from`` in ``fields.yaml``).
    optional_from: tuple[tuple[str, ...], ...]
    title_words: frozenset[str]


@cache
def _fields() -> _Fields:
    data: Any = safe_load(resources.files("openness.identify").joinpath("fields.yaml")
                          .read_text("utf-8"))
    holder = data["holder_fields"]
    return _Fields(max_reference=int(holder["max_reference"]), max_copy=int(holder["max_copy"]),
                   nouns=frozenset(holder["holder_nouns"]),
                   fillers=frozenset(holder["holder_fillers"]),
                   optional_from=tuple(words(m).keys for m in data["optional_from"]),
                   title_words=frozenset(data["title_words"]))


def compare(copy: Words, reference: Reference) -> Comparison:
    """Align ``copy`` with ``reference`` and keep the edits that change the licence."""
    ref_keys, copy_keys = reference.keys, copy.keys
    regions: list[list[int]] = []
    matched = 0
    for tag, i1, i2, j1, j2 in Indel.opcodes(reference.code, copy.code):
        if tag == "equal":
            matched += i2 - i1
        elif regions and i1 - regions[-1][1] <= JOIN and j1 - regions[-1][3] <= JOIN:
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    total = len(ref_keys) + len(copy_keys)
    similarity = 2 * matched / total if total else 0.0
    coverage = matched / len(ref_keys) if ref_keys else 0.0
    precision = matched / len(copy_keys) if copy_keys else 0.0
    if not regions:
        return Comparison(reference=reference, similarity=similarity, coverage=coverage,
                          precision=precision, changes=())
    ref_words = reference.words
    sorter = _Sorter(ref_words, copy, reference)
    changes = tuple(Change(removed=(i1, i2), added=(j1, j2))
                    for i1, i2, j1, j2 in regions if not sorter.faithful(i1, i2, j1, j2))
    return Comparison(reference=reference, similarity=similarity, coverage=coverage,
                      precision=precision, changes=changes, reference_words=ref_words)


class _Sorter:
    """Tells the edits a faithful copy makes from the ones that change the licence."""

    def __init__(self, ref: Words, copy: Words, reference: Reference) -> None:
        self.ref, self.copy = ref, copy
        self.fields = _fields()
        self.ref_vocabulary = frozenset(ref.keys)
        self.copy_vocabulary = frozenset(copy.keys)
        self.optional = trailer_start(reference)
        name_words = words(f"{reference.name} {reference.id.replace('-', ' ')}").keys
        self.title_words = self.fields.title_words | frozenset(name_words)

    def faithful(self, i1: int, i2: int, j1: int, j2: int) -> bool:
        removed, added = self.ref.keys[i1:i2], self.copy.keys[j1:j2]
        if i1 >= self.optional and (not added or i2 < len(self.ref.keys)):
            return True  # in the trailer: left out, or reworded before its end
        if i1 == j1 == 0 and set(removed + added) <= self.title_words:
            return True
        if removed and added and self._holder(removed, added):
            return True
        if not (removed and added) and all(is_label(key) for key in removed + added):
            return True
        lines = redline(self.ref.tokens[i1:i2], self.copy.tokens[j1:j2],
                        old_vocabulary=self.ref_vocabulary, new_vocabulary=self.copy_vocabulary)
        return lines.substantive == 0

    def _holder(self, removed: Sequence[str], added: Sequence[str]) -> bool:
        fields = self.fields
        return (len(removed) <= fields.max_reference and len(added) <= fields.max_copy
                and set(removed) <= fields.nouns | fields.fillers
                and bool(set(removed) & fields.nouns))


def trailer_start(reference: Reference) -> int:
    """Index of the first word of ``reference``'s optional trailer (its length when it has
    none): where the first marker of ``fields.yaml``'s ``optional_from`` begins."""
    found = _TRAILERS.get(reference.id)
    if found is None:
        keys = reference.keys
        found = len(keys)
        for marker in _fields().optional_from:
            size = len(marker)
            at = next((i for i in range(len(keys) - size + 1)
                       if keys[i] == marker[0] and keys[i:i + size] == marker), None)
            if at is not None:
                found = min(found, at)
        _TRAILERS[reference.id] = found
    return found


#: Trailer starts by reference id, computed once per process.
_TRAILERS: dict[str, int] = {}
