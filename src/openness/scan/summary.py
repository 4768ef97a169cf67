"""The columns of a release's row that sum up its analysis: which licence, each policy's
outcome, the MOF class, the decisive reasons, and the findings a fleet is sorted by (user and
revenue caps, non-compete, restrictions on outputs, excluded regions, training-data level).

Each column is read from the analysis as it is; nothing is inferred that the findings do not say.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Sequence

from openness.model import Outcome

if TYPE_CHECKING:
    from openness.model import Analysis, DocumentResult, Finding

#: The MOF policy's class rules, most open first; a release's class is the first that passes.
MOF_CLASSES = (("mof.class-i", "I"), ("mof.class-ii", "II"), ("mof.class-iii", "III"))
#: How many reasons a row keeps (the full report has them all).
MAX_REASONS = 5
#: The longest reason kept, in characters.
REASON_CHARS = 240
#: Training-data levels from the most open (disclose.training_data's ``level``).
DATA_LEVELS = ("released", "described", "vague", "none")


def licence_fields(results: Sequence[DocumentResult]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The release's licence columns, and per licence document (by path) its identity as the
    analysis made it (``DocumentResult.license``).

    The licence is that of the first licence document identified, else of the first licence
    document; a release without licence text takes what its card's front matter declares.
    """
    identified: dict[str, dict[str, Any]] = {}
    for result in results:
        found = result.license
        if result.role == "license" and found is not None:
            identified[result.path] = {"id": found.id, "name": found.name,
                                       "match": found.match.value,
                                       "similarity": round(found.similarity, 4)}
    chosen = next((i for i in identified.values() if i["id"]), None) or next(
        iter(identified.values()), None)
    if chosen is not None:
        return {"license_id": chosen["id"], "license_name": chosen["name"],
                "license_match": chosen["match"], "license_similarity": chosen["similarity"],
                "license_source": "text"}, identified
    return _declared(results), identified


def _declared(results: Sequence[DocumentResult]) -> dict[str, Any]:
    from openness.identify.declared import declared_licence

    for result in results:
        if result.document is None or result.role not in ("model_card", "readme"):
            continue
        declaration = declared_licence(result.document)
        if declaration is not None:
            names = [d.name for d in declaration.licenses if d.name]
            return {"license_id": declaration.expression,
                    "license_name": declaration.name or "; ".join(names) or None,
                    "license_match": None, "license_similarity": None,
                    "license_source": "front_matter"}
    return {"license_id": None, "license_name": None, "license_match": None,
            "license_similarity": None, "license_source": None}


def summary_fields(analysis: Analysis) -> dict[str, Any]:
    """Outcomes, MOF class, reasons and the key findings of one release's analysis."""
    outcomes = {v.policy: v.outcome.value for v in analysis.verdicts}
    return {
        "outcomes": json.dumps(outcomes, sort_keys=True),
        "mof_class": mof_class(analysis),
        "reasons": json.dumps(reasons(analysis), ensure_ascii=False),
        **finding_fields(analysis.findings),
    }


def mof_class(analysis: Analysis) -> str | None:
    """``I``, ``II`` or ``III`` for the most open MOF class whose rule passes, ``none`` when
    none does, ``None`` when the MOF policy was not judged."""
    verdict = next((v for v in analysis.verdicts if v.policy == "mof"), None)
    if verdict is None:
        return None
    passed = {r.id for r in verdict.rules if r.outcome is Outcome.PASS}
    return next((name for rule, name in MOF_CLASSES if rule in passed), "none")


def reasons(analysis: Analysis) -> list[str]:
    """What decided the verdicts: each failing (then unknown, then warning) rule's message,
    worst first, policy by policy, without repeats."""
    rules = [r for v in analysis.verdicts for r in v.rules if r.outcome is not Outcome.PASS]
    rules.sort(key=lambda r: -r.outcome.rank)
    kept: list[str] = []
    for rule in rules:
        text = f"{rule.id} ({rule.outcome.value}): {rule.message}"
        text = text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "\u2026"
        if text not in kept:
            kept.append(text)
    return kept[:MAX_REASONS]


def finding_fields(findings: Sequence[Finding]) -> dict[str, Any]:
    """The findings a fleet is compared on, one column each; ``None`` where nothing was found."""
    by_kind: dict[str, list[Finding]] = {}
    for finding in findings:
        by_kind.setdefault(finding.kind, []).append(finding)
    users = _lowest(by_kind.get("restrict.user_threshold", []), "count")
    revenue = _lowest(by_kind.get("restrict.revenue_threshold", []), "amount")
    scopes = sorted({str(f.attributes.get("scope", "model"))
                     for f in by_kind.get("restrict.non_compete", [])})
    regions = sorted({str(region) for f in by_kind.get("restrict.geographic", [])
                      for region in f.attributes.get("regions", ())})
    levels = {f.attributes.get("level") for f in by_kind.get("disclose.training_data", [])}
    return {
        "user_cap": users.attributes.get("count") if users else None,
        "user_metric": users.attributes.get("metric") if users else None,
        "revenue_cap": revenue.attributes.get("amount") if revenue else None,
        "revenue_currency": revenue.attributes.get("currency") if revenue else None,
        "non_compete": ("both" if len(scopes) > 1 else scopes[0]) if scopes else None,
        "outputs_restricted": int("restrict.outputs" in by_kind),
        "non_commercial": int("restrict.commercial" in by_kind),
        "regions": json.dumps(regions, ensure_ascii=False) if regions else None,
        "training_data": next((level for level in DATA_LEVELS if level in levels), None),
    }


def _lowest(findings: list[Finding], attribute: str) -> Finding | None:
    """The finding with the lowest figure: the cap a licensee meets first."""
    counted = [f for f in findings if isinstance(f.attributes.get(attribute), (int, float))]
    return min(counted, key=lambda f: f.attributes[attribute], default=None)
