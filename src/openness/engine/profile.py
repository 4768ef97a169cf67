"""The user's own situation: how many users, how much revenue, where, for what.

Given in a policy's ``profile { ... }`` block and/or ``--profile FILE`` (YAML, same field
names, same ``40M`` / ``12B USD`` notation); the file wins. A fact not given stays unknown, and
so does every comparison with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

import yaml

from openness.dsl import ast
from openness.dsl.errors import did_you_mean
from openness.dsl.literals import PROFILE_FIELDS, LiteralError, is_currency, parse_quantity
from openness.engine.values import Money
from openness.errors import InputError
from openness.yamldata import UnsafeYAML, load_untrusted

#: The largest profile read, in bytes: a profile is a dozen fields; anything near this is not one.
MAX_PROFILE_BYTES = 64 * 1024

@dataclass(frozen=True, kw_only=True)
class Profile:
    #: Field -> int (counts), :class:`Money`, or a tuple of strings (lists).
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, name: str) -> Any:
        return self.values.get(name)

    def merged(self, override: "Profile | None") -> "Profile":
        """This profile with ``override``'s facts on top."""
        if override is None:
            return self
        return Profile(values={**self.values, **override.values})

    @classmethod
    def from_policy(cls, entries: tuple[ast.ProfileEntry, ...]) -> "Profile":
        """The facts of a checked ``profile { ... }`` block."""
        values: dict[str, Any] = {}
        for entry in entries:
            v = entry.value
            if isinstance(v, ast.Number):
                values[entry.name] = int(v.value)
            elif isinstance(v, ast.MoneyLit):
                values[entry.name] = Money(amount=v.amount, currency=v.currency)
            elif isinstance(v, ast.ListLit):
                values[entry.name] = tuple(
                    i.name if isinstance(i, ast.Symbol) else str(getattr(i, "value", "")) for i in v.items
                )
        return cls(values=values)

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], source: str = "<profile>") -> "Profile":
        """Facts from YAML-like data; raises :class:`InputError` naming the field and the problem."""
        values: dict[str, Any] = {}
        for name, value in raw.items():
            kind = PROFILE_FIELDS.get(str(name))
            if kind is None:
                hint = did_you_mean(str(name), PROFILE_FIELDS) or "fields: " + ", ".join(PROFILE_FIELDS)
                raise InputError(source, f"unknown profile field `{name}`; {hint}")
            try:
                values[str(name)] = _convert(kind, value)
            except (LiteralError, ValueError, TypeError) as exc:
                raise InputError(source, f"profile field `{name}`: {exc}") from None
        return cls(values=values)

    @classmethod
    def from_file(cls, path: str | Path) -> "Profile":
        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_PROFILE_BYTES + 1)
            if len(data) > MAX_PROFILE_BYTES:
                raise InputError(str(path), f"the profile is over the size limit of {MAX_PROFILE_BYTES // 1024} KB")
            raw = load_untrusted(data.decode("utf-8"))
        except OSError as exc:
            raise InputError(str(path), f"cannot read the profile ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(str(path), "the profile is not UTF-8 text") from None
        except UnsafeYAML as exc:
            raise InputError(str(path), f"the profile is refused: {exc}") from None
        except yaml.YAMLError as exc:
            raise InputError(str(path), f"the profile is not valid YAML ({exc.__class__.__name__})") from None
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise InputError(str(path), "a profile is a YAML mapping of field: value")
        return cls.from_mapping(raw, str(path))


def _convert(kind: str, value: Any) -> Any:
    if kind == "int":
        if isinstance(value, bool):
            raise ValueError("expected a count such as 40M")
        if isinstance(value, int):
            return value
        parsed = parse_quantity(str(value))
        if isinstance(parsed, tuple) or parsed != parsed.to_integral_value():
            raise ValueError(f"expected a whole count such as 40M, got {value!r}")
        return int(parsed)
    if kind == "money":
        if isinstance(value, Mapping):
            amount, currency = value.get("amount"), value.get("currency")
            parsed = parse_quantity(str(amount))
            if isinstance(parsed, tuple) or not isinstance(currency, str) or not is_currency(currency):
                raise ValueError("expected `amount` and an ISO 4217 `currency`")
            return Money(amount=parsed, currency=currency)
        parsed = parse_quantity(str(value))
        if not isinstance(parsed, tuple):
            raise ValueError(f"an amount needs its currency, e.g. `12B USD`, got {value!r}")
        return Money(amount=Decimal(parsed[0]), currency=parsed[1])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, int)) for v in value):
        raise ValueError("expected a list of names, e.g. [EU, US]")
    return tuple(str(v) for v in value)
