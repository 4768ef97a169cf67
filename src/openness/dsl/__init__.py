"""The rules language: parse, check and load policies (``*.rules``).

``load("osd")`` or ``load("acme.rules")`` returns a validated :class:`~openness.dsl.ast.Policy`;
``loads(text)`` does the same for a string. The grammar is ``grammars/openness.lark``, read by
Lark's LALR parser with a transformer that builds the AST (:mod:`openness.dsl.parser`).
"""

from openness.dsl.ast import Policy, Rule
from openness.dsl.errors import Diagnostic, RuleErrors
from openness.dsl.loader import load, loads, resolve_name, source_files

__all__ = ["Diagnostic", "Policy", "Rule", "RuleErrors", "load", "loads", "resolve_name", "source_files"]
