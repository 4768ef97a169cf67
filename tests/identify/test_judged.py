"""A release whose only licence statement is its card's front matter is judged on the declared
licence's own terms, with the front-matter line as evidence; a declaration that does not settle
the licence leaves the licence rules unknown and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.analysis import analyze
from openness.identify.judged import NOTE


def _release(tmp_path: Path, front_matter: str) -> Path:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "README.md").write_text(f"---\n{front_matter}\n---\n# Kestrel\n\nA language model.\n",
                                      "utf-8")
    return folder


@pytest.mark.parametrize("declared", ["license: apache-2.0", "license: [apache-2.0, mit]",
                                      "license: apache-2.0 OR mit"])
def test_a_known_spdx_id_is_judged_on_that_licence_with_the_front_matter_line(
        tmp_path: Path, declared: str) -> None:
    analysis = analyze([_release(tmp_path, declared)], policies=["osd"])
    (verdict,) = analysis.verdicts
    assert verdict.outcome == "pass"
    grants = next(r for r in verdict.rules if r.id == "osd.grants-rights")
    (evidence, *_) = grants.evidence
    assert (Path(evidence.path).name, evidence.line, evidence.quote) == ("README.md", 2, declared)
    assert any(NOTE in note and "front matter line 2" in note for note in analysis.notes)
    finding = next(f for f in analysis.findings if f.kind == "grant.use")
    assert finding.related and "SPDX reference text" in finding.related[0].path


def test_a_non_commercial_licence_declared_fails_on_its_own_terms(tmp_path: Path) -> None:
    analysis = analyze([_release(tmp_path, "license: cc-by-nc-4.0")], policies=["osd"])
    field_of_use = next(r for r in analysis.verdicts[0].rules if r.id == "osd.no-field-of-use")
    assert field_of_use.outcome == "fail"
    assert field_of_use.evidence[0].quote == "license: cc-by-nc-4.0"


def test_license_other_says_what_it_could_not_settle(tmp_path: Path) -> None:
    release = _release(tmp_path, "license: other\nlicense_name: kestrel-licence\n"
                                 "license_link: https://example.com/LICENSE")
    analysis = analyze([release], policies=["osd"])
    outcomes = {r.id: r.outcome for r in analysis.verdicts[0].rules}
    assert outcomes["osd.grants-rights"] == "unknown"
    assert "pass" not in outcomes.values()
    (unsettled, *_) = [n for n in analysis.notes if "front matter line 2" in n]
    assert "'kestrel-licence'" in unsettled and "https://example.com/LICENSE" in unsettled
    assert any("its terms were not checked" in n for n in analysis.notes)


def test_a_licence_text_in_the_release_wins_over_the_declaration(tmp_path: Path) -> None:
    release = _release(tmp_path, "license: apache-2.0")
    (release / "LICENSE").write_text("You may not use, copy or distribute the Model.\n", "utf-8")
    analysis = analyze([release], policies=["osd"])
    assert not any(NOTE in note for note in analysis.notes)
