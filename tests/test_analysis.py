"""The analyze job as a library: releases, roles, linked use policies, and the real corpus."""

from __future__ import annotations

import json
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from openness.analysis import Release, analyze

CORPORA = Path(__file__).resolve().parents[1] / "corpora"


def test_a_release_is_judged_as_a_whole():
    analysis = analyze([CORPORA / "releases" / "vela-lm-7b"], policies=["osaid-1.0"])
    (verdict,) = analysis.verdicts
    assert verdict.subject.endswith("vela-lm-7b")
    data = next(r for r in verdict.rules if r.id == "osaid.data-information")
    assert data.outcome == "pass"
    assert any(e.path.endswith("README.md") for e in data.evidence)


def test_a_licence_alone_leaves_data_questions_unknown():
    analysis = analyze([CORPORA / "licences" / "northwind-permissive-1.0.txt"], policies=["osaid-1.0"])
    outcomes = {r.id: r.outcome for r in analysis.verdicts[0].rules}
    assert outcomes["osaid.data-information"] == "unknown"
    assert outcomes["osaid.use"] == "pass"


def test_named_release_of_scattered_files(tmp_path: Path):
    release = Release(subject="Kestrel", files=(
        CORPORA / "releases" / "kestrel-3" / "LICENSE",
        CORPORA / "releases" / "kestrel-3" / "README.md",
    ))
    analysis = analyze([release], policies=["osd"])
    assert analysis.verdicts[0].subject == "Kestrel"
    assert {d.role for d in analysis.documents} == {"license", "model_card"}


def test_model_cards_are_not_read_for_licence_clauses():
    analysis = analyze([CORPORA / "releases" / "kestrel-3"], policies=["osd"])
    card = next(d.path for d in analysis.documents if d.role == "model_card")
    kinds = {f.kind.split(".")[0] for f in analysis.findings if f.evidence.path == card}
    assert kinds == {"disclose"}


def test_unreadable_file_does_not_stop_the_release(tmp_path: Path):
    release = tmp_path / "rel"
    shutil.copytree(CORPORA / "releases" / "kestrel-3", release)
    (release / "EXTRA_LICENSE.pdf").write_bytes(b"%PDF-1.4\ntruncated")
    analysis = analyze([release], policies=["osd"])
    (bad,) = analysis.errors
    assert bad.path.endswith("EXTRA_LICENSE.pdf") and bad.role == "license"
    assert analysis.verdicts and analysis.verdicts[0].outcome == "fail"


@pytest.mark.real
def test_every_real_folder_analyses_without_a_traceback(real_corpus: Path):
    folders = sorted(p for p in real_corpus.iterdir() if p.is_dir() and not p.name.startswith("_"))
    analysis = analyze(folders, policies=["osd", "osaid-1.0", "mof"])
    unreadable = {d.path: d.error for d in analysis.errors}
    # Every file the corpus holds is a readable document; list any that is not, with why.
    assert unreadable == {}, unreadable
    judged = {v.subject for v in analysis.verdicts}
    assert judged == {str(f) for f in folders}


def test_analysis_in_a_process_pool_is_the_same():
    releases = sorted(str(p) for p in (CORPORA / "releases").iterdir() if p.is_dir())
    releases.append(str(CORPORA / "pdf" / "harbor-research-2.0.pdf"))
    alone = analyze(releases, policies=["osd", "osaid-1.0", "mof"])
    with ProcessPoolExecutor(2) as pool:
        helped = analyze(releases, policies=["osd", "osaid-1.0", "mof"], executor=pool)
    assert json.dumps(helped.to_json()) == json.dumps(alone.to_json())


def test_each_licence_document_carries_its_identity_and_the_edit_that_changed_a_verdict(
        tmp_path: Path):
    """An MIT text with a paragraph added, built from the reference at test time: analyze names
    it a variant of MIT, and the added paragraph carries the findings read from the document."""
    from openness.identify.identification import reference_index

    mit = reference_index().by_id("MIT").text
    added = ("If the Software is used by more than 100 million monthly active users, you must "
             "prominently display the name of the Licensor on the user interface.")
    licence = tmp_path / "LICENSE"
    licence.write_text(mit.replace("THE SOFTWARE IS PROVIDED", f"{added}\n\nTHE SOFTWARE IS PROVIDED"),
                       "utf-8")
    card = tmp_path / "README.md"
    card.write_text("# A model\n\nIt answers questions.\n", "utf-8")
    analysis = analyze([tmp_path], policies=["osd"])
    by_path = {Path(d.path).name: d for d in analysis.documents}
    identity = by_path["LICENSE"].license
    assert (identity.id, identity.match) == ("MIT", "variant")
    (passage,) = identity.added
    assert passage.quote.startswith("If the Software is used by more than 100 million")
    assert "restrict.user_threshold" in passage.findings
    assert by_path["README.md"].license is None
    assert by_path["LICENSE"].to_json()["license"]["added"][0]["findings"] == list(passage.findings)
    # The edit that changed a verdict against MIT's own text is named, with what it carries.
    (changed,) = [n for n in analysis.notes if "changes osd.no-discrimination" in n]
    assert f"added to MIT: {', '.join(passage.findings)} — “{passage.quote}”" in changed
    assert changed.endswith("from pass (the reference text) to fail")
    assert not [n for n in analysis.notes if "changes osd.grants-rights" in n]


def test_a_use_policy_appended_to_the_licence_is_given(tmp_path: Path):
    licence = tmp_path / "LICENSE.txt"
    licence.write_text(
        "Model Licence\n\n1. Grant. You may use, copy, modify and distribute the Model.\n\n"
        "2. Use. You must follow the Use Restrictions in Attachment A, which form part of this "
        "Licence by reference.\n\nAttachment A\n\nUse Restrictions\n\n"
        "You agree not to use the Model:\n- to break the law;\n- to harass any person.\n", "utf-8")
    analysis = analyze([licence])
    assert not any("not given" in note for note in analysis.notes)
    osd = next(v for v in analysis.verdicts if v.policy == "osd")
    assert next(r for r in osd.rules if r.id == "osd.no-field-of-use").outcome == "fail"


def test_releases_group_files_as_asked(tmp_path: Path):
    from openness.analysis import Grouping, releases

    (tmp_path / "a").mkdir()
    files = [str(tmp_path / "a" / "LICENSE"), str(tmp_path / "a" / "AUP.md"), str(tmp_path / "NOTICE")]
    together = releases(files)
    assert [(r.subject, len(r.files)) for r in together] == [(" + ".join(files), 3)]
    assert [r.subject for r in releases(files, Grouping.EACH)] == files
    assert [(r.subject, len(r.files)) for r in releases(files, Grouping.FOLDER)] == [
        (str(tmp_path / "a"), 2), (files[2], 1)]
