"""The terminal report: the answer first, then each rule that did not pass, then the evidence.

Each clause is quoted once, under a number, in the closing "Evidence" list; rules and answers
refer to it by that number (see :mod:`openness.report.answer`).

Licence text and rule messages are untrusted, so everything is built from :class:`rich.text.Text`
pieces, never from markup strings: a ``[bold]`` in a licence stays a ``[bold]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from openness.model import Outcome
from openness.report.answer import (
    ANSWERS, Citations, answers, reason, reasons, refs_text, shorten, subjects,
)
from openness.report.outline import FIX_LABEL, attention, location, one_line, passing, plural, subject_of
from openness.report.identify import passages, shortened, summary
from openness.report.terminal import Lines

if TYPE_CHECKING:
    from openness.model import Analysis, DocumentResult
    from openness.disclose.components import Components
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

STYLES = {Outcome.PASS: "bold green", Outcome.FAIL: "bold red", Outcome.WARN: "bold yellow",
          Outcome.UNKNOWN: "bold magenta"}

#: Outcomes padded to one width so policy names line up.
LABEL_WIDTH = len("UNKNOWN")


#: How long a reason may be on an answer line before it is cut at a word.
REASON_WIDTH = 90


def render(analysis: Analysis, *, color: bool, show_passing: bool = False) -> str:
    report = Lines(color=color)
    cites = Citations.of(analysis)
    _answer(report, analysis, cites)
    for verdict in analysis.verdicts:
        _verdict(report, verdict, show_passing, cites)
        report.print()
    if not analysis.verdicts:
        report.print(Text("No verdicts: no document could be read."))
        report.print()
    for subject, view in analysis.components.items():
        _components(report, subject, view, cites)
    _evidence(report, cites)
    _documents(report, analysis.documents, cites)
    if analysis.notes:
        report.print(Text("Notes", style="bold"))
        for note in analysis.notes:
            report.indented(Text(note), first="  - ")
    return report.render()


def _outcome(outcome: Outcome) -> Text:
    return Text(outcome.upper().ljust(LABEL_WIDTH), style=STYLES[outcome])


def _answer(report: Lines, analysis: Analysis, cites: Citations) -> None:
    """Per subject: one line per policy with its decisive reasons, then "For you"."""
    lines = answers(analysis)
    for subject in subjects(analysis):
        report.print(Text.assemble(("Answer", "bold"), (f"  [{subject}]" if subject else "", "dim")))
        for line in (line for line in lines if line.verdict.subject == subject):
            text = Text.assemble(_outcome(line.verdict.outcome), "  ", (line.verdict.policy, "bold"))
            said = [_reason(rule, cites) for rule in reasons(line)]
            if line.more:
                said.append(f"and {plural(line.more, 'more rule')}")
            text.append(": " + "; ".join(said) if said else f": {line.verdict.title}")
            report.indented(text, indent=4, first="  ")
        for verdict in (v for v in analysis.for_you if v.subject == subject):
            report.print(Text("  For you", style="bold"))
            for rule in verdict.rules:
                said = _reason(rule, cites) if rule.outcome != Outcome.PASS else refs_text(
                    cites.refs(rule.evidence))
                report.indented(Text.assemble(
                    (rule.title, "bold"), ": ", (ANSWERS[rule.outcome], STYLES[rule.outcome]),
                    f"{' — ' if rule.outcome != Outcome.PASS else ' '}{said}" if said else ""),
                    indent=6, first="    ")
        report.print()


def _reason(rule: RuleResult, cites: Citations) -> str:
    """A rule's decisive words, cut to a line, and the numbers of its evidence."""
    refs = refs_text(cites.refs(rule.evidence))
    return shorten(reason(rule), REASON_WIDTH) + (f" {refs}" if refs else "")


def _verdict(report: Lines, verdict: PolicyVerdict, show_passing: bool, cites: Citations) -> None:
    line = Text.assemble(_outcome(verdict.outcome), "  ", (verdict.policy, "bold"), "  ", verdict.title)
    if subject_of(verdict):
        line.append(f"  [{subject_of(verdict)}]", style="dim")
    report.print(line)
    for rule in attention(verdict):
        _rule(report, rule, cites)
    passed = passing(verdict)
    if show_passing:
        for rule in passed:
            report.print(Text.assemble("  ", _outcome(rule.outcome), "  ", rule.id, "  ", rule.title))
    elif passed:
        report.print(Text(f"  {plural(len(passed), 'rule')} passed", style="dim"))


def _rule(report: Lines, rule: RuleResult, cites: Citations) -> None:
    report.print(Text.assemble("  ", _outcome(rule.outcome), "  ", (rule.id, "bold"), "  ", rule.title))
    report.indented(Text(rule.message))
    if rule.evidence:
        report.indented(Text.assemble(("Evidence: ", "bold"), refs_text(cites.refs(rule.evidence))))
    if rule.fix:
        report.indented(Text.assemble((f"{FIX_LABEL}: ", "bold"), rule.fix))


def _citation(evidence: Evidence) -> Text:
    """``file:page:line §section  "quote"``."""
    text = Text(location(evidence), style="cyan")
    if evidence.section:
        text.append(f" §{evidence.section}")
    text.append(f'  "{one_line(evidence.quote)}"', style="italic")
    return text


def _components(report: Lines, subject: str, view: Components, cites: Citations) -> None:
    """What the release publishes, component by component, and under which licence."""
    report.print(Text.assemble(("Components", "bold"), (f"  [{subject}]", "dim")))
    for component in view:
        licence = f" under {component.license.id}" if component.license else ""
        line = Text(f"  {component.name.replace('_', ' ')}: {component.status}{licence}")
        if component.evidence:
            line.append(f"  {refs_text(cites.refs(component.evidence[:1]))}")
        report.indented(line, first="")
    report.print()


def _evidence(report: Lines, cites: Citations) -> None:
    """Every clause cited above, quoted once under its number."""
    if not cites.entries:
        return
    report.print(Text("Evidence", style="bold"))
    for number, evidence in cites.entries:
        report.indented(_citation(evidence), first=f"  [{number}] ".ljust(8))
    report.print()


def _documents(report: Lines, documents: tuple[DocumentResult, ...], cites: Citations) -> None:
    if not documents:
        return
    report.print(Text("Documents", style="bold"))
    for result in documents:
        line = Text.assemble("  ", result.path, "  ", (result.role, "dim"))
        doc = result.document
        if doc is not None and doc.paged:
            line.append(f"  {plural(doc.page_count, 'page')}", style="dim")
        if result.error:
            line.append("  error: ", style="bold red")
            line.append(result.error)
        report.print(line)
        if result.license is not None:
            report.indented(Text(summary(result.license)), first="    licence: ")
            cited = cites.see(result.path)
            for heading, quote in passages(result.license, cited):
                report.print(Text(f"      {heading}"))
                said = quote if quote.startswith("see [") else f"“{shortened(quote)}”"
                report.indented(Text(said, style="dim"), indent=8)
        for note in result.notes:
            report.indented(Text(note, style="dim"), first="    note: ")
    report.print()

