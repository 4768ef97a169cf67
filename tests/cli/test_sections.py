"""``openness sections``: the outline as text and as JSON, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli

LICENCE = """Example Licence

These words come first.

1. Grant. You may use the model.
   a. Sub item one.
   b. Sub item two.
2. Term. It ends.
"""


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "LICENSE.txt"
    path.write_text(LICENCE, "utf-8")
    return path


def test_text_outline_is_indented_with_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["sections", str(_write(tmp_path))])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "preamble  (line 1)",
        "1  Grant  (line 5)",
        "  1.a  (line 6)",
        "  1.b  (line 7)",
        "2  Term  (line 8)",
    ]


def test_json_shape(tmp_path: Path) -> None:
    path = _write(tmp_path)
    result = CliRunner().invoke(cli, ["sections", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"] == "openness.sections/1"
    assert set(data["document"]) >= {"path", "format", "sha256", "pages"}
    assert data["document"]["format"] == "txt"
    first = data["sections"][1]
    assert first == {"id": "1", "title": "Grant", "page": None, "line": 5,
                     "start": LICENCE.index("1. Grant"), "end": first["end"],
                     "text": LICENCE[first["start"]:first["end"]]}
    assert first["text"].endswith("b. Sub item two.")


def test_global_format_option_applies(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--format", "json", "sections", str(_write(tmp_path))])
    assert result.exit_code == 0
    assert json.loads(result.output)["schema"] == "openness.sections/1"


def test_unsupported_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--format", "sarif", "sections", str(_write(tmp_path))])
    assert result.exit_code == 2
    assert "cannot write --format sarif" in result.output


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    result = CliRunner().invoke(cli, ["sections", str(missing)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert "Traceback" not in result.output


def test_json_validates_against_its_shipped_schema(tmp_path: Path, registry) -> None:
    import jsonschema

    from openness.report import schema

    result = CliRunner().invoke(cli, ["sections", str(_write(tmp_path)), "--format", "json"])
    data = json.loads(result.output)
    jsonschema.Draft202012Validator(schema("sections"), registry=registry).validate(data)
    assert data["document"]["role"] == "license" and data["document"]["pages"] is None
