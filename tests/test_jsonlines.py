"""The JSON Lines reader of the package's data files: blank lines pass, a broken line says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.errors import OpennessError
from openness.jsonlines import read_objects


def test_objects_come_with_their_line_and_blank_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text('{"label": "A"}\n\n{"label": "B"}\n', "utf-8")
    assert list(read_objects(path, "cues.jsonl")) == [("cues.jsonl:1", {"label": "A"}),
                                                      ("cues.jsonl:3", {"label": "B"})]


@pytest.mark.parametrize(("line", "problem"), [('{"label": ', "not JSON"), ('["A"]', "not a JSON object")])
def test_a_broken_line_names_its_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "cues.jsonl"
    path.write_text('{"label": "A"}\n' + line + "\n", "utf-8")
    with pytest.raises(OpennessError, match=f"^cues.jsonl:2: {problem}"):
        list(read_objects(path, "cues.jsonl"))
