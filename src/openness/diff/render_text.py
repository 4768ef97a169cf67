"""The terminal diff: a summary first, then finding and verdict changes, then one redline per
reworded clause.

Licence text is untrusted, so everything is built from :class:`rich.text.Text` pieces, never from
markup strings. Without colour, deletions read ``[-old-]`` and insertions ``{+new+}`` (wdiff's
notation), so the redline survives a pipe or a log file.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.text import Text

from openness.diff.model import Diff, FindingChange, TextChange
from openness.diff.summary import (Group, attributes, clause_entries, deltas, finding_entries,
                                   group_heading, group_rest, group_sample, heading, shortened,
                                   summary_lines, verdict_line, visible, where)

WIDTH = 100
CHANGE_STYLES = {"added": "bold green", "removed": "bold red", "changed": "bold yellow"}
OUTCOME_STYLES = {"pass": "green", "fail": "red", "warn": "yellow", "unknown": "magenta"}


def render(diff: Diff, *, color: bool) -> str:
    out = StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=WIDTH,
                      color_system="standard" if color else None, markup=False, emoji=False,
                      highlight=False, legacy_windows=False)
    console.print(Text.assemble(("openness diff", "bold"), f"  {diff.old_path} -> {diff.new_path}"))
    console.print()
    for line in summary_lines(diff):
        console.print(Text("  " + line))
    if diff.changes:
        console.print()
        console.print(Text("Finding changes", style="bold"))
        for entry in finding_entries(diff):
            if isinstance(entry, Group):
                _group(console, entry)
            else:
                _finding(console, entry)
    if diff.verdict_changes:
        console.print()
        console.print(Text("Verdict changes", style="bold"))
        for verdict in diff.verdict_changes:
            line = Text("  " + verdict_line(verdict), style=OUTCOME_STYLES.get(verdict.new or "", ""))
            console.print(line)
            if verdict.new_message or verdict.old_message:
                console.print(Text("      " + (verdict.new_message or verdict.old_message), style="dim"))
    if diff.text_changes:
        console.print()
        console.print(Text("Wording changes", style="bold"))
        for item in clause_entries(diff):
            if isinstance(item, Group):
                _group(console, item)
            else:
                _redline(console, item, diff.all_text, color)
    return out.getvalue()


def _finding(console: Console, change: FindingChange) -> None:
    console.print(Text.assemble("  ", (change.change.upper().ljust(8), CHANGE_STYLES[change.change]),
                                (change.kind, "bold"), "  ", where(change)))
    for delta in deltas(change):
        console.print(Text("      " + delta))
    if change.change != "changed" and attributes(change):
        console.print(Text("      " + attributes(change)))
    if change.old:
        console.print(Text(f'      - "{change.old.quote}"', style="red"))
    if change.new:
        console.print(Text(f'      + "{change.new.quote}"', style="green"))


def _group(console: Console, group: Group) -> None:
    """Findings or clauses that came or went with whole clauses: one entry, the first shown."""
    sign, style = ("-", "red") if group.change == "removed" else ("+", "green")
    console.print(Text.assemble("  ", (group.change.upper().ljust(8), CHANGE_STYLES[group.change]),
                                group_heading(group)))
    console.print(Text(f'      {sign} "{group_sample(group)}"', style=style))
    console.print(Text(f"      {group_rest(group)}", style="dim"))


def _redline(console: Console, change: TextChange, all_text: bool, color: bool) -> None:
    title = Text.assemble("  ", (heading(change), "bold"))
    if change.finding_changed:
        title.append("  (finding changed)", style="yellow")
    if change.cosmetic:
        title.append("  (cosmetic)", style="dim")
    console.print(title)
    body = Text("    ")
    for index, edit in enumerate(shortened(visible(change.edits, all_text))):
        if index and edit.space:
            body.append(" ")
        if edit.op == "equal":
            body.append(edit.text, style="dim")
        elif edit.op == "delete":
            body.append(edit.text if color else f"[-{edit.text}-]", style="red strike")
        else:
            body.append(edit.text if color else f"{{+{edit.text}+}}", style="green underline")
    console.print(body)
