"""Every command's ``--format json`` (and scan's JSON Lines) validates against the schema the
package ships for it, named by the output's own ``schema`` string."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from openness.report import schema
from tests.cli.helpers import CORPORA, run

LICENCE = CORPORA / "licences" / "kestrel-community-1.0.txt"
OTHER = CORPORA / "licences" / "northwind-permissive-1.0.txt"
RULES = 'policy mine "Mine" {\n  rule r "R" {\n    fail if restrict.commercial\n  }\n}\n'


def commands(tmp_path: Path) -> dict[str, tuple[str, ...]]:
    """Schema name -> a command line that writes JSON of that schema, with inputs that fill
    the report: findings and verdicts, an unreadable file, a rule file with an error."""
    good, bad = tmp_path / "mine.rules", tmp_path / "bad.rules"
    good.write_text(RULES, "utf-8")
    bad.write_text('policy bad {\n', "utf-8")
    release = tmp_path / "releases" / "kestrel-3"
    shutil.copytree(CORPORA / "releases" / "kestrel-3", release)
    missing = str(tmp_path / "missing.txt")
    return {
        "analysis": ("analyze", str(release), missing, "--each"),
        "sections": ("sections", str(LICENCE)),
        "clauses": ("clauses", str(LICENCE), missing),
        "diff": ("diff", str(OTHER), str(LICENCE)),
        "identify": ("identify", str(LICENCE), missing),
        "kinds": ("kinds",),
        "explain": ("explain", "osd.no-discrimination"),
        "rules-list": ("rules", "list"),
        "rules-check": ("rules", "check", str(good), str(bad)),
        "rules-test": ("rules", "test", str(CORPORA.parent / "rules" / "osd.rules")),
        "eval": ("eval", str(CORPORA)),
        "scan": ("scan", str(release.parent), "--db", str(tmp_path / "scan.sqlite")),
    }


#: Every schema the package ships.
SHIPPED = sorted(p.name.removesuffix(".schema.json")
                 for p in (CORPORA.parent / "src" / "openness" / "report" / "schemas").glob("*.schema.json"))


def test_every_shipped_schema_has_a_command_here(tmp_path: Path):
    assert sorted(commands(tmp_path)) == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_json_validates_against_its_shipped_schema(tmp_path: Path, registry, name: str):
    code, out, err = run(*commands(tmp_path)[name], "--format", "json")
    assert "Traceback" not in err and code in (0, 1, 2)
    data = json.loads(out)
    assert data["schema"] == f"openness.{name}/1"
    jsonschema.Draft202012Validator(schema(name), registry=registry).validate(data)


def test_each_line_of_the_scan_is_a_release_record(tmp_path: Path, registry):
    code, out, _ = run(*commands(tmp_path)["scan"], "--format", "jsonl")
    assert code in (0, 1)
    lines = out.splitlines()
    assert lines
    record = jsonschema.Draft202012Validator({"$ref": schema("scan")["$id"] + "#/$defs/release"}, registry=registry)
    for line in lines:
        record.validate(json.loads(line))
