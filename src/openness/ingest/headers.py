"""Running headers, footers and page numbers: found by repetition, removed from page text.

A line is running matter when it sits among the first or last few lines of a page and the same
line, with its digits ignored ("Page 3 of 20" ~ "Page 4 of 20", "- 3 -" ~ "- 4 -"), sits at the
same edge of enough other pages, its numbers either unchanged or counting pages. Repetition is the only evidence used: it needs no layout
information, so both PDF backends share it, and a clause that merely *looks* like a header
(a bare number, a short title) is never removed from the middle of a page.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

#: How many non-blank lines at each edge of a page may be running matter.
EDGE_LINES = 3
#: A line is running matter when it repeats at the same edge of this share of pages (and of
#: at least two); below one half so headers alternating between odd and even pages count.
MIN_SHARE = 0.4

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


def _key(line: str) -> str:
    return _DIGITS.sub("#", _SPACES.sub(" ", line.strip()).lower())


def _numbers(line: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _DIGITS.findall(line))


def _is_running(seen: list[tuple[int, tuple[int, ...]]], needed: int) -> bool:
    """Whether a line seen as ``(page index, its numbers)`` on these pages is running matter.

    It must repeat on enough pages, and either be identical everywhere or carry a number that
    moves in step with the page (a page number, perhaps offset by unnumbered front pages): that
    keeps "Section 3" / "Section 5" at the tops of two pages from counting as a header.
    """
    if len(seen) < needed:
        return False
    numbers = [n for _, n in seen]
    if all(n == numbers[0] for n in numbers):
        return True
    return any(
        len({n[j] - page for page, n in seen}) == 1 for j in range(len(numbers[0]))
    )


@dataclass(frozen=True, kw_only=True)
class Stripped:
    """Page texts without their running matter, and what was removed (for the metadata)."""

    pages: tuple[str, ...]
    removed: tuple[str, ...]


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indices of the first and last :data:`EDGE_LINES` non-blank lines."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return filled[:EDGE_LINES], filled[::-1][:EDGE_LINES]


def strip_running(pages: list[str]) -> Stripped:
    """Remove running matter from each page (pages are ``\\n``-separated lines)."""
    if len(pages) < 2:
        return Stripped(pages=tuple(pages), removed=())
    split = [page.split("\n") for page in pages]
    running_top, running_bottom = _running(split)
    if not running_top and not running_bottom:
        return Stripped(pages=tuple(pages), removed=())
    removed: dict[str, None] = {}
    result: list[str] = []
    for lines in split:
        head, tail = _edges(lines)
        drop: set[int] = set()
        for indices, running in ((head, running_top), (tail, running_bottom)):
            for i in indices:  # outermost first; stop at the first line of real text
                if _key(lines[i]) not in running:
                    break
                drop.add(i)
                removed.setdefault(lines[i].strip())
        result.append("\n".join(_kept(lines, drop)))
    if not any(page.strip() for page in result):
        # lines on every page and nothing else (a damaged PDF whose body text is lost): they
        # are all the document says, not its margins
        return Stripped(pages=tuple(pages), removed=())
    return Stripped(pages=tuple(result), removed=tuple(removed))


def _running(split: list[list[str]]) -> tuple[set[str], set[str]]:
    """The keys of the lines that are running matter at the top of pages, and at the bottom."""
    top: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    bottom: dict[str, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
    for page, lines in enumerate(split):
        for indices, seen in zip(_edges(lines), (top, bottom)):
            for key, line in {_key(lines[i]): lines[i] for i in indices}.items():
                seen[key].append((page, _numbers(line)))
    needed = max(2, math.ceil(MIN_SHARE * len(split)))
    return ({key for key, seen in top.items() if _is_running(seen, needed)},
            {key for key, seen in bottom.items() if _is_running(seen, needed)})


def _kept(lines: list[str], drop: set[int]) -> list[str]:
    """A page's lines without those dropped, and without the blank lines left at its edges."""
    if not drop:
        return lines
    first = min((i for i in range(len(lines)) if i not in drop and lines[i].strip()), default=0)
    last = max((i for i in range(len(lines)) if i not in drop and lines[i].strip()), default=-1)
    return [line for i, line in enumerate(lines[first : last + 1], first) if i not in drop]
