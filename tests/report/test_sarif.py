"""SARIF 2.1.0 output: valid against the OASIS schema, one result per cited place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from openness import __version__
from openness.report import render
from openness.report.sarif import uri

#: Fetched by `.ci/sarif-schema` from a package that ships it (see tests/report/data/README.md).
SARIF_SCHEMA = Path(
    os.environ.get("OPENNESS_SARIF_SCHEMA")
    or Path(__file__).resolve().parents[2] / ".ci" / "cache" / "sarif-2.1.0-rtm.5.json"
)


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft4Validator:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"no SARIF 2.1.0 schema at {SARIF_SCHEMA}: run .ci/sarif-schema")
    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def run_of(analysis, base: str | None = None) -> dict:
    log = json.loads(render(analysis, "sarif", color=False, base=base))
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    return log["runs"][0]


def test_valid_sarif(analysis, hostile, sarif_validator):
    for report in (analysis, hostile):
        sarif_validator.validate(json.loads(render(report, "sarif", color=False)))


def test_the_validator_would_catch_a_bad_level(analysis, sarif_validator):
    log = json.loads(render(analysis, "sarif", color=False))
    log["runs"][0]["results"][0]["level"] = "fail"
    with pytest.raises(jsonschema.ValidationError, match="'fail' is not one of"):
        sarif_validator.validate(log)


def test_driver_and_rules(analysis):
    driver = run_of(analysis)["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("openness", __version__)
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert len(rules) == len(driver["rules"]) == 8  # every judged rule, passing ones too
    rule = rules["osd.no-discrimination"]
    assert rule["shortDescription"] == {"text": "OSD 5: no discrimination against persons or groups"}
    assert rule["fullDescription"] == {"text": "The rights must reach everyone alike."}
    assert rule["help"] == {"text": "The rights must reach everyone alike. Reference: 5. No Discrimination "
                                    "Against Persons or Groups (https://opensource.org/osd)."}
    assert rule["helpUri"] == "https://opensource.org/osd"
    assert rule["properties"] == {"policy": "osd", "policyTitle": "Open Source Definition"}


def test_rule_descriptors_do_not_depend_on_the_run(analysis):
    """Help from the rule file, not from a result: the same rule judged otherwise reads the same."""
    from dataclasses import replace

    verdict = analysis.verdicts[0]
    passed = replace(verdict.rules[0], outcome="pass", message="No cap found", evidence=(), fix=None)
    other = replace(analysis, verdicts=(replace(verdict, rules=(passed, *verdict.rules[1:])),
                                        *analysis.verdicts[1:]))
    assert run_of(other)["tool"]["driver"]["rules"] == run_of(analysis)["tool"]["driver"]["rules"]


def test_one_result_per_evidence_with_levels(analysis):
    results = run_of(analysis)["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("osd.no-discrimination", "error"),
        ("osd.no-field-of-use", "error"),
        ("osaid-1.0.data-information", "note"),
        ("acme.users", "warning"),
    ]
    rules = run_of(analysis)["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


def test_text_evidence_location(analysis):
    result = run_of(analysis)["results"][0]
    assert result["message"]["text"] == ("Licensees above 700000000 monthly_active_users need the licensor's "
                                         "permission. To change the verdict: a licence without a user "
                                         "threshold (§2.1)")
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "release/LICENSE.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 5
    assert location["region"]["snippet"] == {"text": "more than 700 million monthly active users"}
    assert "page" not in location["region"]["properties"]
    assert result["properties"]["evidence"]["quote"] == "more than 700 million monthly active users"


def test_pdf_evidence_carries_the_page(analysis):
    result = run_of(analysis)["results"][1]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 4
    assert region["properties"]["page"] == 2 and region["properties"]["section"] == "3"
    assert result["properties"]["evidence"]["page"] == 2


def test_a_rule_without_evidence_points_at_the_licence(analysis):
    result = run_of(analysis)["results"][2]
    assert result["ruleId"] == "osaid-1.0.data-information"
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "release/LICENSE.md",
                                                                "uriBaseId": "%SRCROOT%"}
    assert result["properties"]["evidence"] is None


def test_document_errors_and_notes_are_notifications(analysis):
    notifications = run_of(analysis)["invocations"][0]["toolExecutionNotifications"]
    levels = [(n["level"], n["message"]["text"]) for n in notifications]
    assert ("error", "release/broken.pdf: is an encrypted PDF: remove the password first") in levels
    assert ("note", "release/terms.pdf: 2 running headers removed") in levels
    assert any(level == "note" and "was not given" in text for level, text in levels)


def test_artifacts_carry_hashes_and_roles(analysis):
    artifacts = run_of(analysis)["artifacts"]
    assert artifacts[0] == {"location": {"uri": "release/LICENSE.md", "uriBaseId": "%SRCROOT%"}, "roles": ["analysisTarget"],
                            "properties": {"role": "license",
                                           "license": analysis.documents[0].license.to_json()},
                            "hashes": {"sha-256": "a" * 64}}
    assert artifacts[0]["properties"]["license"]["match"] == "variant"
    assert "license" not in artifacts[1]["properties"]
    assert "hashes" not in artifacts[2]  # the unreadable one


def test_uris_are_relative_references():
    assert uri("release/LICENSE.md") == "release/LICENSE.md"
    assert uri("my release/licence #2.txt") == "my%20release/licence%20%232.txt"
    assert uri("release\\LICENSE") == "release/LICENSE"


def test_uris_are_relative_to_the_base(analysis, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = run_of(analysis, base=str(tmp_path / "release"))
    assert run["artifacts"][0]["location"] == {"uri": "LICENSE.md", "uriBaseId": "%SRCROOT%"}


def test_absolute_paths_become_relative_to_the_base(analysis, tmp_path, monkeypatch):
    from dataclasses import replace

    monkeypatch.chdir(tmp_path)
    absolute = str(tmp_path / "release" / "LICENSE.md")
    documents = (replace(analysis.documents[0], path=absolute), *analysis.documents[1:])
    log = render(replace(analysis, documents=documents), "sarif", color=False)
    assert json.loads(log)["runs"][0]["artifacts"][0]["location"]["uri"] == "release/LICENSE.md"


def _release_log(tmp_path, text: str) -> dict:
    """A real analysis of a release folder, as code scanning would upload it from the
    repository's root (``--base``)."""
    import openness

    folder = tmp_path / "repo" / "model"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "LICENSE").write_text(text, "utf-8")
    (folder / "USE_POLICY.md").write_text(
        "# Acceptable Use Policy\n\nYou must not use the Model to:\n\n"
        "- break the law;\n- harass any person;\n- write malware.\n", "utf-8")
    analysis = openness.analyze([str(folder)])
    return json.loads(render(analysis, "sarif", color=False, base=str(tmp_path / "repo")))


LICENCE = ("Model Licence\n\n1. Grant. You may use, copy, modify and distribute the Model.\n\n"
           "2. Limits. If your products had more than 700 million monthly active users, you must "
           "request a licence from us. You may not use the Model for any commercial purpose.\n")


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> dict:
    return _release_log(tmp_path_factory.mktemp("first"), LICENCE)["runs"][0]


def test_github_code_scanning_check(tmp_path, first_run):
    """What GitHub asks of an upload: relative URIs under a base id, fingerprints equal across
    runs (and machines: the second run's files lie elsewhere), and no more than one result per
    rule per document."""
    first = first_run
    second = _release_log(tmp_path, LICENCE)["runs"][0]
    assert first["results"], "the release has findings to alert on"
    for result in first["results"]:
        for location in (*result["locations"], *result.get("relatedLocations", [])):
            artifact = location["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "%SRCROOT%"
            assert not artifact["uri"].startswith(("/", "file:")) and ":" not in artifact["uri"]
        assert result["level"] in {"error", "warning", "note"}
    keys = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
            for r in first["results"]]
    assert len(keys) == len(set(keys))
    assert ([r["partialFingerprints"] for r in first["results"]]
            == [r["partialFingerprints"] for r in second["results"]])
    policy = [r for r in first["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]
              ["uri"] == "model/USE_POLICY.md" and r["ruleId"] == "osd.no-field-of-use"]
    assert len(policy) == 1 and len(policy[0]["relatedLocations"]) >= 2  # the bullets, one alert


def test_fingerprints_follow_the_text_not_the_folder(tmp_path, first_run):
    before = first_run["results"]
    changed = _release_log(tmp_path, LICENCE.replace("700 million", "800 million"))
    after = changed["runs"][0]["results"]

    def licence(results: list[dict]) -> set[str]:
        return {r["partialFingerprints"]["opennessClause/v1"] for r in results
                if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "model/LICENSE"}

    assert licence(before) and not licence(before) & licence(after)
