"""Text -> :class:`~openness.dsl.ast.RuleFile`: the Lark parser, the tree shaper, syntax errors.

Syntax errors are labelled by example (``UnexpectedInput.match_examples``): each label below is
the sentence a person reads, and the snippets under it are mistakes that end in the same parser
state. Problems inside well-formed text (a number with a bad suffix) are collected, not raised,
so that the checker can report them together with everything else.
"""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from openness.dsl import ast
from openness.dsl.errors import Diagnostic, RuleErrors
from openness.dsl.literals import LiteralError, parse_number

if TYPE_CHECKING:
    from lark import Lark, Token

    from openness.dsl.lalr import Driver

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


#: Lark's options. No ``propagate_positions``: Lark's position wrapper ran on every reduction and
#: cost more than the rest of the parse; the shaper takes each node's span from its tokens.
#: ``keep_all_tokens`` hands it the keywords and brackets for that, and it drops them itself.
_OPTIONS: dict[str, Any] = {
    "parser": "lalr", "strict": True, "maybe_placeholders": True, "keep_all_tokens": True,
}


@cache
def _parser() -> "Lark":
    """The Lark parser, loaded from the user's cache folder when an earlier run left it there.

    Building it from the grammar takes about half a second; the cache is Lark's own (keyed on
    the grammar, the options and the Lark and Python versions). A cache that cannot be read or
    written is ignored: Lark rebuilds the parser, and a failure of the cache itself falls back
    to a parser built without one. Parsing calls the shaper as each rule is reduced
    (``transformer=``), so no parse tree is built.
    """
    from lark import Lark

    from openness.dsl.resources import grammar_text, parser_cache_file

    options = {**_OPTIONS, "transformer": _callbacks()}
    cache_file = parser_cache_file()
    if cache_file is not None:
        try:
            return Lark(grammar_text(), cache=str(cache_file), **options)
        except Exception:  # noqa: BLE001 - any trouble with the cache: build without it
            pass
    return Lark(grammar_text(), **options)


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}


def _unescape(token: str) -> str:
    """The text of a quoted string: ``\\"``, ``\\\\``, ``\\n`` and ``\\t`` are escapes; any other
    backslash stays as written."""
    if "\\" not in token:
        return token[1:-1]
    return re.sub(r'\\(["\\nt])', lambda m: _ESCAPES[m.group(1)], token[1:-1])


def _describe(name: str, parser: "Lark") -> str:
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
    from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

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
    number suffix, a malformed currency) are all collected. The lean driver reads the text when
    it can (:mod:`openness.dsl.lalr`); Lark reads the rest, and reports every syntax error.
    """
    from lark.exceptions import UnexpectedInput

    shaper = _Shaper(text, path)
    driver = _driver()
    result: ast.RuleFile | None = driver.read(text, shaper) if driver is not None else None
    if result is None:
        shaper = _Shaper(text, path)
        try:
            result = _shaped(shaper, text)
        except UnexpectedInput as exc:
            raise RuleErrors([_syntax_error(exc, text, path)]) from None
    if shaper.problems:
        raise RuleErrors(shaper.problems)
    return result


@cache
def _driver() -> "Driver | None":
    """The lean driver over the Lark parser's tables, calling the shaper's methods directly."""
    from openness.dsl.lalr import Driver

    return Driver.build(_parser(), lambda name: getattr(_Shaper, name), _dropped_terminals())


#: The shaper of the parse under way: Lark calls one set of callbacks, built with the parser.
_SHAPING = threading.local()


def _shaped(shaper: "_Shaper", text: str) -> Any:
    """Parse ``text`` with ``shaper`` building the nodes."""
    outer = getattr(_SHAPING, "shaper", None)
    _SHAPING.shaper = shaper
    try:
        return _parser().parse(text)
    finally:
        _SHAPING.shaper = outer


def _trial(text: str) -> Any:
    """Parse a snippet for ``match_examples``, with a shaper of its own."""
    return _shaped(_Shaper(text, "<example>"), text)


class _Shaper:
    """Builds the AST dataclasses, one grammar rule per method: ``rule(tokens, children)``.

    Lark calls them through :func:`_callbacks` as it reduces each rule. ``tokens`` is everything
    the rule matched, keywords and brackets included, from which :meth:`loc` takes the node's
    span when the node has one; ``children`` are the rule's values and named tokens without
    them. Tokens are strings with ``line``, ``column``, ``end_line`` and ``end_column``.
    """

    #: Public methods that are not grammar rules.
    HELPERS = frozenset({"loc", "tloc", "problem", "number_value", "quoted"})

    def __init__(self, text: str, path: str) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[Diagnostic] = []

    # --- helpers ------------------------------------------------------------------------------

    def loc(self, tokens: list[Any]) -> ast.Location:
        """From the first token (or located node) of ``tokens`` to the last; the file's first
        character when there is none (an empty file)."""
        first = last = None
        for item in tokens:
            where = getattr(item, "loc", item)  # a node's location, or the token itself
            if getattr(where, "line", None) is not None:
                first = first or where
                last = where
        if first is None or last is None:
            return ast.Location(path=self.path, line=1, column=1, end_line=1, end_column=1)
        return ast.Location(path=self.path, line=first.line, column=first.column,
                            end_line=last.end_line, end_column=last.end_column)

    def tloc(self, token: "Token") -> ast.Location:
        return ast.Location(
            path=self.path, line=token.line or 1, column=token.column or 1,
            end_line=token.end_line or token.line or 1,
            end_column=token.end_column or token.column or 1,
        )

    def problem(self, loc: ast.Location, message: str, hint: str | None = None, width: int = 1) -> None:
        self.problems.append(
            Diagnostic(
                path=self.path, line=loc.line, column=loc.column, message=message,
                source_line=self.lines[loc.line - 1] if 0 < loc.line <= len(self.lines) else "",
                width=width, hint=hint,
            )
        )

    def number_value(self, token: "Token") -> Decimal:
        try:
            return parse_number(str(token))
        except LiteralError as exc:
            self.problem(self.tloc(token), str(exc), exc.hint, width=len(token))
            return Decimal(0)

    def quoted(self, token: "Token") -> ast.Text:
        return ast.Text(value=_unescape(str(token)), loc=self.tloc(token))

    # --- values -------------------------------------------------------------------------------

    def number(self, tokens: list[Any], c: list[Any]) -> ast.Number:
        return ast.Number(value=self.number_value(c[0]), text=str(c[0]), loc=self.tloc(c[0]))

    def money(self, tokens: list[Any], c: list[Any]) -> ast.MoneyLit:
        return ast.MoneyLit(
            amount=self.number_value(c[0]), currency=str(c[1]),
            text=f"{c[0]} {c[1]}", loc=self.loc(tokens),
        )

    def string(self, tokens: list[Any], c: list[Any]) -> ast.Text:
        return self.quoted(c[0])

    def symbol(self, tokens: list[Any], c: list[Any]) -> ast.Symbol:
        return ast.Symbol(name=str(c[0]), loc=self.tloc(c[0]))

    def true(self, tokens: list[Any], c: list[Any]) -> ast.Bool:
        return ast.Bool(value=True, loc=self.loc(tokens))

    def false(self, tokens: list[Any], c: list[Any]) -> ast.Bool:
        return ast.Bool(value=False, loc=self.loc(tokens))

    def list(self, tokens: list[Any], c: list[Any]) -> ast.ListLit:
        return ast.ListLit(items=tuple(x for x in c if x is not None), loc=self.loc(tokens))

    def ref(self, tokens: list[Any], c: list[Any]) -> ast.Reference:
        return ast.Reference(name=str(c[0]), loc=self.tloc(c[0]))

    # --- filters ------------------------------------------------------------------------------

    def compare(self, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return ast.Compare(op=str(c[1]), left=c[0], right=c[2], loc=self.loc(tokens))

    def _binary(self, op: str, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return ast.Compare(op=op, left=c[0], right=c[1], loc=self.loc(tokens))

    def member(self, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return self._binary("in", tokens, c)

    def not_member(self, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return self._binary("not in", tokens, c)

    def overlaps(self, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return self._binary("overlaps", tokens, c)

    def contains(self, tokens: list[Any], c: list[Any]) -> ast.Compare:
        return self._binary("contains", tokens, c)

    def flag(self, tokens: list[Any], c: list[Any]) -> ast.Flag:
        return ast.Flag(name=str(c[0]), loc=self.tloc(c[0]))

    def any_of(self, tokens: list[Any], c: list[Any]) -> ast.AnyOf:
        items = (*c[0].items, c[1]) if isinstance(c[0], ast.AnyOf) else (c[0], c[1])
        return ast.AnyOf(items=items, loc=self.loc(tokens))

    def all_of(self, tokens: list[Any], c: list[Any]) -> ast.AllOf:
        items = (*c[0].items, c[1]) if isinstance(c[0], ast.AllOf) else (c[0], c[1])
        return ast.AllOf(items=items, loc=self.loc(tokens))

    def none_of(self, tokens: list[Any], c: list[Any]) -> ast.NoneOf:
        return ast.NoneOf(item=c[0], loc=self.loc(tokens))

    # --- conditions ---------------------------------------------------------------------------

    def match(self, tokens: list[Any], c: list[Any]) -> ast.Match:
        loc = self.tloc(c[0])
        return ast.Match(name=str(c[0]), where=None, loc=loc, name_loc=loc)

    def filtered(self, tokens: list[Any], c: list[Any]) -> ast.Match:
        return ast.Match(name=str(c[0]), where=c[1], loc=self.loc(tokens), name_loc=self.tloc(c[0]))

    def cond_any(self, tokens: list[Any], c: list[Any]) -> ast.CondAny:
        items = (*c[0].items, c[1]) if isinstance(c[0], ast.CondAny) else (c[0], c[1])
        return ast.CondAny(items=items, loc=self.loc(tokens))

    def cond_all(self, tokens: list[Any], c: list[Any]) -> ast.CondAll:
        items = (*c[0].items, c[1]) if isinstance(c[0], ast.CondAll) else (c[0], c[1])
        return ast.CondAll(items=items, loc=self.loc(tokens))

    def cond_negate(self, tokens: list[Any], c: list[Any]) -> ast.CondNot:
        return ast.CondNot(item=c[0], loc=self.loc(tokens))

    def cond_atom(self, tokens: list[Any], c: list[Any]) -> Any:
        """``( condition )``: the condition, located without its brackets."""
        return c[0]

    def expr_atom(self, tokens: list[Any], c: list[Any]) -> Any:
        """``( expr )``: the expression, located without its brackets."""
        return c[0]

    # --- clauses and rules --------------------------------------------------------------------

    # Severities and outcomes stay tokens until their clause is built: the clause's span starts
    # at them.
    def severity(self, tokens: list[Any], c: list[Any]) -> "Token":
        return c[0]

    def as_severity(self, tokens: list[Any], c: list[Any]) -> "Token":
        return c[0]

    def _condition_source(self, condition: Any) -> str:
        loc = condition.loc
        lines = self.lines[loc.line - 1 : loc.end_line]
        if not lines:
            return ""
        if len(lines) == 1:
            return lines[0][loc.column - 1 : loc.end_column - 1]
        lines[-1] = lines[-1][: loc.end_column - 1]
        lines[0] = lines[0][loc.column - 1 :]
        return " ".join(" ".join(lines).split())

    def check(self, tokens: list[Any], c: list[Any]) -> ast.Clause:
        severity, condition, message = c
        return ast.Clause(
            verb=str(severity), condition=condition, severity=str(severity),
            message=self.quoted(message) if message is not None else None,
            source=self._condition_source(condition), loc=self.loc(tokens),
        )

    def require(self, tokens: list[Any], c: list[Any]) -> ast.Clause:
        condition, severity, message = c
        return ast.Clause(
            verb="require", condition=condition, severity=str(severity or "fail"),
            severity_given=severity is not None,
            message=self.quoted(message) if message is not None else None,
            source=self._condition_source(condition), loc=self.loc(tokens),
        )

    def rationale(self, tokens: list[Any], c: list[Any]) -> tuple[str, str]:
        return ("rationale", " ".join(_unescape(str(t)) for t in c))

    def reference(self, tokens: list[Any], c: list[Any]) -> tuple[str, tuple[str, str | None]]:
        url, criterion = c
        return ("reference", (_unescape(str(url)), _unescape(str(criterion)) if criterion else None))

    def fix(self, tokens: list[Any], c: list[Any]) -> tuple[str, ast.Text]:
        return ("fix", self.quoted(c[0]))

    def outcome(self, tokens: list[Any], c: list[Any]) -> "Token":
        return c[0]

    def document(self, tokens: list[Any], c: list[Any]) -> ast.ExampleDocument:
        role, text = c
        return ast.ExampleDocument(
            role=str(role) if role is not None else "license",
            text=_unescape(str(text)), loc=self.loc(tokens),
        )

    def example(self, tokens: list[Any], c: list[Any]) -> ast.Example:
        return ast.Example(outcome=str(c[0]), documents=tuple(c[1:]), loc=self.loc(tokens))

    def rule(self, tokens: list[Any], c: list[Any]) -> ast.Rule:
        name, title, *items = c
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
                    self.problem(self.loc(tokens), f"rule `{name}` has more than one `{key}`")
                fields[key] = value
        url, criterion = fields.get("reference", (None, None))
        return ast.Rule(
            name=str(name), title=_unescape(str(title)), clauses=tuple(clauses),
            examples=tuple(examples), rationale=fields.get("rationale"),
            reference_url=url, reference_criterion=criterion, fix=fields.get("fix"),
            loc=self.tloc(name),
        )

    # --- policies -----------------------------------------------------------------------------

    def source(self, tokens: list[Any], c: list[Any]) -> tuple[str, str]:
        return ("source", _unescape(str(c[0])))

    def rate(self, tokens: list[Any], c: list[Any]) -> ast.Rate:
        currency, factor, to = c
        return ast.Rate(
            currency=str(currency), factor=self.number_value(factor),
            to=str(to) if to is not None else None, loc=self.loc(tokens),
        )

    def profile_entry(self, tokens: list[Any], c: list[Any]) -> ast.ProfileEntry:
        return ast.ProfileEntry(name=str(c[0]), value=c[1], loc=self.tloc(c[0]))

    def profile(self, tokens: list[Any], c: list[Any]) -> tuple[str, tuple[ast.ProfileEntry, ...]]:
        return ("profile", tuple(c))

    def policy(self, tokens: list[Any], c: list[Any]) -> ast.Policy:
        name, title, *items = c
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
            name=policy_name, title=_unescape(str(title)), path=self.path,
            rules=tuple(replace(r, id=f"{policy_name}.{r.name}") for r in rules),
            source=source, rates=tuple(rates), profile=tuple(profile), loc=self.tloc(name),
        )

    def import_stmt(self, tokens: list[Any], c: list[Any]) -> ast.Import:
        return ast.Import(target=_unescape(str(c[0])), loc=self.loc(tokens))

    def start(self, tokens: list[Any], c: list[Any]) -> ast.RuleFile:
        return ast.RuleFile(
            path=self.path,
            imports=tuple(i for i in c if isinstance(i, ast.Import)),
            policies=tuple(p for p in c if isinstance(p, ast.Policy)),
            loc=self.loc(tokens),
        )


@cache
def _callbacks() -> Any:
    """Lark callbacks, one per grammar rule: each hands the current :class:`_Shaper` what the
    rule matched, and its children without keywords and brackets."""
    from lark import Token, Transformer

    def callback(name: str) -> Any:
        def call(self: Any, children: list[Any]) -> Any:
            dropped = _dropped_terminals()
            kept = [c for c in children if not (isinstance(c, Token) and c.type in dropped)]
            return getattr(_SHAPING.shaper, name)(children, kept)
        return call

    names = [n for n, v in vars(_Shaper).items() if callable(v) and not n.startswith("_")
             and n not in _Shaper.HELPERS]
    return type("_Callbacks", (Transformer,), {n: callback(n) for n in names})()


@cache
def _dropped_terminals() -> frozenset[str]:
    """The keywords and brackets: terminals the grammar writes as quoted strings in a rule,
    except in ``!`` rules (``!severity``), whose words are the rule's value. Lark leaves out the
    same ones when it builds a tree without ``keep_all_tokens``. (The grammar's named terminals
    are all patterns, so a quoted string is always one of these.)"""
    from openness.dsl.resources import grammar_text

    parser = _parser()
    # With keep_all_tokens every rule reads as a `!` rule to Lark; the grammar text still says which are.
    verbatim = set(re.findall(r"^!(\w+)\s*:", grammar_text(), re.MULTILINE))
    kept = {symbol.name for rule in parser.rules if rule.origin.name in verbatim
            for symbol in rule.expansion if symbol.is_term}
    return frozenset(t.name for t in parser.terminals if t.pattern.type == "str") - kept
