"""``openness identify``: text and JSON reports, the JSON valid against its schema, and one-line
errors that leave the other files identified."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from openness.cli.main import cli
from openness.identify.identification import reference_index
from openness.report import schema

ADDED = "You may not use the Software for any commercial purpose."



@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    mit = reference_index().by_id("MIT")
    assert mit is not None
    text = re.sub(r"^Copyright.*$", "Copyright (c) 2024 Kestrel Labs", mit.text, flags=re.M)
    exact = tmp_path / "LICENSE"
    exact.write_text(text, "utf-8")
    variant = tmp_path / "LICENSE-modified"
    variant.write_text(text.replace("THE SOFTWARE IS PROVIDED", f"{ADDED}\n\nTHE SOFTWARE IS PROVIDED"),
                       "utf-8")
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: apache-2.0 OR mit\n---\n# Kestrel\n\nA model.\n", "utf-8")
    return {"exact": exact, "variant": variant, "card": card}


def test_json_report_is_valid_and_names_each_licence(files: dict[str, Path]) -> None:
    paths = [str(files[k]) for k in ("exact", "variant", "card")]
    result = CliRunner().invoke(cli, ["identify", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.Draft202012Validator(schema("identify")).validate(data)
    exact, variant, card = data["documents"]
    assert (exact["license"]["id"], exact["license"]["match"]) == ("MIT", "exact")
    assert (variant["license"]["id"], variant["license"]["match"]) == ("MIT", "variant")
    [added] = variant["license"]["added"]
    assert added["quote"] == ADDED.rstrip(".") and "restrict.commercial" in added["findings"]
    assert card["declared"]["expression"] == "Apache-2.0 OR MIT"
    assert [d["id"] for d in card["declared"]["licenses"]] == ["Apache-2.0", "MIT"]
    assert card["declared"]["line"] == 2


def test_text_report_shows_what_a_variant_added(files: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["identify", str(files["variant"])])
    assert result.exit_code == 0, result.output
    assert "licence: MIT (MIT License)" in result.output
    assert "match: variant" in result.output
    assert "+ added (line" in result.output and "restrict.commercial" in result.output


def test_a_file_that_cannot_be_read_is_one_line_and_the_others_are_identified(
        files: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    result = CliRunner().invoke(cli, ["identify", str(missing), str(files["exact"]),
                                      "--format", "json"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [f"openness: error: {missing}: no such file"]
    data = json.loads(result.stdout)
    jsonschema.Draft202012Validator(schema("identify")).validate(data)
    assert data["documents"][0] == {"path": str(missing), "license": None, "declared": None,
                                    "error": "no such file"}
    assert data["documents"][1]["license"]["id"] == "MIT"
