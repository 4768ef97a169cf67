"""Reads an answer key: the real corpus's ``GROUND_TRUTH.yaml`` and ``FACT_KINDS.yaml``, or the
project's own ``expected.yaml`` (``corpora/``, ``corpora/wording/``), whose facts name their kinds
and attributes directly.

The authoritative key is, per licence entry, ``kinds_present`` / ``kinds_absent`` /
``kinds_uncertain`` over the audited grant/restrict/require/term kinds. Facts add the quotes
(for the evidence check) and the threshold values (for the attribute check); a fact marked
``uncertain`` or carrying its own ``file:`` says nothing about the entry's own file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from openness.errors import InputError
from openness.yamldata import safe_load

#: The groups of kinds an answer key audits a licence for (disclosure and review are not).
AUDITED_GROUPS = ("grant", "restrict", "require", "term")
#: The threshold facts whose numbers and units are checked exactly.
THRESHOLD_FACTS = {"user_threshold": "restrict.user_threshold", "revenue_threshold": "restrict.revenue_threshold"}


@dataclass(frozen=True, kw_only=True)
class Fact:
    name: str
    kind: str
    quote: str | None
    section: str | None
    value: Any = None
    unit: str | None = None
    currency: str | None = None


@dataclass(frozen=True, kw_only=True)
class Entry:
    id: str
    file: str
    present: frozenset[str]
    absent: frozenset[str]
    uncertain: frozenset[str]
    #: Facts about this entry's own file that support a kind in ``present``.
    facts: tuple[Fact, ...]

    @property
    def audited(self) -> frozenset[str]:
        return self.present | self.absent | self.uncertain


def _kind_of(fact: dict[str, Any], mapping: dict[str, Any]) -> str | None:
    target = mapping.get(fact.get("fact"))
    if isinstance(target, dict):
        if "value" in fact:
            return (target.get("by_value") or {}).get(fact["value"])
        return target.get("default")
    return target


#: The answer key of the project's own corpora.
OWN_KEY = "expected.yaml"
#: The answer key of the real corpus.
REAL_KEY = "GROUND_TRUTH.yaml"
#: Roles whose documents the clause extractor is scored on (cards are scored on disclosure).
_CLAUSE_ROLES = frozenset({"license", "use_policy"})


def read_key(path: Path) -> Any:
    """One file of an answer key (``GROUND_TRUTH.yaml``, ``FACT_KINDS.yaml``, ``expected.yaml``):
    the project's own or the shared corpus's, read with the safe loader."""
    try:
        return safe_load(path.read_text("utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the answer key ({exc.strerror})") from None


def has_key(root: Path) -> bool:
    return (root / REAL_KEY).is_file() or (root / OWN_KEY).is_file()


def load_entries(root: Path) -> list[Entry]:
    """The audited licence entries of the corpus at ``root``, in file order."""
    if not (root / REAL_KEY).is_file() and (root / OWN_KEY).is_file():
        return _own_entries(root)
    truth = read_key(root / REAL_KEY)
    mapping = read_key(root / "FACT_KINDS.yaml")["fact_kinds"]
    entries = []
    for raw in truth.get("licenses", []):
        if "kinds_present" not in raw:
            continue
        present = frozenset(raw.get("kinds_present") or ())
        facts = []
        for fact in raw.get("facts") or ():
            kind = _kind_of(fact, mapping)
            if kind is None or fact.get("uncertain") or "file" in fact or kind not in present:
                continue
            facts.append(
                Fact(
                    name=fact["fact"],
                    kind=kind,
                    quote=fact.get("quote"),
                    section=str(fact["section"]) if fact.get("section") is not None else None,
                    value=fact.get("value"),
                    unit=fact.get("unit"),
                    currency=fact.get("currency"),
                )
            )
        entries.append(
            Entry(
                id=raw["id"],
                file=raw["file"],
                present=present,
                absent=frozenset(raw.get("kinds_absent") or ()),
                uncertain=frozenset(raw.get("kinds_uncertain") or ()),
                facts=tuple(facts),
            )
        )
    return entries


def _own_entries(root: Path) -> list[Entry]:
    """The licence entries of an ``expected.yaml`` key: facts carry their kind and attributes."""
    key = read_key(root / OWN_KEY)
    entries = []
    for raw in key.get("documents", []):
        if raw.get("role") not in _CLAUSE_ROLES or "kinds_present" not in raw:
            continue
        present = frozenset(raw.get("kinds_present") or ())
        facts = []
        for fact in raw.get("facts") or ():
            if fact.get("kind") not in present:
                continue
            attributes = fact.get("attributes") or {}
            facts.append(Fact(
                name=next((n for n, k in THRESHOLD_FACTS.items() if k == fact["kind"]), fact["kind"]),
                kind=fact["kind"], quote=fact.get("quote"),
                section=str(fact["section"]) if fact.get("section") is not None else None,
                value=attributes.get("count", attributes.get("amount")),
                unit=attributes.get("metric"), currency=attributes.get("currency")))
        entries.append(Entry(
            id=raw["file"], file=raw["file"], present=present,
            absent=frozenset(raw.get("kinds_absent") or ()),
            uncertain=frozenset(raw.get("kinds_uncertain") or ()), facts=tuple(facts)))
    return entries


def table_main(argv: list[str] | None, make_table: Callable[[Path], str]) -> int:
    """``python -m openness.evaluate.<table> [CORPUS]``: print the table made from CORPUS."""
    args = sys.argv[1:] if argv is None else argv
    corpus = Path(args[0] if args else "../shared/corpora/real")
    if not (corpus / "GROUND_TRUTH.yaml").is_file():
        print(f"openness: error: {corpus}: no GROUND_TRUTH.yaml here", file=sys.stderr)
        return 2
    print(make_table(corpus))
    return 0
