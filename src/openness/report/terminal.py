"""Terminal text: lines wrapped as rich wraps them, written in one go.

Both terminal reports (``analyze`` and ``diff``) build their lines from
:class:`rich.text.Text` pieces, never from markup strings, because licence text is untrusted.
Printing line by line made rich measure the console and wrap every line a second time: half
of the time of a fifty-licence report.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.text import Text

#: Wide enough for a citation and a short quote on one line, narrow enough for a split pane.
WIDTH = 100


class Lines:
    """A report's lines, wrapped as they are added; :meth:`render` writes them all."""

    def __init__(self, *, color: bool) -> None:
        self.out = StringIO()
        self.console = Console(file=self.out, force_terminal=color, no_color=not color, width=WIDTH,
                               color_system="standard" if color else None, markup=False,
                               emoji=False, highlight=False, legacy_windows=False)
        self.lines: list[Text] = []

    def print(self, text: Text | None = None) -> None:
        """One line (or paragraph), wrapped at the report's width as ``console.print`` would."""
        if text is None:
            self.lines.append(Text())
        else:
            self.lines.extend(text.wrap(self.console, WIDTH))

    def indented(self, text: Text, indent: int = 4, first: str | None = None) -> None:
        """``text`` wrapped with a hanging indent, so a long quote stays under its rule.

        ``first`` replaces the indent on the first line (a bullet), the rest line up under it,
        or ``indent`` columns in when ``first`` is shorter than that.
        """
        prefix = first if first is not None else " " * indent
        rest = " " * (len(prefix) if first is None or len(first) >= indent else indent)
        width = WIDTH - max(len(prefix), len(rest))
        for line in text.wrap(self.console, width):
            line.rstrip()
            self.lines.append(Text(prefix) + line)
            prefix = rest

    def render(self) -> str:
        """Every line added, as one string."""
        if self.lines:
            if self.console.no_color:
                # Without styles a line is its text: rich would write the same characters, slower.
                self.out.write("".join(f"{line.plain}\n" for line in self.lines))
            else:
                self.console.print(Text("\n").join(self.lines), no_wrap=True, crop=False)
        return self.out.getvalue()
