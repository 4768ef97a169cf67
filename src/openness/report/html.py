"""One self-contained HTML page: the verdicts, and each document's text with the evidence marked.

The page loads nothing (inline CSS, no scripts, no fonts), so it can be mailed or archived and
opened offline. Licence text and rule messages are untrusted and escaped wherever they appear.
Every evidence span is a ``<mark>`` with an id; each citation under a verdict links to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Iterable

from openness.report.identify import passages, shortened, summary
from openness.model import Outcome
from openness.report.answer import (
    ANSWERS, Citations, answers, ranges, reason, reasons, shorten, subjects,
)
from openness.report.outline import FIX_LABEL, attention, location, one_line, passing, plural, subject_of

if TYPE_CHECKING:
    from openness.model import Analysis, DocumentResult
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem;
       color: #1d1d1f; background: #fff; }
code, pre { font-family: ui-monospace, monospace; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
.outcome { display: inline-block; min-width: 5.5em; font-weight: 600; text-transform: uppercase; }
.pass { color: #1a7f37; } .fail { color: #cf222e; } .warn { color: #9a6700; } .unknown { color: #8250df; }
.rule { margin: .8rem 0; } .rule p { margin: .2rem 0; }
.evidence q { font-style: italic; }
.error { color: #cf222e; }
.answer li { margin: .2rem 0; } .refs a { text-decoration: none; }
ol.citations { padding-left: 3rem; } ol.citations li { margin: .3rem 0; }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #ddd; padding: 1rem; background: #fafafa; }
mark { background: #fff1a8; } mark:target { background: #ffb366; outline: 2px solid #cf222e; }
"""


@dataclass(frozen=True, kw_only=True)
class Highlight:
    """A merged run of evidence in one document: ``text[start:end]``, marked as ``id``."""

    id: str
    start: int
    end: int
    #: Finding kinds and rule ids whose evidence falls here, shown as the mark's tooltip.
    labels: tuple[str, ...]


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False) -> str:
    """Colour does not apply; passing rules sit in a ``<details>``, open when ``show_passing``."""
    highlights = {
        result.path: merge(index, spans_of(result.path, analysis), len(result.document.text))
        for index, result in enumerate(analysis.documents)
        if result.document is not None
    }
    cites = Citations.of(analysis)
    body = [
        "<header><h1>openness report</h1>",
        f"<p>{plural(len(analysis.documents), 'document')}, "
        f"{plural(len(analysis.verdicts), 'verdict')}</p></header>",
        *_answer(analysis, cites),
        '<section id="verdicts"><h2>Verdicts</h2>',
    ]
    if analysis.verdicts:
        body += _summary(analysis.verdicts)
    else:
        body.append("<p>No verdicts: no document could be read.</p>")
    for index, verdict in enumerate(analysis.verdicts):
        body += _verdict(index, verdict, cites, show_passing)
    body.append("</section>")
    if cites.entries:
        body.append('<section id="evidence"><h2>Evidence</h2><ol class="citations">')
        body += [f'<li id="e{number}" value="{number}">{_citation(e, highlights.get(e.path, []))}</li>'
                 for number, e in cites.entries]
        body.append("</ol></section>")
    if analysis.notes:
        body.append('<section id="notes"><h2>Notes</h2><ul>')
        body += [f"<li>{escape(note)}</li>" for note in analysis.notes]
        body.append("</ul></section>")
    body.append('<section id="documents"><h2>Documents</h2>')
    for index, result in enumerate(analysis.documents):
        body += _document(index, result, highlights.get(result.path, []))
    body.append("</section>")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>openness report</title>",
        f"<style>{STYLE}</style></head><body>",
        *body,
        "</body></html>",
        "",
    ])


def spans_of(path: str, analysis: Analysis) -> list[tuple[int, int, str]]:
    """Every evidence span in the document at ``path``: findings' and verdicts' alike."""
    spans = [(f.evidence.start, f.evidence.end, f.kind) for f in analysis.findings
             if f.evidence.path == path]
    spans += [(e.start, e.end, rule.id) for verdict in analysis.verdicts for rule in verdict.rules
              for e in rule.evidence if e.path == path]
    return spans


def merge(doc_index: int, spans: Iterable[tuple[int, int, str]], length: int) -> list[Highlight]:
    """Overlapping spans merged into one highlight each, clipped to the text, in text order."""
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, label in sorted((max(s, 0), min(e, length), label) for s, e, label in spans):
        if start >= end:
            continue
        if merged and start < merged[-1][1]:
            last_start, last_end, labels = merged[-1]
            merged[-1] = (last_start, max(last_end, end), labels + [label])
        else:
            merged.append((start, end, [label]))
    return [Highlight(id=f"q{doc_index}-{n}", start=start, end=end, labels=tuple(dict.fromkeys(labels)))
            for n, (start, end, labels) in enumerate(merged)]


def marked(text: str, highlights: list[Highlight]) -> str:
    """``text`` escaped, with each highlight wrapped in ``<mark id=…>``."""
    out, at = [], 0
    for h in highlights:
        out.append(escape(text[at:h.start]))
        title = escape(", ".join(h.labels))
        out.append(f'<mark id="{h.id}" title="{title}">{escape(text[h.start:h.end])}</mark>')
        at = h.end
    out.append(escape(text[at:]))
    return "".join(out)


def _answer(analysis: Analysis, cites: Citations) -> list[str]:
    """Per subject: one item per policy with its decisive reasons, then "For you"."""
    lines = answers(analysis)
    out: list[str] = []
    for subject in subjects(analysis):
        out.append(f'<section class="answer"><h2>Answer{f" <small>{escape(subject)}</small>" if subject else ""}'
                   "</h2><ul>")
        for line in (line for line in lines if line.verdict.subject == subject):
            said = [_reason(rule, cites) for rule in reasons(line)]
            if line.more:
                said.append(f"and {plural(line.more, 'more rule')}")
            out.append(f"<li>{_outcome(line.verdict.outcome)} <strong>{escape(line.verdict.policy)}</strong>: "
                       + ("; ".join(said) if said else escape(line.verdict.title)) + "</li>")
        out.append("</ul>")
        for verdict in (v for v in analysis.for_you if v.subject == subject):
            out.append("<h3>For you</h3><ul>")
            for rule in verdict.rules:
                said = (_reason(rule, cites) if rule.outcome != Outcome.PASS
                        else _refs(cites.refs(rule.evidence)))
                out.append(f'<li>{escape(rule.title)}: <strong class="{escape(rule.outcome)}">'
                           f"{ANSWERS[rule.outcome]}</strong> {said}</li>")
            out.append("</ul>")
        out.append("</section>")
    return out


def _reason(rule: RuleResult, cites: Citations) -> str:
    return f"{escape(shorten(reason(rule), 120))} {_refs(cites.refs(rule.evidence))}".rstrip()


def _refs(numbers: list[int]) -> str:
    """Evidence numbers, each run linked to its first entry in the Evidence list."""
    if not numbers:
        return ""
    links = [f'<a href="#e{a}">{a}</a>' if a == b else f'<a href="#e{a}">{a}</a>–<a href="#e{b}">{b}</a>'
             for a, b in ranges(numbers)]
    return f'<span class="refs">[{", ".join(links)}]</span>'


def _summary(verdicts: tuple[PolicyVerdict, ...]) -> list[str]:
    rows = ["<table><tr><th>Subject</th><th>Policy</th><th>Outcome</th><th>Rules not passed</th></tr>"]
    for index, verdict in enumerate(verdicts):
        rows.append(
            f'<tr><td>{escape(subject_of(verdict))}</td><td><a href="#v{index}"><code>'
            f"{escape(verdict.policy)}</code></a> {escape(verdict.title)}</td>"
            f"<td>{_outcome(verdict.outcome)}</td><td>{len(attention(verdict))}</td></tr>"
        )
    return rows + ["</table>"]


def _outcome(outcome: Outcome) -> str:
    return f'<span class="outcome {escape(outcome)}">{escape(outcome)}</span>'


def _verdict(index: int, verdict: PolicyVerdict, cites: Citations, show_passing: bool) -> list[str]:
    subject = f" <small>{escape(subject_of(verdict))}</small>" if subject_of(verdict) else ""
    lines = [
        f'<section class="verdict" id="v{index}">',
        f"<h3>{_outcome(verdict.outcome)} <code>{escape(verdict.policy)}</code> "
        f"{escape(verdict.title)}{subject}</h3>",
    ]
    failing = attention(verdict)
    if failing:
        lines.append('<ol class="rules">')
        lines += [_rule(rule, cites) for rule in failing]
        lines.append("</ol>")
    passed = passing(verdict)
    if passed:
        lines.append(f"<details{' open' if show_passing else ''}>"
                     f"<summary>{plural(len(passed), 'rule')} passed</summary><ul>")
        lines += [f"<li><code>{escape(r.id)}</code> {escape(r.title)}</li>" for r in passed]
        lines.append("</ul></details>")
    lines.append("</section>")
    return lines


def _rule(rule: RuleResult, cites: Citations) -> str:
    parts = [
        f'<li class="rule">{_outcome(rule.outcome)} <code>{escape(rule.id)}</code> {escape(rule.title)}',
        f"<p>{escape(rule.message)}</p>",
    ]
    if rule.evidence:
        parts.append(f'<p class="evidence">Evidence: {_refs(cites.refs(rule.evidence))}</p>')
    if rule.fix:
        parts.append(f'<p class="fix"><strong>{FIX_LABEL}:</strong> {escape(rule.fix)}</p>')
    if rule.trace:
        parts.append("<details><summary>How the rule was judged</summary><ol>")
        parts += [f"<li>{escape(step)}</li>" for step in rule.trace]
        parts.append("</ol></details>")
    parts.append("</li>")
    return "\n".join(parts)


def _citation(evidence: Evidence, highlights: list[Highlight]) -> str:
    """``file:page:line §section`` linked to its mark in the document, then the quote."""
    cite = escape(location(evidence)) + (f" §{escape(evidence.section)}" if evidence.section else "")
    target = next((h for h in highlights if h.start <= max(evidence.start, 0) < h.end), None)
    if target is not None:
        cite = f'<a href="#{target.id}">{cite}</a>'
    return f"{cite} <q>{escape(one_line(evidence.quote))}</q>"


def _document(index: int, result: DocumentResult, highlights: list[Highlight]) -> list[str]:
    doc = result.document
    about = [result.role] + ([plural(doc.page_count, "page")] if doc is not None and doc.paged else [])
    lines = [f'<article class="document" id="d{index}">',
             f"<h3><code>{escape(result.path)}</code> <small>{escape(', '.join(about))}</small></h3>"]
    if result.error:
        lines.append(f'<p class="error">Could not be read: {escape(result.error)}</p>')
    if result.license is not None:
        lines.append(f'<p class="licence">Licence: {escape(summary(result.license))}</p>')
        if result.license.added or result.license.removed:
            lines.append('<ul class="edits">' + "".join(
                f"<li>{escape(heading)}: <q>{escape(one_line(shortened(quote)))}</q></li>"
                for heading, quote in passages(result.license)) + "</ul>")
    lines += [f'<p class="note">{escape(note)}</p>' for note in result.notes]
    if doc is not None:
        lines.append(f'<pre class="text">{marked(doc.text, highlights)}</pre>')
    lines.append("</article>")
    return lines
