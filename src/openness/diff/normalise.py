"""Product names and defined terms that a new version renames throughout.

A new release of a licence renames its model ("Kestrel 2" -> "Kestrel 3", "Meta Llama 3" ->
"Llama 3.1"); reporting every clause that names the model as changed would bury the real
changes. No list of products is kept: a rename is *detected* as a short name-like phrase
(capitalised words and numbers) that aligned clauses replace by the same other phrase in several
places, where the old phrase never occurs in the new text and the new one never in the old.
A phrase that survives anywhere in the other version ("Llama" in "Llama Materials") is not a
rename, so a real change such as dropping a name from an attribution notice still shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from openness.diff.model import Rename
from openness.diff.tokens import Token, Unit

#: Longest phrase (in tokens) taken as a name.
MAX_NAME = 4
#: A rename must be seen at least this often.
MIN_COUNT = 2


@dataclass(frozen=True, kw_only=True)
class RenameMap:
    """Renames to apply to the old version's tokens before comparing wording."""

    renames: tuple[Rename, ...] = ()

    def apply(self, tokens: Sequence[Token]) -> list[Token]:
        """``tokens`` with each old name replaced by the new one's keys (texts kept)."""
        table = sorted(((tuple(r.old.split(" ")), r.new) for r in self.renames),
                       key=lambda pair: -len(pair[0]))
        return _join_runs(tokens, table)

    def merge(self, tokens: Sequence[Token]) -> list[Token]:
        """The new version's tokens with each new name as one token, to match :meth:`apply`."""
        names = sorted({tuple(r.new.split(" ")) for r in self.renames}, key=lambda n: -len(n))
        return _join_runs(tokens, [(name, " ".join(name)) for name in names if len(name) > 1])


def _join_runs(tokens: Sequence[Token], table: Sequence[tuple[tuple[str, ...], str]]) -> list[Token]:
    """``tokens`` with each run whose keys match a table entry (longest first) made one token
    keyed by that entry's key, its text and span covering the run."""
    # Runs by their first key, longest first: most tokens start none and cost one lookup.
    starting: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for run, key in table:
        starting.setdefault(run[0], []).append((run, key))
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        for run, key in starting.get(tokens[index].key, ()):
            if tuple(t.key for t in tokens[index:index + len(run)]) == run:
                first, last = tokens[index], tokens[index + len(run) - 1]
                text = " ".join(t.text for t in tokens[index:index + len(run)])
                out.append(Token(key=key, text=text, start=first.start, end=last.end))
                index += len(run)
                break
        else:
            out.append(tokens[index])
            index += 1
    return out


def detect_renames(pairs: Sequence[tuple[Unit, Unit]], old_units: Sequence[Unit],
                   new_units: Sequence[Unit]) -> RenameMap:
    """The names that aligned clause ``pairs`` replace consistently (see the module docstring)."""
    counts: Counter[tuple[tuple[str, ...], tuple[str, ...]]] = Counter()
    for old, new in pairs:
        for candidate in _replacements(old.keys, new.keys):
            counts[candidate] += 1
    if not counts:
        return RenameMap()
    old_text = _joined(old_units)
    new_text = _joined(new_units)
    renames = []
    for (old, new), count in counts.most_common():
        if count < MIN_COUNT:
            break
        if _occurs(old, new_text) or _occurs(new, old_text):
            continue
        if any(_overlaps(old, tuple(r.old.split(" "))) for r in renames):
            continue
        renames.append(Rename(old=" ".join(old), new=" ".join(new), count=count))
    return RenameMap(renames=tuple(sorted(renames, key=lambda r: (-r.count, r.old))))


def _replacements(a: tuple[str, ...], b: tuple[str, ...]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Name-like replaced phrases between two token sequences."""
    regions: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        # Join edits a single name token apart: "Meta Llama 3" -> "Llama 3.1" is one edit.
        if regions and i1 - regions[-1][1] == 1 and j1 - regions[-1][3] == 1 \
                and _name_like(a[i1 - 1:i1]):
            regions[-1][1], regions[-1][3] = i2, j2
        else:
            regions.append([i1, i2, j1, j2])
    found = (_renamed(a, b, *region) for region in regions)
    return [pair for pair in found if pair is not None]


def _renamed(a: tuple[str, ...], b: tuple[str, ...], i1: int, i2: int, j1: int, j2: int
             ) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The phrase ``a[i1:i2]`` replaced by ``b[j1:j2]``, if both read as names."""
    old, new = a[i1:i2], b[j1:j2]
    if not old or not new:
        return None
    if all(t[:1].isdigit() for t in old + new) and i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1]:
        old, new = a[i1 - 1:i2], b[j1 - 1:j2]  # "2" -> "3" is a version only beside a name
    if len(old) > MAX_NAME or len(new) > MAX_NAME:
        return None
    if not (_name_like(old) and _name_like(new)) or not any(t[:1].isupper() for t in old + new):
        return None
    return old, new


def _name_like(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)


def _joined(units: Sequence[Unit]) -> str:
    return "\x00" + "\x00".join("\x00".join(u.keys) for u in units) + "\x00"


def _occurs(phrase: tuple[str, ...], joined: str) -> bool:
    return ("\x00" + "\x00".join(phrase) + "\x00") in joined


def _overlaps(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(set(a) & set(b)) and (_contains(a, b) or _contains(b, a))


def _contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))
