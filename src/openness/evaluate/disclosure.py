"""How well the disclosure analysis judges model cards, against an answer key.

Two kinds of key are read. The real corpus's ``GROUND_TRUTH.yaml`` gives, per ``disclosures:``
entry, a training-data level (mapped through ``FACT_KINDS.yaml`` ``disclosure_levels``; an
unmapped level such as ``not_obtained`` is left out). The project's own ``expected.yaml`` files
give, per model card, all four judgments (``disclosure: {training_data, training_code, weights,
evaluation}``), the quoted ``disclose.*`` facts each judgment should cite, and traps: quotes no
finding of that kind may cite.

``python -m openness.evaluate.disclosure CORPUS [FILE ...]`` prints one row per card and the
totals; FILE names (as the key spells them) restrict the run to those cards, so a set written
later can be scored apart from the rest of its folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openness.disclose import disclosure_findings
from openness.errors import InputError
from openness.evaluate.groundtruth import OWN_KEY, REAL_KEY, read_key
from openness.ingest import load
from openness.model import Document, Finding
from openness.segment import segment

#: The four judgments of a card, and the finding kind and attribute each is read from.
JUDGMENTS = {
    "training_data": ("disclose.training_data", "level"),
    "training_code": ("disclose.training_code", "available"),
    "weights": ("disclose.weights", "available"),
    "evaluation": ("disclose.evaluation", "available"),
}


@dataclass(frozen=True, kw_only=True)
class KeyedCard:
    """One card of an answer key: what it should be judged, and which quotes show it."""

    file: str
    expected: dict[str, Any]
    #: ``(kind, quote)`` of the key's quoted ``disclose.*`` facts.
    facts: tuple[tuple[str, str], ...] = ()
    traps: tuple[tuple[str, str], ...] = ()


@dataclass(kw_only=True)
class CardResult:
    file: str
    expected: dict[str, Any]
    got: dict[str, Any]
    #: Quoted facts no finding of their kind cites.
    uncited: list[tuple[str, str]] = field(default_factory=list)
    cited_facts: int = 0
    #: Trap quotes a finding of the trap's kind cites.
    sprung: list[tuple[str, str]] = field(default_factory=list)

    def right(self, judgment: str) -> bool:
        return self.got.get(judgment) == self.expected[judgment]


def load_key(corpus: Path) -> list[KeyedCard]:
    """The cards of the answer key in ``corpus`` (``GROUND_TRUTH.yaml`` or ``expected.yaml``)."""
    if (corpus / REAL_KEY).is_file():
        return _ground_truth_cards(corpus)
    if (corpus / OWN_KEY).is_file():
        return _expected_cards(corpus)
    raise InputError(str(corpus), "no GROUND_TRUTH.yaml or expected.yaml here")


def _ground_truth_cards(corpus: Path) -> list[KeyedCard]:
    truth = read_key(corpus / REAL_KEY)
    levels = read_key(corpus / "FACT_KINDS.yaml")["disclosure_levels"]
    return [
        KeyedCard(file=entry["file"], expected={"training_data": levels[entry["disclosure_level"]]})
        for entry in truth.get("disclosures", [])
        if levels.get(entry["disclosure_level"]) is not None
    ]


def _expected_cards(corpus: Path) -> list[KeyedCard]:
    cards = []
    for doc in read_key(corpus / OWN_KEY)["documents"]:
        if "disclosure" not in doc:
            continue
        facts = tuple((f["kind"], f["quote"]) for f in doc.get("facts") or ()
                      if f["kind"].startswith("disclose.") and "quote" in f)
        traps = tuple((t["kind"], t["quote"]) for t in doc.get("traps") or ()
                      if t["kind"].startswith("disclose."))
        cards.append(KeyedCard(file=doc["file"], expected=dict(doc["disclosure"]), facts=facts, traps=traps))
    return cards


def judgments(findings: list[Finding]) -> dict[str, Any]:
    """The four judgments as the findings state them (the first finding of each kind)."""
    got: dict[str, Any] = {}
    for name, (kind, attribute) in JUDGMENTS.items():
        first = next((f for f in findings if f.kind == kind), None)
        if first is not None:
            got[name] = first.attributes.get(attribute)
    return got


def cites(doc: Document, finding: Finding, quote: str) -> bool:
    """Whether ``finding``'s evidence is the statement ``quote``: one holds the other, or both
    are rows of one Markdown table (a results table is evidenced by any of its rows)."""
    shown = finding.evidence.quote
    if shown and (quote in shown or shown in quote):
        return True
    return _same_table(doc, finding.evidence.line, quote)


def _same_table(doc: Document, line: int, quote: str) -> bool:
    if not quote.startswith("|") or quote not in doc.text:
        return False
    lines = doc.text.splitlines()
    target = doc.line_of(doc.text.index(quote))
    low, high = sorted((line, target))
    return all(lines[n - 1].lstrip().startswith("|") for n in range(low, high + 1))


def score_card(corpus: Path, card: KeyedCard) -> CardResult:
    doc = load(corpus / card.file)
    findings = disclosure_findings(doc, segment(doc))
    result = CardResult(file=card.file, expected=card.expected, got=judgments(findings))
    for kind, quote in card.facts:
        if any(cites(doc, f, quote) for f in findings if f.kind == kind):
            result.cited_facts += 1
        else:
            result.uncited.append((kind, quote))
    for kind, quote in card.traps:
        if any(quote in f.evidence.quote for f in findings if f.kind == kind):
            result.sprung.append((kind, quote))
    return result


def evaluate(corpus: Path, files: list[str] | None = None) -> list[CardResult]:
    """Every card of the key in ``corpus`` (or only ``files``) scored."""
    cards = load_key(corpus)
    if files:
        unknown = sorted(set(files) - {c.file for c in cards})
        if unknown:
            raise InputError(str(corpus), f"not a card of the answer key: {', '.join(unknown)}")
        cards = [c for c in cards if c.file in files]
    return [score_card(corpus, card) for card in cards]


def table(results: list[CardResult]) -> str:
    """One row per card (``ok`` or ``expected -> got`` per judgment), then the totals."""
    names = [n for n in JUDGMENTS if any(n in r.expected for r in results)]
    lines = ["| card | " + " | ".join(names) + " | quoted evidence |",
             "|---" * (len(names) + 2) + "|"]
    for r in results:
        cells = ["ok" if r.right(n) else f"{r.expected[n]} -> {r.got.get(n)}" if n in r.expected else ""
                 for n in names]
        facts = r.cited_facts + len(r.uncited)
        evidence = f"{r.cited_facts}/{facts}" if facts else ""
        if r.sprung:
            evidence += f", {len(r.sprung)} trap(s) cited"
        lines.append(f"| {r.file} | " + " | ".join(cells) + f" | {evidence} |")
    lines.append("")
    lines.append(summary(results))
    for r in results:
        for kind, quote in r.uncited:
            lines.append(f"  uncited {r.file} {kind}: {quote}")
        for kind, quote in r.sprung:
            lines.append(f"  trap cited {r.file} {kind}: {quote}")
    return "\n".join(lines)


def summary(results: list[CardResult]) -> str:
    """Right judgments per kind of judgment, cards right in all, quotes cited, traps sprung."""
    parts = []
    for name in JUDGMENTS:
        keyed = [r for r in results if name in r.expected]
        if keyed:
            parts.append(f"{name} {sum(r.right(name) for r in keyed)}/{len(keyed)}")
    whole = sum(all(r.right(n) for n in r.expected) for r in results)
    parts.append(f"all judgments right {whole}/{len(results)}")
    facts = sum(r.cited_facts + len(r.uncited) for r in results)
    if facts:
        parts.append(f"quoted evidence cited {sum(r.cited_facts for r in results)}/{facts}")
        parts.append(f"traps cited {sum(len(r.sprung) for r in results)}")
    return "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m openness.evaluate.disclosure CORPUS [FILE ...]", file=sys.stderr)
        return 2
    try:
        results = evaluate(Path(args[0]), args[1:])
    except InputError as exc:
        print(f"openness: error: {exc}", file=sys.stderr)
        return 2
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
