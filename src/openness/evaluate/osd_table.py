"""The ``osd`` policy against the OSI licence list: every licence of the real corpus, one by one.

A licence with ``osi_approved: false`` in GROUND_TRUTH.yaml must fail, naming the clause that
caused it; an OSI-approved one (Apache-2.0, MIT, BSD-3-Clause, GPL-3.0 ...) must pass.

``python -m openness.evaluate.osd_table [CORPUS]`` prints the table as Markdown.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from openness.evaluate.groundtruth import table_main


@dataclass(frozen=True, kw_only=True)
class LicenceVerdict:
    id: str
    file: str
    osi_approved: bool
    outcome: str
    #: "rule id: section" of each failing rule, the first clause that caused it.
    causes: tuple[str, ...]

    @property
    def agrees(self) -> bool:
        return self.outcome == ("pass" if self.osi_approved else "fail")


def judge_licences(corpus: Path) -> list[LicenceVerdict]:
    from openness.analysis import analyze

    ground_truth = yaml.safe_load((corpus / "GROUND_TRUTH.yaml").read_text("utf-8"))
    entries = ground_truth["licenses"]
    analysis = analyze([corpus / e["file"] for e in entries], policies=["osd"])
    by_subject = {v.subject: v for v in analysis.verdicts}
    verdicts = []
    for entry in entries:
        verdict = by_subject[str(corpus / entry["file"])]
        causes = tuple(
            f"{rule.id} §{rule.evidence[0].section}" if rule.evidence else rule.id
            for rule in verdict.rules
            if rule.outcome == "fail"
        )
        verdicts.append(LicenceVerdict(id=entry["id"], file=entry["file"],
                                       osi_approved=bool(entry.get("osi_approved")),
                                       outcome=verdict.outcome, causes=causes))
    return verdicts


def markdown_table(verdicts: list[LicenceVerdict]) -> str:
    lines = ["| licence | OSI-approved | osd verdict | agrees | failing rules (first clause) |",
             "|---|---|---|---|---|"]
    for v in verdicts:
        lines.append(f"| {v.id} | {'yes' if v.osi_approved else 'no'} | {v.outcome} | "
                     f"{'yes' if v.agrees else 'no'} | {', '.join(v.causes)} |")
    agree = sum(v.agrees for v in verdicts)
    lines += ["", f"Agreement: {agree}/{len(verdicts)} licences."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, lambda corpus: markdown_table(judge_licences(corpus)))


if __name__ == "__main__":
    sys.exit(main())
