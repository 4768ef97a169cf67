"""Which edit of a variant changed its verdicts: the verdicts of the reference text beside the
variant's own.

A variant is judged on its own text like any document. To say what an edit did, each policy is
also evaluated with the variant's findings replaced by those of the reference text it was
identified as (extracted from the SPDX text); a rule whose outcome differs was changed by the
edits, and an added passage holding that rule's evidence is the edit that changed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from openness.identify.model import Basis, Match

if TYPE_CHECKING:
    from openness.engine.compiler import CompiledPolicy
    from openness.engine.results import PolicyVerdict
    from openness.model import DocumentResult, Finding


def changed_verdicts(result: "DocumentResult", found: Sequence["Finding"],
                     verdicts: Iterable["PolicyVerdict"], compiled: Sequence["CompiledPolicy"], *,
                     roles: set[str], profile: object = None) -> list[str]:
    """One sentence per rule whose outcome the edits of ``result``'s variant changed, naming
    the added passage that holds its evidence when one does."""
    from openness import engine
    from openness.identify.identification import reference_index
    from openness.identify.judged import reference_findings

    identity = result.license
    if identity is None or identity.match is not Match.VARIANT or identity.basis is not Basis.TEXT:
        return []
    reference = reference_index().by_id(identity.id or "")
    if reference is None:
        return []
    others = [f for f in found if f.evidence.path != result.path]
    swapped = [*others, *reference_findings(reference)]
    before = {r.id: r.outcome for policy in compiled
              for r in engine.evaluate(policy, swapped, roles=roles, profile=profile).rules}
    sentences = []
    for verdict in verdicts:
        for rule in verdict.rules:
            old = before.get(rule.id)
            if old is None or old == rule.outcome:
                continue
            cause = next((p for p in identity.added for e in rule.evidence
                          if e.path == result.path and e.start < p.end and p.start < e.end), None)
            what = (f"added to {identity.id}: {', '.join(cause.findings) or 'text'} — "
                    f"“{cause.quote}” (line {cause.line})" if cause is not None
                    else f"the edits to {identity.id}")
            sentences.append(f"{result.path}: {what} changes {rule.id} from {old.value} "
                             f"(the reference text) to {rule.outcome.value}")
    return sentences
