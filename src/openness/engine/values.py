"""Values the engine compares: counts, money with currencies and rates, lists; three-valued logic.

``None`` stands for *unknown* throughout: a comparison with a missing attribute, a missing
profile fact or two currencies without a declared rate is neither true nor false.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable, Optional

Truth = Optional[bool]


@dataclass(frozen=True, kw_only=True)
class Money:
    amount: Decimal
    currency: str

    def __str__(self) -> str:
        return f"{format_number(self.amount)} {self.currency}"


class Rates:
    """Declared exchange rates; conversions may chain (EUR -> USD -> GBP) and run backwards."""

    def __init__(self, rates: Iterable[tuple[str, Decimal, str]] = ()) -> None:
        self._edges: dict[str, dict[str, Decimal]] = {}
        for source, factor, target in rates:
            self._edges.setdefault(source, {})[target] = factor
            self._edges.setdefault(target, {}).setdefault(source, 1 / factor)
        #: Factors already worked out: every finding with an amount asks for the same few.
        self._factors: dict[tuple[str, str], Decimal | None] = {}

    def factor(self, source: str, target: str) -> Decimal | None:
        """How many ``target`` units one ``source`` unit is worth, or ``None`` without a rate."""
        key = (source, target)
        try:
            return self._factors[key]
        except KeyError:
            factor = self._factors[key] = self._search(source, target)
            return factor
        except TypeError:  # a malformed finding's currency that cannot be a key
            return self._search(source, target)

    def _search(self, source: str, target: str) -> Decimal | None:
        if source == target:
            return Decimal(1)
        seen = {source}
        frontier = [(source, Decimal(1))]
        while frontier:
            nxt = []
            for currency, factor in frontier:
                for other, step in self._edges.get(currency, {}).items():
                    if other == target:
                        return factor * step
                    if other not in seen:
                        seen.add(other)
                        nxt.append((other, factor * step))
            frontier = nxt
        return None

    def in_currency(self, money: Money, currency: str) -> Decimal | None:
        factor = self.factor(money.currency, currency)
        return None if factor is None else money.amount * factor


def kleene_and(values: Iterable[Truth]) -> Truth:
    result: Truth = True
    for value in values:
        if value is False:
            return False
        if value is None:
            result = None
    return result


def kleene_or(values: Iterable[Truth]) -> Truth:
    result: Truth = False
    for value in values:
        if value is True:
            return True
        if value is None:
            result = None
    return result


def kleene_not(value: Truth) -> Truth:
    return None if value is None else not value


def format_number(value: Any) -> str:
    """``700000000`` -> ``700,000,000``; fractions keep their digits."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def format_value(value: Any) -> str:
    """A value as a message shows it: grouped digits, ``yes``/``no``, lists joined, enums in words."""
    if value is None:
        return "(not stated)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, Decimal)):
        return format_number(value)
    if isinstance(value, Money):
        return str(value)
    if isinstance(value, (list, tuple, frozenset, set)):
        return ", ".join(format_value(v) for v in value)
    return str(value)
