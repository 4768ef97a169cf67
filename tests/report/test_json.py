"""``--format json`` is ``Analysis.to_json()``, and the shipped schema states its contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry

from openness.report import render, schema
from openness.roles import ROLES

SCHEMAS = ("analysis", "clauses", "sections", "diff", "identify", "kinds", "explain", "rules-list",
           "rules-check", "rules-test", "eval", "scan")


def validator(name: str, registry: Registry) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name), registry=registry,
                                           format_checker=jsonschema.FormatChecker())


def test_json_report_is_to_json_and_the_answer(analysis):
    report = render(analysis, "json", color=True)
    data = json.loads(report)
    assert {k: v for k, v in data.items() if k != "summary"} == analysis.to_json()
    assert report.endswith("}\n") and "\n  " in report  # indented, one object


def test_summary_gives_each_policy_its_outcome_and_decisive_rules(analysis):
    data = json.loads(render(analysis, "json", color=False))
    (subject,) = data["summary"]
    assert subject["subject"] == "release" and subject["for_you"] == []
    lines = {p["policy"]: p for p in subject["policies"]}
    assert [(p["policy"], p["outcome"]) for p in subject["policies"]] == [
        ("osd", "fail"), ("osaid-1.0", "unknown"), ("acme", "warn"), ("mof", "pass")]
    assert [r["rule"] for r in lines["osd"]["reasons"]] == ["osd.no-discrimination", "osd.no-field-of-use"]
    assert lines["mof"]["reasons"] == []
    cap = next(f for f in data["findings"] if f["kind"] == "restrict.user_threshold")
    assert lines["osd"]["reasons"][0]["findings"] == [cap["id"]]


def test_finding_ids_are_kind_digest_and_span(analysis, user_cap, non_compete):
    ids = [f["id"] for f in json.loads(render(analysis, "json", color=False))["findings"]]
    assert ids == [f"restrict.user_threshold@{'a' * 16}:{user_cap.start}-{user_cap.end}",
                   f"restrict.non_compete@{'b' * 16}:{non_compete.start}-{non_compete.end}"]


def test_non_ascii_is_written_as_is(analysis):
    report = render(analysis, "json", color=False)
    assert "release/LICENSE.md §2 incorporates" in report and "\\u00a7" not in report


@pytest.mark.parametrize("name", SCHEMAS)
def test_schemas_are_valid_json_schemas(name):
    jsonschema.Draft202012Validator.check_schema(schema(name))


def test_json_report_validates(analysis, registry):
    validator("analysis", registry).validate(json.loads(render(analysis, "json", color=False)))


def test_hostile_report_validates(hostile, registry):
    validator("analysis", registry).validate(json.loads(render(hostile, "json", color=False)))


@pytest.mark.parametrize(("pointer", "field"), [
    ((), "schema"),
    (("documents", 0), "sha256"),
    (("documents", 0), "pages"),
    (("documents", 0), "error"),
    (("findings", 0), "kind"),
    (("findings", 0), "attributes"),
    (("findings", 0, "evidence"), "start"),
    (("findings", 0, "evidence"), "page"),
    (("verdicts", 0), "outcome"),
    (("verdicts", 0, "rules", 0), "message"),
    (("verdicts", 0, "rules", 0), "evidence"),
    (("verdicts", 0, "rules", 0, "evidence", 0), "line"),
])
def test_the_contract_fields_are_required(analysis, registry, pointer, field):
    data = json.loads(render(analysis, "json", color=False))
    node = data
    for key in pointer:
        node = node[key]
    del node[field]
    with pytest.raises(jsonschema.ValidationError, match=f"'{field}' is a required property"):
        validator("analysis", registry).validate(data)


def test_outcomes_are_the_four_known(analysis, registry):
    data = json.loads(render(analysis, "json", color=False))
    data["verdicts"][0]["outcome"] = "ok"
    with pytest.raises(jsonschema.ValidationError, match="'ok' is not one of"):
        validator("analysis", registry).validate(data)


def test_schema_roles_are_the_roles_openness_assigns():
    assert schema()["$defs"]["role"]["enum"] == list(ROLES)


def test_schemas_ship_inside_the_package():
    import openness.report

    shipped = Path(openness.report.__file__).parent / "schemas"
    names = sorted(p.name for p in shipped.glob("*.schema.json"))
    assert names == sorted(f"{n}.schema.json" for n in SCHEMAS)


def test_clauses_and_sections_schemas_reuse_the_analysis_entries(analysis, registry):
    data = json.loads(render(analysis, "json", color=False))
    clauses = {"schema": "openness.clauses/1", "documents": data["documents"],
               "findings": data["findings"]}
    validator("clauses", registry).validate(clauses)
    sections = {"schema": "openness.sections/1", "document": data["documents"][0], "sections": [
        {"id": "2.1", "title": "", "page": None, "line": 5, "start": 79, "end": 176, "text": "2.1 If …"}]}
    validator("sections", registry).validate(sections)
    del clauses["findings"][0]["evidence"]["quote"]
    with pytest.raises(jsonschema.ValidationError, match="'quote' is a required property"):
        validator("clauses", registry).validate(clauses)


def test_diff_schema_takes_the_documented_example(registry):
    example = {
        "schema": "openness.diff/1", "old": {"path": "v1.txt"}, "new": {"path": "v2.txt"},
        "changes": [
            {"change": "changed", "kind": "restrict.revenue_threshold",
             "old": {"attributes": {"amount": 50000000, "currency": "EUR"}, "quote": "…", "section": "3.1"},
             "new": {"attributes": {"amount": 100000000, "currency": "EUR"}, "quote": "…", "section": "3.1"}},
            {"change": "added", "kind": "restrict.non_compete", "old": None,
             "new": {"attributes": {}, "quote": "…", "section": "2.3"}},
        ],
        "text_changes": [{"change": "changed", "old_section": "8.1", "new_section": "8.1",
                          "old": "…", "new": "…"}],
        "verdict_changes": [{"policy": "osd", "rule": "osd.no-field-of-use", "old": "pass", "new": "fail"}],
    }
    validator("diff", registry).validate(example)
    example["changes"][1]["change"] = "moved"
    with pytest.raises(jsonschema.ValidationError):
        validator("diff", registry).validate(example)
