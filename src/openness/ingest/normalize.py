"""The analysis view: the text the extractor reads, with a map back to :attr:`Document.text`.

Evidence must point at the file as the user sees it, but matching works best on a canonical
text. So ``Document.text`` is never rewritten; instead :func:`analysis_view` builds a second
string plus a map from view offsets to original ones (run-length encoded, see
:class:`_Segments`) and every match is mapped back.

What the view changes, and why:

* Every run of whitespace (newlines, tabs, NBSP and the other Unicode spaces, and the entity
  forms ``&nbsp;``/``&#160;``) becomes one space, so hard-wrapped files read like flowing ones.
  Zero-width characters are dropped (a run of only those is removed, not turned into a space).
* A hyphen at the end of a word followed by whitespace and a lowercase letter is joined to the
  next word *keeping the hyphen*: ``non-\\ntransferable`` -> ``non-transferable``. Licences
  hyphenate compounds (non-exclusive, royalty-free, sub-licensable) far more often than they
  split syllables, and a compound with its hyphen dropped (``nonexclusive``) is as wrong as a
  split word with one kept (``trans-ferable``); keeping it is the choice that never invents a
  word. Suspended hyphens stay apart (``pre- and post-training``). The rule does not ask
  whether the whitespace held a newline, so a quote whose line breaks were already collapsed
  (``non- transferable``) normalises to the same string.
* Soft hyphens (U+00AD, and U+FFFE which pdfium emits for a line-end hyphen it removed) are
  dropped, and a line break right after one is dropped too, joining the word.
* Typographic quotes and apostrophes become ``'`` and ``"``; hyphens, en dashes and the minus
  sign become ``-``, em dashes ``--``; the ellipsis ``...``; ``fi``/``fl`` ligatures their
  letters.
* Markdown backslash escapes (``7\\.`` -> ``7.``) and HTML character references (``&amp;``,
  ``&#8217;``) are decoded, in every format: they are how Markdown and HTML-converted licences
  spell ordinary characters, and a plain-text licence practically never contains them literally.

:func:`normalize_quote` applies exactly the same function to a free-standing string, so a quote
taken from anywhere (ground truth, a rule, a previous run) can be looked up in the view; the
transformation is idempotent, so normalising view text again changes nothing.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array
from dataclasses import dataclass, field

from openness.model import Document, Span

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
#: Characters with no width: inside a whitespace run they vanish with it.
_INVISIBLE = _ZERO_WIDTH + "\u00ad\ufffe"
#: Entity spellings of whitespace; part of a whitespace run so ``a&nbsp; b`` gives one space.
_SPACE_ENTITY = r"&(?:nbsp|ensp|emsp|thinsp|#160|#[xX]0*[aA]0|#0*32|#[xX]0*20|#0*9|#0*10|#0*13);"
_SPACE_UNIT = rf"(?:[\s{_INVISIBLE}]|{_SPACE_ENTITY})"
#: Characters that join a word across a line break when followed by a lowercase letter.
_JOINING_HYPHENS = "\\-\u2010\u2011\u2012\u2013\u2212"
_LOWERCASE = "a-z\u00df-\u00f6\u00f8-\u00ff"
#: Words that follow a suspended hyphen ("pre- and post-"), which must not be joined.
_SUSPENDED = r"(?:and|or|nor|to|as|versus|vs)\b"

_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u2039\u203a", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2212\u2043\ufe63\uff0d", "-"),
    **dict.fromkeys("\u2014\u2015", "--"),
    "\u2026": "...",
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00ad": "",
    "\ufffe": "",
    **dict.fromkeys(_ZERO_WIDTH, ""),
}

_MAPPED = "".join(c for c, replacement in _CHAR_MAP.items() if replacement)

_TOKEN = re.compile(
    "|".join(
        (
            rf"(?P<join>[{_JOINING_HYPHENS}](?<=[^\W\d_][{_JOINING_HYPHENS}]){_SPACE_UNIT}+"
            rf"(?=[{_LOWERCASE}])(?!{_SUSPENDED}))",
            r"(?P<soft>[\u00ad\ufffe](?:[^\S\n]*\n\s*(?=[^\W_]))?)",
            rf"(?P<space>(?:[^\S ]|[{_INVISIBLE}]|{_SPACE_ENTITY}){_SPACE_UNIT}*| {_SPACE_UNIT}+)",
            r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
            r"(?P<escape>\\[!-/:-@\[-`{-~])",
            f"(?P<char>[{_MAPPED}])",
        )
    )
)
#: Every position where a :data:`_TOKEN` can start, and few others. Searching for these first
#: and trying :data:`_TOKEN` only there is about three times faster than ``_TOKEN.finditer``,
#: whose alternatives would otherwise be tried at every character.
_CANDIDATE = re.compile(
    rf"[^\S ]|[{_INVISIBLE}{_MAPPED}]| (?=[\s&{_INVISIBLE}])|[{_JOINING_HYPHENS}](?=[\s&{_INVISIBLE}])"
    r"|&[#A-Za-z]|\\[!-/:-@\[-`{-~]"
)


def _replacement(match: re.Match[str]) -> str | None:
    """What the view reads for a token; ``None`` for text that only looked like one."""
    kind = match.lastgroup
    token = match.group()
    if kind == "join":
        return "-"
    if kind == "space":
        return " " if token.strip(_INVISIBLE) else ""
    if kind == "entity":
        decoded = html.unescape(token)
        if decoded == token:  # no such entity ("&AA;"): its letters are the document's own
            return None
        return "".join(_CHAR_MAP.get(c, c) for c in decoded)
    if kind == "escape":
        return token[1]
    if kind == "char":
        return _CHAR_MAP[token]
    return ""  # soft hyphen


@dataclass(frozen=True, kw_only=True)
class _Segments:
    """The offsets map, run-length encoded: view text is a sequence of segments, each either a
    verbatim copy of the original (``step`` 1: character ``k`` of it came from ``origin + k``)
    or a replacement (``step`` 0: all its characters came from the token at ``origin``).

    One entry per segment rather than per character: building a per-character array costs more
    than the normalisation itself, and a lookup by bisection is still only microseconds.
    """

    starts: array
    origins: array
    steps: array

    def original(self, index: int) -> int:
        segment = bisect.bisect_right(self.starts, index) - 1
        return self.origins[segment] + self.steps[segment] * (index - self.starts[segment])


def _normalize(text: str) -> tuple[str, _Segments]:
    pieces: list[str] = []
    starts, origins, steps = array("l"), array("l"), array("b")
    length = 0  # of the view so far
    pos = 0  # in ``text``: everything before it is in the view
    search, match_at = _CANDIDATE.search, _TOKEN.match
    candidate = search(text)
    while candidate is not None:
        match = match_at(text, candidate.start())
        if match is None:
            candidate = search(text, candidate.start() + 1)
            continue
        start = match.start()
        replacement = _replacement(match)
        if replacement is None:  # not a token after all: stays part of the verbatim text
            candidate = search(text, start + 1)
            continue
        if start > pos:
            pieces.append(text[pos:start])
            starts.append(length), origins.append(pos), steps.append(1)
            length += start - pos
        if replacement:
            pieces.append(replacement)
            starts.append(length), origins.append(start), steps.append(0)
            length += len(replacement)
        pos = match.end()
        candidate = search(text, pos)
    if pos < len(text):
        pieces.append(text[pos:])
        starts.append(length), origins.append(pos), steps.append(1)
        length += len(text) - pos
    starts.append(length), origins.append(len(text)), steps.append(0)
    return "".join(pieces), _Segments(starts=starts, origins=origins, steps=steps)


@dataclass(frozen=True, eq=False)
class TextView:
    """Normalised text of a document that knows where each of its characters came from."""

    #: The normalised text the analysis reads.
    text: str
    doc: Document
    _segments: _Segments = field(repr=False)

    def original(self, index: int) -> int:
        """Offset in ``doc.text`` of the view character at ``index`` (``len(text)`` allowed)."""
        if not 0 <= index <= len(self.text):
            raise IndexError(f"view index {index} outside 0..{len(self.text)}")
        return self._segments.original(index)

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` in ``doc.text`` of ``text[start:end]``.

        The end maps to where the next view character came from, so a span covers the
        original line breaks, doubled spaces or markup its view text was collapsed from.
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"view span {start}..{end} outside 0..{len(self.text)}")
        original_start = self._segments.original(start)
        original_end = self._segments.original(end) if end > start else original_start
        return self.doc.span(original_start, original_end)


def analysis_view(doc: Document) -> TextView:
    """The normalised view of ``doc.text`` (see the module docstring for what changes)."""
    text, segments = _normalize(doc.text)
    return TextView(text, doc, segments)


def normalize_quote(s: str) -> str:
    """``s`` normalised exactly as :func:`analysis_view` normalises a document."""
    return _normalize(s)[0]
