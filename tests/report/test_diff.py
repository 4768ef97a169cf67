"""Every format renders the same diff; licence text never becomes markup."""

from __future__ import annotations

import json
import re

from openness.diff.model import (Diff, DocumentDiff, Edit, FindingChange, Rename, Side,
                                 TextChange, VerdictChange)
from openness.report.diff import render

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


def _cut_policy(all_text: bool = False) -> Diff:
    """A licence whose appended use policy (five clauses, five findings) was cut out, and one
    clause removed on its own before it."""
    def gone(section: str, quote: str) -> FindingChange:
        return FindingChange(change="removed", kind="restrict.field_of_use", new=None,
                             old=Side(path="old.txt", attributes={}, quote=quote, section=section))

    lone = FindingChange(change="removed", kind="restrict.non_compete", new=None,
                         old=Side(path="old.txt", attributes={"scope": "both"},
                                  quote="You will not improve other models.", section="1.b.v"))
    policy = [gone(f"Use Policy {i}", f"Do not do thing {i}.") for i in range(1, 6)]
    clauses = [TextChange(change="removed", old_section=s, new_section=None, old=q, new="",
                          path_old="old.txt") for s, q in
               [("1.b.v", "You will not improve other models."), ]]
    kept = TextChange(change="changed", old_section="5", new_section="5", old="a", new="b",
                      path_old="old.txt", path_new="new.txt",
                      edits=(Edit(op="delete", text="a"), Edit(op="insert", text="b")))
    clauses += [kept] + [TextChange(change="removed", old_section=f"Use Policy {i}", new_section=None,
                                    old=f"Do not do thing {i}.", new="", path_old="old.txt")
                         for i in range(1, 6)]
    doc = DocumentDiff(role="license", old_path="old.txt", new_path="new.txt",
                       changes=(lone, *policy), text_changes=tuple(clauses))
    return Diff(old_path="old.txt", new_path="new.txt", documents=(doc,), all_text=all_text)


def test_a_part_cut_out_whole_is_one_entry_but_a_lone_removal_stays_visible() -> None:
    out = render(_cut_policy(), "text", color=False)
    assert "REMOVED restrict.non_compete  §1.b.v" in out  # never folded into the policy's group
    assert ("REMOVED 5 findings with removed clauses §Use Policy 1 … §Use Policy 5: "
            "restrict.field_of_use ×5") in out
    assert "Do not do thing 1." in out and "Do not do thing 2." not in out
    assert "§Use Policy 1 … §Use Policy 5: 5 clauses" in out
    assert out.count("… and 4 more (--all-text lists each; the JSON report always does)") == 2
    markdown = render(_cut_policy(), "markdown")
    assert "removed (5)" in markdown and "Do not do thing 2" not in markdown


def test_all_text_and_json_list_every_finding_of_a_part_cut_out() -> None:
    out = render(_cut_policy(all_text=True), "text", color=False)
    assert all(f"Do not do thing {i}." in out for i in range(1, 6))
    data = json.loads(render(_cut_policy(), "json"))
    assert len(data["changes"]) == 6 and len(data["text_changes"]) == 7


def _links(page: str) -> list[str]:
    return re.findall(r'href="#([^"]*)"', page)


def _contents(page: str) -> str:
    return page[page.index('<nav class="contents"'):page.index("</nav>")]


def test_html_contents_links_every_part_and_changed_clause() -> None:
    page = render(_diff(), "html")
    contents = _contents(page)
    assert page.index("<nav") < page.index('<section id="findings">')
    for anchor in ("findings", "verdicts", "wording", "d0", "c0"):
        assert f'href="#{anchor}"' in contents
    assert '<a href="#c0">§8.1</a>' in contents
    assert all(f'id="{anchor}"' in page for anchor in _links(page))


def test_html_contents_fold_a_part_cut_out_whole_but_the_page_shows_every_clause() -> None:
    page = render(_cut_policy(), "html")
    contents = _contents(page)
    assert '<a href="#c0">§1.b.v removed</a>' in contents
    assert '<a href="#c1">§5</a>' in contents
    assert '<a href="#c2">§Use Policy 1 … §Use Policy 5: 5 clauses removed</a>' in contents
    assert "Use Policy 2" not in contents
    assert [f'id="c{i}"' in page for i in range(8)] == [True] * 7 + [False]
    assert all(f"Do not do thing {i}." in page for i in range(1, 6))
    assert all(f'id="{anchor}"' in page for anchor in _links(page))


def test_html_numbers_clauses_through_the_documents_and_names_each() -> None:
    licence, = _diff().documents
    policy = DocumentDiff(role="use_policy", old_path="old/AUP.md", new_path=None, text_changes=(
        TextChange(change="removed", old_section="1", new_section=None, old="Do not.", new="",
                   path_old="old/AUP.md"),))
    page = render(Diff(old_path="old", new_path="new", documents=(licence, policy)), "html")
    assert '<h3 id="d0">license: old.txt → new.txt</h3>' in page
    assert '<h3 id="d1">use_policy: old/AUP.md (removed)</h3>' in page
    assert '<a href="#c1">§1 removed</a>' in _contents(page)
    assert all(f'id="{anchor}"' in page for anchor in _links(page))

