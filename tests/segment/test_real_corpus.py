"""Section ids against the ground truth of the real corpus.

For every fact with a ``quote`` and a ``section``, the quote is found in the document (whitespace
collapsed, typographic quotes read as ASCII on both sides), the innermost clause at that offset is
taken, and its id is compared with the fact's section label. The labels were written by a person
for people, so they are first read into an id by :func:`expected_id`:

* ``2. Additional Commercial Terms``, ``Section 3: Additional Commercial Terms``, ``1 Definitions``
  -> the number (``2``, ``3``, ``1``); ``III. COMMERCIAL USE LICENSE`` -> ``III``.
* Item references in brackets or after a comma join as the convention does: ``4(a)`` -> ``4.a``,
  ``IV.c(iv)`` -> ``IV.c.iv``, ``Attachment A, 12`` -> ``Attachment A 12``.
* A label naming a heading by its title (``Grant of License``, ``Section II, Grant of Patent
  license``, ``License Rights and Redistribution (a)``) is looked up among the clause titles of
  the outline (case-insensitive); the item, if any, is joined to that clause's id. A title found
  nowhere counts as a mismatch, not as incomparable.
* Notes in brackets or after a comma are dropped: ``4.1 (2024-02-21 version only)``, ``6 (note)``,
  ``9 ("Research Purposes")``, ``ACCEPTABLE USE POLICY, preamble``. Where the note names a finer
  position that the convention does not make a section of (a bullet, an unnumbered item, a
  paragraph) the label is the section around it. Where it names a finer *numbered* position
  (``2 (restriction 4)``, ``Prohibited Uses 1 (sub-item printed "7.")``, ``README ## License,
  condition 1``) the label is coarser than the id the convention gives; then an id inside the
  labelled section also counts as a match.
* ``AUP, final paragraph`` and ``closing paragraph`` name no section: not comparable.
* The ``~2`` suffix that makes a repeated id unique is ignored (the file prints the same number
  twice, e.g. a translation followed by the original, and the label cannot say which).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from openness.ingest import load
from openness.segment import Outline, segment

#: The fraction measured when this test was last tightened; it may only go up.
MIN_MATCH_FRACTION = 0.92

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "′": "'"})
_ITEM = r"(?:\d{1,2}|[a-z]|[A-Z]|[ivx]{1,5}|[IVX]{1,5})"
_FINER_NOTE = re.compile(r"restriction|sub-item|condition|item \d", re.I)
_SECTION_NOTE = re.compile(r"preamble|bullet|unnumbered|paragraph|note|version|\"", re.I)


def collapse(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space and ASCII quotes, and each char's source offset."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for index, char in enumerate(text.translate(_QUOTES)):
        if char.isspace():
            if not space and out:
                out.append(" ")
                where.append(index)
            space = True
            continue
        space = False
        out.append(char)
        where.append(index)
    return "".join(out), where


@dataclass(frozen=True)
class Expected:
    #: The id the label reads as, or None when it names no section.
    id: str | None
    #: True when the label is coarser than a convention id: ids inside it match too.
    coarse: bool = False
    reason: str = ""


def expected_id(label: str, outline: Outline) -> Expected:
    """Read a ground-truth section label into the id the convention gives it."""
    label = label.strip()
    if re.search(r", preamble$", label):
        return Expected("preamble")
    if re.fullmatch(r"(AUP, )?(final|closing) paragraph", label, re.I):
        return Expected(None, reason="names a paragraph, not a section")
    coarse = False
    label = re.sub(r"^README ## |^Section [IVX\d]+, ", "", label)
    if after := re.fullmatch(r"paragraph after (.+?) item \d+", label):
        label = after.group(1)
    # Trailing notes: "(2024-02-21 version only)", "(note)", ', 2nd bullet, 1st sub-bullet'.
    while True:
        note = re.search(r"\s*\((?!" + _ITEM + r"\))[^()]*(?:\([^()]*\))?[^()]*\)$", label)
        comma = re.search(r",\s*([^,]+)$", label)
        if note:
            coarse |= bool(_FINER_NOTE.search(note.group(0)))
            label = label[: note.start()]
        elif comma and not re.fullmatch(_ITEM, comma.group(1)):
            text = comma.group(1)
            if re.fullmatch(r"condition \d+", text):
                label = f"{label[: comma.start()]} ({text.split()[1]})"
                continue
            coarse |= bool(_FINER_NOTE.search(text)) and not _SECTION_NOTE.search(text)
            label = label[: comma.start()]
        else:
            break
    # Item references: "4(a)", "IV.c(iv)", "Attachment A, 12", "Redistribution (c)".
    items: list[str] = []
    while ref := re.search(r"(?:\s*\((" + _ITEM + r")\)|,\s*(" + _ITEM + r"))$", label):
        items.insert(0, ref.group(1) or ref.group(2))
        label = label[: ref.start()]
    label = label.strip()
    base = _base_id(label, outline)
    if base is None:
        return Expected(f"<no clause titled {label!r}>")
    if not items:
        return Expected(base, coarse)
    named = re.search(r"[A-Za-z]{2,}", base) and not re.fullmatch(r"[IVXivx]+(\.\w+)*", base)
    return Expected(base + (" " if named else ".") + ".".join(items), coarse)


def _base_id(label: str, outline: Outline) -> str | None:
    if outline.get(label) is not None or label == "preamble":
        return label
    numbered = re.fullmatch(
        r"(?:Section |Article )?(\d+(?:\.\d+)*(?:\.[A-Za-z]+)*|[IVX]+(?:\.[a-z]+)?)"
        r"(?:[.:]?\s+.*)?", label)
    if numbered:
        return numbered.group(1)
    title = re.sub(r"^(?:Section|Article) [IVX\d]+[,:.]?\s*", "", label).casefold()
    for clause in outline.clauses:
        if clause.title.casefold().rstrip(".") == title or clause.id.casefold() == title:
            return clause.id
    preamble = outline.get("preamble")
    if preamble is not None and any(line.strip(" #*\t").casefold() == title
                                    for line in preamble.text.splitlines()[:5]):
        return "preamble"  # the document's own title: what stands under it is the preamble
    return None


def matches(found: str | None, expected: Expected) -> bool:
    if found is None or expected.id is None:
        return False
    found = re.sub(r"~\d+", "", found)
    if found == expected.id:
        return True
    return expected.coarse and (found.startswith(expected.id + ".")
                                or found.startswith(expected.id + " "))


def _facts(ground_truth: dict):
    for licence in ground_truth["licenses"]:
        for fact in licence.get("facts") or []:
            if fact.get("quote") and fact.get("section"):
                yield fact.get("file", licence["file"]), fact


@pytest.mark.real
def test_section_ids_match_ground_truth(real_corpus: Path, ground_truth: dict) -> None:
    outlines: dict[str, tuple] = {}
    compared = matched = 0
    mismatches: list[str] = []
    incomparable: list[str] = []
    for file, fact in _facts(ground_truth):
        if file not in outlines:
            doc = load(real_corpus / file)
            outlines[file] = (segment(doc), *collapse(doc.text))
        outline, flat, where = outlines[file]
        quote, _ = collapse(fact["quote"])
        position = flat.find(quote)
        label = str(fact["section"])
        if position < 0:
            incomparable.append(f"{file}: quote not found: {quote[:60]!r}")
            continue
        expected = expected_id(label, outline)
        if expected.id is None:
            incomparable.append(f"{file}: {label!r}: {expected.reason}")
            continue
        clause = outline.at(where[position])
        found = clause.id if clause else None
        compared += 1
        if matches(found, expected):
            matched += 1
        else:
            mismatches.append(f"{file}: label {label!r} -> {expected.id!r}, segmenter {found!r}"
                              f"  [{quote[:50]}]")
    fraction = matched / compared
    print(f"\nsection ids: {matched}/{compared} = {fraction:.3f} match; "
          f"{len(incomparable)} not comparable")
    for line in incomparable:
        print("  not comparable:", line)
    for line in mismatches:
        print("  MISMATCH:", line)
    assert compared > 0
    assert fraction >= MIN_MATCH_FRACTION
