"""The osd policy against the OSI licence list, on every licence of the real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.evaluate.osd_table import judge_licences, markdown_table

#: Kinds whose presence the Open Source Definition does not allow (frameworks.md).
OSD_INCOMPATIBLE = ("restrict.", "require.flow_down")


@pytest.mark.real
def test_osd_fails_unapproved_licences_and_passes_approved_ones(real_corpus: Path, ground_truth):
    verdicts = judge_licences(real_corpus)
    table = markdown_table(verdicts)
    keys = {e["id"]: e for e in ground_truth["licenses"]}
    for v in verdicts:
        if v.osi_approved:
            assert v.outcome == "pass", table
            continue
        present = keys[v.id].get("kinds_present", [])
        if any(k.startswith(OSD_INCOMPATIBLE) for k in present):
            assert v.outcome == "fail", f"{v.id}\n{table}"
            assert any("§" in c for c in v.causes), v  # names the clause that caused it
        elif any(k.startswith("grant.") for k in present):
            # Not on the OSI list, but the audited answer key finds grants and no term the OSD
            # forbids (a permissive text never submitted to the OSI): failing it would need a
            # reason the document does not give.
            assert v.outcome in {"pass", "unknown"}, f"{v.id}\n{table}"
        else:
            # No grant at all (a one-line pointer to a licence elsewhere): never a pass.
            assert v.outcome in {"fail", "unknown"}, f"{v.id}\n{table}"
