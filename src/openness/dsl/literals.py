"""Numbers, money and the profile's fields: the typed values a rule file and a profile share.

Kept apart from the parser so that ``--profile FILE`` (YAML) reads ``40M`` and ``12B USD``
exactly as a rule file does.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

#: Number suffixes, as licences and people write large counts.
SUFFIXES: dict[str, int] = {"": 1, "K": 1_000, "M": 1_000_000, "B": 1_000_000_000}

#: The facts a profile can state about the user, and their types (as in taxonomy.yaml).
PROFILE_FIELDS: dict[str, str] = {
    "monthly_active_users": "int",
    "daily_active_users": "int",
    "annual_revenue": "money",
    "regions": "regions",
    "intended_uses": "strings",
}

_NUMBER = re.compile(r"^([0-9][0-9_]*)(\.[0-9][0-9_]*)?([A-Za-z]*)$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_QUANTITY = re.compile(r"^\s*(\S+)(?:\s+([A-Za-z]{3}))?\s*$")


class LiteralError(ValueError):
    """A value that is not a number, an amount or a currency; the message is a sentence."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


def parse_number(text: str) -> Decimal:
    """``40M`` -> 40000000, ``1_000`` -> 1000, ``1.08`` -> 1.08, ``1.5B`` -> 1500000000."""
    match = _NUMBER.match(text)
    if not match:
        raise LiteralError(f"`{text}` is not a number", "write digits, e.g. `700M` or `1_000_000`")
    whole, fraction, suffix = match.groups()
    if suffix.upper() not in SUFFIXES:
        raise LiteralError(
            f"bad number suffix `{suffix}` in `{text}`",
            "a number may end in K (thousand), M (million) or B (billion); "
            "a currency goes after a space: `12B USD`",
        )
    try:
        value = Decimal(whole.replace("_", "") + (fraction or "").replace("_", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise LiteralError(f"`{text}` is not a number") from exc
    return value * SUFFIXES[suffix.upper()]


def is_currency(code: str) -> bool:
    """An ISO 4217 code is three capital letters (``USD``, ``EUR``)."""
    return bool(_CURRENCY.match(code))


def parse_quantity(text: str) -> Decimal | tuple[Decimal, str]:
    """A count (``40M``) or an amount with its currency (``12B USD``), as a profile states them."""
    match = _QUANTITY.match(text)
    if not match:
        raise LiteralError(f"`{text}` is not a number or an amount", "write e.g. `40M` or `12B USD`")
    number, currency = match.groups()
    value = parse_number(number)
    if currency is None:
        return value
    if not is_currency(currency):
        raise LiteralError(f"`{currency}` is not a currency code", "use an ISO 4217 code such as USD or EUR")
    return value, currency
