"""Lines of a terminal report: wrapped and written as rich's console would print them."""

from io import StringIO

from rich.console import Console
from rich.text import Text

from openness.report.terminal import WIDTH, Lines

LONG = "A licence clause long enough to wrap, " * 8


def rich_prints(texts: list[Text], color: bool) -> str:
    out = StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=WIDTH,
                      color_system="standard" if color else None, markup=False, emoji=False,
                      highlight=False, legacy_windows=False)
    for text in texts:
        console.print(text)
    return out.getvalue()


def test_lines_are_what_console_print_writes() -> None:
    texts = [Text("FAIL", style="bold red") + Text("  osd.rule  " + LONG), Text(""),
             Text("[bold] stays [bold]"), Text(LONG, style="dim")]
    for color in (False, True):
        lines = Lines(color=color)
        for text in texts:
            lines.print(text)
        assert lines.render() == rich_prints(texts, color)


def test_indented_lines_hang_under_their_first() -> None:
    lines = Lines(color=False)
    lines.indented(Text(LONG), first="  - ")
    out = lines.render().splitlines()
    assert out[0].startswith("  - A licence") and all(line.startswith("    ") for line in out[1:])
    assert max(len(line) for line in out) <= WIDTH
