"""A self-contained HTML redline page: no scripts, no fonts, nothing fetched from the network.

Every piece of text is passed through :func:`html.escape`; the page is safe to open whatever the
licences say. The page is the full redline (like JSON, it lists every item); a contents list
at the top, with runs of whole added or removed clauses folded into one entry as in the text
report, links to each part and each changed clause, so a long page can still be read.

The layout fits a 1280-pixel laptop window: the findings table has fixed column widths, and
long words (paths, URLs, identifiers quoted from a licence) wrap rather than widen the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

from openness.diff.model import Diff, DocumentDiff, FindingChange, TextChange
from openness.report.diff.summary import (Group, attributes, clause_entries, deltas, group_heading,
                                          heading, spaced, summary_lines, verdict_line, visible, where)

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222;
overflow-wrap:break-word}
h1{font-size:1.3rem} h2{font-size:1.1rem;border-bottom:1px solid #ddd;margin-top:2rem}
h3{font-size:1rem;margin:1.2rem 0 .3rem} h4{font-size:.95rem;margin:1rem 0 .3rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
td,th{border:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
col.change{width:7%} col.kind{width:13%} col.where{width:8%} col.what{width:20%} col.quote{width:26%}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:none}
.minor{opacity:.6} .note{color:#666;font-size:.9rem} code{font-size:.9rem}
.clause{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #ddd;padding-left:.7rem}
nav.contents{border:1px solid #ddd;background:#fafafa;padding:.2rem 1rem .6rem}
nav.contents h2{border:0;margin:.6rem 0 .2rem} nav.contents ul{margin:.2rem 0}
ul.sections{columns:16rem;padding-left:1.2rem} ul.sections li{break-inside:avoid}
h3:target,h4:target{background:#fff1a8}
"""


def render(diff: Diff) -> str:
    title = f"openness diff: {diff.old_path} → {diff.new_path}"
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
           f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
           f"<h1>{escape(title)}</h1>", "<ul>"]
    out += [f"<li>{escape(line)}</li>" for line in summary_lines(diff)]
    out.append("</ul>")
    documents = _documents(diff)
    out += _contents(diff, documents)
    if diff.changes:
        out += ['<section id="findings"><h2>Finding changes</h2><table>',
                '<colgroup><col class="change"><col class="kind"><col class="where"><col class="what">'
                '<col class="quote"><col class="quote"></colgroup>',
                "<tr><th>Change</th><th>Kind</th><th>Where</th><th>What</th><th>Old</th><th>New</th></tr>"]
        out += [_finding_row(change) for change in diff.changes]
        out.append("</table></section>")
    if diff.verdict_changes:
        out += ['<section id="verdicts"><h2>Verdict changes</h2>', "<ul>"]
        for verdict in diff.verdict_changes:
            message = verdict.new_message or verdict.old_message
            out.append(f"<li><b>{escape(verdict_line(verdict))}</b>"
                       + (f" <span class=note>{escape(message)}</span>" if message else "") + "</li>")
        out.append("</ul></section>")
    if documents:
        out.append('<section id="wording"><h2>Wording changes</h2>')
        for part in documents:
            out.append(f'<h3 id="{part.anchor}">{escape(_document_name(part.document))}</h3>')
            for offset, change in enumerate(part.alone.text_changes):
                out += _clause(f"c{part.first + offset}", change, diff.all_text)
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


@dataclass(frozen=True, kw_only=True)
class _Part:
    """A document whose wording changes are shown, and where they are on the page."""

    anchor: str
    document: DocumentDiff
    #: The diff of this document alone: the changes the whole diff shows of it.
    alone: Diff
    #: Clauses are numbered through the page (``c0``, ``c1`` …): the number of its first one.
    first: int


def _documents(diff: Diff) -> list[_Part]:
    """The documents with wording changes to show, in the order of ``diff.text_changes``."""
    parts: list[_Part] = []
    first = 0
    for index, document in enumerate(diff.documents):
        alone = replace(diff, documents=(document,))
        if alone.text_changes:
            parts.append(_Part(anchor=f"d{index}", document=document, alone=alone, first=first))
            first += len(alone.text_changes)
    return parts


def _document_name(document: DocumentDiff) -> str:
    if document.old_path is None or document.new_path is None:
        gone = document.new_path is None
        return f"{document.role}: {document.old_path or document.new_path} ({'removed' if gone else 'added'})"
    if document.old_path != document.new_path:
        return f"{document.role}: {document.old_path} → {document.new_path}"
    return f"{document.role}: {document.new_path}"


def _contents(diff: Diff, documents: list[_Part]) -> list[str]:
    """Links to each part of the page and to each changed clause; a run of whole clauses added
    or removed together is one entry, linked to its first clause."""
    items = []
    if diff.changes:
        items.append(f'<li><a href="#findings">Finding changes</a> ({len(diff.changes)})</li>')
    if diff.verdict_changes:
        items.append(f'<li><a href="#verdicts">Verdict changes</a> ({len(diff.verdict_changes)})</li>')
    if documents:
        items.append('<li><a href="#wording">Wording changes</a><ul>')
        for part in documents:
            items.append(f'<li><a href="#{part.anchor}">{escape(_document_name(part.document))}</a>'
                         '<ul class="sections">')
            number = part.first
            for entry in clause_entries(part.alone):
                label = f"{group_heading(entry)} {entry.change}" if isinstance(entry, Group) else heading(entry)
                items.append(f'<li><a href="#c{number}">{escape(label)}</a></li>')
                number += len(entry.items) if isinstance(entry, Group) else 1
            items.append("</ul></li>")
        items.append("</ul></li>")
    if not items:
        return []
    return ['<nav class="contents" aria-label="Contents"><h2>Contents</h2><ul>', *items, "</ul></nav>"]


def _finding_row(change: FindingChange) -> str:
    what = "; ".join(deltas(change)) or attributes(change)
    cells = (change.change, change.kind, where(change), what,
             change.old.quote if change.old else "", change.new.quote if change.new else "")
    return "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>"


def _clause(anchor: str, change: TextChange, all_text: bool) -> list[str]:
    """A reworded clause's heading and its redline: deletions and insertions marked, minor ones
    dimmed."""
    notes = [n for n, on in (("finding changed", change.finding_changed), ("cosmetic", change.cosmetic)) if on]
    pieces = []
    for edit in visible(change.edits, all_text):
        text = escape(edit.text)
        minor = ' class="minor"' if edit.minor else ""
        pieces.append((edit, text if edit.op == "equal" else f"<del{minor}>{text}</del>"
                       if edit.op == "delete" else f"<ins{minor}>{text}</ins>"))
    return [f'<h4 id="{anchor}">{escape(heading(change))}'
            + (f" <span class=note>({escape(', '.join(notes))})</span>" if notes else "") + "</h4>",
            f'<p class="clause">{spaced(pieces)}</p>']
