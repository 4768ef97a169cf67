"""Word-level redlines, with cosmetic edits told apart from changes of wording.

A cosmetic edit changes how a clause is written but not what it says: punctuation only, case
only, a repeated word dropped or added ("OR OR" -> "OR"), or a typo fixed within one word
("propery" -> "property", "armless" -> "harmless"). A one-word edit counts as a typo only when it
is small for the word's length *and* one spelling is found in only one version: "licensor" ->
"licensee" is two letters too, but both words are in both versions, so that is a real change.
Numbers are never typos.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from openness.diff.model import Edit
from openness.diff.tokens import Token, join


#: Real edits at most this many words apart are shown as one.
JOIN = 2


@dataclass(frozen=True, kw_only=True)
class Redline:
    edits: tuple[Edit, ...]
    #: Cosmetic edits (each delete/insert run counts once).
    minor: int
    #: Edits that change the wording.
    substantive: int


def redline(old: Sequence[Token], new: Sequence[Token], *, old_vocabulary: frozenset[str],
            new_vocabulary: frozenset[str]) -> Redline:
    """The word-level redline turning ``old`` into ``new`` (tokens already rename-normalised)."""
    a = [t.key for t in old]
    b = [t.key for t in new]
    edits: list[Edit] = []
    minor = substantive = 0
    for tag, i1, i2, j1, j2, cosmetic in _coalesced(a, b, old_vocabulary, new_vocabulary):
        if tag == "equal":
            edits.append(Edit(op="equal", text=join(new[j1:j2]), space=_space(new, j1)))
            continue
        if cosmetic:
            minor += 1
        else:
            substantive += 1
        if i2 > i1:
            edits.append(Edit(op="delete", text=join(old[i1:i2]), minor=cosmetic,
                              space=_space(old, i1)))
        if j2 > j1:
            edits.append(Edit(op="insert", text=join(new[j1:j2]), minor=cosmetic,
                              space=_space(new, j1)))
    return Redline(edits=tuple(edits), minor=minor, substantive=substantive)


def _coalesced(a: list[str], b: list[str], old_vocabulary: frozenset[str],
               new_vocabulary: frozenset[str]) -> list[tuple[str, int, int, int, int, bool]]:
    """Opcodes, each edit marked cosmetic or not, with real edits that only a word or two
    apart ("the State of Delaware" -> "England and Wales") joined into one readable edit."""
    out: list[list] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        cosmetic = tag != "equal" and _cosmetic(a, b, i1, i2, j1, j2, old_vocabulary,
                                                 new_vocabulary)
        if (tag != "equal" and not cosmetic and len(out) >= 2 and out[-1][0] == "equal"
                and out[-1][2] - out[-1][1] <= JOIN and out[-2][0] != "equal" and not out[-2][5]):
            out.pop()
            out[-1][2], out[-1][4] = i2, j2
            out[-1][0] = "replace"
            continue
        out.append([tag, i1, i2, j1, j2, cosmetic])
    return [tuple(op) for op in out]  # type: ignore[misc]


def _space(tokens: Sequence[Token], index: int) -> bool:
    return index > 0 and tokens[index].start > tokens[index - 1].end


def vocabulary(tokens: Sequence[Token]) -> frozenset[str]:
    return frozenset(t.key.casefold() for t in tokens if t.is_word)


def _cosmetic(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int,
              old_vocabulary: frozenset[str], new_vocabulary: frozenset[str]) -> bool:
    removed, added = a[i1:i2], b[j1:j2]
    if all(not t[:1].isalnum() for t in removed + added):
        return True
    if not added:
        return _repeated(a, i1, i2)
    if not removed:
        return _repeated(b, j1, j2)
    words_old = [t for t in removed if t[:1].isalnum()]
    words_new = [t for t in added if t[:1].isalnum()]
    if len(words_old) != len(words_new):
        return False
    return all(x.casefold() == y.casefold() or _typo(x, y, old_vocabulary, new_vocabulary)
               for x, y in zip(words_old, words_new))


def _repeated(seq: list[str], start: int, end: int) -> bool:
    """Every word in ``seq[start:end]`` repeats the word next to it ("OR OR")."""
    for k in range(start, end):
        word = seq[k].casefold()
        if not seq[k][:1].isalnum():
            continue
        before = seq[k - 1].casefold() if k > 0 else None
        after = seq[k + 1].casefold() if k + 1 < len(seq) else None
        if word not in (before, after):
            return False
    return True


def _typo(old: str, new: str, old_vocabulary: frozenset[str], new_vocabulary: frozenset[str]) -> bool:
    if not (old.isalpha() and new.isalpha()):
        return False
    x, y = old.casefold(), new.casefold()
    limit = min(2, max(1, min(len(x), len(y)) // 4))
    if distance(x, y, limit) > limit:
        return False
    return x not in new_vocabulary or y not in old_vocabulary


def distance(x: str, y: str, limit: int) -> int:
    """Edit distance of ``x`` and ``y`` counting a swap of neighbours as one edit ("rigths"),
    or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(x) - len(y)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy))
            if i > 1 and j > 1 and cx == y[j - 2] and x[i - 2] == cy:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]
