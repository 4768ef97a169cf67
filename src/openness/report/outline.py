"""What every human-facing report shows, and in which words: outcomes, locations, grouping.

Kept in one place so the text, Markdown, HTML and SARIF reports cite evidence the same way and
a reader can move between them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from openness.model import Outcome

if TYPE_CHECKING:
    from openness.engine.results import PolicyVerdict, RuleResult
    from openness.model import Evidence

#: Outcomes a reader must look at; ``pass`` is folded away unless asked for.
ATTENTION = frozenset({Outcome.FAIL, Outcome.WARN, Outcome.UNKNOWN})

#: What to call the thing that would change a verdict, wherever a report shows ``fix``.
FIX_LABEL = "To change the verdict"


def needs_attention(rule: RuleResult) -> bool:
    return rule.outcome in ATTENTION


def attention(verdict: PolicyVerdict) -> list[RuleResult]:
    """The rules of a verdict that did not pass, in the engine's order."""
    return [rule for rule in verdict.rules if needs_attention(rule)]


def passing(verdict: PolicyVerdict) -> list[RuleResult]:
    return [rule for rule in verdict.rules if not needs_attention(rule)]


def subject_of(verdict: PolicyVerdict) -> str:
    """The PATH argument a verdict judged, as ``analyze`` records it; empty when not recorded."""
    return verdict.subject


def location(evidence: Evidence) -> str:
    """``file:page:line`` for paged sources, ``file:line`` for text, as compilers print them."""
    if evidence.page is None:
        return f"{evidence.path}:{evidence.line}"
    return f"{evidence.path}:{evidence.page}:{evidence.line}"


def one_line(quote: str) -> str:
    """A quote with its line breaks and runs of spaces folded, for a one-line citation."""
    return " ".join(quote.split())


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
