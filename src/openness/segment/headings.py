"""Recognisers for the lines that open a section: numbers, letters, romans, keywords, titles.

Each recogniser looks at one line on its own and says what kind of marker it *could* be; it does
not decide whether the line really opens a section. That needs the context (is ``i.`` a letter
after ``h.`` or the first roman item?, does ``3.`` continue the list above?) and is left to
:mod:`openness.segment.outline`, which sees the whole sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

#: Columns a tab counts for when comparing indentation.
TAB_WIDTH = 4
#: Words a Title Case heading may keep in lower case ("Grant of License").
SMALL_WORDS = frozenset(
    "a an and as at by for from in into its of on or our per the these this to under upon with"
    " your".split()
)
#: A title phrase is at most this many words; longer runs are sentences.
MAX_TITLE_WORDS = 8
ANNEX_WORDS = ("annex", "attachment", "exhibit", "schedule", "appendix")


class Style(Enum):
    """How an enumerator counts: its sequence, not its punctuation."""

    NUMBER = "1"
    LOWER = "a"
    UPPER = "A"
    LOWER_ROMAN = "i"
    UPPER_ROMAN = "I"


@dataclass(frozen=True, kw_only=True)
class Marker:
    """What a line could open; ``styles`` lists every reading of an ambiguous enumerator."""

    #: ``item`` (1., a., (iv), 1.1), ``section`` ("Section 4", "Article 7"), ``heading``
    #: (Markdown), ``title`` (ALL-CAPS or Title Case line, run-in title), ``annex``.
    kind: str
    #: The enumerator as printed without brackets or dots ("1.1", "iv", "A"), or "".
    label: str = ""
    #: Possible counting styles of ``label`` (empty for unnumbered headings).
    styles: tuple[Style, ...] = ()
    #: Heading text after the enumerator ("" for a plain list item).
    title: str = ""
    #: Indentation in columns (tabs count :data:`TAB_WIDTH`).
    indent: int = 0
    #: Markdown heading level (1-6), 0 for everything else.
    md_level: int = 0
    #: How the enumerator is punctuated: ``(a)``, ``a)`` or ``a.`` (a list keeps one form).
    form: str = ""


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_RE = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


def roman_value(text: str) -> int | None:
    """Value of a roman numeral up to 39 (``iv`` -> 4), ``None`` if ``text`` is not one."""
    low = text.lower()
    if not low or not _ROMAN_RE.match(low):
        return None
    total = 0
    for here, after in zip(low, low[1:] + " "):
        value = _ROMAN_VALUES[here]
        total += -value if _ROMAN_VALUES.get(after, 0) > value else value
    return total


def style_value(label: str, style: Style) -> int | None:
    """Position of ``label`` in the ``style`` sequence (1-based), or ``None``."""
    if style is Style.NUMBER:
        return int(label) if label.isdigit() else None
    if style in (Style.LOWER_ROMAN, Style.UPPER_ROMAN):
        cased = label.islower() if style is Style.LOWER_ROMAN else label.isupper()
        return roman_value(label) if cased else None
    if len(label) == 1 and label.isalpha():
        if style is Style.LOWER and label.islower():
            return ord(label) - ord("a") + 1
        if style is Style.UPPER and label.isupper():
            return ord(label) - ord("A") + 1
    return None


@lru_cache(maxsize=512)
def styles_of(label: str) -> tuple[Style, ...]:
    """Every style ``label`` can be read in: ``i`` is a letter and a roman numeral."""
    return tuple(s for s in Style if style_value(label, s) is not None)


def indent_of(line: str) -> int:
    """Indentation in columns; form feeds (PDF page breaks) take no room."""
    if line[:1] not in (" ", "\t", "\f"):
        return 0
    lead = line[: len(line) - len(line.lstrip(" \t\f"))]
    return lead.count(" ") + TAB_WIDTH * lead.count("\t")


_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’&/-]*|&")
_LOWER_WORD = re.compile(r"[a-z][\w-]*")
_CAPS_LINE = re.compile(r"[A-Z0-9][A-Z0-9 &'’,:()/-]*[A-Z0-9):.]?")
_CAPS_LETTERS = re.compile(r"[A-Z]")


def is_title_phrase(text: str, lowercase_words: int = 0) -> bool:
    """True for a short Title Case phrase ("Grant of License", "Use-based Restrictions").

    ``lowercase_words`` other words may be in lower case, for run-in titles that are clearly
    set off by their full stop ("Grant of Copyright license. Subject to…").
    """
    # Splitting at most MAX_TITLE_WORDS times is enough to tell a sentence from a title, and
    # spares splitting every word of a long paragraph line.
    words = text.split(None, MAX_TITLE_WORDS)
    if not 1 <= len(words) <= MAX_TITLE_WORDS:
        return False
    if not words[0][:1].isupper():
        return False
    for word in words:
        if word.lower() in SMALL_WORDS and word.islower():
            continue
        if not _TITLE_WORD.fullmatch(word):
            if lowercase_words and len(words) > 1 and _LOWER_WORD.fullmatch(word):
                lowercase_words -= 1
                continue
            return False
    return True


def is_caps_line(text: str) -> bool:
    """True for an ALL-CAPS heading line ("ACCEPTABLE USE POLICY", "END OF TERMS")."""
    # The length tests come first: most lines are long body text and fail them at once.
    if len(text) > 80 or text.endswith((",", ";")) or not _CAPS_LINE.fullmatch(text):
        return False
    # The pattern admits no letter but A-Z, so counting those counts every letter.
    return len(text.split()) <= 10 and len(_CAPS_LETTERS.findall(text)) >= 4


def heading_title(rest: str) -> str:
    """The heading text after an enumerator: a short line, or a run-in "Title. Body…"."""
    rest = rest.strip().strip("*_").strip()
    if not rest:
        return ""
    run_in = _RUN_IN_TITLE.match(rest)
    if run_in and is_title_phrase(run_in.group(1).strip("*_ ")):
        return run_in.group(1).strip("*_ ")
    if len(rest) <= 80 and (is_title_phrase(rest.rstrip(".:")) or is_caps_line(rest)):
        return rest.rstrip(".: ")
    return ""


_RUN_IN_TITLE = re.compile(r"^(.+?)[.:](?:\s+|$)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET_CHARS = "-*+•·▪◦‣"
_BULLET = re.compile(rf"^[{_BULLET_CHARS}]\s")
#: First characters of "Section", "Article" (any case) and "§": most lines start otherwise and
#: skip the pattern.
_KEYWORD_LEADS = "SA§"
_KEYWORD = re.compile(
    r"^(?:SECTION|Section|ARTICLE|Article|§)\s*"
    r"(\d{1,2}(?:\.\d{1,2})*|[IVXL]{1,6})\b\.?"
    r"(?:\s*(?:--|[:.–—-])\s*|\s+|$)(.*)$"
)
_ANNEX = re.compile(
    r"^(" + "|".join(w.capitalize() + "|" + w.upper() for w in ANNEX_WORDS) + r")\s+"
    r"([A-Z]|\d{1,2}|[IVX]{1,4})\b(?:\s*[-–—:.]?\s*(.*))?$"
)
_ANNEX_LEADS = frozenset(word[0].upper() for word in ANNEX_WORDS)
#: "1.", "1.1", "1.1.", "1)", "(1)", "a.", "(a)", "a)", "iv.", "(iv)", "A.", "I.".
_ENUMERATOR = re.compile(
    r"^(?:\((?P<paren>\d{1,2}|[a-z]{1,5}|[A-Z]{1,5})\)"
    r"|(?P<multi>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s|$|\()"
    r"|(?P<num>\d{1,2})(?:(?P<numclose>\\?[.)])(?=\s|$|[A-Z\"“*]|[^\x00-\x7f])|(?=\s+[A-Z\"“]))"
    r"|(?P<letter>[a-z]{1,5}|[A-Z]{1,5})(?P<close>\\?[.)])(?=\s|$))"
    r"\s*(?P<rest>.*)$"
)


def read_marker(line: str) -> Marker | None:
    """What ``line`` could open, judged on the line alone; ``None`` for plain text."""
    indent = indent_of(line)
    text = line.strip(" \t\f\r\n")
    if not text:
        return None
    lead = text[0]
    if lead == "#" and (heading := _MD_HEADING.match(text)):
        return _markdown_heading(heading.group(2), len(heading.group(1)), indent)
    if lead in _BULLET_CHARS and _BULLET.match(text):
        return None
    if lead in _KEYWORD_LEADS and (keyword := _KEYWORD.match(text)):
        rest = keyword.group(2)
        if rest and rest[0].islower():
            return None  # "Section 2 of this Agreement": a reference, not a heading
        label = keyword.group(1)
        return Marker(kind="section", label=label, styles=styles_of(label) or (Style.NUMBER,),
                      title=heading_title(rest), indent=indent)
    if lead in _ANNEX_LEADS and (annex := _ANNEX.match(text)):
        rest = annex.group(3) or ""
        if rest[:1].islower() or len(text) > 80:
            return None
        return Marker(kind="annex", label=f"{annex.group(1)} {annex.group(2)}",
                      title=text.rstrip(":"), indent=indent)
    if enum := _ENUMERATOR.match(text.removeprefix("**")):
        return _enumerated(enum, indent)
    return _titled(text, indent)


_NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.*)$")


def _markdown_heading(inner: str, level: int, indent: int) -> Marker | None:
    inner = inner.strip().strip("*_").strip()
    if not inner:
        return None
    numbered = _NUMBERED_HEADING.match(inner)
    if numbered:
        return Marker(kind="heading", label=numbered.group(1), styles=(Style.NUMBER,),
                      title=numbered.group(2).strip().rstrip(":"), indent=indent, md_level=level)
    return Marker(kind="heading", title=inner.rstrip(":").strip(), indent=indent, md_level=level)


def _enumerated(match: re.Match[str], indent: int) -> Marker | None:
    rest = match.group("rest")
    if multi := match.group("multi"):
        if any(int(part) == 0 for part in multi.split(".")):
            return None  # "2.0": a version number
        return Marker(kind="item", label=multi, styles=(Style.NUMBER,),
                      title=heading_title(rest), indent=indent)
    label = match.group("paren") or match.group("num") or match.group("letter")
    styles = styles_of(label)
    if not styles:
        return None
    close = (match.group("numclose") or match.group("close") or ".").lstrip("\\")
    form = "(" if match.group("paren") else close
    return Marker(kind="item", label=label, styles=styles, title=heading_title(rest),
                  indent=indent, form=form)


#: A use policy appended to a licence ("ACCEPTABLE USE POLICY", "Meta Llama 3 Acceptable Use
#: Policy") is an annex: it starts a new top-level part even after a numbered clause.
_APPENDED_POLICY = re.compile(r"\b(?:acceptable|prohibited)\s+use\s+policy$", re.I)
#: Where a run-in title ends: the first full stop (not at the start) before a capital.
_SENTENCE_END = re.compile(r"\.\s+[A-Z\"“]")


def _titled(text: str, indent: int) -> Marker | None:
    """An unnumbered heading: ``**Bold**``, ALL CAPS, a Title Case line or run-in title."""
    lead = text[0]
    if lead not in "*_" and not (lead.isupper() or lead in "0123456789" or lead.isspace()):
        return None  # every form below opens with emphasis, a capital, a digit or a space
    plain = text.strip("*_ ").rstrip(":").strip()
    if not plain:
        return None
    # The policy pattern ends in "policy": its last letter is a cheap first test.
    if len(plain) <= 80 and plain[-1] in "yY" and _APPENDED_POLICY.search(plain) and (
        is_caps_line(plain) or is_title_phrase(plain)
    ):
        return Marker(kind="annex", label=plain, title=plain, indent=indent)
    if text.startswith("**") and text.endswith("**") and len(plain) <= 80:
        return Marker(kind="title", title=plain, indent=indent)
    if is_caps_line(text.rstrip(":")):
        return Marker(kind="title", title=plain, indent=indent)
    if is_title_phrase(plain.rstrip(".")) and not plain.endswith((",", ";")):
        return Marker(kind="title", title=plain.rstrip("."), indent=indent)
    # ``text`` is one line: searching from the second character finds the same stop as
    # ``^(.+?)\.`` would, without a lazy scan that backtracks at every character.
    run_in = _SENTENCE_END.search(text, 1)
    if run_in and is_title_phrase(title := text[: run_in.start()], lowercase_words=1):
        return Marker(kind="title", title=title, indent=indent)
    return None
