"""Model cards and READMEs cut into statements: sentences, list items and table rows.

A disclosure is judged statement by statement, and each statement is the minimal quote its
finding shows. Model cards are Markdown with HTML mixed in, so the cutter knows the little of
Markdown that matters here: headings (which give a statement its context: a sentence under
"Training Data" is about the data even when it does not say so), run-in bold labels
(``**Training data**``), ``Key: value`` lines (each its own statement, labelled by its key, even
when a block of them has no list markers), blockquote markers, list items with their continuation
lines, Markdown table rows, HTML tables (one statement per data cell, labelled by its column
header and row label: :mod:`openness.disclose.tables`), other HTML lines, and fenced code and
HTML comments, which are skipped (commands and configuration are not statements about the
release). Offsets are kept in :attr:`Document.text`; matching reads a plain copy with
links reduced to their text and markup removed, the link targets kept apart as ``urls``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from openness.disclose import tables
from openness.ingest.normalize import normalize_quote
from openness.model import Document

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")
_TABLE_SEPARATOR = re.compile(r"^[\s|:\-]+$")
_RUN_IN_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?\*\*([^*\n]{1,60}?)\*\*\s*:?")
#: "Checkpoint: https://...", "- Training data: about 14,600 hours": a short key, a colon, a value.
_KEY_VALUE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*)?([A-Za-z][\w .()/&'-]{0,50}?)(?:\*\*)?\s*:(?:\*\*)?\s+\S")
_BLOCKQUOTE = re.compile(r"^\s{0,3}>\s?")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HTML_LINK = re.compile(r"<a\s[^>]*?href=\"([^\"]*)\"[^>]*>(.*?)</a>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`|^#+\s*|\\(?=[^\w\s])")
#: Where a sentence may end: after . ! ? (and closing quotes or brackets), before a capital,
#: digit, link or markup that starts the next one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*]*\s+(?=[A-Z0-9\[*\"'(<_`])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|et al|etc|vs|cf|fig|no|approx|incl|inc|ltd|co|corp|mr|ms|dr|st|u\.s|v|vol|sec)\.|\b[A-Z]\.)$",
    re.I,
)
#: A table-of-contents entry: nothing but a link to an anchor of the same page.
_NAVIGATION = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?\[[^\]]*\]\(#[^)]*\)\s*$")
MAX_LABEL_WORDS = 6


@dataclass(frozen=True, kw_only=True)
class Statement:
    """One sentence, list item or table row of a document."""

    #: Offsets of the statement in :attr:`Document.text`.
    start: int
    end: int
    #: The statement as it reads in the normalised text: the quote evidence shows.
    quote: str
    #: Normalised text with links reduced to their text and markup removed: what cues read.
    plain: str
    #: Link targets and bare URLs in the statement, in order.
    urls: tuple[str, ...]
    #: Titles of the enclosing headings, outermost first, then the run-in label if any.
    context: tuple[str, ...]
    #: Index of the block (paragraph, item, row) the statement belongs to.
    block: int
    #: ``sentence``, ``item`` (a list item's first sentence) or ``row`` (a table row or cell).
    form: str
    #: What the statement is the value of: its key, run-in label, row label or column header.
    label: str | None = None


@dataclass(kw_only=True)
class _Block:
    start: int
    end: int
    #: ``sentence``, ``item``, ``row``, or ``table`` (an HTML table, read cell by cell).
    form: str
    context: tuple[str, ...]
    label: str | None = None


def statements(doc: Document) -> list[Statement]:
    """The statements of ``doc`` in reading order (code blocks and comments left out)."""
    return list(iter_statements(doc))


def iter_statements(doc: Document) -> Iterator[Statement]:
    """The statements of ``doc`` one by one: a reader of the first few need not read the rest."""
    for index, block in enumerate(_blocks(doc.text)):
        if block.form == "table":
            yield from _cell_statements(doc.text, block, index)
            continue
        if block.form == "row":
            pieces = [(block.start, block.end)]
        else:
            pieces = _sentences(doc.text, block.start, block.end)
        for number, (start, end) in enumerate(pieces):
            statement = _statement(doc.text, start, end, block, index, number)
            if statement is not None:
                yield statement


def _cell_statements(text: str, block: _Block, index: int) -> Iterator[Statement]:
    """One statement per data cell of an HTML table: the quote is the cell's content, what the
    cues read is the cell's labels then its text ("Training Data: A new mix of ...")."""
    for cell in tables.cells(text, block.start, block.end):
        plain, urls = plain_text(text[cell.start:cell.end])
        if not re.search(r"\w", plain):
            continue
        label = cell.labels[-1] if cell.labels else None
        yield Statement(
            start=cell.start,
            end=cell.end,
            quote=normalize_quote(text[cell.start:cell.end]).strip(),
            plain=": ".join(cell.labels + (plain,)),
            urls=urls,
            context=block.context + ((label,) if label else ()),
            block=index,
            form="row",
            label=label,
        )


def _statement(
    text: str, start: int, end: int, block: _Block, index: int, number: int
) -> Statement | None:
    raw = text[start:end]
    plain, urls = plain_text(raw)
    if not re.search(r"\w", plain) or _NAVIGATION.match(raw):
        return None
    form = block.form if block.form == "row" or number == 0 else "sentence"
    return Statement(
        start=start,
        end=end,
        quote=normalize_quote(raw).strip(),
        plain=plain,
        urls=urls,
        context=block.context,
        block=index,
        form=form,
        label=block.label if number == 0 else None,
    )


def plain_text(raw: str) -> tuple[str, tuple[str, ...]]:
    """``raw`` without markup, links reduced to their text; and the URLs it held."""
    urls: list[str] = []

    def markdown_link(match: re.Match[str]) -> str:
        urls.append(match.group(2))
        return match.group(1)

    def html_link(match: re.Match[str]) -> str:
        urls.append(match.group(1))
        return match.group(2)

    text = _HTML_LINK.sub(html_link, raw)
    text = _MD_LINK.sub(markdown_link, text)
    urls.extend(_URL.findall(text))
    text = _URL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    text = _MARKUP.sub("", text)
    text = text.replace("|", " | ")
    plain = re.sub(r"\s+", " ", normalize_quote(text)).strip(" |")
    unique = tuple(dict.fromkeys(u.rstrip(".,;:") for u in urls if u.startswith("http")))
    return plain, unique


def _lines(text: str):
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline + 1
        yield start, end, text[start:end].rstrip("\r\n")
        start = end


def _blocks(text: str) -> list[_Block]:
    """Paragraphs, list items, table rows, HTML tables and other HTML lines, each with its
    heading context."""
    reader = _BlockReader()
    html_tables = [(m.start(), m.end()) for m in tables.TABLE.finditer(text)] if "<table" in text.lower() else []
    for start, end, line in _lines(text):
        table = next(((a, b) for a, b in html_tables if a < end and start < b), None)
        if table is None or reader.fence is not None or reader.in_comment:
            reader.read(start, line)  # a table in a code block or a comment is no table
        elif table[0] >= start:
            reader.table(*table)
    reader.close()
    return reader.blocks


class _BlockReader:
    """Reads Markdown line by line into blocks, following headings, run-in labels, code fences
    and HTML comments (whose lines are no statement)."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.headings: list[tuple[int, str]] = []
        self.label: str | None = None
        self.fence: str | None = None
        self.in_comment = False
        self.current: _Block | None = None
        #: The current block is a ``Key: value`` line: a next one starts a block of its own.
        self.keyed = False

    def close(self) -> None:
        if self.current is not None:
            self.blocks.append(self.current)
            self.current = None
        self.keyed = False

    def table(self, start: int, end: int) -> None:
        """An HTML table: one block, read cell by cell."""
        self.close()
        self.blocks.append(_Block(start=start, end=end, form="table", context=self.context()))

    def context(self) -> tuple[str, ...]:
        titles = tuple(title for _, title in self.headings)
        return titles + ((self.label,) if self.label else ())

    def read(self, start: int, line: str) -> None:
        quoted = _BLOCKQUOTE.match(line)
        if quoted:
            start, line = start + quoted.end(), line[quoted.end():]
        stripped = line.strip()
        if self.skipped(line, stripped):
            return
        if not stripped:
            self.close()
            self.label = None
            return
        line_end = start + len(line)
        heading = _HEADING.match(line)
        if heading:
            self.heading(len(heading.group(1)), heading.group(2))
            return
        run_in = _RUN_IN_LABEL.match(line)
        if run_in and len(run_in.group(1).split()) <= MAX_LABEL_WORDS and not _ITEM.match(line):
            self.close()
            self.label = plain_text(run_in.group(1))[0].rstrip(":")
        if stripped.count("|") >= 2 or stripped.startswith("|"):
            self.close()
            if not _TABLE_SEPARATOR.match(stripped):
                self.blocks.append(_Block(start=start, end=line_end, form="row", context=self.context(),
                                          label=_row_label(stripped)))
        elif _ITEM.match(line) or stripped.startswith("<"):
            self.close()
            key = self.key(line)
            self.current = _Block(start=start, end=line_end, form="item", label=key,
                                  context=self.context() + ((key,) if key and not self.label else ()))
            if stripped.startswith("<"):
                self.close()
            else:
                self.keyed = self.current.label is not None
        elif (self.current is None or self.keyed) and (key := self.key(line)):
            self.close()
            self.current = _Block(start=start, end=line_end, form="sentence", label=key,
                                  context=self.context() + (() if self.label else (key,)))
            self.keyed = True
        elif self.current is None:
            self.current = _Block(start=start, end=line_end, form="sentence", context=self.context())
        else:
            self.current.end = line_end

    @staticmethod
    def key(line: str) -> str | None:
        """The key of a ``Key: value`` line (a bold run-in label counts), if it is one."""
        run_in = _RUN_IN_LABEL.match(line)
        match = run_in or _KEY_VALUE.match(line)
        if match is None or len(match.group(1).split()) > MAX_LABEL_WORDS:
            return None
        return plain_text(match.group(1))[0].rstrip(":") or None

    def skipped(self, line: str, stripped: str) -> bool:
        """Whether the line is inside a code fence or an HTML comment, or opens or closes one."""
        if self.fence is not None:
            if stripped.startswith(self.fence):
                self.fence = None
            return True
        if self.in_comment:
            if _COMMENT_CLOSE in line:
                self.in_comment = False
            return True
        opening = _FENCE.match(line)
        if opening:
            self.close()
            self.fence = opening.group(1)[0] * 3
            return True
        if stripped.startswith(_COMMENT_OPEN):
            self.close()
            self.in_comment = _COMMENT_CLOSE not in stripped
            return True
        return False

    def heading(self, level: int, title: str) -> None:
        """A heading closes the block and replaces the headings at its level and below."""
        self.close()
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        self.headings.append((level, plain_text(title)[0]))
        self.label = None


def _row_label(row: str) -> str | None:
    """The first cell of a Markdown table row, which names what the row is about."""
    first = row.strip().strip("|").split("|", 1)[0]
    return plain_text(first)[0] or None


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding whitespace."""
    pieces: list[tuple[int, int]] = []
    segment = text[start:end]
    cursor = 0
    for match in _SENTENCE_END.finditer(segment):
        before = segment[cursor : match.start()]
        if _ABBREVIATION.search(before):
            continue
        closing = len(match.group().rstrip())
        pieces.append((cursor, match.start() + closing))
        cursor = match.end()
    pieces.append((cursor, len(segment)))
    spans = []
    for a, b in pieces:
        chunk = segment[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            spans.append((start + a + lead, start + a + trail))
    return spans
