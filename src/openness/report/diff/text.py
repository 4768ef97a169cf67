"""The terminal diff: a summary first, then finding and verdict changes, then one redline per
reworded clause.

Licence text is untrusted, so everything is built from :class:`rich.text.Text` pieces, never from
markup strings. Without colour, deletions read ``[-old-]`` and insertions ``{+new+}`` (wdiff's
notation), so the redline survives a pipe or a log file.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from rich.text import Text

from openness.diff.model import Diff, FindingChange, TextChange
from openness.model import Outcome
from openness.report.diff.summary import (Group, attributes, clause_entries, deltas, finding_entries,
                                   group_heading, group_rest, group_sample, heading, shortened,
                                   summary_lines, verdict_line, visible, where)
from openness.report.terminal import Lines

CHANGE_STYLES = {"added": "bold green", "removed": "bold red", "changed": "bold yellow"}
OUTCOME_STYLES = {Outcome.PASS: "green", Outcome.FAIL: "red", Outcome.WARN: "yellow",
                  Outcome.UNKNOWN: "magenta"}


def render(diff: Diff, *, color: bool) -> str:
    out = Lines(color=color)
    out.print(Text.assemble(("openness diff", "bold"), f"  {diff.old_path} -> {diff.new_path}"))
    out.print()
    for line in summary_lines(diff):
        out.print(Text("  " + line))
    if diff.changes:
        _section(out, "Finding changes", finding_entries(diff), lambda change: _finding(out, change))
    if diff.verdict_changes:
        out.print()
        out.print(Text("Verdict changes", style="bold"))
        for verdict in diff.verdict_changes:
            line = Text("  " + verdict_line(verdict), style=OUTCOME_STYLES[verdict.new] if verdict.new else "")
            out.print(line)
            if verdict.new_message or verdict.old_message:
                out.print(Text("      " + (verdict.new_message or verdict.old_message), style="dim"))
    if diff.text_changes:
        _section(out, "Wording changes", clause_entries(diff),
                 lambda change: _redline(out, change, diff.all_text, color))
    return out.render()


def _section(out: Lines, title: str, entries: Sequence[Any], show: Callable[[Any], None]) -> None:
    """A titled list of changes: each shown by ``show``, a folded run of them as one group."""
    out.print()
    out.print(Text(title, style="bold"))
    for entry in entries:
        if isinstance(entry, Group):
            _group(out, entry)
        else:
            show(entry)


def _finding(out: Lines, change: FindingChange) -> None:
    out.print(Text.assemble("  ", (change.change.upper().ljust(8), CHANGE_STYLES[change.change]),
                                (change.kind, "bold"), "  ", where(change)))
    for delta in deltas(change):
        out.print(Text("      " + delta))
    if change.change != "changed" and attributes(change):
        out.print(Text("      " + attributes(change)))
    if change.old:
        out.print(Text(f'      - "{change.old.quote}"', style="red"))
    if change.new:
        out.print(Text(f'      + "{change.new.quote}"', style="green"))


def _group(out: Lines, group: Group) -> None:
    """Findings or clauses that came or went with whole clauses: one entry, the first shown."""
    sign, style = ("-", "red") if group.change == "removed" else ("+", "green")
    out.print(Text.assemble("  ", (group.change.upper().ljust(8), CHANGE_STYLES[group.change]),
                                group_heading(group)))
    out.print(Text(f'      {sign} "{group_sample(group)}"', style=style))
    out.print(Text(f"      {group_rest(group)}", style="dim"))


def _redline(out: Lines, change: TextChange, all_text: bool, color: bool) -> None:
    title = Text.assemble("  ", (heading(change), "bold"))
    if change.finding_changed:
        title.append("  (finding changed)", style="yellow")
    if change.cosmetic:
        title.append("  (cosmetic)", style="dim")
    out.print(title)
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
    out.print(body)
