"""The Markdown diff, for pull-request comments: summary, tables, then redlines.

Deletions are ``~~struck~~`` and insertions ``**bold**``; every piece of licence text is escaped
so that a licence cannot inject markup into the comment.
"""

from __future__ import annotations

import re

from openness.diff.model import Diff, FindingChange, TextChange
from openness.report.diff.summary import (Group, attributes, clause_entries, deltas, finding_entries,
                                   group_heading, group_rest, group_sample, heading, shortened,
                                   spaced, summary_lines, verdict_line, visible, where)

_SPECIAL = re.compile(r"([\\`*_\[\]|~<>&])")
#: What would start a list, heading or quote at the start of a line.
_LEADING = re.compile(r"^([-+#>]|\d+[.)])")


def escape(text: str) -> str:
    escaped = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LEADING.sub(r"\\\1", escaped)


def render(diff: Diff) -> str:
    out = [f"# openness diff: `{_code(diff.old_path)}` → `{_code(diff.new_path)}`", ""]
    out += [f"- {escape(line)}" for line in summary_lines(diff)]
    if diff.changes:
        out += ["", "## Finding changes", "", "| Change | Kind | Where | What | Old | New |",
                "|---|---|---|---|---|---|"]
        out += [_finding_row(change) for change in finding_entries(diff)]
    if diff.verdict_changes:
        out += ["", "## Verdict changes", ""]
        for verdict in diff.verdict_changes:
            message = verdict.new_message or verdict.old_message
            out.append(f"- **{escape(verdict_line(verdict))}**" + (f": {escape(message)}" if message else ""))
    if diff.text_changes:
        out += ["", "## Wording changes"]
        for change in clause_entries(diff):
            out += _clause(change, diff.all_text)
    return "\n".join(out) + "\n"


def _finding_row(change: FindingChange | Group) -> str:
    """One row of the findings table: a change, or a group of findings that came or went with
    whole clauses."""
    if isinstance(change, Group):
        cells = (f"{change.change} ({len(change.items)})", "", escape(change.span()),
                 escape(group_heading(change) + "; " + group_rest(change)),
                 escape(group_sample(change)) if change.change == "removed" else "",
                 escape(group_sample(change)) if change.change == "added" else "")
    else:
        what = "; ".join(deltas(change)) or attributes(change)
        cells = (change.change, f"`{change.kind}`", escape(where(change)), escape(what),
                 escape(change.old.quote) if change.old else "", escape(change.new.quote) if change.new else "")
    return "| " + " | ".join(cells) + " |"


def _clause(change: TextChange | Group, all_text: bool) -> list[str]:
    """A reworded clause with its redline (deletions struck, insertions bold), or a group."""
    if isinstance(change, Group):
        return ["", f"### {escape(group_heading(change))}", "",
                f"{escape(group_sample(change))}", "", escape(group_rest(change))]
    notes = [n for n, on in (("finding changed", change.finding_changed), ("cosmetic", change.cosmetic)) if on]
    pieces = []
    for edit in shortened(visible(change.edits, all_text)):
        text = escape(edit.text)
        pieces.append((edit, text if edit.op == "equal" else
                       f"~~{text}~~" if edit.op == "delete" else f"**{text}**"))
    return ["", f"### {escape(heading(change))}" + (f" ({', '.join(notes)})" if notes else ""), "",
            spaced(pieces)]


def _code(path: str) -> str:
    return path.replace("`", "'")
