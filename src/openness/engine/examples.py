"""Running a policy's ``example`` lines through the real extractor and the engine.

Each example is a licence sentence (or a few documents with their roles) and the outcome its
rule must give. The text goes through the same code as a user's documents: the licence
extractor for licences and use policies, the disclosure reader for model cards, READMEs and
data cards. An example that fails names the rule, the sentence and the findings seen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from openness.dsl import ast
from openness.engine.compiler import compile
from openness.engine.evaluate import evaluate
from openness.engine.profile import Profile
from openness.engine.results import RuleResult
from openness.model import Document, Finding
from openness.taxonomy import load_taxonomy


@dataclass(frozen=True, kw_only=True)
class ExampleResult:
    rule_id: str
    example: ast.Example
    #: The rule's result on the example's findings.
    result: RuleResult
    findings: tuple[Finding, ...]

    @property
    def passed(self) -> bool:
        return self.result.outcome == self.example.outcome


def findings_of(role: str, text: str) -> list[Finding]:
    """The findings a document of ``role`` holding ``text`` gives."""
    from openness.disclose import disclosure_findings
    from openness.extract import findings_from_text

    if role in load_taxonomy().groups["disclose"].sources:
        doc = Document(path=f"<example {role}>", text=text, format="md",
                       sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
        return disclosure_findings(doc)
    return findings_from_text(text, path=f"<example {role}>")


def run_examples(policy: ast.Policy, profile: Profile | None = None) -> list[ExampleResult]:
    """Every example of every rule of ``policy``, in file order."""
    compiled = compile(policy)
    results = []
    for rule in policy.rules:
        for example in rule.examples:
            findings = [f for doc in example.documents for f in findings_of(doc.role, doc.text)]
            verdict = evaluate(compiled, findings, roles={d.role for d in example.documents}, profile=profile)
            result = next(r for r in verdict.rules if r.id == rule.id)
            results.append(ExampleResult(rule_id=rule.id, example=example, result=result,
                                         findings=tuple(findings)))
    return results
