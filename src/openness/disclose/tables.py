"""HTML tables in model cards, read as rows of labelled cells.

Cards put their key facts in HTML tables ("<tr><th>Weights</th><td>...</td></tr>", or a header
row of bold cells over one row per model). Read line by line, such a table is a string of markup
fragments, with the cell that says "Training Data" lines away from the cell that says what the
data is. Here each data cell becomes one :class:`Cell`: the span of its content in the text
(between ``<td>`` and ``</td>``, so evidence quotes what the cell says, not its markup) and the
labels that tell what it is the value of: the header of its column and the label cell of its row.
The standard library's :class:`html.parser.HTMLParser` does the parsing; ``rowspan`` and
``colspan`` are followed so a header stays over its column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

#: A table from its opening to its closing tag (tables in cards are not nested).
TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_BOLD = re.compile(r"^\s*<(strong|b)\b[^>]*>.*</\1\s*>\s*$", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, kw_only=True)
class Cell:
    """A data cell: where its content is, and what it is the value of."""

    start: int
    end: int
    #: The column's header, then the row's label cell ("Weights"), when the table has them.
    labels: tuple[str, ...]


@dataclass(kw_only=True)
class _RawCell:
    start: int
    end: int
    header: bool
    column: int = 0
    colspan: int = 1
    rowspan: int = 1


class _Reader(HTMLParser):
    """Collects the cells of one table, row by row, with offsets into the document text."""

    def __init__(self, base: int, line_starts: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.line_starts = line_starts
        self.rows: list[list[_RawCell]] = []
        self.open_cell: _RawCell | None = None

    def position(self) -> int:
        line, column = self.getpos()
        return self.base + self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th") and self.rows:
            self.close_cell(self.position())
            start = self.position() + len(self.get_starttag_text() or "")
            spans = dict(attrs)
            self.open_cell = _RawCell(start=start, end=start, header=tag == "th",
                                      colspan=_span(spans.get("colspan")),
                                      rowspan=_span(spans.get("rowspan")))
            self.rows[-1].append(self.open_cell)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "tr"):
            self.close_cell(self.position())

    def close_cell(self, at: int) -> None:
        if self.open_cell is not None:
            self.open_cell.end = at
            self.open_cell = None


def _span(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and int(value) > 0 else 1


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The data cells of the HTML table at ``text[start:end]``, in reading order."""
    chunk = text[start:end]
    line_starts = [0] + [m.end() for m in re.finditer("\n", chunk)]
    reader = _Reader(start, line_starts)
    reader.feed(chunk)
    reader.close()
    reader.close_cell(end)
    rows = [row for row in reader.rows if row]
    _place_columns(rows)
    headers: dict[int, str] = {}
    found: list[Cell] = []
    for number, row in enumerate(rows):
        if _is_header_row(text, row, number):
            headers = {c.column: _text(text, c) for c in row if c.colspan == 1}
            continue
        label_cell = row[0] if (row[0].header or _is_label_column(rows)) and len(row) > 1 else None
        row_label = _text(text, label_cell) if label_cell is not None else ""
        for cell in row:
            if cell is label_cell or not _text(text, cell):
                continue
            labels = tuple(label for label in (headers.get(cell.column, ""), row_label) if label)
            first, last = _trimmed(text, cell)
            found.append(Cell(start=first, end=last, labels=labels))
    return found


def _place_columns(rows: list[list[_RawCell]]) -> None:
    """Sets each cell's column, skipping the columns that cells above hold with ``rowspan``."""
    held: dict[int, int] = {}
    for row in rows:
        column = 0
        for cell in row:
            while held.get(column, 0) > 0:
                column += 1
            cell.column = column
            for taken in range(column, column + cell.colspan):
                held[taken] = cell.rowspan
            column += cell.colspan
        held = {c: n - 1 for c, n in held.items() if n > 1}


def _is_header_row(text: str, row: list[_RawCell], number: int) -> bool:
    """A row of ``<th>`` cells, or a first row whose cells are all bold (or empty)."""
    if all(c.header for c in row):
        return True
    raw = [text[c.start:c.end] for c in row]
    return number == 0 and any(r.strip() for r in raw) and all(not r.strip() or _BOLD.match(r) for r in raw)


def _is_label_column(rows: list[list[_RawCell]]) -> bool:
    """A table of two columns is a list of label/value pairs."""
    widths = {sum(c.colspan for c in row) for row in rows if not all(c.header for c in row)}
    return widths == {2}


def _text(text: str, cell: _RawCell) -> str:
    return " ".join(unescape(_TAG.sub(" ", text[cell.start:cell.end])).split())


def _trimmed(text: str, cell: _RawCell) -> tuple[int, int]:
    raw = text[cell.start:cell.end]
    lead = len(raw) - len(raw.lstrip())
    return cell.start + lead, cell.start + len(raw.rstrip())
