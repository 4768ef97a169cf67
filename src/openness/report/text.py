"""The terminal report: verdicts first, then each rule that did not pass with its evidence.

Licence text and rule messages are untrusted, so everything is built from :class:`rich.text.Text`
pieces, never from markup strings: a ``[bold]`` in a licence stays a ``[bold]``.
"""

from __future__ import annotations

from io import StringIO
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from openness.report.outline import FIX_LABEL, attention, location, one_line, passing, plural, subject_of

if TYPE_CHECKING:
    from openness.analysis import Analysis, DocumentResult
    from openness.disclose.components import Components
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

#: Wide enough for a citation and a short quote on one line, narrow enough for a split pane.
WIDTH = 100

STYLES = {"pass": "bold green", "fail": "bold red", "warn": "bold yellow", "unknown": "bold magenta"}

#: Outcomes padded to one width so policy names line up.
LABEL_WIDTH = len("UNKNOWN")


def render(analysis: Analysis, *, color: bool, show_passing: bool = False) -> str:
    out = StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=WIDTH,
                      color_system="standard" if color else None, markup=False, emoji=False,
                      highlight=False, legacy_windows=False)
    for verdict in analysis.verdicts:
        _verdict(console, verdict, show_passing)
        console.print()
    if not analysis.verdicts:
        console.print("No verdicts: no document could be read.")
        console.print()
    for subject, view in analysis.components.items():
        _components(console, subject, view)
    _documents(console, analysis.documents)
    if analysis.notes:
        console.print(Text("Notes", style="bold"))
        for note in analysis.notes:
            _indented(console, Text(note), first="  - ")
    return out.getvalue()


def _outcome(outcome: str) -> Text:
    return Text(outcome.upper().ljust(LABEL_WIDTH), style=STYLES.get(outcome, ""))


def _verdict(console: Console, verdict: PolicyVerdict, show_passing: bool) -> None:
    line = Text.assemble(_outcome(verdict.outcome), "  ", (verdict.policy, "bold"), "  ", verdict.title)
    if subject_of(verdict):
        line.append(f"  [{subject_of(verdict)}]", style="dim")
    console.print(line)
    for rule in attention(verdict):
        _rule(console, rule)
    passed = passing(verdict)
    if show_passing:
        for rule in passed:
            console.print(Text.assemble("  ", _outcome(rule.outcome), "  ", rule.id, "  ", rule.title))
    elif passed:
        console.print(Text(f"  {plural(len(passed), 'rule')} passed", style="dim"))


def _rule(console: Console, rule: RuleResult) -> None:
    console.print(Text.assemble("  ", _outcome(rule.outcome), "  ", (rule.id, "bold"), "  ", rule.title))
    _indented(console, Text(rule.message))
    for evidence in rule.evidence:
        _indented(console, _citation(evidence))
    if rule.fix:
        _indented(console, Text.assemble((f"{FIX_LABEL}: ", "bold"), rule.fix))


def _indented(console: Console, text: Text, indent: int = 4, first: str | None = None) -> None:
    """``text`` wrapped with a hanging indent, so a long quote stays under its rule.

    ``first`` replaces the indent on the first line (a bullet), the rest line up under it.
    """
    prefix = first if first is not None else " " * indent
    for line in text.wrap(console, WIDTH - len(prefix)):
        line.rstrip()
        console.print(Text(prefix) + line)
        prefix = " " * len(prefix)


def _citation(evidence: Evidence) -> Text:
    """``file:page:line §section  "quote"``."""
    text = Text(location(evidence), style="cyan")
    if evidence.section:
        text.append(f" §{evidence.section}")
    text.append(f'  "{one_line(evidence.quote)}"', style="italic")
    return text


def _components(console: Console, subject: str, view: Components) -> None:
    """What the release publishes, component by component, and under which licence."""
    console.print(Text.assemble(("Components", "bold"), (f"  [{subject}]", "dim")))
    for component in view:
        licence = f" under {component.license.id}" if component.license else ""
        line = Text(f"  {component.name.replace('_', ' ')}: {component.status}{licence}")
        if component.evidence:
            line.append("  ")
            line.append_text(_citation(component.evidence[0]))
        _indented(console, line, first="")
    console.print()


def _documents(console: Console, documents: tuple[DocumentResult, ...]) -> None:
    if not documents:
        return
    console.print(Text("Documents", style="bold"))
    for result in documents:
        line = Text.assemble("  ", result.path, "  ", (result.role, "dim"))
        doc = result.document
        if doc is not None and doc.paged:
            line.append(f"  {plural(doc.page_count, 'page')}", style="dim")
        if result.error:
            line.append("  error: ", style="bold red")
            line.append(result.error)
        console.print(line)
        for note in result.notes:
            _indented(console, Text(note, style="dim"), first="    note: ")
    console.print()
