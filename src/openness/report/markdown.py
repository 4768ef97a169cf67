"""The Markdown report, for pull-request comments and tickets (GitHub-flavoured).

Licence text and rule messages are untrusted: every piece of them is escaped so that it reads
as the words it is and cannot open a link, an image, a table cell or raw HTML.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from openness.model import Outcome
from openness.report.answer import (
    ANSWERS, Citations, answers, reason, reasons, refs_text, shorten, subjects,
)
from openness.report.identify import passages, shortened, summary
from openness.report.outline import FIX_LABEL, attention, one_line, passing, plural, subject_of

if TYPE_CHECKING:
    from openness.model import Analysis, DocumentResult
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

ICONS = {Outcome.PASS: "✅", Outcome.FAIL: "❌", Outcome.WARN: "⚠️", Outcome.UNKNOWN: "❓"}

#: How long a quote or an answer's reason may be before it is cut at a word, with an ellipsis.
QUOTE_WIDTH = 400
REASON_WIDTH = 90

#: Characters with a meaning in GFM inline text; each is backslash-escaped in untrusted text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
#: A list marker at the start of a line (``- ``, ``+ ``, ``1. ``, ``2) ``).
_LEADING_MARKER = re.compile(r"^([-+]|\d+[.)])(?=\s|$)")


def escape(text: str) -> str:
    """Untrusted text as literal Markdown on one line (line breaks folded into spaces)."""
    text = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LEADING_MARKER.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def code(text: str) -> str:
    """An inline code span holding ``text`` verbatim, whatever backticks it contains."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def cell(markdown: str) -> str:
    """Markdown for a table cell: a pipe splits cells even inside a code span unless escaped."""
    return re.sub(r"(?<!\\)\|", r"\\|", markdown)


def outcome(value: Outcome) -> str:
    return f"{ICONS[value]} {value}"


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False) -> str:
    """Colour does not apply; passing rules are folded into ``<details>`` unless shown."""
    parts = ["## openness report", ""]
    cites = Citations.of(analysis)
    parts += _answer(analysis, cites)
    if analysis.verdicts:
        parts += _summary(analysis.verdicts)
    else:
        parts += ["No verdicts: no document could be read.", ""]
    for verdict in analysis.verdicts:
        for rule in attention(verdict):
            parts += _rule(verdict, rule, cites)
    parts += _passing(analysis.verdicts, show_passing)
    parts += _licences(analysis.documents, cites)
    if cites.entries:
        parts += ["### Evidence", ""]
        for number, evidence in cites.entries:
            parts += _evidence(number, evidence)
    if analysis.errors:
        parts += ["### Documents that could not be read", ""]
        parts += [f"- {code(d.path)}: {escape(d.error or '')}" for d in analysis.errors] + [""]
    notes = list(analysis.notes) + [
        f"{d.path}: {note}" for d in analysis.documents for note in d.notes
    ]
    if notes:
        parts += ["### Notes", ""] + [f"- {escape(note)}" for note in notes] + [""]
    return "\n".join(parts)


def _licences(documents: tuple[DocumentResult, ...], cites: Citations) -> list[str]:
    """Which licence each licence document is, with a variant's edits quoted under it."""
    parts = []
    for document in documents:
        if document.license is None:
            continue
        parts.append(f"- {code(document.path)}: {escape(summary(document.license))}")
        parts += [f"  - {escape(heading)}: {escape(one_line(shortened(quote)))}"
                  for heading, quote in passages(document.license, cites.see(document.path))]
    return ["### Licences", "", *parts, ""] if parts else []


def _answer(analysis: Analysis, cites: Citations) -> list[str]:
    """Per subject: one bullet per policy with its decisive reasons, then "For you"."""
    lines = answers(analysis)
    parts: list[str] = []
    for subject in subjects(analysis):
        parts += [f"### Answer{f' for {code(subject)}' if subject else ''}", ""]
        for line in (line for line in lines if line.verdict.subject == subject):
            said = [_reason(rule, cites) for rule in reasons(line)]
            if line.more:
                said.append(f"and {plural(line.more, 'more rule')}")
            parts.append(f"- {outcome(line.verdict.outcome)} **{escape(line.verdict.policy)}**: "
                         + ("; ".join(said) if said else escape(line.verdict.title)))
        for verdict in (v for v in analysis.for_you if v.subject == subject):
            parts += ["", "**For you**", ""]
            for rule in verdict.rules:
                said = (_reason(rule, cites) if rule.outcome != Outcome.PASS
                        else _refs(cites.refs(rule.evidence)))
                joint = " — " if rule.outcome != Outcome.PASS else " "
                parts.append(f"- {escape(rule.title)}: **{ANSWERS[rule.outcome]}**"
                             + (f"{joint}{said}" if said else ""))
        parts.append("")
    return parts


def _reason(rule: RuleResult, cites: Citations) -> str:
    refs = _refs(cites.refs(rule.evidence))
    return escape(shorten(reason(rule), REASON_WIDTH)) + (f" {refs}" if refs else "")


def _refs(numbers: list[int]) -> str:
    """Evidence numbers as the Evidence list numbers them, ``\\[1–3, 5\\]``, escaped: a bracket
    opens a link in Markdown."""
    text = refs_text(numbers)
    return text.replace("[", "\\[").replace("]", "\\]") if text else ""


def _summary(verdicts: tuple[PolicyVerdict, ...]) -> list[str]:
    lines = ["| Subject | Policy | Outcome | Rules not passed |", "| --- | --- | --- | --- |"]
    for verdict in verdicts:
        subject = cell(code(subject_of(verdict))) if subject_of(verdict) else ""
        policy = cell(f"{code(verdict.policy)} {escape(verdict.title)}")
        lines.append(f"| {subject} | {policy} | {outcome(verdict.outcome)} | {len(attention(verdict))} |")
    return lines + [""]


def _rule(verdict: PolicyVerdict, rule: RuleResult, cites: Citations) -> list[str]:
    where = f" in {code(subject_of(verdict))}" if subject_of(verdict) else ""
    lines = [
        f"### {ICONS[rule.outcome]} {code(rule.id)} {escape(rule.title)}",
        "",
        f"**{rule.outcome}** ({code(verdict.policy)}{where}): {escape(rule.message)}",
        "",
    ]
    if rule.evidence:
        lines += [f"Evidence: {_refs(cites.refs(rule.evidence))}", ""]
    if rule.fix:
        lines += [f"**{FIX_LABEL}:** {escape(rule.fix)}", ""]
    return lines


def _evidence(number: int, evidence: Evidence) -> list[str]:
    """The quote as a blockquote under its number, then where it is: ``path:line`` (page,
    section). A long quote is cut at a word, with an ellipsis; the location finds the rest."""
    where = [f"page {evidence.page}"] if evidence.page is not None else []
    if evidence.section:
        where.append(f"§{escape(evidence.section)}")
    cite = code(f"{evidence.path}:{evidence.line}") + (f" ({', '.join(where)})" if where else "")
    return [f"> **\\[{number}\\]** {escape(shorten(evidence.quote, QUOTE_WIDTH))}", ">", f"> — {cite}", ""]


def _passing(verdicts: tuple[PolicyVerdict, ...], show_passing: bool) -> list[str]:
    rows = [(verdict, rule) for verdict in verdicts for rule in passing(verdict)]
    if not rows:
        return []
    items = [f"- {code(rule.id)} {escape(rule.title)}"
             + (f" ({code(subject_of(verdict))})" if subject_of(verdict) else "")
             for verdict, rule in rows]
    if show_passing:
        return ["### Passing rules", ""] + items + [""]
    summary = f"{plural(len(rows), 'rule')} passed"
    return ["<details>", f"<summary>{summary}</summary>", ""] + items + ["", "</details>", ""]

