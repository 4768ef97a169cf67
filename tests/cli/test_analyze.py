"""``openness analyze`` end to end over fixture releases copied to ``tmp_path``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from openness.ingest import IngestOptions
from tests.cli.helpers import CORPORA, run


@pytest.fixture()
def release(tmp_path: Path) -> Path:
    """The bundled Kestrel 3 release: licence, use policy, model card and NOTICE."""
    target = tmp_path / "kestrel-3"
    shutil.copytree(CORPORA / "releases" / "kestrel-3", target)
    return target


@pytest.fixture()
def permissive(tmp_path: Path) -> Path:
    target = tmp_path / "LICENSE.txt"
    shutil.copy(CORPORA / "licences" / "northwind-permissive-1.0.txt", target)
    return target


def analysis_json(*args: str) -> tuple[int, dict]:
    code, out, _ = run("analyze", "--format", "json", *args)
    return code, json.loads(out)


def test_release_roles_are_detected(release: Path):
    _, data = analysis_json(str(release))
    roles = {Path(d["path"]).name: d["role"] for d in data["documents"]}
    assert roles == {"LICENSE": "license", "NOTICE": "notice", "README.md": "model_card",
                     "USE_POLICY.md": "use_policy"}


def test_role_override(release: Path):
    _, data = analysis_json(str(release), "--role", f"{release / 'NOTICE'}=other")
    roles = {Path(d["path"]).name: d["role"] for d in data["documents"]}
    assert roles["NOTICE"] == "other"


def test_bad_role_override_is_a_usage_error(release: Path):
    code, _, err = run("analyze", str(release), "--role", f"{release / 'NOTICE'}=poster")
    assert code == 2
    assert "unknown role 'poster'" in err
    assert "Traceback" not in err


def test_failing_release_exits_1_with_evidence(release: Path):
    code, data = analysis_json(str(release), "--policy", "osd")
    assert code == 1
    (verdict,) = data["verdicts"]
    assert verdict["policy"] == "osd" and verdict["outcome"] == "fail"
    failing = [r for r in verdict["rules"] if r["outcome"] == "fail"]
    assert failing
    for rule in failing:
        assert rule["evidence"], rule["id"]
        for ev in rule["evidence"]:
            assert ev["quote"] and ev["line"] >= 1 and ev["path"].startswith(str(release))


def test_permissive_licence_passes_osd(permissive: Path):
    code, data = analysis_json(str(permissive), "--policy", "osd")
    assert code == 0
    assert data["verdicts"][0]["outcome"] == "pass"


def test_fail_on_unknown_and_never(permissive: Path, release: Path):
    # A licence alone says nothing of training data: OSAID's data rule cannot pass.
    code, data = analysis_json(str(permissive), "--policy", "osaid-1.0")
    assert data["verdicts"][0]["outcome"] in {"unknown", "fail"}
    code_unknown, _ = analysis_json(str(permissive), "--policy", "osaid-1.0", "--fail-on", "unknown")
    assert code_unknown == 1
    code_never, _ = analysis_json(str(release), "--fail-on", "never")
    assert code_never == 0


def test_missing_use_policy_is_reported(release: Path):
    (release / "USE_POLICY.md").unlink()
    _, data = analysis_json(str(release))
    assert any("was not given; its terms were not checked" in note for note in data["notes"])


def test_linked_use_policy_is_named(release: Path):
    _, data = analysis_json(str(release))
    notes = " ".join(data["notes"])
    assert "USE_POLICY.md" in notes and "not given" not in notes


def test_one_corrupt_file_in_a_batch(tmp_path: Path, permissive: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    code, out, err = run("analyze", "--format", "json", "--policy", "osd", "--each", str(broken), str(permissive))
    assert code == 2  # no verdict failed: the unreadable file decides
    data = json.loads(out)
    by_path = {d["path"]: d for d in data["documents"]}
    assert by_path[str(broken)]["error"]
    assert by_path[str(permissive)]["error"] is None
    assert any(v["subject"] == str(permissive) for v in data["verdicts"])
    assert str(broken) in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_jobs_give_the_same_report_and_still_name_a_corrupt_file(tmp_path: Path, permissive: Path,
                                                                  release: Path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    paths = [str(broken), str(permissive), str(release)]
    code, out, err = run("analyze", "--format", "json", "--each", *paths)
    jobs_code, jobs_out, jobs_err = run("analyze", "--format", "json", "--each", "--jobs", "2", *paths)
    assert (jobs_code, jobs_out, jobs_err) == (code, out, err)
    assert code == 1 and str(broken) in err and "Traceback" not in err


def test_a_failed_verdict_wins_over_an_unreadable_file(tmp_path: Path, release: Path):
    """A CI asks whether a verdict failed; a bad file in the batch must not hide the answer."""
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    code, out, err = run("analyze", "--format", "json", "--policy", "osd", str(broken), str(release))
    assert code == 1
    data = json.loads(out)
    errors = {d["path"]: d["error"] for d in data["documents"]}
    assert errors[str(broken)] and all(e is None for p, e in errors.items() if p != str(broken))
    assert str(broken) in err and "Traceback" not in err
    never, _, _ = run("analyze", "--fail-on", "never", "--policy", "osd", str(broken), str(release))
    assert never == 2


def test_text_over_the_length_limit_is_one_line_and_exit_2(tmp_path: Path, permissive: Path):
    """A million short lines (issue 17) are refused as a whole, not analysed for minutes."""
    limit = IngestOptions().max_chars
    text = "Use is free.\n" * (limit // 13 + 1)
    long = tmp_path / "long.txt"
    long.write_text(text)
    code, out, err = run("analyze", "--format", "json", "--policy", "osd", "--each", str(long), str(permissive))
    assert code == 2
    assert err.strip() == (f"openness: error: {long}: has {len(text):,} characters of text, over the limit of {limit:,}; "
                           "raise IngestOptions.max_chars to read it")
    assert any(v["subject"] == str(permissive) for v in json.loads(out)["verdicts"])


def test_missing_path(tmp_path: Path):
    code, _, err = run("analyze", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt" in err and "Traceback" not in err


def test_empty_folder(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    code, _, err = run("analyze", str(tmp_path / "empty"))
    assert code == 2
    assert "empty" in err and "no licence" in err


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif", "html"])
def test_every_format(release: Path, fmt: str, tmp_path: Path):
    out = tmp_path / f"report.{fmt}"
    code, stdout, _ = run("analyze", str(release), "--format", fmt, "--output", str(out))
    assert code == 1
    assert stdout == ""
    report = out.read_text("utf-8")
    assert "Built with Kestrel" in report or fmt == "sarif" or "Kestrel" in report
    if fmt in ("json", "sarif"):
        json.loads(report)


def test_text_report_names_quote_and_location(release: Path):
    _, out, _ = run("analyze", str(release), "--policy", "osd")
    assert "osd" in out and "fail" in out.lower()
    assert "LICENSE:" in out and "§2" in out
    assert "\x1b[" not in out  # not a terminal: no colour


def test_unknown_policy_is_a_usage_error(release: Path):
    code, _, err = run("analyze", str(release), "--policy", "no-such-policy")
    assert code == 2
    assert "no-such-policy" in err and "Traceback" not in err


def test_python_api(release: Path):
    import openness

    analysis = openness.analyze([release], policies=["osd"])
    assert analysis.verdicts[0].outcome == "fail"
    assert {d.role for d in analysis.documents} >= {"license", "use_policy", "model_card"}


def test_json_output_validates_against_our_schema(release: Path, registry):
    import jsonschema

    from openness.report import schema

    _, data = analysis_json(str(release))
    jsonschema.Draft202012Validator(schema("analysis"), registry=registry).validate(data)


def test_components_of_a_release(release: Path):
    _, data = analysis_json(str(release))
    (view,) = data["components"]
    status = {c["name"]: c["status"] for c in view["components"]}
    assert status == {"weights": "available", "training_code": "not_available",
                      "inference_code": "available", "data_information": "vague"}
    weights = next(c for c in view["components"] if c["name"] == "weights")
    assert weights["license"] and weights["evidence"][0]["path"].endswith("README.md")


def test_files_given_together_are_one_release(release: Path):
    files = [str(release / "LICENSE"), str(release / "USE_POLICY.md")]
    _, data = analysis_json(*files)
    assert {v["subject"] for v in data["verdicts"]} == {" + ".join(files)}
    notes = " ".join(data["notes"])
    assert "USE_POLICY.md" in notes and "not given" not in notes
    (summary,) = data["summary"]
    assert [p["policy"] for p in summary["policies"]] == ["osd", "osaid", "mof"]


def test_each_judges_the_files_apart(release: Path):
    files = [str(release / "LICENSE"), str(release / "USE_POLICY.md")]
    _, data = analysis_json("--each", *files)
    assert {v["subject"] for v in data["verdicts"]} == set(files)
    assert "not given" in " ".join(data["notes"])


def test_by_folder_groups_a_commits_files(release: Path, permissive: Path):
    files = [str(release / "LICENSE"), str(release / "USE_POLICY.md"), str(permissive)]
    _, data = analysis_json("--by-folder", *files)
    assert {v["subject"] for v in data["verdicts"]} == {str(release), str(permissive)}


def test_plus_policy_adds_to_the_defaults(permissive: Path):
    _, data = analysis_json(str(permissive), "--policy", "+example-company")
    assert [v["policy"] for v in data["verdicts"]] == ["osd", "osaid", "mof", "example-company"]
    _, data = analysis_json(str(permissive), "--policy", "example-company")
    assert [v["policy"] for v in data["verdicts"]] == ["example-company"]


def test_a_profile_gives_the_practical_answers(release: Path):
    profile = CORPORA.parent / "rules" / "example-profile.yaml"
    code, out, _ = run("analyze", str(release), "--profile", str(profile))
    lines = out.splitlines()
    at = lines.index("  For you")
    assert lines[0].startswith("Answer") and at < 10
    assert lines[at + 1].startswith("    Commercial use: yes")
    caps = next(line for line in lines[at:] if line.startswith("    Caps that reach you"))
    assert "no — Excludes European Union" in caps


def test_kinds_lists_the_taxonomy():
    code, out, _ = run("kinds")
    assert code == 0 and "  restrict.user_threshold  rights depend on the licensee's number of users" in out
    code, out, _ = run("kinds", "--format", "json")
    groups = {g["group"]: g for g in json.loads(out)["groups"]}
    assert "use_policy" in groups["restrict"]["sources"]
