"""The real corpus: every standard licence of the controls is `exact` with its SPDX id, and every
AI licence the ground truth names is named as its family and version.

The expected answers come from GROUND_TRUTH.yaml (its ``spdx`` ids, and the ``name`` and
``version_date`` it gives each licence), never from a table in this test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from license_expression import get_spdx_licensing

from openness.identify import Basis, Match, identify_document
from openness.ingest import load

pytestmark = pytest.mark.real

#: Ground-truth entries that are about a licence but hold none of its text: a README summary or
#: statement, a one-line pointer to a licence kept elsewhere, a paragraph with no title.
_NO_LICENCE_TEXT = re.compile(r"readme|summary|pointer|statement|pre-release", re.IGNORECASE)
_MONTHS = {m: i for i, m in enumerate(("january february march april may june july august "
                                       "september october november december").split(), 1)}


def _entries(ground_truth: dict) -> list[dict]:
    return [e for e in ground_truth["licenses"] if e.get("file")]


def _canonical(spdx_id: str) -> str:
    """An SPDX id as license-expression canonicalises it (deprecated ``GPL-3.0`` is
    ``GPL-3.0-only``)."""
    return str(get_spdx_licensing().parse(spdx_id))


def test_controls_are_exact_with_their_spdx_id(real_corpus: Path, ground_truth: dict) -> None:
    controls = [e for e in _entries(ground_truth) if e["file"].startswith("controls/")]
    assert controls
    for entry in controls:
        found = identify_document(load(real_corpus / entry["file"]), findings=False)
        ids = {_canonical(i) for i in (found.id, *found.also) if i}
        assert found.match is Match.EXACT, (entry["file"], found)
        assert _canonical(entry["spdx"]) in ids, (entry["file"], found.id)


def test_every_licence_with_an_spdx_id_is_that_licence(real_corpus: Path, ground_truth: dict) -> None:
    for entry in _entries(ground_truth):
        if not entry.get("spdx"):
            continue
        found = identify_document(load(real_corpus / entry["file"]), findings=False)
        ids = {_canonical(i) for i in (found.id, *found.also) if i}
        assert _canonical(entry["spdx"]) in ids, (entry["file"], found.id)


def test_every_ai_licence_is_named_as_its_family_and_version(real_corpus: Path,
                                                             ground_truth: dict) -> None:
    named = versioned = 0
    for entry in _entries(ground_truth):
        about = f"{entry.get('name') or ''} {entry['file']}"
        if entry.get("spdx") or entry.get("osi_approved") or _NO_LICENCE_TEXT.search(about):
            continue
        found = identify_document(load(real_corpus / entry["file"]), findings=False)
        if found.basis is Basis.TEXT:
            continue  # a text the SPDX list carries (Apple's sample code licence is AML)
        assert found.basis is Basis.SIGNATURE, (entry["file"], found)
        said = f"{entry.get('name') or ''} {entry.get('version_date') or ''}"
        assert _words(found.name or "") - _GENERIC <= _words(said), (entry["file"], found.name)
        named += 1
        stated = _versions(said)
        if found.version and stated:
            assert _versions(found.version) <= stated, (entry["file"], found.version, said)
            versioned += 1
    assert named >= 45 and versioned >= 35, (named, versioned)


#: Words a licence's name may or may not print ("Gemma Terms of Use" is its agreement).
_GENERIC = {"the", "license", "licence", "agreement", "terms", "of", "use", "community", "version"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+(?:[.+-][a-z0-9+]+)*", text.casefold()))


def _versions(text: str) -> set[str]:
    """Version numbers and dates a text states: "1.0", "175b", "2024-04-01", "2024-12" (from
    "December 2024"), whichever way it spells the date."""
    lowered = text.casefold()
    found = set(re.findall(r"\b\d{4}-\d{2}(?:-\d{2})?\b", lowered))
    for month, day, year in re.findall(r"\b([a-z]+)\.? (?:(\d{1,2}),? )?(\d{4})\b", lowered):
        if month in _MONTHS:
            found.add(f"{year}-{_MONTHS[month]:02d}")
            if day:
                found.add(f"{year}-{_MONTHS[month]:02d}-{int(day):02d}")
    for day, month, year in re.findall(r"\b(\d{1,2}) ([a-z]+) (\d{4})\b", lowered):
        if month in _MONTHS:
            found.add(f"{year}-{_MONTHS[month]:02d}-{int(day):02d}")
    undated = re.sub(r"\b\d{4}-\d{2}(?:-\d{2})?\b", " ", lowered)
    found |= set(re.findall(r"(?<![\d.])\d+(?:\.\d+)*[a-z]?\b", undated))
    return found


def test_no_model_card_is_taken_for_a_licence(real_corpus: Path, ground_truth: dict) -> None:
    licences = {e["file"] for e in _entries(ground_truth)}
    cards = sorted({e["file"] for e in ground_truth["disclosures"] if e.get("file")} - licences)
    assert len(cards) >= 15
    for name in cards:
        found = identify_document(load(real_corpus / name), findings=False)
        assert found.basis is not Basis.SIGNATURE, (name, found.id)
