"""Where units may begin: the line structure of a document, read before spaCy sees the text.

Licence texts carry half their structure in line breaks: list items, headings and paragraphs.
The normalised text the extractor reads may have lost those breaks (whitespace is collapsed), so
they are found here on the original lines and handed to the ``openness_units`` component as
"breaks" in the analysed text's coordinates. Hard-wrapped paragraphs (a sentence running over
several lines) are recognised and kept whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

#: A list marker or heading mark at the start of a line: bullets, ``(a)``, ``iv.``, ``1.b.v``,
#: ``2.1``, ``¶ 1.3``, ``§ 2``, Markdown headings and table rows. Bold Markdown around the marker is
#: skipped first.
_MARKER = re.compile(
    r"""(?:
        [-*+\u2022\u25cf\u25aa\u2013]\s+                        # bullets
      | \#{1,6}\s+                                             # Markdown headings
      | \(?(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\)\s+          # (a) a) (iv) 1)
      | (?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,6})\.\s+             # a. 1. iv.
      | \d{1,3}(?:\.\w{1,4})+\.?\s+                             # 1.1  1.b.v  2.1.
      | (?:[\u00b6\u00a7]{1,2}|(?:Para|Art|Sec|Cl)\.)\s*\d{1,3}(?:\.\w{1,4})*\.?\s+  # ¶ 1.3  § 2  Art. 4
      | \|\s+                                                  # a Markdown table's row
    )""",
    re.VERBOSE,
)
#: Lines that hold only HTML line breaks or paragraph tags read as blank lines.
_HTML_ONLY = re.compile(r"^(?:\s*</?(?:br|p|div|hr)\s*/?>\s*)+$", re.IGNORECASE)
_BOLD = re.compile(r"(?:\*\*|__)\s*")
_TERMINAL = (".", ":", ";", "!", "?", "**", '"', "\u201d")
#: A line of particulars: a label, dot leaders, its value ("Territory ...... the whole world").
#: Its own unit here, and a definition of its label (the label is group 1) in the glossary.
PARTICULARS = re.compile(r"[\W_]{0,4}([A-Z][\w'()/-]*(?:\s[\w'()/-]+){0,4})(?=\s*\.{3,}\s)")
#: Marks a line may open with before its first word.
_OPENERS = "\"'\u201c\u2018(["
#: Lines shorter than this that end without punctuation are headings or a paragraph's last line.
_SHORT_LINE = 60
#: How a line that runs on into the next ends: a comma, or a word no heading or sentence ends
#: with ("... recipients of the Work or" / "Derivative Works a copy of this License").
_RUNS_ON = re.compile(
    r"(?:,|\b(?:or|and|nor|of|the|a|an|to|in|for|with|by|under|any|that|which|as|on|from|this|"
    r"these|its|your|our|their|is|are|be|may|must|shall|will)\*{0,2})$", re.IGNORECASE)


#: A Markdown heading line: one to six "#" and a space.
_ATX_HEADING = re.compile(r"#{1,6}[ \t]")


@dataclass(frozen=True, kw_only=True)
class Break:
    """A place in the analysed text where a new unit must start."""

    #: Offset of the first character of the line (list marker included).
    offset: int
    #: Offset where the unit's words start (after the list marker).
    content: int
    #: The line starts a list item.
    item: bool
    #: The line is a Markdown heading ("## Who can use the models"): a title, not a clause.
    heading: bool = False


def line_breaks(lines: Iterable[tuple[str, int]], locate: Callable[[int], int]) -> list[Break]:
    """Breaks for ``lines``: pairs of (line text, offset of the line in the source text).

    ``locate`` maps an offset in the source text to the offset of the same character in the
    analysed text (identity when the two are the same).
    """
    breaks: list[Break] = []
    previous = ""
    #: The previous line began a bulleted item: a line after it that starts flush left with a
    #: capital is a new paragraph, not the item's wrapped tail ("- Redistribution ... free of
    #: charge" / "When redistributing ..."), which Markdown would indent. (Numbered clauses of
    #: a hard-wrapped text do run on flush left: "1.1.1 ... copies of the NVIDIA" / "AI Models".)
    after_item = False
    first = True
    for line, at in lines:
        stripped = line.strip()
        if not stripped or (stripped[0] == "<" and _HTML_ONLY.match(stripped)):
            previous = ""
            after_item = False
            continue
        lead = len(line) - len(line.lstrip())
        body = line[lead:]
        bold = _BOLD.match(body) if body[0] in "*_" else None
        skip = bold.end() if bold else 0
        marker = _MARKER.match(body, skip)
        item = marker is not None
        prev = previous.rstrip()
        # the line's first letter, past opening quotes ('"Community Ceiling" means ...' under
        # a heading "DEFINITIONS" starts a unit of its own)
        capital = stripped.lstrip(_OPENERS)[:1].isupper()
        starts_block = (
            first
            or item
            or not prev
            or prev.endswith(_TERMINAL)
            or (len(prev) < _SHORT_LINE and capital and not _RUNS_ON.search(prev))
            or (after_item and lead == 0 and capital and not _RUNS_ON.search(prev))
            or skip > 0
            or PARTICULARS.match(body) is not None
        )
        if starts_block:
            start = locate(at + lead)
            content = locate(at + lead + (marker.end() if marker else skip))
            breaks.append(Break(offset=start, content=max(content, start), item=item,
                                heading=_ATX_HEADING.match(body) is not None))
        previous = stripped
        after_item = item and body[skip:skip + 1] in ("-", "*", "+", "\u2022")
        first = False
    return breaks


_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?^[ \t]{0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)


def code_blocks(text: str) -> list[tuple[int, int]]:
    """Offsets of the fenced code blocks of a Markdown text: commands and code, which state no
    licence terms ("model = AutoModel.from_pretrained(...)" under "you can load the model:")."""
    return [m.span() for m in _FENCE.finditer(text)]


def text_lines(text: str) -> list[tuple[str, int]]:
    """The lines of ``text`` with their start offsets."""
    out = []
    at = 0
    for line in text.split("\n"):
        out.append((line, at))
        at += len(line) + 1
    return out
