"""Message templates: ``"Cap of {count} {metric} (§{section}); we have {profile.monthly_active_users}"``.

A rule file is untrusted input, so a template is not a format string: it is split once into
literal text and plain names, the checker verifies every name, and rendering only looks names
up in a table the engine fills. Nothing in braces is ever evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")
#: What a template's braces can be, tried in this order at each brace: a doubled brace, a
#: placeholder (up to the next `}`), or a brace on its own (an error).
_PIECE = re.compile(r"\{\{|\}\}|\{([^}]*)\}|[{}]")


@dataclass(frozen=True, kw_only=True)
class Placeholder:
    name: str
    #: Offset of the ``{`` in the template text.
    offset: int


@dataclass(frozen=True, kw_only=True)
class Template:
    parts: tuple[str | Placeholder, ...]

    @property
    def names(self) -> tuple[Placeholder, ...]:
        return tuple(p for p in self.parts if isinstance(p, Placeholder))

    def render(self, lookup: Callable[[str], str]) -> str:
        return "".join(p if isinstance(p, str) else lookup(p.name) for p in self.parts)


class TemplateError(ValueError):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def parse_template(text: str) -> Template:
    """Split ``text`` into literals and ``{name}`` placeholders; ``{{`` and ``}}`` are braces."""
    parts: list[str | Placeholder] = []
    literal = ""
    i = 0
    for piece in _PIECE.finditer(text):
        at = piece.start()
        literal += text[i:at]
        i = piece.end()
        found = piece.group()
        if found == "{{" or found == "}}":
            literal += found[0]
            continue
        if found == "}":
            raise TemplateError("a `}` without its `{` (write `}}` for a brace)", at)
        if found == "{":
            raise TemplateError("a `{` without its `}` (write `{{` for a brace)", at)
        name = piece.group(1).strip()
        if not _NAME.fullmatch(name):
            raise TemplateError(
                f"`{{{name}}}` is not a name: braces hold an attribute of the finding, "
                "`quote`, `section` or `profile.FIELD`",
                at,
            )
        if literal:
            parts.append(literal)
            literal = ""
        parts.append(Placeholder(name=name, offset=at))
    literal += text[i:]
    if literal:
        parts.append(literal)
    return Template(parts=tuple(parts))
