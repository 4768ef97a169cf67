"""Text -> :class:`~openness.dsl.ast.RuleFile`: the Lark parser, the tree shaper, syntax errors.

Syntax errors are labelled by example (``UnexpectedInput.match_examples``): each label below is
the sentence a person reads, and the snippets under it are mistakes that end in the same parser
state. Problems inside well-formed text (a number with a bad suffix) are collected, not raised,
so that the checker can report them together with everything else.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from openness.dsl import ast
from openness.dsl.errors import Diagnostic, RuleErrors
from openness.dsl.literals import LiteralError, parse_number

#: Sentence -> snippets that fail in the same parser state as the mistake it describes.
SYNTAX_EXAMPLES: dict[str, list[str]] = {
    "a policy starts `policy NAME \"Title\" {`": [
        'policy "Title" {}',
        "policy acme {}",
        'policy acme "Title" rule',
        "policy {",
    ],
    "a rule starts `rule NAME \"Title\" {`": [
        'policy p "t" { rule "Title" {} }',
        'policy p "t" { rule users {} }',
        'policy p "t" { rule users "t" fail }',
        'policy p "t" { rule {',
    ],
    "expected `if` after `fail` or `warn`": [
        'policy p "t" { rule r "t" { fail restrict.commercial } }',
        'policy p "t" { rule r "t" { warn "x" } }',
    ],
    "a condition names a finding kind, e.g. `restrict.commercial`": [
        'policy p "t" { rule r "t" { fail if "x" } }',
        'policy p "t" { rule r "t" { fail if 5 } }',
        'policy p "t" { rule r "t" { fail if commercial } }',
        'policy p "t" { rule r "t" { require } }',
        'policy p "t" { rule r "t" { fail if } }',
        'policy p "t" { rule r "t" { fail if a.b and } }',
        'policy p "t" { rule r "t" { fail if not } }',
    ],
    "a filtered condition (`KIND where ...`) must be in parentheses when combined with "
    "`and`, `or` or `not`": [
        'policy p "t" { rule r "t" { fail if a.b where x and c.d } }',
        'policy p "t" { rule r "t" { fail if a.b where x or c.d } }',
        'policy p "t" { rule r "t" { fail if not a.b where x } }',
        'policy p "t" { rule r "t" { fail if a.b and c.d where x } }',
    ],
    "a `where` filter needs a test on the finding's attributes, e.g. `where count < 1M`": [
        'policy p "t" { rule r "t" { fail if a.b where } }',
        'policy p "t" { rule r "t" { fail if a.b where "x" } }',
        'policy p "t" { rule r "t" { fail if a.b where x and } }',
        'policy p "t" { rule r "t" { fail if a.b where 5 } }',
    ],
    "a comparison needs a value on its right-hand side": [
        'policy p "t" { rule r "t" { fail if a.b where x < } }',
        'policy p "t" { rule r "t" { fail if a.b where x == } }',
        'policy p "t" { rule r "t" { fail if a.b where x overlaps } }',
    ],
    "`in` takes a list in brackets, e.g. `in [released, described]`": [
        'policy p "t" { rule r "t" { fail if a.b where x in y } }',
        'policy p "t" { rule r "t" { fail if a.b where x not in y } }',
        'policy p "t" { rule r "t" { fail if a.b where x in "y" } }',
    ],
    "list items are separated by commas: `[a, b]`": [
        'policy p "t" { rule r "t" { fail if a.b where x in [a b] } }',
        'policy p "t" { rule r "t" { fail if a.b where x in [a, } }',
        'policy p "t" { profile { regions = [EU US] } }',
    ],
    "a profile entry reads `name = value`": [
        'policy p "t" { profile { users 5 } }',
        'policy p "t" { profile { users = } }',
        'policy p "t" { profile { "users" = 5 } }',
        'policy p "t" { profile { users == 5 } }',
    ],
    "a rate reads `rate EUR = 1.08 USD`": [
        'policy p "t" { rate EUR 1.08 USD }',
        'policy p "t" { rate = 1.08 USD }',
        'policy p "t" { rate EUR = USD }',
    ],
    "an example reads `example pass \"sentence\"` (or fail, warn, unknown)": [
        'policy p "t" { rule r "t" { example "text" } }',
        'policy p "t" { rule r "t" { example ok "text" } }',
        'policy p "t" { rule r "t" { example pass } }',
        'policy p "t" { rule r "t" { example pass license } }',
        'policy p "t" { rule r "t" { example pass { } } }',
    ],
    "expected `rule`, `source`, `rate`, `profile` or `}` inside a policy": [
        'policy p "t" { rules r "t" {} }',
        'policy p "t" { fail if a.b }',
        'policy p "t" { "text" }',
        'policy p "t" { example pass "x" }',
    ],
    "expected `fail if`, `warn if`, `require`, `example`, `rationale`, `reference`, `fix` or `}` "
    "inside a rule": [
        'policy p "t" { rule r "t" { fial if a.b } }',
        'policy p "t" { rule r "t" { source "x" } }',
        'policy p "t" { rule r "t" { profile { } } }',
    ],
    "a `}` is missing before this `rule`: the previous rule is not closed": [
        'policy p "t" { rule r "t" { fail if a.b rule s "t" {} }',
        'policy p "t" { rule r "t" { rule s "t" {} }',
    ],
    "a `}` is missing before this `policy`: the previous policy is not closed": [
        'policy p "t" { policy q "t" {} }',
        'policy p "t" { rule r "t" {} policy q "t" {} }',
    ],
    "a clause has at most one message string": [
        'policy p "t" { rule r "t" { fail if a.b "one" "two" } }',
        'policy p "t" { rule r "t" { require a.b "one" "two" } }',
    ],
    "only `import \"FILE\"` lines and `policy` blocks may stand at the top of a file": [
        'rule r "t" {}',
        'fail if a.b',
        '"text"',
        'profile {}',
        'policy p "t" {} }',
    ],
    "`import` takes a file name in quotes: `import \"osd.rules\"`": [
        "import osd",
        "import osd.rules",
    ],
    "`rationale`, `reference` and `fix` take text in quotes": [
        'policy p "t" { rule r "t" { rationale x } }',
        'policy p "t" { rule r "t" { reference x } }',
        'policy p "t" { rule r "t" { fix x } }',
        'policy p "t" { source x }',
    ],
    "`as` takes a severity: `as warn` or `as fail`": [
        'policy p "t" { rule r "t" { require a.b as pass } }',
        'policy p "t" { rule r "t" { require a.b as } }',
    ],
}

_WORDS = {
    "NAME": "a name",
    "DOTTED": "a dotted name such as `restrict.commercial`",
    "STRING": "text in quotes",
    "NUMBER": "a number",
    "CURRENCY": "a currency code such as `USD`",
    "COMPARE": "a comparison (`<`, `<=`, `==`, ...)",
    "$END": "the end of the file",
}


#: The tokens that carry a value: the grammar's named terminals, and the keywords of a severity
#: or an outcome, which the shaper retypes. Every other token is a keyword or a bracket, kept by
#: the parser (``keep_all_tokens``) only for the span of the node it starts or ends.
VALUE_TOKENS = frozenset({"NAME", "DOTTED", "NUMBER", "CURRENCY", "STRING", "COMPARE",
                          "SEVERITY", "OUTCOME"})


@cache
def _parser() -> Lark:
    """The LALR parser of the grammar, with :class:`_Shaper` building each node as its rule is
    reduced: no parse tree is made, and no tree is walked (a deeply nested condition costs no
    recursion here).

    Built once per process. Not ``strict``: strict mode needs ``interegular``, with which Lark
    checks every pair of terminals for collisions on each build (about half a second here, more
    than the rest of the build); openness does not depend on it, and the tests, which have it,
    build the grammar strictly, so that no conflict or collision gets in.
    """
    from openness.dsl.resources import grammar_text

    return Lark(grammar_text(), parser="lalr", maybe_placeholders=True, keep_all_tokens=True,
                transformer=_Shaper())


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def _unescape(token: str) -> str:
    """The text of a quoted string: ``\\"``, ``\\\\``, ``\\n`` and ``\\t`` are escapes; any other
    backslash stays as written."""
    if "\\" not in token:
        return token[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: _ESCAPES[m.group(1)], token[1:-1])


def _describe(name: str, parser: Lark) -> str:
    if name in _WORDS:
        return _WORDS[name]
    try:
        pattern = parser.get_terminal(name).pattern
    except KeyError:
        return name
    return f"`{pattern.value}`" if pattern.type == "str" else name.lower()


def _token_text(token: Any) -> str:
    if token is None or getattr(token, "type", None) == "$END":
        return "the end of the file"
    return f"`{token}`"


def _source_line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _syntax_error(exc: Exception, text: str, path: str) -> Diagnostic:
    parser = _parser()
    line = getattr(exc, "line", 1) or 1
    column = getattr(exc, "column", 1) or 1
    width = 1
    hint: str | None = None
    if isinstance(exc, UnexpectedCharacters):
        char = text[exc.pos_in_stream] if exc.pos_in_stream < len(text) else ""
        if char == '"':
            message = "unterminated string: text in quotes must end with `\"` on the same line"
        else:
            message = f"unexpected character `{char}`"
            hint = "names are letters, digits, `_` and `-`; text goes in double quotes"
    elif isinstance(exc, UnexpectedEOF) or (
        isinstance(exc, UnexpectedToken) and exc.token.type == "$END"
    ):
        unclosed = _unclosed_braces(text)
        if unclosed:
            line, column = unclosed
            message = "this `{` is never closed: a `}` is missing"
        else:
            lines = text.splitlines() or [""]
            line, column = len(lines), len(lines[-1]) + 1
            message = "the file ends in the middle of a statement"
    else:
        assert isinstance(exc, UnexpectedToken)
        width = max(len(str(exc.token)), 1)
        label = exc.match_examples(_trial, SYNTAX_EXAMPLES, use_accepts=True)
        found = _token_text(exc.token)
        if label:
            message = f"unexpected {found}: {label}"
        else:
            expected = sorted({_describe(name, parser) for name in exc.expected})
            message = f"unexpected {found}"
            hint = "expected " + ", ".join(expected) if expected else None
    return Diagnostic(
        path=path, line=line, column=column, message=message,
        source_line=_source_line(text, line), width=width, hint=hint,
    )


def _unclosed_braces(text: str) -> tuple[int, int] | None:
    """Line and column of the innermost ``{`` left open, ignoring strings and comments."""
    stack: list[tuple[int, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        cleaned = re.sub(r'"([^"\\\n]|\\.)*"|#.*', lambda m: " " * len(m.group()), line)
        for column, char in enumerate(cleaned, start=1):
            if char == "{":
                stack.append((number, column))
            elif char == "}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def parse(text: str, path: str = "<string>") -> ast.RuleFile:
    """Parse one rule file; raise :class:`RuleErrors` with every problem the parser can see.

    A syntax error stops the parse (the first one is reported); problems in values (a bad
    number suffix, a malformed currency) are all collected.
    """
    try:
        result, file = _shaped(text, path)
    except UnexpectedInput as exc:
        raise RuleErrors([_syntax_error(exc, text, path)]) from None
    deep = _too_deep(result)
    if deep is not None:
        file.problems.append(Diagnostic(
            path=path, line=deep.line, column=deep.column,
            message=f"nesting deeper than {ast.MAX_NESTING} levels",
            source_line=_source_line(text, deep.line),
            hint="split the condition: name a part as a rule of its own and `require` it"))
    if file.problems:
        raise RuleErrors(file.problems)
    return result


def _too_deep(file: ast.RuleFile) -> ast.Location | None:
    """Where the first condition or filter nested deeper than
    :data:`~openness.dsl.ast.MAX_NESTING` is, if any.

    Walked with a list rather than recursion: this walk is what makes the recursive ones safe.
    """
    todo: list[tuple[Any, int]] = [(clause.condition, 1) for policy in file.policies
                                   for rule in policy.rules for clause in rule.clauses]
    while todo:
        node, depth = todo.pop()
        if depth > ast.MAX_NESTING:
            return node.loc
        if isinstance(node, (ast.CondAll, ast.CondAny, ast.AllOf, ast.AnyOf)):
            todo.extend((item, depth + 1) for item in node.items)
        elif isinstance(node, (ast.CondNot, ast.NoneOf)):
            todo.append((node.item, depth + 1))
        elif isinstance(node, ast.Match) and node.where is not None:
            todo.append((node.where, depth + 1))
    return None


@dataclass
class _File:
    """The rule file being parsed, as the shaper needs it: its path for every location, its
    lines for problems, and the problems found in its values."""

    path: str
    lines: list[str]
    problems: list[Diagnostic] = field(default_factory=list)


#: The file being parsed. The shaper is built into the parser once, and Lark calls it as it
#: reduces each rule, so the file it shapes is handed over here (one per thread and context).
_FILE: ContextVar[_File] = ContextVar("openness_rule_file")


def _shaped(text: str, path: str) -> tuple[Any, _File]:
    """What the shaper builds from ``text``, and the file with the problems found in it."""
    file = _File(path=path, lines=text.splitlines())
    token = _FILE.set(file)
    try:
        return _parser().parse(text), file
    finally:
        _FILE.reset(token)


def _trial(text: str) -> Any:
    """Parse a snippet for ``match_examples``."""
    return _shaped(text, "<example>")[0]


#: A node joining its operands with ``or`` or ``and``.
_Chain = TypeVar("_Chain", ast.AnyOf, ast.AllOf, ast.CondAny, ast.CondAll)


def _values(children: list[Any]) -> list[Any]:
    """A rule's values: its children without keywords and brackets."""
    return [c for c in children if not (isinstance(c, Token) and c.type not in VALUE_TOKENS)]


class _Shaper(Transformer):  # type: ignore[type-arg]
    """Builds the AST dataclasses, one grammar rule per method, called by Lark as it reduces the
    rule with everything the rule matched, keywords and brackets included (from which
    :meth:`loc` takes the node's span); :func:`_values` leaves out the keywords. Tokens are
    strings with ``line``, ``column``, ``end_line`` and ``end_column``.
    """

    # --- helpers ------------------------------------------------------------------------------

    @property
    def file(self) -> _File:
        return _FILE.get()

    def loc(self, children: list[Any]) -> ast.Location:
        """From the first token (or located node) of ``children`` to the last; the file's first
        character when there is none (an empty file)."""
        path = self.file.path
        located = [getattr(c, "loc", c) for c in children]  # a node's location, or the token itself
        located = [where for where in located if getattr(where, "line", None) is not None]
        if not located:
            return ast.Location(path=path, line=1, column=1, end_line=1, end_column=1)
        first, last = located[0], located[-1]
        return ast.Location(path=path, line=first.line, column=first.column,
                            end_line=last.end_line, end_column=last.end_column)

    def tloc(self, token: Token) -> ast.Location:
        return ast.Location(
            path=self.file.path, line=token.line or 1, column=token.column or 1,
            end_line=token.end_line or token.line or 1,
            end_column=token.end_column or token.column or 1,
        )

    def problem(self, loc: ast.Location, message: str, hint: str | None = None, width: int = 1) -> None:
        file = self.file
        file.problems.append(
            Diagnostic(
                path=file.path, line=loc.line, column=loc.column, message=message,
                source_line=file.lines[loc.line - 1] if 0 < loc.line <= len(file.lines) else "",
                width=width, hint=hint,
            )
        )

    def number_value(self, token: Token) -> Decimal:
        try:
            return parse_number(str(token))
        except LiteralError as exc:
            self.problem(self.tloc(token), str(exc), exc.hint, width=len(token))
            return Decimal(0)

    def quoted(self, token: Token) -> ast.Text:
        return ast.Text(value=_unescape(str(token)), loc=self.tloc(token))

    def chain(self, node: type[_Chain], children: list[Any]) -> _Chain:
        """``a or b`` (or ``and``) as one node listing every operand: Lark reduces ``a or b or c``
        as ``(a or b) or c``, and the left one is extended rather than nested."""
        left, right = _values(children)
        items = (*left.items, right) if isinstance(left, node) else (left, right)
        return node(items=items, loc=self.loc(children))

    # --- values -------------------------------------------------------------------------------

    def number(self, children: list[Any]) -> ast.Number:
        (token,) = children
        return ast.Number(value=self.number_value(token), text=str(token), loc=self.tloc(token))

    def money(self, children: list[Any]) -> ast.MoneyLit:
        amount, currency = children
        return ast.MoneyLit(
            amount=self.number_value(amount), currency=str(currency),
            text=f"{amount} {currency}", loc=self.loc(children),
        )

    def string(self, children: list[Any]) -> ast.Text:
        return self.quoted(children[0])

    def symbol(self, children: list[Any]) -> ast.Symbol:
        return ast.Symbol(name=str(children[0]), loc=self.tloc(children[0]))

    def true(self, children: list[Any]) -> ast.Bool:
        return ast.Bool(value=True, loc=self.loc(children))

    def false(self, children: list[Any]) -> ast.Bool:
        return ast.Bool(value=False, loc=self.loc(children))

    def list(self, children: list[Any]) -> ast.ListLit:
        items = tuple(x for x in _values(children) if x is not None)
        return ast.ListLit(items=items, loc=self.loc(children))

    def ref(self, children: list[Any]) -> ast.Reference:
        return ast.Reference(name=str(children[0]), loc=self.tloc(children[0]))

    # --- filters ------------------------------------------------------------------------------

    def compare(self, children: list[Any]) -> ast.Compare:
        left, op, right = children
        return ast.Compare(op=str(op), left=left, right=right, loc=self.loc(children))

    def _binary(self, op: str, children: list[Any]) -> ast.Compare:
        left, right = _values(children)
        return ast.Compare(op=op, left=left, right=right, loc=self.loc(children))

    def member(self, children: list[Any]) -> ast.Compare:
        return self._binary("in", children)

    def not_member(self, children: list[Any]) -> ast.Compare:
        return self._binary("not in", children)

    def overlaps(self, children: list[Any]) -> ast.Compare:
        return self._binary("overlaps", children)

    def contains(self, children: list[Any]) -> ast.Compare:
        return self._binary("contains", children)

    def flag(self, children: list[Any]) -> ast.Flag:
        return ast.Flag(name=str(children[0]), loc=self.tloc(children[0]))

    def any_of(self, children: list[Any]) -> ast.AnyOf:
        return self.chain(ast.AnyOf, children)

    def all_of(self, children: list[Any]) -> ast.AllOf:
        return self.chain(ast.AllOf, children)

    def none_of(self, children: list[Any]) -> ast.NoneOf:
        (item,) = _values(children)
        return ast.NoneOf(item=item, loc=self.loc(children))

    def expr_atom(self, children: list[Any]) -> Any:
        """``( expr )``: the expression, located without its brackets."""
        (expr,) = _values(children)
        return expr

    # --- conditions ---------------------------------------------------------------------------

    def match(self, children: list[Any]) -> ast.Match:
        loc = self.tloc(children[0])
        return ast.Match(name=str(children[0]), where=None, loc=loc, name_loc=loc)

    def filtered(self, children: list[Any]) -> ast.Match:
        name, where = _values(children)
        return ast.Match(name=str(name), where=where, loc=self.loc(children), name_loc=self.tloc(name))

    def cond_any(self, children: list[Any]) -> ast.CondAny:
        return self.chain(ast.CondAny, children)

    def cond_all(self, children: list[Any]) -> ast.CondAll:
        return self.chain(ast.CondAll, children)

    def cond_negate(self, children: list[Any]) -> ast.CondNot:
        (item,) = _values(children)
        return ast.CondNot(item=item, loc=self.loc(children))

    def cond_atom(self, children: list[Any]) -> Any:
        """``( condition )``: the condition, located without its brackets."""
        (condition,) = _values(children)
        return condition

    # --- clauses and rules --------------------------------------------------------------------

    # A severity or an outcome is a keyword that is a value: a token of its own type, so that it
    # stays among the values and the span of its clause or example starts at it.
    def severity(self, children: list[Any]) -> Token:
        return Token.new_borrow_pos("SEVERITY", children[0], children[0])

    def as_severity(self, children: list[Any]) -> Token:
        (severity,) = _values(children)
        return severity

    def outcome(self, children: list[Any]) -> Token:
        return Token.new_borrow_pos("OUTCOME", children[0], children[0])

    def _condition_source(self, condition: Any) -> str:
        loc = condition.loc
        lines = self.file.lines[loc.line - 1 : loc.end_line]
        if not lines:
            return ""
        if len(lines) == 1:
            return lines[0][loc.column - 1 : loc.end_column - 1]
        lines[-1] = lines[-1][: loc.end_column - 1]
        lines[0] = lines[0][loc.column - 1 :]
        return " ".join(" ".join(lines).split())

    def check(self, children: list[Any]) -> ast.Clause:
        severity, condition, message = _values(children)
        return ast.Clause(
            verb=str(severity), condition=condition, severity=str(severity),
            message=self.quoted(message) if message is not None else None,
            source=self._condition_source(condition), loc=self.loc(children),
        )

    def require(self, children: list[Any]) -> ast.Clause:
        condition, severity, message = _values(children)
        return ast.Clause(
            verb="require", condition=condition, severity=str(severity or "fail"),
            severity_given=severity is not None,
            message=self.quoted(message) if message is not None else None,
            source=self._condition_source(condition), loc=self.loc(children),
        )

    def rationale(self, children: list[Any]) -> tuple[str, str]:
        return ("rationale", " ".join(_unescape(str(t)) for t in _values(children)))

    def reference(self, children: list[Any]) -> tuple[str, tuple[str, str | None]]:
        url, criterion = _values(children)
        return ("reference", (_unescape(str(url)), _unescape(str(criterion)) if criterion else None))

    def fix(self, children: list[Any]) -> tuple[str, ast.Text]:
        (text,) = _values(children)
        return ("fix", self.quoted(text))

    def document(self, children: list[Any]) -> ast.ExampleDocument:
        role, text = children
        return ast.ExampleDocument(
            role=str(role) if role is not None else "license",
            text=_unescape(str(text)), loc=self.loc(children),
        )

    def example(self, children: list[Any]) -> ast.Example:
        outcome, *documents = _values(children)
        return ast.Example(outcome=str(outcome), documents=tuple(documents), loc=self.loc(children))

    def rule(self, children: list[Any]) -> ast.Rule:
        name, title, *items = _values(children)
        fields: dict[str, Any] = {}
        clauses: list[ast.Clause] = []
        examples: list[ast.Example] = []
        for item in items:
            if isinstance(item, ast.Clause):
                clauses.append(item)
            elif isinstance(item, ast.Example):
                examples.append(item)
            else:
                key, value = item
                if key in fields:
                    self.problem(self.loc(children), f"rule `{name}` has more than one `{key}`")
                fields[key] = value
        url, criterion = fields.get("reference", (None, None))
        return ast.Rule(
            name=str(name), title=_unescape(str(title)), clauses=tuple(clauses),
            examples=tuple(examples), rationale=fields.get("rationale"),
            reference_url=url, reference_criterion=criterion, fix=fields.get("fix"),
            loc=self.tloc(name),
        )

    # --- policies -----------------------------------------------------------------------------

    def source(self, children: list[Any]) -> tuple[str, str]:
        (text,) = _values(children)
        return ("source", _unescape(str(text)))

    def rate(self, children: list[Any]) -> ast.Rate:
        currency, factor, to = _values(children)
        return ast.Rate(
            currency=str(currency), factor=self.number_value(factor),
            to=str(to) if to is not None else None, loc=self.loc(children),
        )

    def profile_entry(self, children: list[Any]) -> ast.ProfileEntry:
        name, value = _values(children)
        return ast.ProfileEntry(name=str(name), value=value, loc=self.tloc(name))

    def profile(self, children: list[Any]) -> tuple[str, tuple[ast.ProfileEntry, ...]]:
        return ("profile", tuple(_values(children)))

    def policy(self, children: list[Any]) -> ast.Policy:
        name, title, *items = _values(children)
        rules = [i for i in items if isinstance(i, ast.Rule)]
        rates = [i for i in items if isinstance(i, ast.Rate)]
        profile: list[ast.ProfileEntry] = []
        source = None
        for item in items:
            if isinstance(item, tuple) and item[0] == "profile":
                profile.extend(item[1])
            elif isinstance(item, tuple) and item[0] == "source":
                source = item[1]
        policy_name = str(name)
        return ast.Policy(
            name=policy_name, title=_unescape(str(title)), path=self.file.path,
            rules=tuple(replace(r, id=f"{policy_name}.{r.name}") for r in rules),
            source=source, rates=tuple(rates), profile=tuple(profile), loc=self.tloc(name),
        )

    def import_stmt(self, children: list[Any]) -> ast.Import:
        (target,) = _values(children)
        return ast.Import(target=_unescape(str(target)), loc=self.loc(children))

    def start(self, children: list[Any]) -> ast.RuleFile:
        return ast.RuleFile(
            path=self.file.path,
            imports=tuple(i for i in children if isinstance(i, ast.Import)),
            policies=tuple(p for p in children if isinstance(p, ast.Policy)),
            loc=self.loc(children),
        )
