"""The rules language: parse, check and load policies (``*.rules``).

``load("osd")`` or ``load("acme.rules")`` returns a validated :class:`~openness.dsl.ast.Policy`;
``loads(text)`` does the same for a string. Lark is imported on the first parse, and its parser
tables are cached in the user's cache folder (see :mod:`openness.dsl.resources`).
"""

from openness.dsl.ast import Policy, Rule
from openness.dsl.errors import Diagnostic, RuleErrors
from openness.dsl.loader import load, loads, resolve_name

__all__ = ["Diagnostic", "Policy", "Rule", "RuleErrors", "load", "loads", "resolve_name"]
