"""Every format renders the same diff; licence text never becomes markup."""

from __future__ import annotations

import json

from openness.diff.model import (Diff, DocumentDiff, Edit, FindingChange, Rename, Side,
                                 TextChange, VerdictChange)
from openness.diff.render import render

HOSTILE = '<script>alert(1)</script> **bold** [link](x)'


def _diff(all_text: bool = False) -> Diff:
    change = FindingChange(
        change="changed", kind="restrict.revenue_threshold",
        old=Side(path="old.txt", attributes={"amount": 50_000_000, "currency": "EUR"},
                 quote="above EUR 50,000,000", section="3.1"),
        new=Side(path="new.txt", attributes={"amount": 100_000_000, "currency": "EUR"},
                 quote=HOSTILE, section="3.1"))
    text = TextChange(change="changed", old_section="8.1", new_section="8.1", old="a b", new="a c",
                      edits=(Edit(op="equal", text="a"), Edit(op="delete", text=HOSTILE),
                             Edit(op="insert", text="c"), Edit(op="insert", text=",", minor=True,
                                                               space=False)), minor=1)
    cosmetic = TextChange(change="changed", old_section="9", new_section="9", old="x", new="x",
                          edits=(Edit(op="equal", text="x"),), minor=1, cosmetic=True)
    doc = DocumentDiff(role="license", old_path="old.txt", new_path="new.txt", changes=(change,),
                       text_changes=(text, cosmetic), renames=(Rename(old="K 2", new="K 3", count=4),),
                       folded_edits=2, folded_clauses=1)
    verdict = VerdictChange(policy="osd", rule="osd.no-field-of-use", title="t", old="pass",
                            new="fail", new_message="now restricted")
    return Diff(old_path="old.txt", new_path="new.txt", documents=(doc,),
                verdict_changes=(verdict,), all_text=all_text)


def test_json_follows_the_contract() -> None:
    data = json.loads(render(_diff(), "json"))
    assert data["schema"] == "openness.diff/1"
    assert data["old"] == {"path": "old.txt"} and data["new"] == {"path": "new.txt"}
    [change] = data["changes"]
    assert change["change"] == "changed" and change["kind"] == "restrict.revenue_threshold"
    assert change["old"]["attributes"] == {"amount": 50_000_000, "currency": "EUR"}
    assert change["new"]["section"] == "3.1"
    assert [t["old_section"] for t in data["text_changes"]] == ["8.1"]  # cosmetic one folded
    assert data["verdict_changes"] == [{"policy": "osd", "rule": "osd.no-field-of-use", "title": "t",
                                        "old": "pass", "new": "fail", "old_message": "",
                                        "new_message": "now restricted"}]
    assert data["folded"] == {"edits": 2, "clauses": 1}


def test_all_text_shows_cosmetic_clauses() -> None:
    data = json.loads(render(_diff(all_text=True), "json"))
    assert [t["old_section"] for t in data["text_changes"]] == ["8.1", "9"]


def test_text_without_colour_marks_edits_in_wdiff_notation() -> None:
    out = render(_diff(), "text", color=False)
    assert "\x1b[" not in out
    assert out.index("Findings: 1 changed.") < out.index("Finding changes")
    assert "amount: 50,000,000 -> 100,000,000" in out
    assert "{+c+}" in out and "[-<script>" in out
    assert "a," not in out.replace("{+c+},", "")  # the cosmetic comma reads as plain text
    assert "osd.no-field-of-use: PASS -> FAIL" in out
    assert 'Renamed throughout: "K 2" -> "K 3"' in out


def test_text_with_colour_uses_ansi_codes() -> None:
    assert "\x1b[" in render(_diff(), "text", color=True)


def test_html_is_self_contained_and_escaped() -> None:
    out = render(_diff(), "html")
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "http" not in out.replace("http-equiv", "")
    assert "<del>" in out and "<ins>c</ins>" in out


def test_markdown_escapes_licence_text() -> None:
    out = render(_diff(), "markdown")
    assert "<script>" not in out and "\\*\\*bold\\*\\*" in out
    assert "~~" in out and "**c**" in out
