"""HTML tables read as labelled cells, and cards whose facts sit in tables or ``Key: value`` lines."""

from __future__ import annotations

from pathlib import Path

from openness.disclose import disclosure_findings
from openness.disclose.statements import statements
from openness.disclose.tables import TABLE, cells
from openness.ingest import load
from openness.segment import segment

#: A header row of bold cells over one row per model, as large model cards print it.
WIDE = """<table>
  <tr>
   <td>
   </td>
   <td><strong>Training Data</strong>
   </td>
   <td><strong>Params</strong>
   </td>
  </tr>
  <tr>
   <td rowspan="2" >Heron (text)
   </td>
   <td rowspan="2" >A blend of openly licensed web text.
   </td>
   <td>3B
   </td>
  </tr>
  <tr>
   <td>9B
   </td>
  </tr>
</table>
"""

#: A label cell per row (``th``) and a value cell.
PAIRS = """<table>
  <thead><tr><th colspan="2">Facts</th></tr></thead>
  <tr><th>Weights</th><td><a href="https://heron.example/w">heron.example/w</a>, under the Heron Licence</td></tr>
  <tr><th>Training code</th><td>Not released</td></tr>
</table>
"""


def _cells(text: str) -> list[tuple[tuple[str, ...], str]]:
    table = TABLE.search(text)
    assert table is not None
    return [(c.labels, text[c.start:c.end]) for c in cells(text, table.start(), table.end())]


def test_a_cell_is_labelled_by_its_column_header_across_rowspans() -> None:
    found = _cells(WIDE)
    assert (("Training Data",), "A blend of openly licensed web text.") in found
    # the second row's only cell sits in the third column: the first two are spanned from above
    assert (("Params",), "9B") in found
    assert all("<" not in quote for _, quote in found)


def test_a_row_label_cell_labels_the_value_and_is_not_a_value() -> None:
    found = _cells(PAIRS)
    assert [labels for labels, _ in found] == [("Weights",), ("Training code",)]
    assert found[0][1].startswith('<a href="https://heron.example/w">')  # the cell's content, verbatim
    assert found[1][1] == "Not released"


def _card(tmp_path: Path, body: str) -> tuple[list, str]:
    path = tmp_path / "README.md"
    path.write_text(body, "utf-8")
    doc = load(path)
    return disclosure_findings(doc, segment(doc)), doc.text


def test_html_cells_are_evidence_under_their_heading(tmp_path: Path) -> None:
    body = "## Model Information\n\nHeron is a small model.\n\n" + WIDE + "\n## Intended Use\n\nResearch.\n"
    findings, text = _card(tmp_path, body)
    [data] = [f for f in findings if f.kind == "disclose.training_data"]
    assert data.evidence.quote == "A blend of openly licensed web text."
    assert data.evidence.section == "Model Information"
    assert text[data.evidence.start:data.evidence.end] == data.evidence.quote


def test_label_cells_settle_the_component_they_name(tmp_path: Path) -> None:
    findings, _ = _card(tmp_path, "# Heron\n\n" + PAIRS)
    by_kind = {f.kind: f for f in findings}
    assert by_kind["disclose.weights"].attributes["available"] is True
    assert "under the Heron Licence" in by_kind["disclose.weights"].evidence.quote
    assert by_kind["disclose.training_code"].attributes == {"available": False}
    assert by_kind["disclose.training_code"].evidence.quote == "Not released"


def test_markdown_rows_stay_under_their_heading(tmp_path: Path) -> None:
    body = ("# Heron\n\nIntro text.\n\n## Release\n\n| What | Where |\n|---|---|\n"
            "| Weights | https://heron.example/w (Apache-2.0) |\n"
            "| Training code | https://git.heron.example/train |\n")
    findings, _ = _card(tmp_path, body)
    by_kind = {f.kind: f for f in findings}
    assert by_kind["disclose.weights"].attributes == {"available": True, "license": "apache-2.0"}
    assert by_kind["disclose.training_code"].attributes["url"] == "https://git.heron.example/train"
    assert {by_kind[k].evidence.section for k in ("disclose.weights", "disclose.training_code")} == {"Release"}
    assert by_kind["disclose.weights"].evidence.quote.startswith("| Weights |")


def test_key_value_lines_are_statements_of_their_own(tmp_path: Path) -> None:
    body = ("# Heron\n\n## At a glance\n\n"
            "Parameters: 3B\n"
            "Checkpoint: https://heron.example/ckpt (CC BY 4.0)\n"
            "Training recipe: https://git.heron.example/recipes, MIT\n\n"
            "> Evaluation: mean score 61.2 over five tasks\n")
    path = tmp_path / "README.md"
    path.write_text(body, "utf-8")
    doc = load(path)
    items = statements(doc)
    assert [s.label for s in items][-4:] == ["Parameters", "Checkpoint", "Training recipe", "Evaluation"]
    assert items[-1].quote == "Evaluation: mean score 61.2 over five tasks"  # no blockquote marker
    findings = disclosure_findings(doc, segment(doc))
    by_kind = {f.kind: f for f in findings}
    assert by_kind["disclose.weights"].evidence.quote.startswith("Checkpoint:")
    assert by_kind["disclose.weights"].attributes["license"] == "cc-by-4.0"
    assert by_kind["disclose.training_code"].evidence.quote.startswith("Training recipe:")
    assert by_kind["disclose.evaluation"].attributes["available"] is True


def test_a_table_in_a_code_block_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# Heron\n\nHeron is small.\n\n```html\n" + PAIRS + "```\n", "utf-8")
    assert [s.quote for s in statements(load(path))] == ["Heron is small."]
