"""The OSI's own OSAID validation, replayed: our ``osaid-1.0`` verdict per system, with reasons.

GROUND_TRUTH.yaml lists, under ``osaid_validation``, nine systems the OSI analysed and the
documents of each in the corpus. Each system's documents are judged together as one release,
so that the licence's terms and the model card's disclosures meet in one verdict.

``python -m openness.evaluate.osaid_table [CORPUS]`` prints the table as Markdown.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from openness.evaluate.groundtruth import table_main

#: Our verdict that agrees with each OSI outcome. "Would pass if the licence changed" is a
#: failure today, whose reasons lie in the licence terms.
AGREES = {"passed": "pass", "failed": "fail", "would_pass_if_license_changed": "fail"}
#: osaid-1.0 rules about the legal terms; the others judge the disclosed components.
LICENCE_RULES = frozenset({"osaid.use", "osaid.modify", "osaid.share"})


@dataclass(frozen=True, kw_only=True)
class SystemVerdict:
    system: str
    osi_outcome: str
    files: tuple[str, ...]
    #: pass / fail / warn / unknown
    outcome: str
    #: "rule id [outcome]: message (path §section)" for every rule that did not pass.
    reasons: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        if AGREES[self.osi_outcome] != self.outcome:
            return False
        if self.osi_outcome == "would_pass_if_license_changed":
            return any(r.split(" [", 1)[0] in LICENCE_RULES for r in self.reasons)
        return True


def documents_of(ground_truth: dict[str, Any]) -> dict[str, str]:
    """Corpus id -> file, over licence and disclosure entries."""
    entries = ground_truth.get("licenses", []) + ground_truth.get("disclosures", [])
    return {e["id"]: e["file"] for e in entries}


def judge_systems(corpus: Path) -> list[SystemVerdict]:
    """Analyse each OSI-validated system's documents as one release with ``osaid-1.0``."""
    from openness.analysis import Release, analyze

    ground_truth = yaml.safe_load((corpus / "GROUND_TRUTH.yaml").read_text("utf-8"))
    files_by_id = documents_of(ground_truth)
    verdicts = []
    for system in ground_truth["osaid_validation"]["systems"]:
        files = tuple(files_by_id[i] for i in system["corpus_ids"] if i in files_by_id)
        release = Release(subject=system["system"], files=tuple(corpus / f for f in files))
        (verdict,) = analyze([release], policies=["osaid-1.0"]).verdicts
        reasons = tuple(
            f"{rule.id} [{rule.outcome}]: {rule.message}" + _cited(rule.evidence)
            for rule in verdict.rules
            if rule.outcome != "pass"
        )
        verdicts.append(SystemVerdict(system=system["system"], osi_outcome=system["outcome"],
                                      files=files, outcome=verdict.outcome, reasons=reasons))
    return verdicts


def _cited(evidence: tuple[Any, ...]) -> str:
    if not evidence:
        return ""
    first = evidence[0]
    name = Path(first.path).name
    return f" ({name} §{first.section})" if first.section else f" ({name})"


def markdown_table(verdicts: list[SystemVerdict]) -> str:
    lines = ["| system | OSI outcome | our verdict | agrees | our reasons (rules that did not pass) |",
             "|---|---|---|---|---|"]
    for v in verdicts:
        reasons = "<br>".join(r.replace("|", "\\|") for r in v.reasons) or "all rules pass"
        lines.append(f"| {v.system} | {v.osi_outcome} | {v.outcome} | {'yes' if v.agrees else 'no'} | {reasons} |")
    agree = sum(v.agrees for v in verdicts)
    lines.append("")
    lines.append(f"Agreement: {agree}/{len(verdicts)} systems.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, lambda corpus: markdown_table(judge_systems(corpus)))


if __name__ == "__main__":
    sys.exit(main())
