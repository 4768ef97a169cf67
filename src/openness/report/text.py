"""The terminal report: verdicts first, then each rule that did not pass with its evidence.

Licence text and rule messages are untrusted, so everything is built from :class:`rich.text.Text`
pieces, never from markup strings: a ``[bold]`` in a licence stays a ``[bold]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from openness.model import Outcome
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


def render(analysis: Analysis, *, color: bool, show_passing: bool = False) -> str:
    report = Lines(color=color)
    for verdict in analysis.verdicts:
        _verdict(report, verdict, show_passing)
        report.print()
    if not analysis.verdicts:
        report.print(Text("No verdicts: no document could be read."))
        report.print()
    for subject, view in analysis.components.items():
        _components(report, subject, view)
    _documents(report, analysis.documents)
    if analysis.notes:
        report.print(Text("Notes", style="bold"))
        for note in analysis.notes:
            report.indented(Text(note), first="  - ")
    return report.render()


def _outcome(outcome: Outcome) -> Text:
    return Text(outcome.upper().ljust(LABEL_WIDTH), style=STYLES[outcome])


def _verdict(report: Lines, verdict: PolicyVerdict, show_passing: bool) -> None:
    line = Text.assemble(_outcome(verdict.outcome), "  ", (verdict.policy, "bold"), "  ", verdict.title)
    if subject_of(verdict):
        line.append(f"  [{subject_of(verdict)}]", style="dim")
    report.print(line)
    for rule in attention(verdict):
        _rule(report, rule)
    passed = passing(verdict)
    if show_passing:
        for rule in passed:
            report.print(Text.assemble("  ", _outcome(rule.outcome), "  ", rule.id, "  ", rule.title))
    elif passed:
        report.print(Text(f"  {plural(len(passed), 'rule')} passed", style="dim"))


def _rule(report: Lines, rule: RuleResult) -> None:
    report.print(Text.assemble("  ", _outcome(rule.outcome), "  ", (rule.id, "bold"), "  ", rule.title))
    report.indented(Text(rule.message))
    for evidence in rule.evidence:
        report.indented(_citation(evidence))
    if rule.fix:
        report.indented(Text.assemble((f"{FIX_LABEL}: ", "bold"), rule.fix))


def _citation(evidence: Evidence) -> Text:
    """``file:page:line §section  "quote"``."""
    text = Text(location(evidence), style="cyan")
    if evidence.section:
        text.append(f" §{evidence.section}")
    text.append(f'  "{one_line(evidence.quote)}"', style="italic")
    return text


def _components(report: Lines, subject: str, view: Components) -> None:
    """What the release publishes, component by component, and under which licence."""
    report.print(Text.assemble(("Components", "bold"), (f"  [{subject}]", "dim")))
    for component in view:
        licence = f" under {component.license.id}" if component.license else ""
        line = Text(f"  {component.name.replace('_', ' ')}: {component.status}{licence}")
        if component.evidence:
            line.append("  ")
            line.append_text(_citation(component.evidence[0]))
        report.indented(line, first="")
    report.print()


def _documents(report: Lines, documents: tuple[DocumentResult, ...]) -> None:
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
            for heading, quote in passages(result.license):
                report.print(Text(f"      {heading}"))
                report.indented(Text(f"“{shortened(quote)}”", style="dim"), indent=8)
        for note in result.notes:
            report.indented(Text(note, style="dim"), first="    note: ")
    report.print()
