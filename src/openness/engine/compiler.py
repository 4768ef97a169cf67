"""Policy -> closures: every comparison or flag of a ``where`` filter becomes a function of a
finding's attributes; ``and``, ``or`` and ``not`` stay a tree the engine combines over all
findings of a kind at once.

Compiled once, evaluated many times. Each filter also keeps an *explainer* that runs the same
comparison on one finding and says in words what it compared and why the answer is true,
false or unknown; the engine calls it only for the findings that decide a result.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Callable, Hashable

from openness.dsl import ast
from openness.dsl.checker import attribute_types, is_rule_reference
from openness.dsl.literals import PROFILE_FIELDS
from openness.dsl.templates import Template, parse_template
from openness.engine.profile import Profile
from openness.engine.values import Money, Rates, Truth, format_value, kleene_and, kleene_not, kleene_or
from openness.taxonomy import load_taxonomy
from openness.yamldata import safe_load

#: What a missing piece was: ("attribute", "count"), ("profile", "monthly_active_users"),
#: ("rate", "EUR/USD").
Missing = tuple[str, str]
Getter = Callable[[Any, "Env"], Any]
Predicate = Callable[[Any, "Env"], Truth]
Explainer = Callable[[Any, "Env"], tuple[Truth, str, list[Missing]]]


@dataclass(frozen=True, kw_only=True)
class Env:
    """What a filter may read besides the finding: the profile and the rates."""

    profile: Profile
    rates: Rates


@dataclass(frozen=True, kw_only=True)
class Operand:
    get: Getter
    #: How the trace names it: ``count``, ``profile.monthly_active_users``, ``20B USD``.
    label: str
    #: What is missing when ``get`` returns ``None``.
    missing: Missing | None = None


@dataclass(frozen=True, kw_only=True)
class Filter:
    explain: Explainer
    #: What the filter tests, as a value: equal keys give equal answers on the findings of one
    #: kind, so a run works out each distinct test once however many rules repeat it.
    key: Hashable
    #: "test" for a comparison or a flag, answered by ``test``; "all", "any" or "not" over
    #: ``parts``, which the engine combines for all findings of a kind at once.
    op: str = "test"
    test: Predicate | None = None
    parts: tuple["Filter", ...] = ()


@dataclass(frozen=True, kw_only=True)
class CompiledMatch:
    kind: str
    filter: Filter | None
    #: Document roles that can settle whether the kind is present.
    sources: frozenset[str]
    source: str


@dataclass(frozen=True, kw_only=True)
class CompiledCondition:
    op: str  # "match", "all", "any", "not"
    match: CompiledMatch | None = None
    items: tuple["CompiledCondition", ...] = ()
    source: str = ""
    #: What the condition tests, as a value: equal keys give equal answers in one run.
    key: Hashable = None
    #: A match's place among its clause's matches, left to right (``CompiledClause.leaves``).
    leaf: int = -1


@dataclass(frozen=True, kw_only=True)
class CompiledClause:
    verb: str
    severity: str
    severity_given: bool
    source: str
    condition: CompiledCondition | None
    #: ``policy.rule`` of a required rule (instead of a condition).
    requires: str | None
    message: Template | None
    #: Attribute name -> taxonomy type, for rendering the matched finding's attributes.
    attribute_types: dict[str, str]
    #: The condition's matches, left to right: the words of a result name this clause's own.
    leaves: tuple[CompiledMatch, ...] = ()
    #: Verb, severity and condition as a value: clauses of other rules with the same key
    #: reach the same outcome on the same findings, so a run decides each key once.
    key: Hashable = None


@dataclass(frozen=True, kw_only=True)
class CompiledRule:
    id: str
    title: str
    rule: ast.Rule
    clauses: tuple[CompiledClause, ...]
    fix: Template | None


@dataclass(frozen=True, kw_only=True)
class CompiledPolicy:
    policy: ast.Policy
    #: The policy's own rules, in file order.
    rules: tuple[CompiledRule, ...]
    #: Every rule reachable by ``require``, by id (own and imported).
    registry: dict[str, CompiledRule]
    rates: Rates
    profile: Profile


def compile(policy: ast.Policy) -> CompiledPolicy:  # noqa: A001 - the public name
    """Turn a checked policy (from :func:`openness.dsl.load`) into something fast to evaluate."""
    registry: dict[str, CompiledRule] = {}
    rates: list[tuple[str, Decimal, str]] = []
    _add(policy, _Kinds(), registry, rates, set())
    # The importing policy's rates are declared last and win on a conflict.
    return CompiledPolicy(
        policy=policy,
        rules=tuple(registry[r.id] for r in policy.rules),
        registry=registry,
        rates=Rates(rates),
        profile=Profile.from_policy(policy.profile),
    )


def _add(policy: ast.Policy, kinds: "_Kinds", registry: dict[str, CompiledRule],
         rates: list[tuple[str, Decimal, str]], seen: set[str]) -> None:
    """Compile ``policy``'s rules into ``registry``, its imports' first, each policy once.

    A function of the module, not a closure: a closure that calls itself is a reference cycle,
    and it would keep the registry alive until the cycle collector came by."""
    if policy.name in seen:
        return
    seen.add(policy.name)
    for imported in policy.imports.values():
        _add(imported, kinds, registry, rates, seen)
    rates.extend((r.currency, r.factor, r.to) for r in policy.rates if r.to is not None)
    for rule in policy.rules:
        registry[rule.id] = _compile_rule(rule, kinds)


class _Kinds:
    """What one compilation reads about each kind it meets, looked up once per kind."""

    def __init__(self) -> None:
        self.taxonomy = load_taxonomy()
        self._attrs: dict[str, dict[str, Any]] = {}
        self._sources: dict[str, frozenset[str]] = {}

    def attrs(self, name: str) -> dict[str, Any]:
        """The kind's attributes as filters and templates see them (see ``attribute_types``)."""
        attrs = self._attrs.get(name)
        if attrs is None:
            attrs = self._attrs[name] = attribute_types(self.taxonomy.kinds[name])
        return attrs

    def sources(self, name: str) -> frozenset[str]:
        sources = self._sources.get(name)
        if sources is None:
            group = self.taxonomy.groups[self.taxonomy.kinds[name].group]
            sources = self._sources[name] = frozenset(group.sources)
        return sources


def _compile_rule(rule: ast.Rule, kinds: _Kinds) -> CompiledRule:
    return CompiledRule(
        id=rule.id,
        title=rule.title,
        rule=rule,
        clauses=tuple(_compile_clause(c, kinds) for c in rule.clauses),
        fix=parse_template(rule.fix.value) if rule.fix is not None else None,
    )


def _compile_clause(clause: ast.Clause, kinds: _Kinds) -> CompiledClause:
    condition = clause.condition
    message = parse_template(clause.message.value) if clause.message is not None else None
    if (clause.verb == "require" and isinstance(condition, ast.Match) and condition.where is None
            and is_rule_reference(condition, kinds.taxonomy)):
        return CompiledClause(
            verb="require", severity=clause.severity, severity_given=clause.severity_given,
            source=clause.source, condition=None, requires=condition.name, message=message,
            attribute_types={},
        )
    types: dict[str, str] = {}
    for kind in _kinds(condition):
        types.update({name: t.type for name, t in kinds.attrs(kind).items()})
    leaves: list[CompiledMatch] = []
    compiled = _compile_condition(condition, clause.source, kinds, leaves)
    return CompiledClause(
        verb=clause.verb, severity=clause.severity, severity_given=clause.severity_given,
        source=clause.source, condition=compiled, requires=None,
        message=message, attribute_types=types, leaves=tuple(leaves),
        key=(clause.verb, clause.severity, compiled.key),
    )


def _kinds(condition: ast.Condition) -> list[str]:
    if isinstance(condition, ast.Match):
        return [condition.name]
    if isinstance(condition, ast.CondNot):
        return _kinds(condition.item)
    return [k for item in condition.items for k in _kinds(item)]


def _compile_condition(condition: ast.Condition, source: str, kinds: _Kinds,
                       leaves: list[CompiledMatch]) -> CompiledCondition:
    """``condition`` compiled; its matches are appended to ``leaves`` left to right."""
    if isinstance(condition, ast.Match):
        name = condition.name
        match = CompiledMatch(
            kind=name,
            filter=_compile_expr(condition.where, kinds.attrs(name)) if condition.where else None,
            sources=kinds.sources(name),
            source=source,
        )
        leaves.append(match)
        return CompiledCondition(
            op="match", match=match, source=source, leaf=len(leaves) - 1,
            key=("match", name, match.filter.key if match.filter is not None else None),
        )
    if isinstance(condition, ast.CondNot):
        inner = _compile_condition(condition.item, source, kinds, leaves)
        return CompiledCondition(op="not", items=(inner,), source=source, key=("not", inner.key))
    op = "all" if isinstance(condition, ast.CondAll) else "any"
    items = tuple(_compile_condition(i, source, kinds, leaves) for i in condition.items)
    return CompiledCondition(op=op, items=items, source=source, key=(op, tuple(i.key for i in items)))


# --- filters ----------------------------------------------------------------------------------


def _compile_expr(expr: ast.Expr, attrs: dict[str, Any]) -> Filter:
    if isinstance(expr, ast.Flag):
        name = expr.name

        def flag(a: Any, env: Env) -> Truth:
            value = a.get(name)
            return None if value is None else bool(value)

        def explain_flag(a: Any, env: Env) -> tuple[Truth, str, list[Missing]]:
            value = flag(a, env)
            if value is None:
                return None, f"`{name}` is not stated", [("attribute", name)]
            return value, f"{name} is {format_value(value)}", []

        return Filter(test=flag, explain=explain_flag, key=("flag", name))
    if isinstance(expr, ast.NoneOf):
        inner = _compile_expr(expr.item, attrs)

        def explain_not(a: Any, env: Env) -> tuple[Truth, str, list[Missing]]:
            truth, text, missing = inner.explain(a, env)
            return kleene_not(truth), f"not ({text})", missing

        return Filter(explain=explain_not, key=("not", inner.key), op="not", parts=(inner,))
    if isinstance(expr, (ast.AllOf, ast.AnyOf)):
        parts = tuple(_compile_expr(i, attrs) for i in expr.items)
        combine = kleene_and if isinstance(expr, ast.AllOf) else kleene_or
        word = " and " if isinstance(expr, ast.AllOf) else " or "

        def explain_all(a: Any, env: Env) -> tuple[Truth, str, list[Missing]]:
            explained = [p.explain(a, env) for p in parts]
            missing = [m for _, _, ms in explained for m in ms]
            return combine(t for t, _, _ in explained), word.join(f"({x})" for _, x, _ in explained), missing

        op = "all" if isinstance(expr, ast.AllOf) else "any"
        return Filter(explain=explain_all, key=(op, tuple(p.key for p in parts)), op=op, parts=parts)
    return _compile_compare(expr, attrs)


def _operand(node: ast.Operand, attrs: dict[str, Any]) -> Operand:
    if isinstance(node, ast.Symbol) and node.name in attrs:
        name = node.name
        if attrs[name].type == "money":
            def money(a: Any, env: Env) -> Any:
                amount, currency = a.get(name), a.get("currency")
                if amount is None or currency is None:
                    return None
                return Money(amount=Decimal(amount), currency=currency)

            return Operand(get=money, label=name, missing=("attribute", name))
        return Operand(get=lambda a, env: a.get(name), label=name, missing=("attribute", name))
    if isinstance(node, ast.Reference):
        field = node.name.split(".", 1)[1]
        return Operand(get=lambda a, env: env.profile.values.get(field), label=node.name,
                       missing=("profile", field))
    value = _literal(node)
    return Operand(get=lambda a, env: value, label=_literal_label(node))


def _literal(node: ast.Operand) -> Any:
    if isinstance(node, ast.Number):
        return node.value
    if isinstance(node, ast.MoneyLit):
        return Money(amount=node.amount, currency=node.currency)
    if isinstance(node, (ast.Text, ast.Bool)):
        return node.value
    if isinstance(node, ast.Symbol):
        return node.name
    if isinstance(node, ast.ListLit):
        return tuple(_literal(i) for i in node.items)
    raise TypeError(f"not a literal: {node!r}")  # pragma: no cover - the checker rules it out


def _literal_label(node: ast.Operand) -> str:
    if isinstance(node, ast.Number):
        return node.text
    if isinstance(node, ast.MoneyLit):
        return node.text
    if isinstance(node, ast.Text):
        return f'"{node.value}"'
    if isinstance(node, ast.Bool):
        return "true" if node.value else "false"
    if isinstance(node, ast.ListLit):
        return "[" + ", ".join(_literal_label(i) for i in node.items) + "]"
    return getattr(node, "name", "?")


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _as_set(value: Any) -> frozenset[Any]:
    if isinstance(value, (list, tuple, set, frozenset)):
        return frozenset(_fold(v) for v in value)
    return frozenset((_fold(value),))


_ORDER: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
}


def _compare_values(op: str, left: Any, right: Any, rates: Rates) -> tuple[Truth, Missing | None]:
    """``left op right``; unknown (``None``) with what is missing when it cannot be told."""
    if isinstance(left, Money) or isinstance(right, Money):
        if not (isinstance(left, Money) and isinstance(right, Money)):
            return None, None
        converted = rates.in_currency(right, left.currency)
        if converted is None:
            return None, ("rate", f"{left.currency}/{right.currency}")
        left, right = left.amount, converted
    return _compared(op, left, right), None


def _compared(op: str, left: Any, right: Any) -> bool:
    """``left op right`` for two plain values (amounts in one currency, counts, words, lists)."""
    if op in _ORDER:
        return _ORDER[op](left, right)
    if op in ("==", "!="):
        if isinstance(left, (list, tuple)) or isinstance(right, (list, tuple)):
            same = _as_set(left) == _as_set(right)
        else:
            same = _fold(left) == _fold(right)
        return same if op == "==" else not same
    if op in ("in", "not in"):
        inside = _fold(left) in _as_set(right)
        return inside if op == "in" else not inside
    if op == "overlaps":
        return bool(_as_set(left) & _as_set(right))
    if op == "contains":
        return _fold(right) in _as_set(left)
    raise ValueError(f"unknown operator {op}")  # pragma: no cover - the grammar admits no other


@cache
def _region_aliases() -> dict[str, str]:
    raw = safe_load(resources.files("openness.engine").joinpath("regions.yaml").read_text("utf-8"))
    table: dict[str, str] = {}
    for canonical, others in raw["aliases"].items():
        for name in (canonical, *others):
            table[str(name).casefold()] = canonical
    return table


def _is_regions(node: ast.Operand, attrs: dict[str, Any]) -> bool:
    if isinstance(node, ast.Symbol):
        return node.name in attrs and attrs[node.name].type == "regions"
    if isinstance(node, ast.Reference):
        return PROFILE_FIELDS.get(node.name.split(".", 1)[1]) == "regions"
    return False


def _canonical_regions(operand: Operand) -> Operand:
    """``operand`` with every region name read through the alias table (EU -> European Union)."""
    get, table = operand.get, _region_aliases()

    def canonical(a: Any, env: Env) -> Any:
        value = get(a, env)
        if value is None:
            return None
        if isinstance(value, str):
            return table.get(value.casefold(), value)
        return tuple(table.get(str(v).casefold(), v) for v in value)

    return Operand(get=canonical, label=operand.label, missing=operand.missing)


def _compile_compare(cmp: ast.Compare, attrs: dict[str, Any]) -> Filter:
    left, right = _operand(cmp.left, attrs), _operand(cmp.right, attrs)
    if _is_regions(cmp.left, attrs) or _is_regions(cmp.right, attrs):
        left, right = _canonical_regions(left), _canonical_regions(right)
    op, lget, rget = cmp.op, left.get, right.get

    def test(a: Any, env: Env) -> Truth:
        x = lget(a, env)
        if x is None:
            return None
        y = rget(a, env)
        if y is None:
            return None
        try:
            return _compare_values(op, x, y, env.rates)[0]
        except TypeError:  # an attribute of the wrong type is as good as unknown
            return None

    def explain(a: Any, env: Env) -> tuple[Truth, str, list[Missing]]:
        x, y = lget(a, env), rget(a, env)
        missing = [o.missing for o, v in ((left, x), (right, y)) if v is None and o.missing]
        shown = f"{_shown(left, x)} {op} {_shown(right, y)}"
        if missing:
            return None, f"{shown}: unknown", missing
        try:
            truth, lack = _compare_values(op, x, y, env.rates)
        except TypeError:
            return None, f"{shown}: unknown, the values cannot be compared", [("attribute", left.label)]
        if lack is not None:
            return None, f"{shown}: unknown, no rate between {lack[1].replace('/', ' and ')} is declared", [lack]
        return truth, f"{shown}: {'true' if truth else 'false'}", []

    return Filter(test=test, explain=explain,
                  key=("compare", op, _key(cmp.left, attrs), _key(cmp.right, attrs)))


def _key(node: ast.Operand, attrs: dict[str, Any]) -> Hashable:
    """An operand as a value: an attribute, a profile fact or a literal (with its type, so that
    the number 1 and the text "1" stay apart)."""
    if isinstance(node, ast.Symbol) and node.name in attrs:
        return ("attribute", node.name)
    if isinstance(node, ast.Reference):
        return ("profile", node.name)
    return (type(node).__name__, _literal(node))


def _shown(operand: Operand, value: Any) -> str:
    if operand.missing is None:
        return operand.label
    if value is None:
        return f"{operand.label} (not stated)" if operand.missing[0] == "attribute" else f"{operand.label} (not given)"
    return f"{operand.label} {format_value(value)}"
