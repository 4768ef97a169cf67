"""The answer first: what every report opens with, and the numbered evidence it refers to.

A reader wants the verdict before the reasoning: one line per policy with its outcome and the
two or three rules that decided it, then, when a profile was given, the practical answers
("may we use it?"). The details follow, and every clause they rest on is quoted once, under a
number, however many rules use it: a use policy of thirty bullets read by two policies is thirty
quotes, not sixty. The text, Markdown, HTML and JSON reports all take their answer from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, TYPE_CHECKING, Iterable

from openness.engine.words import FOUND_INSTEAD
from openness.model import Outcome
from openness.report.outline import attention

if TYPE_CHECKING:
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Analysis, Evidence

#: ``mof.class-iii: `` before the words of a rule that another rule requires.
_REQUIRED_RULE = re.compile(r"^(?:[\w-]+\.[\w.-]+: )+")

#: How many rules an answer line names as its reasons.
REASONS = 3

#: A practical answer in words: what a ``for-you`` outcome means to the user.
ANSWERS = {Outcome.PASS: "yes", Outcome.WARN: "yes, with conditions", Outcome.UNKNOWN: "unknown",
           Outcome.FAIL: "no"}


def evidence_key(evidence: Evidence) -> tuple[str, int, int]:
    """What makes two pieces of evidence the same clause: the file and the span."""
    return (evidence.path, evidence.start, evidence.end)


class Citations:
    """Every piece of evidence a report cites, numbered once in the order the report first uses
    it, so that a rule refers to ``[3]`` instead of quoting the clause again."""

    def __init__(self, evidence: Iterable[Evidence]) -> None:
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.entries: list[tuple[int, Evidence]] = []
        for piece in evidence:
            key = evidence_key(piece)
            if key not in self.numbers:
                self.numbers[key] = len(self.entries) + 1
                self.entries.append((self.numbers[key], piece))

    @classmethod
    def of(cls, analysis: Analysis) -> Citations:
        """The citations of ``analysis`` in report order: the answers' reasons, the practical
        answers, the rules in detail, then what each component's status rests on."""
        rules = [*(r for line in answers(analysis) for r in line.reasons),
                 *(rule for verdict in analysis.for_you for rule in verdict.rules),
                 *(rule for verdict in analysis.verdicts for rule in attention(verdict))]
        return cls([*(e for rule in rules for e in rule.evidence),
                    *(c.evidence[0] for view in analysis.components.values() for c in view
                      if c.evidence)])

    def number(self, evidence: Evidence) -> int:
        return self.numbers[evidence_key(evidence)]

    def at(self, path: str, line: int) -> list[int]:
        """The numbers of the cited evidence that starts on ``line`` of ``path``."""
        return sorted(n for n, e in self.entries if e.path == path and e.line == line)

    def see(self, path: str) -> Callable[[int], str]:
        """How a passage on a line of ``path`` is referred to when the report already quotes
        that clause ("see [3]"), else ""."""
        return lambda line: f"see {refs_text(self.at(path, line))}" if self.at(path, line) else ""

    def refs(self, evidence: Iterable[Evidence]) -> list[int]:
        """The numbers of ``evidence``, sorted and without repeats."""
        return sorted({self.number(e) for e in evidence})


def ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers as (first, last) pairs: [1, 2, 3, 5] -> [(1, 3), (5, 5)]."""
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def refs_text(numbers: list[int]) -> str:
    """``[1–3, 5]``; empty for no numbers."""
    if not numbers:
        return ""
    return "[" + ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in ranges(numbers)) + "]"


@dataclass(frozen=True, kw_only=True)
class PolicyLine:
    """One policy's answer on one subject: its outcome and the rules that decided it."""

    verdict: PolicyVerdict
    #: The first rules (in the engine's order) whose outcome is the verdict's, up to REASONS.
    reasons: tuple[RuleResult, ...]
    #: How many more rules share that outcome.
    more: int


def decisive(verdict: PolicyVerdict) -> PolicyLine:
    """The answer line of ``verdict``: the rules with the verdict's own outcome decided it."""
    deciding = [r for r in verdict.rules if r.outcome == verdict.outcome and r.outcome != Outcome.PASS]
    return PolicyLine(verdict=verdict, reasons=tuple(deciding[:REASONS]),
                      more=max(len(deciding) - REASONS, 0))


def answers(analysis: Analysis) -> list[PolicyLine]:
    """The answer lines of every verdict, in the analysis' order."""
    return [decisive(verdict) for verdict in analysis.verdicts]


def subjects(analysis: Analysis) -> list[str]:
    """The subjects judged, in order, each once."""
    return list(dict.fromkeys([v.subject for v in (*analysis.verdicts, *analysis.for_you)]))


def reason(rule: RuleResult) -> str:
    """A rule's decisive words: the first part of its message, without the name of a rule it
    requires or the findings it found instead (the evidence numbers point at those), else its
    title."""
    first = rule.message.split("; ")[0].split(FOUND_INSTEAD)[0].strip() if rule.message else ""
    return _REQUIRED_RULE.sub("", first) or rule.title


def reasons(line: PolicyLine) -> list[RuleResult]:
    """The reasons of an answer line, one per distinct wording (a class that fails because the
    class below it fails says nothing new)."""
    seen: dict[str, RuleResult] = {}
    for rule in line.reasons:
        seen.setdefault(reason(rule), rule)
    return list(seen.values())


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"
