from __future__ import annotations

from openness.ingest.columns import reading_order


def line(left: float, right: float, row: int) -> tuple[float, float, float, float]:
    top = 800 - row * 12
    return (left, top - 10, right, top)


def test_single_column_has_no_order() -> None:
    boxes = [line(50, 540 if row % 4 else 300, row) for row in range(30)]
    assert reading_order(boxes) is None


def test_two_columns_left_then_right_between_full_width_lines() -> None:
    title = line(50, 540, 0)
    left = [line(50, 280, row) for row in range(1, 6)]
    right = [line(310, 540, row) for row in range(1, 6)]
    footer = line(50, 540, 7)
    boxes = [title, *[b for pair in zip(left, right) for b in pair], footer]
    order = reading_order(boxes)
    assert order is not None
    assert [[boxes[i] for i in line] for line in order] == [[b] for b in (title, *left, *right, footer)]


def test_runs_on_one_line_of_a_column_merge() -> None:
    left = [line(50, 150, row) for row in range(4)] + [line(150, 280, 0)]
    right = [line(310, 540, row) for row in range(4)]
    order = reading_order(left + right)
    assert order is not None and order[0] == [0, 4] and len(order) == 8
