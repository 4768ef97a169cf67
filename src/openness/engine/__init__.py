"""The rule engine: compile a checked policy once, evaluate it on many sets of findings.

``evaluate(compile(policy), findings, roles={"license"}, profile=None) -> PolicyVerdict``.
"""

from openness.engine.compiler import CompiledPolicy, compile
from openness.engine.evaluate import evaluate
from openness.engine.profile import Profile
from openness.engine.results import PolicyVerdict, RuleResult
from openness.model import Outcome

__all__ = ["CompiledPolicy", "Outcome", "PolicyVerdict", "Profile", "RuleResult", "compile", "evaluate"]
