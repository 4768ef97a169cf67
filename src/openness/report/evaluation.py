"""The report of ``openness eval``: the figures table, then every miss and every false alarm."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from openness.evaluate.groundtruth import AUDITED_GROUPS
from openness.report import Format

if TYPE_CHECKING:
    from openness.evaluate.scoring import Evaluation

#: The formats of the report (Markdown: the table for the docs).
FORMATS = (Format.TEXT, Format.MARKDOWN, Format.JSON)


def render(ev: Evaluation, fmt: Format) -> str:
    if fmt is Format.MARKDOWN:
        return render_markdown(ev)
    if fmt is Format.JSON:
        return json.dumps({
            "schema": "openness.eval/1",
            "rows": [dict(zip(("name", "tp", "fp", "fn", "precision", "recall"), r)) for r in rows(ev)],
            "summary": summary_lines(ev),
            "misses": [{"entry": m.entry, "kind": m.kind, "reviewed": m.reviewed} for m in ev.misses],
            "false_alarms": [{"entry": a.entry, "kind": a.finding.kind, **a.finding.evidence.to_json()}
                             for a in ev.false_alarms],
        }, indent=2, ensure_ascii=False)
    return render_text(ev)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def rows(ev: Evaluation) -> list[tuple[str, int, int, int, float | None, float | None]]:
    """(name, tp, fp, fn, precision, recall) per kind, per group, and overall; a ratio with
    nothing to divide by is None (shown as "-")."""
    from openness.evaluate.scoring import ratio

    out = []
    for kind in ev.kinds:
        tp, fp, fn = ev.score.counts([kind])
        out.append((kind, tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
    for group in AUDITED_GROUPS:
        kinds = [k for k in ev.kinds if k.startswith(group + ".")]
        tp, fp, fn = ev.score.counts(kinds)
        out.append((f"{group}.*", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
    tp, fp, fn = ev.score.counts(ev.kinds)
    out.append(("overall", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn)))
    return out


def summary_lines(ev: Evaluation) -> list[str]:
    thresholds_ok = sum(t.ok for t in ev.thresholds)
    covered = sum(e.covered for e in ev.evidence)
    return [
        f"documents scored: {ev.documents}" + (f" ({len(ev.errors)} unreadable)" if ev.errors else ""),
        f"thresholds with exact number and unit: {thresholds_ok}/{len(ev.thresholds)}",
        f"key quotes covered by a finding's quote of the same kind: {covered}/{len(ev.evidence)}",
        f"misses flagged for review on their clause (review.unclassified): "
        f"{sum(m.reviewed for m in ev.misses)}/{len(ev.misses)}",
    ]


def render_markdown(ev: Evaluation) -> str:
    lines = ["| kind | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|"]
    for name, tp, fp, fn, p, r in rows(ev):
        bold = "**" if "." not in name or name.endswith(".*") else ""
        lines.append(f"| {bold}{name}{bold} | {tp} | {fp} | {fn} | {_pct(p)} | {_pct(r)} |")
    lines.append("")
    lines.extend(f"- {line}" for line in summary_lines(ev))
    return "\n".join(lines) + "\n"


def render_text(ev: Evaluation) -> str:
    lines = [f"openness eval: {ev.root}", ""]
    lines.append(f"{'kind':30} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>6} {'recall':>6}")
    for name, tp, fp, fn, p, r in rows(ev):
        if name.endswith(".*") and name.startswith("grant"):
            lines.append("-" * 58)
        lines.append(f"{name:30} {tp:>4} {fp:>4} {fn:>4} {_pct(p):>6} {_pct(r):>6}")
    lines.append("")
    lines.extend(summary_lines(ev))
    lines.extend(f"unreadable: {error}" for error in ev.errors)
    lines.append("")
    return "\n".join(lines + _misses(ev) + _false_alarms(ev) + _unchecked(ev)) + "\n"


def _misses(ev: Evaluation) -> list[str]:
    lines = [f"misses ({len(ev.misses)}):"]
    for miss in ev.misses:
        flagged = " (flagged for review)" if miss.reviewed else ""
        lines.append(f"  {miss.entry} [{miss.file}] {miss.kind}{flagged}")
        lines.extend(f"      expected §{section or '?'} \"{quote}\"" for quote, section in miss.expected)
    return lines


def _false_alarms(ev: Evaluation) -> list[str]:
    lines = [f"false alarms ({len(ev.false_alarms)}):"]
    for alarm in ev.false_alarms:
        e = alarm.finding.evidence
        lines.append(f"  {alarm.entry} [{alarm.file}] {alarm.finding.kind} {dict(alarm.finding.attributes) or ''}")
        lines.append(f"      found {e.path}:{e.line} §{e.section or '-'} \"{e.quote}\"")
    return lines


def _unchecked(ev: Evaluation) -> list[str]:
    """Thresholds read with the wrong number or unit, and key quotes no finding covers."""
    bad = [t for t in ev.thresholds if not t.ok]
    lines = [f"threshold attribute errors ({len(bad)}):"]
    lines.extend(f"  {t.entry} {t.kind}: expected {t.expected}, found {', '.join(t.found) or 'nothing'}"
                 for t in bad)
    uncovered = [e for e in ev.evidence if not e.covered]
    lines.append(f"key quotes not covered ({len(uncovered)}):")
    lines.extend(f"  {e.entry} {e.kind} §{e.section or '?'} \"{e.quote}\"" for e in uncovered)
    return lines
