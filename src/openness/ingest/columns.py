"""Reading order for two-column pages, from the boxes of the text runs alone.

pdfium returns a page's text in content-stream order and merges runs that share a baseline into
one line, so a two-column page whose producer wrote it row by row reads across both columns.
:func:`reading_order` finds a vertical gutter that short runs on both sides respect and that
runs sit side by side across; if there is one, it returns line boxes left column first, then
right, band by band between full-width lines (titles, headers, footers). Pages without such a
gutter return ``None`` and keep pdfium's own order, so single-column text is never reordered.
"""

from __future__ import annotations

from collections.abc import Sequence

#: A box as pdfium gives it: (left, bottom, right, top), in points, y growing upwards.
Box = tuple[float, float, float, float]

#: Runs narrower than this share of the text width may belong to a column.
_COLUMN_SHARE = 0.55
#: The gutter's centre lies in this middle band of the text width.
_GUTTER_BAND = (0.3, 0.7)
#: Narrowest gap between columns, in points.
_MIN_GUTTER = 4.0
#: Fewest runs sitting side by side across the gutter for a page to count as two columns.
_MIN_SIDE_BY_SIDE = 3


def _gutter(boxes: Sequence[Box]) -> float | None:
    """The x of the widest gap between columns, or ``None`` for a single-column page."""
    left_edge = min(box[0] for box in boxes)
    width = max(box[2] for box in boxes) - left_edge
    if width <= 0:
        return None
    narrow = sorted(
        (box for box in boxes if box[2] - box[0] < _COLUMN_SHARE * width), key=lambda b: b[0]
    )
    x = _widest_gap(narrow, left_edge + _GUTTER_BAND[0] * width, left_edge + _GUTTER_BAND[1] * width)
    if x is None:
        return None
    lefts = [box for box in narrow if box[2] <= x]
    rights = [box for box in narrow if box[0] >= x]
    side_by_side = sum(1 for r in rights if any(_same_line(r, l) for l in lefts))
    return x if side_by_side >= _MIN_SIDE_BY_SIDE else None


def _widest_gap(narrow: list[Box], low: float, high: float) -> float | None:
    """The centre of the widest gap no box crosses, among the gaps centred between ``low`` and
    ``high``; ``narrow`` is sorted by left edge."""
    best: tuple[float, float] | None = None  # (gap width, centre)
    reach = None
    for box in narrow:
        if reach is not None and box[0] - reach >= _MIN_GUTTER:
            centre = (reach + box[0]) / 2
            if low <= centre <= high and (best is None or box[0] - reach > best[0]):
                best = (box[0] - reach, centre)
        reach = box[2] if reach is None else max(reach, box[2])
    return best[1] if best is not None else None


def _same_line(a: Box, b: Box) -> bool:
    """True when the vertical centre of each box lies within the other."""
    return b[1] <= (a[1] + a[3]) / 2 <= b[3] and a[1] <= (b[1] + b[3]) / 2 <= a[3]


def _lines(boxes: Sequence[Box], indices: list[int]) -> list[list[int]]:
    """Runs grouped into lines, top to bottom, each line's runs left to right."""
    lines: list[list[int]] = []
    extent: Box | None = None
    for i in sorted(indices, key=lambda i: (-boxes[i][3], boxes[i][0])):
        box = boxes[i]
        if extent is not None and _same_line(extent, box):
            lines[-1].append(i)
            extent = (min(extent[0], box[0]), min(extent[1], box[1]),
                      max(extent[2], box[2]), max(extent[3], box[3]))
        else:
            lines.append([i])
            extent = box
    return [sorted(line, key=lambda i: boxes[i][0]) for line in lines]


def reading_order(boxes: Sequence[Box]) -> list[list[int]] | None:
    """For a two-column page, the lines in reading order, each a list of indices into
    ``boxes``; ``None`` for any other page."""
    if len(boxes) < 2 * _MIN_SIDE_BY_SIDE:
        return None
    x = _gutter(boxes)
    if x is None:
        return None
    ordered: list[list[int]] = []
    left: list[int] = []
    right: list[int] = []
    for i in sorted(range(len(boxes)), key=lambda i: -boxes[i][3]):
        box = boxes[i]
        if box[2] <= x:
            left.append(i)
        elif box[0] >= x:
            right.append(i)
        else:  # spans the gutter: ends the band above it
            ordered += _lines(boxes, left) + _lines(boxes, right)
            left, right = [], []
            ordered.append([i])
    return ordered + _lines(boxes, left) + _lines(boxes, right)
