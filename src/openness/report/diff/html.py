"""A self-contained HTML redline page: no scripts, no fonts, nothing fetched from the network.

Every piece of text is passed through :func:`html.escape`; the page is safe to open whatever the
licences say.
"""

from __future__ import annotations

from html import escape

from openness.diff.model import Diff, FindingChange, TextChange
from openness.report.diff.summary import (attributes, deltas, heading, spaced, summary_lines,
                                   verdict_line, visible, where)

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem} h2{font-size:1.1rem;border-bottom:1px solid #ddd;margin-top:2rem}
h3{font-size:1rem;margin-bottom:.3rem} table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:none}
.minor{opacity:.6} .note{color:#666;font-size:.9rem} code{font-size:.9rem}
.clause{white-space:pre-wrap;border-left:3px solid #ddd;padding-left:.7rem}
"""


def render(diff: Diff) -> str:
    title = f"openness diff: {diff.old_path} → {diff.new_path}"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{escape(title)}</h1>", "<ul>"]
    out += [f"<li>{escape(line)}</li>" for line in summary_lines(diff)]
    out.append("</ul>")
    if diff.changes:
        out += ["<h2>Finding changes</h2>", "<table><tr><th>Change</th><th>Kind</th><th>Where</th>"
                "<th>What</th><th>Old</th><th>New</th></tr>"]
        out += [_finding_row(change) for change in diff.changes]
        out.append("</table>")
    if diff.verdict_changes:
        out += ["<h2>Verdict changes</h2>", "<ul>"]
        for verdict in diff.verdict_changes:
            message = verdict.new_message or verdict.old_message
            out.append(f"<li><b>{escape(verdict_line(verdict))}</b>"
                       + (f" <span class=note>{escape(message)}</span>" if message else "") + "</li>")
        out.append("</ul>")
    if diff.text_changes:
        out.append("<h2>Wording changes</h2>")
        for change in diff.text_changes:
            out += _clause(change, diff.all_text)
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _finding_row(change: FindingChange) -> str:
    what = "; ".join(deltas(change)) or attributes(change)
    cells = (change.change, change.kind, where(change), what,
             change.old.quote if change.old else "", change.new.quote if change.new else "")
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def _clause(change: TextChange, all_text: bool) -> list[str]:
    """A reworded clause's heading and its redline: deletions and insertions marked, minor ones
    dimmed."""
    notes = [n for n, on in (("finding changed", change.finding_changed), ("cosmetic", change.cosmetic)) if on]
    pieces = []
    for edit in visible(change.edits, all_text):
        text = escape(edit.text)
        minor = ' class="minor"' if edit.minor else ""
        pieces.append((edit, text if edit.op == "equal" else f"<del{minor}>{text}</del>"
                       if edit.op == "delete" else f"<ins{minor}>{text}</ins>"))
    return [f"<h3>{escape(heading(change))}"
            + (f" <span class=note>({escape(', '.join(notes))})</span>" if notes else "") + "</h3>",
            f'<p class="clause">{spaced(pieces)}</p>']
