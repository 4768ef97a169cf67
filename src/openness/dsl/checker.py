"""Validation of a parsed policy against the taxonomy, the profile fields and its imports.

Every problem of a file is collected (not only the first), each located and, where a near name
exists, with the name that was probably meant. The engine relies on what is checked here: it
never meets an unknown kind, attribute, profile field or template name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from openness.dsl import ast
from openness.dsl.errors import Diagnostic, did_you_mean
from openness.dsl.literals import PROFILE_FIELDS, is_currency
from openness.dsl.templates import TemplateError, parse_template
from openness.roles import ROLES
from openness.taxonomy import Kind, Taxonomy, load_taxonomy

#: Names every finding offers to a message template, besides its attributes.
FINDING_NAMES = ("quote", "section")
#: Types whose values are lists.
LIST_TYPES = frozenset({"regions", "strings", "list"})

_TYPE_WORDS = {
    "int": "a count",
    "money": "an amount of money",
    "enum": "a choice of names",
    "string": "text",
    "bool": "true or false",
    "regions": "a list of regions",
    "strings": "a list",
    "list": "a list",
    "currency": "a currency code",
}


@dataclass(frozen=True, kw_only=True)
class Typed:
    """The type of an operand as the checker sees it."""

    type: str
    #: Allowed values of an enum.
    values: tuple[str, ...] = ()
    #: How to name the operand in a message (`` `count` ``, `` `20B` ``).
    label: str = ""
    #: True for an attribute of the finding or a profile field (not a literal).
    named: bool = False


def attribute_types(kind: Kind) -> dict[str, Typed]:
    """The attributes a filter and a template may name: the taxonomy's, plus ``currency``
    for a kind with an amount of money (findings carry it as its own attribute)."""
    types = {
        name: Typed(type=a.type, values=a.values, label=f"`{name}`", named=True)
        for name, a in kind.attributes.items()
    }
    if any(a.type == "money" for a in kind.attributes.values()):
        types.setdefault("currency", Typed(type="currency", label="`currency`", named=True))
    return types


def is_rule_reference(match: ast.Match, taxonomy: Taxonomy) -> bool:
    """A dotted name that is not a kind (its first part is no taxonomy group) names a rule."""
    return match.name.split(".", 1)[0] not in taxonomy.groups


def _words(t: Typed) -> str:
    if t.type == "enum" and t.values:
        return "one of " + ", ".join(t.values)
    return _TYPE_WORDS.get(t.type, t.type)


class _Checker:
    def __init__(self, policy: ast.Policy, imports: Mapping[str, ast.Policy], lines: list[str],
                 broken_imports: bool) -> None:
        self.policy = policy
        self.imports = imports
        self.lines = lines
        self.broken_imports = broken_imports
        self.taxonomy = load_taxonomy()
        self.problems: list[Diagnostic] = []
        self.kind_failed = False
        self._attrs: dict[str, dict[str, Typed]] = {}

    def attrs(self, kind: Kind) -> dict[str, Typed]:
        """:func:`attribute_types` of ``kind``, worked out once per kind for the whole policy."""
        attrs = self._attrs.get(kind.name)
        if attrs is None:
            attrs = self._attrs[kind.name] = attribute_types(kind)
        return attrs

    def problem(self, loc: ast.Location, message: str, hint: str | None = None) -> None:
        width = loc.end_column - loc.column if loc.end_line == loc.line else 1
        self.problems.append(
            Diagnostic(
                path=loc.path, line=loc.line, column=loc.column, message=message,
                source_line=self.lines[loc.line - 1] if 0 < loc.line <= len(self.lines) else "",
                width=max(width, 1), hint=hint,
            )
        )

    # --- policy -------------------------------------------------------------------------------

    def run(self) -> list[Diagnostic]:
        self.check_rates()
        self.check_profile()
        seen: dict[str, ast.Rule] = {}
        for rule in self.policy.rules:
            if rule.id in seen:
                self.problem(
                    rule.loc, f"duplicate rule id `{rule.id}`",
                    f"the first `{rule.name}` is at line {seen[rule.id].loc.line}; give each rule its own name",
                )
            else:
                seen[rule.id] = rule
            self.check_rule(rule)
        self.check_rule_cycles()
        return self.problems

    def check_rates(self) -> None:
        for rate in self.policy.rates:
            if not is_currency(rate.currency):
                self.problem(rate.loc, f"`{rate.currency}` is not a currency code",
                             "use an ISO 4217 code such as EUR or USD: `rate EUR = 1.08 USD`")
            if rate.to is None:
                self.problem(rate.loc, f"the rate for {rate.currency} has no currency on its right-hand side",
                             f"write what one {rate.currency} is worth, e.g. `rate {rate.currency} = 1.08 USD`")
            elif rate.to == rate.currency:
                self.problem(rate.loc, f"a rate converts between two currencies, not {rate.to} into itself")
            if rate.factor <= 0:
                self.problem(rate.loc, "a rate must be greater than zero")

    def check_profile(self) -> None:
        seen: set[str] = set()
        for entry in self.policy.profile:
            if entry.name in seen:
                self.problem(entry.loc, f"profile field `{entry.name}` is given twice")
            seen.add(entry.name)
            expected = PROFILE_FIELDS.get(entry.name)
            if expected is None:
                self.unknown_profile_field(entry.name, entry.loc)
                continue
            value = entry.value
            ok = (
                (expected == "int" and isinstance(value, ast.Number) and value.value == int(value.value))
                or (expected == "money" and isinstance(value, ast.MoneyLit))
                or (expected in LIST_TYPES and isinstance(value, ast.ListLit)
                    and all(isinstance(i, (ast.Symbol, ast.Text)) for i in value.items))
            )
            if not ok:
                example = {"int": "`40M`", "money": "`12B USD`"}.get(expected, "`[EU, US]`")
                self.problem(entry.loc, f"profile field `{entry.name}` takes {_TYPE_WORDS[expected]}",
                             f"write e.g. `{entry.name} = {example.strip('`')}`")
            if isinstance(value, ast.MoneyLit):
                self.check_currency(value)

    def unknown_profile_field(self, name: str, loc: ast.Location) -> None:
        hint = did_you_mean(name, PROFILE_FIELDS) or "profile fields: " + ", ".join(PROFILE_FIELDS)
        self.problem(loc, f"unknown profile field `{name}`", hint)

    def check_currency(self, money: ast.MoneyLit) -> None:
        if not is_currency(money.currency):  # pragma: no cover - the lexer admits only codes
            self.problem(money.loc, f"`{money.currency}` is not a currency code")

    # --- rules --------------------------------------------------------------------------------

    def check_rule(self, rule: ast.Rule) -> None:
        if not rule.clauses:
            self.problem(rule.loc, f"rule `{rule.name}` has no `fail if`, `warn if` or `require` line",
                         "a rule without a condition can never fail; add what it checks")
        for clause in rule.clauses:
            self.check_clause(clause)
        if rule.fix is not None:
            self.check_template(rule.fix, allowed=FINDING_NAMES, what="a `fix`")
        for example in rule.examples:
            for doc in example.documents:
                if doc.role not in ROLES:
                    self.problem(doc.loc, f"unknown document role `{doc.role}`",
                                 did_you_mean(doc.role, ROLES) or "roles: " + ", ".join(ROLES))

    def check_clause(self, clause: ast.Clause) -> None:
        condition = clause.condition
        if (clause.verb == "require" and isinstance(condition, ast.Match) and condition.where is None
                and is_rule_reference(condition, self.taxonomy)):
            self.check_rule_reference(condition)
            if clause.message is not None:
                self.check_template(clause.message, allowed=(), what="a `require` message")
            return
        if clause.severity_given:
            self.problem(clause.loc, "`as fail` / `as warn` applies only to a required rule",
                         "`as` changes the outcome of another rule (`require osd.no-field-of-use as warn`); "
                         "to warn about a missing finding, write `warn if not KIND`")
        self.kind_failed = False
        kinds = self.check_condition(condition)
        if clause.message is None or self.kind_failed:
            return  # names in a message cannot be checked against a kind that does not exist
        if clause.verb == "require":
            # Shown when nothing matched: there is no finding whose attributes it could name.
            self.check_template(clause.message, allowed=(), what="a `require` message")
        else:
            names: set[str] = set(FINDING_NAMES)
            for kind in kinds:
                names.update(self.attrs(kind))
            self.check_template(clause.message, allowed=tuple(sorted(names)), what="this message")

    def check_rule_reference(self, match: ast.Match) -> None:
        policy_name, _, rule_name = match.name.rpartition(".")
        if policy_name == self.policy.name:
            target: ast.Policy | None = self.policy
        else:
            target = self.imports.get(policy_name)
        if target is None:
            if self.broken_imports:
                return  # the failed import was reported; its rules cannot be checked
            known = sorted({*self.imports, self.policy.name})
            hint = did_you_mean(policy_name, [*known, *self.taxonomy.groups])
            if hint is None:
                hint = ("import the file that defines it (`import \"FILE.rules\"`); known policies: "
                        + ", ".join(f"`{k}`" for k in known))
            self.problem(match.name_loc, f"unknown policy `{policy_name}` in `require {match.name}`", hint)
            return
        if target.rule(rule_name) is None:
            names = [r.id for r in target.rules]
            self.problem(match.name_loc, f"policy `{target.name}` has no rule `{rule_name}`",
                         did_you_mean(match.name, names) or "its rules: " + ", ".join(names))

    def check_rule_cycles(self) -> None:
        """Rules that ``require`` each other in a circle, and chains of ``require`` longer than
        :data:`~openness.dsl.ast.MAX_NESTING` (the engine follows a chain recursively). Walked
        with a list of frames rather than recursion, whatever the number of rules."""
        own = {r.id: r for r in self.policy.rules}

        def requires(rule: ast.Rule) -> list[ast.Match]:
            return [c.condition for c in rule.clauses
                    if c.verb == "require" and isinstance(c.condition, ast.Match)
                    and c.condition.name in own]

        state: dict[str, int] = {}
        chain: dict[str, int] = {}  # rules in the longest chain of requires from each rule
        too_long = False
        for start in self.policy.rules:
            if start.id in state:
                continue
            state[start.id] = 1
            path = [start.id]
            frames = [(start, iter(requires(start)))]
            while frames:
                rule, pending = frames[-1]
                match = next(pending, None)
                if match is None:
                    frames.pop()
                    path.pop()
                    state[rule.id] = 2
                    chain[rule.id] = 1 + max((chain.get(m.name, 0) for m in requires(rule)), default=0)
                    if chain[rule.id] > ast.MAX_NESTING and not too_long:
                        too_long = True
                        self.problem(rule.loc, f"nesting deeper than {ast.MAX_NESTING} levels: "
                                     "a chain of rules that `require` each other")
                elif state.get(match.name) == 1:
                    cycle = " -> ".join([*path[path.index(match.name):], match.name])
                    self.problem(match.name_loc, f"rules require each other in a circle: {cycle}")
                elif match.name not in state:
                    state[match.name] = 1
                    path.append(match.name)
                    frames.append((own[match.name], iter(requires(own[match.name]))))

    # --- conditions and filters ---------------------------------------------------------------

    def check_condition(self, condition: ast.Condition) -> list[Kind]:
        """Check ``condition``; return the kinds it names (for the template check)."""
        if isinstance(condition, (ast.CondAll, ast.CondAny)):
            return [k for item in condition.items for k in self.check_condition(item)]
        if isinstance(condition, ast.CondNot):
            self.check_condition(condition.item)
            return []
        kind = self.kind(condition)
        if kind is None:
            return []
        if condition.where is not None:
            self.check_expr(condition.where, kind)
        return [kind]

    def kind(self, match: ast.Match) -> Kind | None:
        kind = self.taxonomy.kinds.get(match.name)
        if kind is not None:
            return kind
        self.kind_failed = True
        group = match.name.split(".", 1)[0]
        if group in self.taxonomy.groups or "." not in match.name:
            hint = did_you_mean(match.name, self.taxonomy.kinds)
            self.problem(match.name_loc, f"unknown finding kind `{match.name}`",
                         hint or f"the kinds of `{group}`: " + ", ".join(
                             k for k in self.taxonomy.kinds if k.startswith(group + ".")))
        else:
            hint = did_you_mean(match.name, self.taxonomy.kinds)
            self.problem(
                match.name_loc, f"unknown finding kind `{match.name}`",
                hint or ("a kind starts with " + ", ".join(f"`{g}.`" for g in self.taxonomy.groups)
                         + "; a rule of another policy can only stand alone after `require`"),
            )
        return None

    def check_expr(self, expr: ast.Expr, kind: Kind) -> None:
        if isinstance(expr, (ast.AllOf, ast.AnyOf)):
            for item in expr.items:
                self.check_expr(item, kind)
        elif isinstance(expr, ast.NoneOf):
            self.check_expr(expr.item, kind)
        elif isinstance(expr, ast.Flag):
            attrs = self.attrs(kind)
            t = attrs.get(expr.name)
            if t is None:
                self.unknown_attribute(expr.name, expr.loc, kind)
            elif t.type != "bool":
                self.problem(expr.loc, f"`{expr.name}` is {_words(t)}, not true or false",
                             f"compare it instead, e.g. `{expr.name} {'< 1M' if t.type == 'int' else '== ...'}`")
        else:
            self.check_compare(expr, kind)

    def unknown_attribute(self, name: str, loc: ast.Location, kind: Kind) -> None:
        attrs = self.attrs(kind)
        hint = did_you_mean(name, attrs)
        if hint is None:
            hint = (f"the attributes of `{kind.name}`: " + ", ".join(attrs)) if attrs else \
                f"`{kind.name}` has no attributes; test only whether it is found"
        self.problem(loc, f"unknown attribute `{name}` of `{kind.name}`", hint)

    def operand(self, operand: ast.Operand, kind: Kind | None) -> Typed | None:
        """The type of a named operand (attribute or profile field) or a literal; ``None`` for a
        bare word that is no attribute (it may be an enum value) or an operand already reported."""
        if isinstance(operand, ast.Symbol):
            return self.attrs(kind).get(operand.name) if kind is not None else None
        if isinstance(operand, ast.Reference):
            head, _, field = operand.name.partition(".")
            if head != "profile" or "." in field:
                self.problem(operand.loc, f"`{operand.name}` is not a value a rule can use",
                             "a filter compares the finding's attributes with literals and `profile.FIELD`")
                return Typed(type="?")
            expected = PROFILE_FIELDS.get(field)
            if expected is None:
                self.unknown_profile_field(field, operand.loc)
                return Typed(type="?")
            return Typed(type=expected, label=f"`{operand.name}`", named=True)
        if isinstance(operand, ast.Number):
            return Typed(type="int", label=f"`{operand.text}`")
        if isinstance(operand, ast.MoneyLit):
            self.check_currency(operand)
            return Typed(type="money", label=f"`{operand.text}`")
        if isinstance(operand, ast.Text):
            return Typed(type="string", label=f'"{operand.value}"')
        if isinstance(operand, ast.Bool):
            return Typed(type="bool", label="`true`" if operand.value else "`false`")
        return Typed(type="list", label="the list")

    def check_compare(self, cmp: ast.Compare, kind: Kind) -> None:
        left = self.operand(cmp.left, kind)
        if left is None:
            # A bare word on the left is meant as an attribute.
            assert isinstance(cmp.left, ast.Symbol)
            self.unknown_attribute(cmp.left.name, cmp.left.loc, kind)
            return
        if left.type == "?":
            return
        if cmp.op in ("in", "not in"):
            self.check_membership(cmp, left)
            return
        right = self.operand(cmp.right, kind)
        if right is not None and right.type == "?":
            return
        if cmp.op == "overlaps":
            self.check_overlaps(cmp, left, right)
        elif cmp.op == "contains":
            self.check_contains(cmp, left)
        elif right is None:
            # A bare word on the right: a value of an enum or a currency, else an attribute.
            assert isinstance(cmp.right, ast.Symbol)
            if left.type in ("enum", "currency"):
                self.check_value(cmp.right, left, cmp)
            else:
                self.unknown_attribute(cmp.right.name, cmp.right.loc, kind)
        elif cmp.op in ("<", "<=", ">", ">="):
            self.check_order(cmp, left, right)
        elif left.type in ("enum", "currency") and isinstance(cmp.right, (ast.Symbol, ast.Text)):
            self.check_value(cmp.right, left, cmp)
        elif not _compatible(left, right):
            self.problem(cmp.loc, f"cannot compare {left.label} ({_words(left)}) with {right.label} ({_words(right)})")

    def check_membership(self, cmp: ast.Compare, left: Typed) -> None:
        """``x in [...]``: one value, each item of the list a value it may take."""
        assert isinstance(cmp.right, ast.ListLit)
        if left.type in LIST_TYPES:
            self.problem(cmp.loc, f"{left.label} is a list; `{cmp.op}` tests one value",
                         f"to test whether two lists share an item, write `{_name(cmp.left)} overlaps [...]`")
            return
        for item in cmp.right.items:
            self.check_value(item, left, cmp)

    def check_overlaps(self, cmp: ast.Compare, left: Typed, right: Typed | None) -> None:
        """``a overlaps b``: two lists; a literal list of names or text."""
        for side, t in ((cmp.left, left), (cmp.right, right)):
            if t is None or t.type not in LIST_TYPES:
                self.problem(cmp.loc, f"`overlaps` compares two lists; {_label(side, t)} is not a list")
                return
        if isinstance(cmp.right, ast.ListLit):
            for item in cmp.right.items:
                if not isinstance(item, (ast.Symbol, ast.Text)):
                    self.problem(item.loc, "a list of regions or names holds names or text")

    def check_contains(self, cmp: ast.Compare, left: Typed) -> None:
        """``a contains x``: a list, and one name or text."""
        if left.type not in LIST_TYPES:
            self.problem(cmp.loc, f"`contains` looks into a list; {left.label} is {_words(left)}",
                         f"to compare one value write `{_name(cmp.left)} == ...`")
            return
        if not isinstance(cmp.right, (ast.Symbol, ast.Text)):
            self.problem(cmp.right.loc, "`contains` takes one name or text, e.g. `regions contains EU`")

    def check_order(self, cmp: ast.Compare, left: Typed, right: Typed) -> None:
        """``<``, ``<=``, ``>``, ``>=``: two counts or two amounts of money."""
        for t in (left, right):
            if t.type not in ("int", "money"):
                self.problem(cmp.loc, f"`{cmp.op}` compares counts or amounts; {t.label} is {_words(t)}")
                return
        if left.type != right.type:
            money, count = (left, right) if left.type == "money" else (right, left)
            hint = (f"write the currency, e.g. `{count.label.strip('`')} USD`" if not count.named
                    else "compare an amount with an amount (e.g. `20B USD`) and a count with a count")
            self.problem(cmp.loc, f"cannot compare an amount of money ({money.label}) with a count ({count.label})",
                         hint)

    def check_value(self, item: ast.Operand, expected: Typed, cmp: ast.Compare) -> None:
        """One literal that must be a value of ``expected`` (an item of ``in [...]``, or the
        right-hand side of ``==`` with an enum)."""
        if expected.type == "enum":
            name = item.name if isinstance(item, ast.Symbol) else item.value if isinstance(item, ast.Text) else None
            if name is None:
                self.problem(item.loc, f"{expected.label} is {_words(expected)}; {_label(item, None)} is not one of them")
            elif name not in expected.values:
                self.problem(item.loc, f"`{name}` is not a value of {expected.label}",
                             did_you_mean(name, expected.values) or "its values: " + ", ".join(expected.values))
            return
        if expected.type == "currency":
            name = item.name if isinstance(item, ast.Symbol) else item.value if isinstance(item, ast.Text) else ""
            if not is_currency(name):
                self.problem(item.loc, f"`{name}` is not a currency code", "use an ISO 4217 code such as USD")
            return
        literal = self.operand(item, None)
        if literal is None:
            assert isinstance(item, ast.Symbol)
            if expected.type == "string":
                self.problem(item.loc, f"text goes in quotes: write \"{item.name}\"")
            else:
                self.problem(item.loc, f"{expected.label} is {_words(expected)}; `{item.name}` is not")
            return
        if not _compatible(expected, literal):
            self.problem(item.loc, f"{expected.label} is {_words(expected)}; {literal.label} is {_words(literal)}")

    # --- templates ----------------------------------------------------------------------------

    def check_template(self, text: ast.Text, *, allowed: Iterable[str], what: str) -> None:
        try:
            template = parse_template(text.value)
        except TemplateError as exc:
            self.problem(_shift(text.loc, exc.offset), str(exc))
            return
        allowed = tuple(allowed)
        for placeholder in template.names:
            name = placeholder.name
            loc = _shift(text.loc, placeholder.offset, len(name) + 2)
            if name.startswith("profile."):
                if name[len("profile."):] not in PROFILE_FIELDS:
                    self.unknown_profile_field(name[len("profile."):], loc)
                continue
            if name in allowed:
                continue
            known = [*allowed, *(f"profile.{f}" for f in PROFILE_FIELDS)]
            hint = did_you_mean(name, known)
            if hint is None:
                hint = (f"{what} may name " + ", ".join(f"`{{{n}}}`" for n in allowed) + " and `{profile.FIELD}`"
                        if allowed else f"{what} is shown when nothing matched, so it may name only `{{profile.FIELD}}`")
            self.problem(loc, f"unknown name `{{{name}}}` in the message", hint)


def _shift(loc: ast.Location, offset: int, width: int = 1) -> ast.Location:
    """The location ``offset`` characters into a quoted string (after its opening quote)."""
    column = loc.column + 1 + offset
    return ast.Location(path=loc.path, line=loc.line, column=column, end_line=loc.line, end_column=column + width)


def _name(operand: ast.Operand) -> str:
    return getattr(operand, "name", "...")


def _label(operand: ast.Operand, t: Typed | None) -> str:
    if t is not None and t.label:
        return t.label
    return f"`{getattr(operand, 'name', getattr(operand, 'text', '...'))}`"


def _compatible(a: Typed, b: Typed | None) -> bool:
    if b is None:
        return False
    if a.type in LIST_TYPES and b.type in LIST_TYPES:
        return True
    if {a.type, b.type} <= {"enum", "string"}:
        return True
    return a.type == b.type


def check_policy(policy: ast.Policy, imports: Mapping[str, ast.Policy], source: str,
                 *, broken_imports: bool = False) -> list[Diagnostic]:
    """Every problem of ``policy``; ``imports`` are the policies its file imports, by name."""
    return _Checker(policy, imports, source.splitlines(), broken_imports).run()
