"""A lean LALR driver over Lark's own parse tables, for rule files that parse.

Lark stays the parser of record: it builds the tables from the grammar, and it reads every text
this driver does not finish, so every syntax error (and its sentence) is Lark's. Reading a
200-rule policy through Lark's general machinery costs most of a cold load: per token a
contextual lexer step, a token built through two calls, and per reduction two or three wrapper
calls before the shaper is reached. This driver reads the same tables with one regular
expression over the text and calls the shaper directly.

It gives up -- :meth:`Driver.read` returns ``None`` and the caller parses with Lark -- wherever
it could read the text differently from Lark's contextual lexer: a character no terminal
matches, a word whose terminal the parser state does not accept, a currency code glued to more
letters, any token the table does not expect. What it does read, it reads as Lark would: the
tests compare the two over the built-in packs, edge cases and random edits of the packs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lark import Token

if TYPE_CHECKING:
    from lark import Lark

#: The regular-expression terminals this driver knows how to place; a grammar with others is
#: read by Lark alone (``Driver.build`` returns ``None``).
_KNOWN = frozenset({"WS", "COMMENT", "COMPARE", "NAME", "DOTTED", "NUMBER", "CURRENCY", "STRING"})

#: A node builder: ``build(shaper, tokens, kept)`` as the shaper's methods take them.
Builder = Callable[[Any, list[Any], list[Any]], Any]


class _Token(Token):
    """Lark's token, filled in place (Lark's constructor is two Python calls per token)."""

    __slots__ = ()


class _Run(list):  # type: ignore[type-arg]
    """The items of a ``*`` or ``+`` repetition, spliced into the rule that holds them (Lark
    builds these as ``__name_star_N`` helper rules and inlines them the same way)."""

    __slots__ = ()


@dataclass(frozen=True)
class _Reduce:
    """How to reduce by one grammar rule: pop ``size`` values, then shape them."""

    size: int
    goto: str  # the rule's name in the goto table
    run: bool  # a repetition helper: its value is a _Run
    nones: tuple[int, ...] | None  # placeholders (``[x]`` left out) before each item and after the last
    splice: tuple[bool, ...] | None  # which items are runs to splice
    single: bool  # a ``?rule``: one child stands for the rule
    identity: bool  # ``?rule: other``: the value stays as it is, only the state changes
    build: Builder | None  # the shaper's method, for rules that build a node


class Driver:
    """The tables of one Lark parser, arranged for :meth:`read`."""

    def __init__(self, token: re.Pattern[str], keywords: dict[str, str], punctuation: dict[str, str],
                 currency: re.Pattern[str], ignored: re.Pattern[str],
                 actions: dict[int, dict[str, tuple[bool, Any]]], start: int, end: int,
                 dropped: frozenset[str]) -> None:
        self.token = token
        self.keywords = keywords
        self.punctuation = punctuation
        self.currency = currency
        self.ignored = ignored
        self.actions = actions
        self.start = start
        self.end = end
        self.dropped = dropped

    @classmethod
    def build(cls, lark: "Lark", builders: Callable[[str], Builder], dropped: Collection[str]) -> "Driver | None":
        """The driver for ``lark`` (built with ``parser="lalr"``, ``keep_all_tokens`` and
        ``maybe_placeholders``), or ``None`` when its grammar has terminals this driver does not
        know. ``builders(name)`` is the node builder of the rule or alias ``name``."""
        from lark.parsers.lalr_analysis import Shift

        terminals = {t.name: t for t in lark.terminals}
        patterns = {n: t.pattern.to_regexp() for n, t in terminals.items() if t.pattern.type == "re"}
        if set(patterns) != _KNOWN or set(lark.lexer_conf.ignore) != {"WS", "COMMENT"}:
            return None
        name_rx = re.compile(patterns["NAME"])
        keywords, punctuation = {}, {}
        for t in terminals.values():
            if t.pattern.type == "str":
                word = name_rx.fullmatch(t.pattern.value) is not None
                (keywords if word else punctuation)[t.pattern.value] = t.name
        # Punctuation longest first, so that `<=` is never read as `<` then `=`.
        marks = "|".join(re.escape(p) for p in sorted(punctuation, key=len, reverse=True))
        # Atomic (`(?>...)`): a comment is never given back to find a token inside it.
        ignored = f"(?>(?:{patterns['WS']}|{patterns['COMMENT']})*)"
        token = re.compile(
            f"{ignored}(?:(?P<STRING>{patterns['STRING']})|(?P<NUMBER>{patterns['NUMBER']})"
            f"|(?P<WORD>{patterns['DOTTED']}|{patterns['NAME']})|(?P<COMPARE>{patterns['COMPARE']})"
            f"|(?P<MARK>{marks}))"
        )
        parser = lark.parser.parser.parser  # ParsingFrontend -> LALR_Parser -> _Parser
        table = parser.parse_table
        reductions: dict[Any, _Reduce] = {}
        actions: dict[int, dict[str, tuple[bool, Any]]] = {}
        for state, row in table.states.items():
            arranged: dict[str, tuple[bool, Any]] = {}
            for symbol, (action, arg) in row.items():
                if action is Shift:
                    arranged[symbol] = (True, arg)
                else:
                    if arg not in reductions:
                        reductions[arg] = _reduction(arg, builders)
                    arranged[symbol] = (False, reductions[arg])
            actions[state] = arranged
        return cls(token, keywords, punctuation, re.compile(patterns["CURRENCY"]), re.compile(ignored),
                   actions, table.start_states["start"], table.end_states["start"], frozenset(dropped))

    def read(self, text: str, shaper: Any) -> Any | None:
        """What the shaper builds from ``text``, or ``None`` where Lark must read it instead."""
        match = self.token.match
        actions, keywords, punctuation = self.actions, self.keywords, self.punctuation
        currency, dropped = self.currency.match, self.dropped
        newlines = [m.start() for m in re.finditer("\n", text)]
        new = str.__new__
        states: list[int] = [self.start]
        values: list[Any] = []
        row = actions[self.start]
        pos = 0
        while True:
            found = match(text, pos)
            if found is None:
                if self.ignored.fullmatch(text, pos) is None:
                    return None
                kind = "$END"
                value = ""
            else:
                group = found.lastgroup or ""
                value = found.group(group)
                if group == "WORD":
                    # As Lark's contextual lexer would: a currency code first (it has the higher
                    # priority), then a keyword the state accepts, then a dotted or plain name.
                    code = currency(value) if "CURRENCY" in row else None
                    if code is not None:
                        if code.end() != len(value):
                            return None
                        kind = "CURRENCY"
                    else:
                        kind = keywords.get(value, "")
                        if kind not in row:
                            kind = "DOTTED" if "." in value else "NAME"
                elif group == "MARK":
                    kind = punctuation[value]
                else:
                    kind = group
                start = found.start(group)
                pos = found.end()
                line = bisect_right(newlines, start)
                column = start - newlines[line - 1] if line else start + 1
                token = new(_Token, value)
                token.type = kind
                token.value = value
                token.start_pos = start
                token.end_pos = pos
                token.line = token.end_line = line + 1
                token.column = column
                token.end_column = column + pos - start
            while True:
                action = row.get(kind)
                if action is None:
                    return None
                shift, arg = action
                if shift:
                    if kind == "$END":
                        return None
                    states.append(arg)
                    values.append(token)
                    row = actions[arg]
                    break
                if arg.identity:
                    goto = actions[states[-2]][arg.goto][1]
                    states[-1] = goto
                else:
                    size = arg.size
                    if size:
                        items = values[-size:]
                        del states[-size:]
                        del values[-size:]
                    else:
                        items = []
                    goto = actions[states[-1]][arg.goto][1]
                    states.append(goto)
                    values.append(_shape(items, arg, shaper, dropped))
                if goto == self.end and kind == "$END":
                    return values[-1]
                row = actions[goto]


def _shape(items: list[Any], plan: _Reduce, shaper: Any, dropped: frozenset[str]) -> Any:
    """What Lark's tree builder makes of ``items`` (with placeholders and runs spliced), as the
    shaper builds it."""
    if plan.nones is None and plan.splice is None:
        children = items
    else:
        children = []
        nones = plan.nones or (0,) * (len(items) + 1)
        splice = plan.splice or (False,) * len(items)
        for i, item in enumerate(items):
            if nones[i]:
                children.extend([None] * nones[i])
            if splice[i]:
                children.extend(item)
            else:
                children.append(item)
        if nones[-1]:
            children.extend([None] * nones[-1])
    if plan.run:
        return _Run(children)
    if plan.single and len(children) == 1:
        return children[0]
    kept = [c for c in children if c.__class__ is not _Token or c.type not in dropped]
    return plan.build(shaper, children, kept)  # type: ignore[misc]


def _reduction(rule: Any, builders: Callable[[str], Builder]) -> _Reduce:
    """The plan for one of Lark's rules, after ``lark.parse_tree_builder``: a ``_``-named rule is
    spliced into its parent; ``[x]`` left out leaves a ``None``; a ``?rule`` with one child is
    that child."""
    expansion = rule.expansion
    size = len(expansion)
    splice = tuple(not s.is_term and s.name.startswith("_") for s in expansion)
    nones = None
    if rule.options.empty_indices:
        gaps = "".join("1" if empty else "0" for empty in rule.options.empty_indices).split("0")
        nones = tuple(len(gap) for gap in gaps)
    run = rule.origin.name.startswith("_")
    single = bool(rule.options.expand1) and not rule.alias
    identity = single and size == 1 and not any(splice) and nones is None
    return _Reduce(
        size=size, goto=rule.origin.name, run=run, nones=nones,
        splice=splice if any(splice) else None, single=single, identity=identity,
        build=None if identity or run else builders(rule.alias or rule.origin.name),
    )
