"""The version pairs of the real corpus: every change the ground truth names is reported.

For each pair of ``version_pairs`` in GROUND_TRUTH.yaml the expectations below were written by
reading both files: the finding changes the change implies (where our taxonomy has a kind for
it), and words that the redline must show deleted or inserted. Pairs described as no legal
change must report no finding change and no verdict change.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from openness.analysis import DEFAULT_POLICIES
from openness.diff import Diff, diff

pytestmark = pytest.mark.real

#: old file -> what the diff must report: finding changes (change, kind), words deleted and
#: inserted by some wording change, renames (old, new), and whether the pair is no legal change.
EXPECTED: dict[str, dict] = {
    "llama-3/LICENSE.txt": dict(
        findings=[("removed", "restrict.non_compete"), ("changed", "require.attribution")],
        deleted=["to improve any other large language model", "Meta Llama 3 Acceptable Use Policy"],
        inserted=["or any outputs or results of"], renames=[("Meta Llama 3", "Llama 3.1")]),
    "chatglm-6b/MODEL_LICENSE_2023-05-24_noncommercial.txt": dict(
        findings=[("removed", "restrict.commercial")],
        deleted=["solely for your non-commercial research purposes", "commercial,"],
        inserted=["ChatGLM2-6B"]),
    "yi/MODEL_LICENSE_AGREEMENT_v1.0_2023-11-01.txt": dict(
        findings=[("removed", "restrict.commercial")],
        deleted=["for non-Commercial Purposes", "at the time of granting written authorization"]),
    "gemma/Gemma-Terms-of-Use-20240221.txt": dict(
        deleted=["you must make reasonable efforts to use the latest version of Gemma"],
        cosmetic_deleted=["OR"]),
    "mistral-mrl/MRL-0.1.md": dict(
        findings=[("removed", "restrict.outputs")],
        deleted=["Research"], inserted=["Non-Production"]),
    "creativeml-openrail-m/LICENSE_2022-08-10_research-only.txt": dict(
        findings=[("removed", "restrict.redistribution"), ("added", "restrict.field_of_use")],
        deleted=["You must not distribute the weights"], inserted=["CreativeML Open RAIL-M"]),
    "stability-sdxl/LICENSE-SDXL0.9_research.txt": dict(
        findings=[("removed", "restrict.commercial"), ("added", "restrict.field_of_use")],
        deleted=["RESEARCH LICENSE AGREEMENT"], inserted=["RAIL++-M"]),
    "qwen/Tongyi_Qianwen_LICENSE_AGREEMENT.txt": dict(
        findings=[("removed", "restrict.user_threshold"), ("added", "restrict.commercial")],
        deleted=["100 million monthly active users"], inserted=["NON-COMMERCIAL PURPOSES ONLY"]),
    "qwen/LICENSE_2023-08-03_first.txt": dict(
        findings=[], deleted=["-7b"], inserted=["defend,"]),
    "falcon-2/Falcon-2-11B-TII-License-1.0.txt": dict(
        findings=[("changed", "require.attribution")],
        deleted=["Falcon 2 11B"], inserted=["Relevant Model"]),
    "llama-2/LICENSE_2023-07-18.txt": dict(no_legal_change=True, inserted=["an"]),
    "deepseek-llm/LICENSE-MODEL.txt": dict(no_legal_change=True, no_wording_change=True),
    "stability-svd/LICENSE-SVD_2023-11-21.txt": dict(
        findings=[], deleted=["StableCode"], inserted=["models and algorithms"]),
    "opt-175b/MODEL_LICENSE_2022-05-02_initial.md": dict(
        findings=[], inserted=["on behalf of your employer or other entity"]),
    "llama-1/llama-license-2023_model-license.LICENSE": dict(
        findings=[("changed", "require.attribution")], deleted=["LLaMA"], inserted=["OPT-175B"]),
    "pythia/LICENSE_2021-12-25_initial.txt": dict(
        findings=[("added", "grant.patent")], deleted=["MIT License"], inserted=["Apache License"]),
    "internlm/README_2025-01-15_before.md": dict(
        deleted=["allow **free** commercial usage"],
        inserted=["Code and model weights are licensed under Apache-2.0"]),
    "llama-3.2/AUP.md": dict(renames=[("Llama 3.2", "Llama 4")]),
}


@cache
def _diff(real: str, old: str, new: str, policies: tuple[str, ...]) -> Diff:
    return diff(Path(real) / old, Path(real) / new, policies=policies, all_text=True)


def _words(text: str) -> str:
    return " ".join(text.split())


def _edits(result: Diff, op: str, *, minor: bool | None = None) -> list[str]:
    return [_words(e.text) for t in result.text_changes for e in t.edits
            if e.op == op and (minor is None or e.minor == minor)]


def _pairs(ground_truth: dict) -> list[dict]:
    return ground_truth["version_pairs"]


def test_every_pair_has_written_expectations(ground_truth) -> None:
    assert sorted(p["old"] for p in _pairs(ground_truth)) == sorted(EXPECTED)


@pytest.mark.parametrize("old", sorted(EXPECTED))
def test_pair_reports_the_change(old: str, real_corpus: Path, ground_truth) -> None:
    pair = next(p for p in _pairs(ground_truth) if p["old"] == old)
    expected = EXPECTED[old]
    quiet = expected.get("no_legal_change", False)
    result = _diff(str(real_corpus), pair["old"], pair["new"], DEFAULT_POLICIES if quiet else ())
    found = {(c.change, c.kind) for c in result.changes}
    for change in expected.get("findings", []):
        assert change in found, f"{old}: {change} not reported; got {sorted(found)}"
    if "findings" in expected and not expected["findings"]:
        assert found == set(), f"{old}: no finding change expected"
    deleted = " | ".join(_edits(result, "delete", minor=False))
    inserted = " | ".join(_edits(result, "insert", minor=False))
    for words in expected.get("deleted", []):
        assert words in deleted, f"{old}: {words!r} not shown deleted"
    for words in expected.get("inserted", []):
        assert re.search(rf"(^|\W){re.escape(words)}(\W|$)", inserted), f"{old}: {words!r} not shown inserted"
    for words in expected.get("cosmetic_deleted", []):
        assert words in _edits(result, "delete", minor=True), f"{old}: {words!r} not folded"
    renames = {(r.old, r.new) for r in result.renames}
    for rename in expected.get("renames", []):
        assert rename in renames, f"{old}: rename {rename} not detected; got {sorted(renames)}"
    if quiet:
        assert result.changes == ()
        assert result.verdict_changes == ()
    if expected.get("no_wording_change"):
        assert [t for t in result.text_changes if not t.cosmetic] == []
