"""Located messages about rule files: ``file:line:column: message``, the line, a caret, a hint.

A rule file is written by people who are not programmers; each message says in words what is
wrong and, where a near name exists, which one was probably meant.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from openness.errors import RuleError
from openness.printable import printable


@dataclass(frozen=True, kw_only=True)
class Diagnostic:
    """One problem in a rule file."""

    path: str
    line: int
    column: int
    #: One sentence saying what is wrong.
    message: str
    #: The offending line of the file (empty when the file could not be read).
    source_line: str = ""
    #: How many characters the caret underlines.
    width: int = 1
    #: A follow-up sentence: what was expected, or "did you mean ...?".
    hint: str | None = None

    def headline(self) -> str:
        return printable(f"{self.path}:{self.line}:{self.column}: {self.message}")

    def render(self) -> str:
        """The headline, the source line with a caret under the offending text, and the hint.

        Everything is shown through :func:`~openness.printable.printable`, the caret moved
        with the escapes before it and widened with those under it.
        """
        lines = [self.headline()]
        if self.source_line:
            text = self.source_line.expandtabs(1).rstrip()
            start = max(self.column - 1, 0)
            width = max(1, min(self.width, max(len(text) - start, 1)))
            lines.append(f"    {printable(text)}")
            under = max(len(printable(text[start : start + width])), 1)
            lines.append("    " + " " * len(printable(text[:start])) + "^" * under)
        if self.hint:
            lines.append(f"  {printable(self.hint)}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
        }


class RuleErrors(RuleError):
    """Every problem found in a rule file (and the files it imports), in file order.

    Located at the first problem, like :class:`~openness.errors.RuleError`; ``str()`` renders
    them all.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        found = tuple(diagnostics)
        if not found:
            raise ValueError("RuleErrors needs at least one diagnostic")
        first = found[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)
        self.diagnostics = found

    def __str__(self) -> str:
        return "\n".join(d.render() for d in self.diagnostics)


def did_you_mean(name: str, known: Iterable[str]) -> str | None:
    """``did you mean `x`?`` for the nearest known name, or ``None`` when nothing is near."""
    candidates = sorted(set(known))
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    if not close:
        # A misspelt last part of a dotted name ("restrict.user_treshold") is judged on that part.
        head, _, tail = name.rpartition(".")
        if head:
            same_head = [c for c in candidates if c.startswith(head + ".")]
            tails = difflib.get_close_matches(tail, [c[len(head) + 1 :] for c in same_head], n=1, cutoff=0.6)
            close = [f"{head}.{tails[0]}"] if tails else []
    return f"did you mean `{close[0]}`?" if close else None
