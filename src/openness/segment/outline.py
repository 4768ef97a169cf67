"""The section tree of a document, built from the markers of :mod:`openness.segment.headings`.

A line-by-line pass keeps a stack of the sections that are open. A marker is accepted only where
it fits the sequence around it: ``b.`` continues an open ``a.``, ``i.`` after ``h.`` is a letter
but ``i.`` indented below ``b.`` opens roman items, ``3.`` continues ``2.`` even after a part
heading closed it. A marker that fits nowhere is body text: hard-wrapped prose that happens to
start a line with ``2`` or ``e.`` does not become a section.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from openness.model import Clause, Document
from openness.segment.headings import Marker, Style, read_marker, style_value

PREAMBLE = "preamble"
_MD_LEVEL = re.compile(r"^\s{0,3}(#{1,6})\s+\S")
#: Named sections whose items join with a space ("Prohibited Uses 2.1"), not a dot.
_NAMED = ("heading", "title", "annex")


@dataclass(frozen=True, kw_only=True)
class Outline:
    """Every section of a document in document order, with fast lookup by offset and id."""

    clauses: tuple[Clause, ...]
    #: Offsets where the innermost section changes, and the index of that section (-1: none).
    _bounds: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _owners: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _by_id: dict[str, Clause] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        bounds: list[int] = []
        owners: list[int] = []

        def mark(pos: int, owner: int) -> None:
            if bounds and bounds[-1] == pos:
                owners[-1] = owner
            else:
                bounds.append(pos)
                owners.append(owner)

        stack: list[int] = []
        for index, clause in enumerate(self.clauses):
            while stack and self.clauses[stack[-1]].span.end <= clause.span.start:
                closed = stack.pop()
                mark(self.clauses[closed].span.end, stack[-1] if stack else -1)
            stack.append(index)
            mark(clause.span.start, index)
        while stack:
            closed = stack.pop()
            mark(self.clauses[closed].span.end, stack[-1] if stack else -1)
        object.__setattr__(self, "_bounds", tuple(bounds))
        object.__setattr__(self, "_owners", tuple(owners))
        object.__setattr__(self, "_by_id", {c.id: c for c in self.clauses})

    def at(self, offset: int) -> Clause | None:
        """The innermost section holding the character at ``offset`` (``None`` between them)."""
        index = bisect.bisect_right(self._bounds, offset) - 1
        if index < 0 or self._owners[index] < 0:
            return None
        return self.clauses[self._owners[index]]

    def get(self, section_id: str) -> Clause | None:
        return self._by_id.get(section_id)


@dataclass(kw_only=True)
class _Open:
    """A section being read: where it starts and what it counts."""

    id: str
    title: str
    start: int
    kind: str
    indent: int
    parent: _Open | None
    style: Style | None = None
    value: int = 0
    #: The decimal path of numbered sections ("3.1" -> (3, 1)), for placing "3.1.2".
    path: tuple[int, ...] = ()
    md_level: int = 0
    #: Enumerator punctuation ("(", ")" or "."): a list keeps one form.
    form: str = ""
    #: Columns where the enumerator ends, to match right-aligned romans ("  i." / "iii.").
    marker_end: int = 0
    #: End offset, set when the section closes.
    end: int = -1

    @property
    def level(self) -> int:
        return 1 if self.parent is None else self.parent.level + 1

    @property
    def is_part(self) -> bool:
        """A top-level roman part ("I. INTRODUCTION", "Section II"): numbers below stand alone."""
        return self.style is Style.UPPER_ROMAN and self.parent is None


@dataclass(kw_only=True)
class _Builder:
    doc: Document
    stack: list[_Open] = field(default_factory=list)
    done: list[_Open] = field(default_factory=list)
    #: The last numbered item placed directly under the root or a part, for "continues 2.".
    last_top: _Open | None = None
    seen_prose: bool = False
    #: True right after a heading line: a title line there is its subtitle, not a section.
    after_heading: bool = False
    #: Markdown: the highest level (smallest number) of the headings after each line.
    levels_after: list[int] = field(default_factory=list)
    line: int = 0
    #: The document's title heading has been read.
    titled: bool = False

    def close_to(self, depth: int, at: int) -> None:
        while len(self.stack) > depth:
            section = self.stack.pop()
            section.end = at

    def open(self, section: _Open, depth: int, at: int) -> None:
        self.close_to(depth, at)
        self.stack.append(section)
        self.done.append(section)

    @property
    def top(self) -> _Open | None:
        return self.stack[-1] if self.stack else None


def segment(doc: Document) -> Outline:
    """The outline of ``doc``: its sections as the text numbers them (see docs/sections.md)."""
    builder = _Builder(doc=doc)
    text = doc.text
    starts = doc.line_starts
    lines = text.split("\n")
    markdown = doc.format == "md"
    builder.levels_after = _levels_after(lines)
    blank_before = True
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        builder.line = number
        offset = starts[number]
        marker = read_marker(line)
        if marker is not None and marker.kind == "title" and (
            not blank_before
            # "Attachment A" / "USE RESTRICTIONS": one heading on two lines
            or builder.after_heading
            or not (_runs_in(stripped, marker) or _followed_by_body(lines, number))
        ):
            marker = None
        if marker is not None and _place(builder, marker, offset + _lead(line)):
            builder.after_heading = marker.kind != "item" and not _runs_in(stripped, marker)
            blank_before = marker.kind != "item"
            continue
        builder.after_heading = False
        if blank_before:
            _maybe_close_list(builder, line, offset, markdown)
        if not builder.seen_prose and _is_prose(stripped):
            builder.seen_prose = True
        blank_before = False
    builder.close_to(0, len(text))
    return _finish(doc, builder.done)


def _levels_after(lines: list[str]) -> list[int]:
    """For each line, the highest Markdown heading level (smallest number) on the lines after
    it; 7 where no heading follows."""
    levels = [7] * len(lines)
    highest = 7
    for number in range(len(lines) - 1, -1, -1):
        levels[number] = highest
        heading = _MD_LEVEL.match(lines[number])
        if heading:
            highest = min(highest, len(heading.group(1)))
    return levels


def _runs_in(stripped: str, marker: Marker) -> bool:
    """True when the heading line (stripped) carries body text after its title."""
    return len(stripped.strip("*#").strip()) > len(marker.label) + len(marker.title) + 12


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\f"))


def _is_prose(stripped: str) -> bool:
    # More than 12 words is prose: splitting 12 times is enough to know.
    return stripped.endswith((".", ";", ":", "?", "!")) or len(stripped.split(None, 12)) > 12


def _followed_by_body(lines: list[str], number: int) -> bool:
    """A title line stands over body text, not over nothing or another title."""
    for later in lines[number + 1 : number + 4]:
        if later.strip():
            return True
    return False


def _maybe_close_list(builder: _Builder, line: str, offset: int, markdown: bool) -> None:
    """A paragraph after a blank line, outdented from a list item, ends that item."""
    if not builder.stack:
        return
    expanded = line.expandtabs(4)
    indent = len(expanded) - len(expanded.lstrip())
    depth = len(builder.stack)
    while depth > 0:
        section = builder.stack[depth - 1]
        if section.kind != "item" or (section.title and section.indent == 0):
            break  # a titled item at the margin is a heading: its paragraphs follow unindented
        outdented = indent <= section.indent if markdown else indent < section.indent
        if not outdented:
            break
        depth -= 1
    builder.close_to(depth, offset)


def _place(builder: _Builder, marker: Marker, start: int) -> bool:
    """Open the section ``marker`` starts if it fits the context; False if it is body text."""
    if marker.kind == "heading":
        return _place_heading(builder, marker, start)
    if marker.kind in ("title", "annex"):
        if not builder.seen_prose or (marker.kind == "title" and _inside_numbered(builder)):
            return False  # the document's own title, or a line inside a numbered clause
        builder.open(_Open(id=marker.label or marker.title, title=marker.title, start=start,
                           kind=marker.kind, indent=marker.indent, parent=None), 0, start)
        builder.seen_prose = True
        return True
    builder.seen_prose = True
    if marker.kind == "section":
        return _place_keyword(builder, marker, start)
    if "." in marker.label:
        return _place_multi(builder, marker, start)
    return _place_item(builder, marker, start)


def _inside_numbered(builder: _Builder) -> bool:
    return any(s.kind in ("item", "section") and s.path for s in builder.stack)


def _place_heading(builder: _Builder, marker: Marker, start: int) -> bool:
    depth = len(builder.stack)
    while depth > 0:
        section = builder.stack[depth - 1]
        if section.kind == "heading" and section.md_level < marker.md_level:
            break
        depth -= 1
    if (not builder.seen_prose and not marker.label and not builder.titled
            and marker.md_level < builder.levels_after[builder.line]):
        # "# Llama 2 Acceptable Use Policy" over "## ..." sections: the document's title, in the
        # preamble. A first heading with siblings at its level ("## Model Information", then
        # "## Intended Use"), or a second heading, is a section.
        builder.titled = True
        return False
    builder.seen_prose = True
    parent = builder.stack[depth - 1] if depth else None
    path = tuple(int(p) for p in marker.label.split(".")) if marker.label else ()
    builder.open(_Open(id=marker.label or marker.title, title=marker.title, start=start,
                       kind="heading", indent=marker.indent, parent=parent, path=path,
                       style=Style.NUMBER if path else None, value=path[-1] if path else 0,
                       md_level=marker.md_level), depth, start)
    return True


def _place_keyword(builder: _Builder, marker: Marker, start: int) -> bool:
    style = Style.UPPER_ROMAN if Style.UPPER_ROMAN in marker.styles else marker.styles[0]
    if "." in marker.label:
        path = tuple(int(p) for p in marker.label.split("."))
        value = path[-1]
    else:
        value = style_value(marker.label, style) or 0
        path = (value,) if style is Style.NUMBER else ()
    section = _Open(id=marker.label, title=marker.title, start=start, kind="section",
                    indent=marker.indent, parent=None, style=style, value=value, path=path)
    builder.open(section, 0, start)
    if style is Style.NUMBER:
        builder.last_top = section
    return True


def _place_multi(builder: _Builder, marker: Marker, start: int) -> bool:
    """"3.1.2" goes under the open "3.1" (or "Section 3"); its id is its own number."""
    path = tuple(int(p) for p in marker.label.split("."))
    depth = None
    for index in range(len(builder.stack) - 1, -1, -1):
        if builder.stack[index].path == path[:-1]:
            depth = index + 1
            break
    if depth is None:
        sibling = next((i for i in range(len(builder.stack) - 1, -1, -1)
                        if len(builder.stack[i].path) == len(path)
                        and builder.stack[i].path[:-1] == path[:-1]), None)
        if sibling is not None:
            depth = sibling
        elif path[-1] == 1 and all(p <= 30 for p in path):
            depth = _container_depth(builder)
        else:
            return False
    parent = builder.stack[depth - 1] if depth else None
    section_id = marker.label
    named = _named_ancestor(parent)
    if named is not None and not any(s.path for s in _chain(parent)):
        section_id = f"{named.id} {marker.label}"
    builder.open(_Open(id=section_id, title=marker.title, start=start, kind="item",
                       indent=marker.indent, parent=parent, style=Style.NUMBER,
                       value=path[-1], path=path), depth, start)
    return True


def _chain(section: _Open | None) -> list[_Open]:
    chain = []
    while section is not None:
        chain.append(section)
        section = section.parent
    return chain


def _named_ancestor(section: _Open | None) -> _Open | None:
    return next((s for s in _chain(section) if s.kind in _NAMED and not s.path), None)


def _container_depth(builder: _Builder) -> int:
    """Depth just inside the innermost heading, part or annex (0: the root)."""
    for index in range(len(builder.stack) - 1, -1, -1):
        section = builder.stack[index]
        if section.kind in _NAMED or section.is_part or section.kind == "section":
            return index + 1
    return 0


def _aligned(section: _Open, marker: Marker) -> bool:
    """Same list column: enumerators start, or end, within a column of each other."""
    end = marker.indent + len(marker.label)
    return min(abs(section.indent - marker.indent), abs(section.marker_end - end)) <= 1


def _fits(section: _Open, marker: Marker, style: Style, value: int) -> bool:
    return (section.kind == "item" and section.style is style and section.value + 1 == value
            and section.form == marker.form and _aligned(section, marker))


#: Where an item goes: its style, its value, and the depth of the stack it opens at.
_Placement = tuple[Style, int, int]


def _place_item(builder: _Builder, marker: Marker, start: int) -> bool:
    """A single enumerator: next sibling, first child, a continued list, or not a heading."""
    values = {s: style_value(marker.label, s) or 0 for s in marker.styles}
    placed = (_next_sibling(builder, marker, values) or _first_item(builder, marker, values)
              or _continued(builder, marker, values) or _repeated(builder, marker, values))
    if placed is None:
        return False
    style, value, depth = placed
    return _open_item(builder, marker, style, value, depth, start)


def _next_sibling(builder: _Builder, marker: Marker, values: dict[Style, int]) -> _Placement | None:
    """The next sibling of an open item (innermost first): "b." after "a.", "i." after "h."."""
    stack, top = builder.stack, builder.top
    for index in range(len(stack) - 1, -1, -1):
        section = stack[index]
        for style, value in values.items():
            if _fits(section, marker, style, value):
                deeper_roman = (style is not Style.NUMBER and value == 9 and top is section
                                and marker.indent > section.indent + 2 and Style.LOWER_ROMAN in values)
                if not deeper_roman:
                    return style, value, index
        if section.kind != "item":
            break
    return None


def _first_item(builder: _Builder, marker: Marker, values: dict[Style, int]) -> _Placement | None:
    """The first item of a new list below the innermost section, or of the same list again
    (a translation, then the original)."""
    stack, top = builder.stack, builder.top
    for style, value in values.items():
        deeper = top is not None and top.kind == "item" and marker.indent > top.indent + 1
        first = value == 1 or (value == 0 and style is Style.NUMBER)
        if first or (deeper and style is Style.NUMBER):
            depth = len(stack)
            for index in range(len(stack) - 1, -1, -1):
                section = stack[index]
                if section.kind != "item":
                    break
                if section.style is style and section.form == marker.form \
                        and _aligned(section, marker):
                    depth = index
                    break
            return style, value, depth
    return None


def _continued(builder: _Builder, marker: Marker, values: dict[Style, int]) -> _Placement | None:
    """A numbered list that continues after a part or heading closed it ("2." under "II")."""
    last = builder.last_top
    if Style.NUMBER in values and last is not None and values[Style.NUMBER] == last.value + 1 \
            and last.form == marker.form and _aligned(last, marker):
        return Style.NUMBER, values[Style.NUMBER], _part_depth(builder)
    return None


def _repeated(builder: _Builder, marker: Marker, values: dict[Style, int]) -> _Placement | None:
    """A repeated number ("3." printed twice): a sibling that gets a "~2" id."""
    stack = builder.stack
    for index in range(len(stack) - 1, -1, -1):
        section = stack[index]
        if section.kind != "item":
            break
        value = values.get(Style.NUMBER)
        if value is not None and section.style is Style.NUMBER and section.value == value \
                and section.form == marker.form and _aligned(section, marker):
            return Style.NUMBER, value, index
    return None


def _part_depth(builder: _Builder) -> int:
    for index in range(len(builder.stack) - 1, -1, -1):
        if builder.stack[index].is_part:
            return index + 1
    return 0


def _open_item(builder: _Builder, marker: Marker, style: Style, value: int, depth: int,
               start: int) -> bool:
    parent = builder.stack[depth - 1] if depth else None
    label = marker.label
    if parent is None:
        section_id = label
    elif parent.kind in _NAMED and not parent.path:
        # Titled items ("1. Definitions", "I. INTRODUCTION") are the document's own sections
        # under a banner heading; plain items ("1. Violate the law…") belong to the heading.
        section_id = label if marker.title else f"{parent.id} {label}"
    elif parent.is_part and style is Style.NUMBER:
        section_id = label
    else:
        section_id = f"{parent.id}.{label}"
    standalone = section_id == label
    path: tuple[int, ...] = ()
    if style is Style.NUMBER:
        path = (value,) if standalone else (parent.path + (value,) if parent.path else ())
    section = _Open(id=section_id, title=marker.title, start=start, kind="item",
                    indent=marker.indent, parent=parent, style=style, value=value, path=path,
                    form=marker.form, marker_end=marker.indent + len(label))
    builder.open(section, depth, start)
    if standalone:
        builder.last_top = section
    return True


def _finish(doc: Document, sections: list[_Open]) -> Outline:
    """Trim spans, add the preamble, make ids unique and freeze everything into Clauses."""
    text = doc.text
    clauses: list[Clause] = []
    first = sections[0].start if sections else len(text)
    if text[:first].strip():
        end = len(text[:first].rstrip())
        clauses.append(Clause(id=PREAMBLE, title="", text=text[:end], span=doc.span(0, end)))
    seen: dict[str, int] = {}
    final_ids: dict[int, str] = {}
    for section in sections:
        count = seen.get(section.id, 0) + 1
        seen[section.id] = count
        final_ids[id(section)] = section.id if count == 1 else f"{section.id}~{count}"
    for section in sections:
        end = section.start + len(text[section.start : section.end].rstrip())
        parent = final_ids[id(section.parent)] if section.parent is not None else None
        clauses.append(Clause(id=final_ids[id(section)], title=_clean_title(section.title),
                              text=text[section.start : end], span=doc.span(section.start, end),
                              parent=parent, level=section.level))
    return Outline(clauses=tuple(clauses))


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip()
