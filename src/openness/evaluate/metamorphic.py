"""Metamorphic checks of the extractor: rewordings that keep a clause's meaning must keep its
kind, and a rewording that drops its negation must lose it.

A held-out corpus says how the extractor does on licences it has never seen; it is small and
slow to grow. Metamorphic variants multiply every key quote we have into the wordings other
publishers use: a prohibition said with another modal ("shall not", "must not", "will not",
"cannot"), an act named by another word of its concept (``patterns/acts.jsonl``: "share" for
"distribute"), a sentence turned into a list item under a lead-in, a permission said as "you
are permitted to". Negated variants check the other way: "may not distribute" made "may
distribute" must not stay a restriction.

Only quotes that give their kind on their own are varied (a list item whose meaning comes from
its lead-in is not a sentence to reword). ``python -m openness.evaluate.metamorphic [FOLDER...]``
prints the pass rate per transformation; the default folders are the project's own corpora.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator


#: Restriction kinds whose clause is a prohibition, which a dropped negation turns around.
_PROHIBITIONS = frozenset({"restrict.redistribution", "restrict.modification", "restrict.non_compete",
                           "restrict.outputs", "restrict.field_of_use", "restrict.commercial"})
_NEGATED_MODAL = re.compile(r"\b(may not|shall not|must not|will not|cannot|can not)\b", re.IGNORECASE)
_MODALS_NOT = ("may not", "shall not", "must not", "will not", "cannot")
_YOU_MAY = re.compile(r"\b([Yy]ou) may (?!not\b)")
_PERMITTED = ("are permitted to", "are allowed to", "are free to", "can")
#: Words of a concept that stand as a verb after a modal (one word, no gaps).
_VERB = re.compile(r"^[a-z]+$")
#: Subjects of a sentence that binds the licensee.
_LICENSEE = frozenset({"you", "licensee", "the", "recipient"})
#: How many other words of a concept each quote is tried with.
_SYNONYMS = 3
#: The concepts whose words are swapped for one another.
_CONCEPTS = ("USE", "MODIFY", "DISTRIBUTE", "REPRODUCE")


@dataclass(frozen=True, kw_only=True)
class Case:
    """A key quote and the kind it must give."""

    kind: str
    quote: str
    source: str


@dataclass(frozen=True, kw_only=True)
class Variant:
    case: Case
    transform: str
    text: str
    #: Whether the variant must keep the kind (a rewording) or lose it (a negation dropped).
    keeps: bool


@dataclass(kw_only=True)
class Result:
    cases: int = 0
    passed: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    failures: list[Variant] = field(default_factory=list)

    @property
    def rate(self) -> float:
        total = sum(self.total.values())
        return sum(self.passed.values()) / total if total else 1.0


def cases_from_key(folder: Path) -> list[Case]:
    """The quoted clause facts of an answer key, read as the scorer reads it."""
    from openness.evaluate.groundtruth import load_entries

    return [Case(kind=fact.kind, quote=fact.quote, source=entry.file)
            for entry in load_entries(folder) for fact in entry.facts if fact.quote]


def variants(case: Case, synonyms: dict[str, list[str]]) -> Iterator[Variant]:
    """Every variant of ``case`` that the transformations can make."""
    quote = case.quote
    match = _NEGATED_MODAL.search(quote)
    if match:
        for modal in _MODALS_NOT:
            if modal != match.group(1).lower():
                yield Variant(case=case, transform="modal swap", keeps=True,
                              text=quote[:match.start()] + modal + quote[match.end():])
        if case.kind in _PROHIBITIONS:
            positive = "can" if match.group(1).lower() in ("cannot", "can not") else match.group(1).split()[0]
            yield Variant(case=case, transform="negation dropped", keeps=False,
                          text=quote[:match.start()] + positive + quote[match.end():])
        lead = quote[:match.end()].strip()
        rest = quote[match.end():].strip().rstrip(".;")
        if _listable(case.kind, lead, rest):
            yield Variant(case=case, transform="list item", keeps=True,
                          text=f"{lead} do any of the following:\n\n(a) {rest};\n\n(b) anything else.")
    if case.kind.startswith("grant.") and _YOU_MAY.search(quote):
        for phrase in _PERMITTED:
            yield Variant(case=case, transform="permission reworded", keeps=True,
                          text=_YOU_MAY.sub(lambda m: f"{m.group(1)} {phrase} ", quote, count=1))
    yield from _synonym_variants(case, synonyms)


def _listable(kind: str, lead: str, rest: str) -> bool:
    """Whether "LEAD do any of the following: (a) REST;" says what the sentence says: a
    restriction or duty of the licensee whose act is a verb of its own (not a passive "be
    made available", not a lead-in ending in a colon, not a condition)."""
    first = rest.split(maxsplit=1)[0].lower() if rest else ""
    return (kind.startswith(("restrict.", "require.")) and lead.split()[0].lower() in _LICENSEE
            and first.isalpha() and first not in ("be", "do", "any") and not rest.endswith(":")
            and " if " not in f" {rest} ")


def _synonym_variants(case: Case, synonyms: dict[str, list[str]]) -> Iterator[Variant]:
    """The act after a modal named by other words of its concept."""
    modal = re.search(r"\b(?:may not|shall not|must not|will not|cannot|may|must|shall|agree not to|to)\s+([a-z]+)\b",
                      case.quote)
    if modal is None:
        return
    verb = modal.group(1)
    for words in synonyms.values():
        if verb not in words:
            continue
        for other in [w for w in words if w != verb][:_SYNONYMS]:
            yield Variant(case=case, transform="synonym", keeps=True,
                          text=case.quote[:modal.start(1)] + other + case.quote[modal.end(1):])
        return


def concept_verbs() -> dict[str, list[str]]:
    """One-word verbs of the act concepts, read from the extractor's own pattern files."""
    from openness.extract.patterns import load_patterns

    verbs: dict[str, list[str]] = {}
    for cue in load_patterns().cues:
        if cue.label in _CONCEPTS:
            verbs.setdefault(cue.label, []).extend(w for w in cue.lemmas if _VERB.match(w) and not w.endswith(("ion", "ing", "age")))
    return verbs


def check(cases: Iterable[Case], kinds_of: Callable[[str], set[str]]) -> Result:
    """Runs every variant of every case whose quote gives its kind on its own."""
    synonyms = concept_verbs()
    result = Result()
    for case in cases:
        if case.kind not in kinds_of(case.quote):
            continue
        result.cases += 1
        for variant in variants(case, synonyms):
            found = case.kind in kinds_of(variant.text)
            result.total[variant.transform] += 1
            if found == variant.keeps:
                result.passed[variant.transform] += 1
            else:
                result.failures.append(variant)
    return result


def extracted_kinds(text: str) -> set[str]:
    from openness.extract import findings_from_text

    return {f.kind for f in findings_from_text(text)}


def report(result: Result) -> str:
    lines = [f"key quotes that give their kind alone: {result.cases}",
             f"{'transformation':22} {'passed':>7} {'of':>5} {'rate':>6}"]
    for name in sorted(result.total):
        passed, total = result.passed[name], result.total[name]
        lines.append(f"{name:22} {passed:>7} {total:>5} {passed / total:>6.3f}")
    lines.append(f"{'all':22} {sum(result.passed.values()):>7} {sum(result.total.values()):>5} {result.rate:>6.3f}")
    lines.append("")
    lines.extend(f"FAIL {v.transform} ({'keep' if v.keeps else 'lose'} {v.case.kind}) [{v.case.source}]: {v.text!r}"
                 for v in result.failures)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])] or [Path("corpora"), Path("corpora/wording")]
    cases = [c for folder in folders for c in cases_from_key(folder)]
    sys.stdout.write(report(check(cases, extracted_kinds)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
