"""The typed syntax tree of a rule file, as the parser builds it and the checker validates it.

Every node keeps its :class:`Location` so that the checker and the engine can point at the
text that a message is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

#: How deeply conditions and filters may nest (``not``, ``and``, ``or``, ``where``), and how long
#: a chain of rules that ``require`` each other may be. The checker, the engine and the cache
#: walk these recursively; the bound keeps every such walk far from Python's recursion limit,
#: whatever a rule file holds.
MAX_NESTING = 200


@dataclass(frozen=True, kw_only=True)
class Location:
    """Where a node sits in its rule file (1-based line and column, as editors count them)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Number:
    """A count such as ``40M`` or ``1_000``; a fraction only where a suffix makes it whole."""

    value: Decimal
    text: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class MoneyLit:
    """An amount with its ISO 4217 currency: ``12B USD``."""

    amount: Decimal
    currency: str
    text: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Text:
    value: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Bool:
    value: bool
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Symbol:
    """A bare word: the name of an attribute of the matched finding, or an enum value."""

    name: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Reference:
    """A dotted name used as a value: ``profile.monthly_active_users``."""

    name: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class ListLit:
    items: tuple["Scalar", ...]
    loc: Location


Scalar = Union[Number, MoneyLit, Text, Bool, Symbol]
Value = Union[Number, MoneyLit, Text, Bool, Symbol, ListLit]
Operand = Union[Number, MoneyLit, Text, Bool, Symbol, ListLit, Reference]


# --- filters on one finding (`where ...`) ------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Compare:
    #: ``<``, ``<=``, ``>``, ``>=``, ``==``, ``!=``, ``in``, ``not in``, ``overlaps``, ``contains``.
    op: str
    left: Operand
    right: Operand
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Flag:
    """A boolean attribute used as a test: ``where available``."""

    name: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class AllOf:
    items: tuple["Expr", ...]
    loc: Location


@dataclass(frozen=True, kw_only=True)
class AnyOf:
    items: tuple["Expr", ...]
    loc: Location


@dataclass(frozen=True, kw_only=True)
class NoneOf:
    """``not X``: true when X is false."""

    item: "Expr"
    loc: Location


Expr = Union[Compare, Flag, AllOf, AnyOf, NoneOf]


# --- conditions over the findings ------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Match:
    """``KIND [where FILTER]``: some finding of the kind passes the filter.

    ``name`` may also be another policy's rule (``osd.no-field-of-use``) as the whole
    condition of a ``require``; the checker tells the two apart.
    """

    name: str
    where: Expr | None
    loc: Location
    #: Location of ``name`` alone, for messages about the kind.
    name_loc: Location


@dataclass(frozen=True, kw_only=True)
class CondAll:
    items: tuple["Condition", ...]
    loc: Location


@dataclass(frozen=True, kw_only=True)
class CondAny:
    items: tuple["Condition", ...]
    loc: Location


@dataclass(frozen=True, kw_only=True)
class CondNot:
    item: "Condition"
    loc: Location


Condition = Union[Match, CondAll, CondAny, CondNot]


# --- rules and policies -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Clause:
    """One line of a rule: ``fail if ...``, ``warn if ...`` or ``require ...``."""

    #: ``fail``, ``warn`` or ``require``.
    verb: str
    condition: Condition
    #: For ``require``: the outcome when the requirement is not met (``fail`` unless ``as warn``).
    severity: str
    #: The message template as written, or ``None`` for a generated message.
    message: Text | None
    #: The condition's source text, quoted in traces.
    source: str
    loc: Location
    #: True when ``as SEVERITY`` was written (only meaningful for a required rule).
    severity_given: bool = False


@dataclass(frozen=True, kw_only=True)
class ExampleDocument:
    #: Document role the text plays (``license`` unless given).
    role: str
    text: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Example:
    """A licence sentence (or a few documents) and the outcome the rule must give on it."""

    outcome: str
    documents: tuple[ExampleDocument, ...]
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Rule:
    name: str
    title: str
    clauses: tuple[Clause, ...]
    examples: tuple[Example, ...] = ()
    rationale: str | None = None
    reference_url: str | None = None
    reference_criterion: str | None = None
    fix: Text | None = None
    loc: Location
    #: Filled in by the checker: ``policy.rule``.
    id: str = ""


@dataclass(frozen=True, kw_only=True)
class Rate:
    """``rate EUR = 1.08 USD``: one unit of ``currency`` is worth ``factor`` units of ``to``."""

    currency: str
    factor: Decimal
    to: str | None
    loc: Location


@dataclass(frozen=True, kw_only=True)
class ProfileEntry:
    name: str
    value: Value
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Import:
    target: str
    loc: Location


@dataclass(frozen=True, kw_only=True)
class Policy:
    """A validated policy with everything it imports, ready for :func:`openness.engine.compile`."""

    name: str
    title: str
    path: str
    rules: tuple[Rule, ...]
    source: str | None = None
    rates: tuple[Rate, ...] = ()
    profile: tuple[ProfileEntry, ...] = ()
    #: Policies of the imported files, by policy name (filled in by the loader).
    imports: dict[str, "Policy"] = field(default_factory=dict)
    loc: Location

    def rule(self, name: str) -> Rule | None:
        """The rule named ``name`` (without the policy prefix), if any."""
        for rule in self.rules:
            if rule.name == name:
                return rule
        return None


@dataclass(frozen=True, kw_only=True)
class RuleFile:
    """What the parser returns for one file, before imports are resolved."""

    path: str
    imports: tuple[Import, ...]
    policies: tuple[Policy, ...]
    loc: Location
