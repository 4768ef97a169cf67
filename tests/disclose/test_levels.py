"""Training-data levels, statement by statement, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.disclose import disclosure_findings, is_silence
from openness.ingest import load


def _card(tmp_path: Path, body: str, name: str = "README.md") -> list:
    path = tmp_path / name
    path.write_text(body, "utf-8")
    return disclosure_findings(load(path))


def _level(findings: list) -> str:
    levels = {f.attributes["level"] for f in findings if f.kind == "disclose.training_data"}
    assert len(levels) == 1
    return levels.pop()


@pytest.mark.parametrize(
    ("body", "level"),
    [
        ("# Owl 1\n\n## Training Data\n\nOwl 1 was trained on 3 trillion tokens of data from publicly available sources.\n", "vague"),
        ("# Owl 1\n\nOwl 1 was pretrained on a blend of C4 and RefinedWeb.\n", "described"),
        ("# Owl 1\n\nOwl 1 was trained on 90 million images: 70% come from a licensed archive and 30% come from a web crawl.\n", "described"),
        ("# Owl 1\n\nThe pretraining corpus is released at https://huggingface.co/datasets/owl/owl-corpus.\n", "released"),
        ("# Owl 1\n\nOwl 1 uses the same training data as Owl 0 (see the paper).\n", "vague"),
        ("# Owl 1\n\nOwl 1 is a chat model. Run it with `owl chat`.\n", "none"),
    ],
)
def test_levels(tmp_path: Path, body: str, level: str) -> None:
    assert _level(_card(tmp_path, body)) == level


def test_a_subset_caps_a_linked_dataset_at_described(tmp_path: Path) -> None:
    body = (
        "# Owl 1\n\n## Training Data\n\n"
        "- Owl 1 was trained on [owl-web](https://huggingface.co/datasets/owl/owl-web).\n"
        "- Later steps used a subset of owl-web filtered by an aesthetics score.\n"
    )
    assert _level(_card(tmp_path, body)) == "described"


def test_a_build_recipe_is_not_a_release(tmp_path: Path) -> None:
    body = (
        "# Owl 1\n\nThe C4 dataset we used for pre-training is available in a catalogue, but it "
        "requires downloading the raw Common Crawl scrapes and days of preparation.\n"
    )
    assert _level(_card(tmp_path, body)) == "described"


def test_evaluation_data_links_are_not_training_data(tmp_path: Path) -> None:
    body = (
        "# Owl 1\n\n## Evaluation\n\nWe also release the raw evaluation data at "
        "https://huggingface.co/datasets/owl/owl-evals.\n"
    )
    assert _level(_card(tmp_path, body)) == "none"


def test_code_blocks_and_tables_of_contents_are_not_statements(tmp_path: Path) -> None:
    body = (
        "# Owl 1\n\n- [Training data](#training-data)\n\n"
        "```\n# trained on https://huggingface.co/datasets/owl/owl-web\n```\n"
    )
    assert _level(_card(tmp_path, body)) == "none"


def test_a_statement_is_extended_over_its_elaboration(tmp_path: Path) -> None:
    body = "# Owl 1\n\nOwl 1 was trained on a mix of licensed data. This includes news archives from partners.\n"
    data = [f for f in _card(tmp_path, body) if f.kind == "disclose.training_data"]
    assert data[0].evidence.quote.endswith("news archives from partners.")


def test_none_points_at_the_document_searched(tmp_path: Path) -> None:
    findings = _card(tmp_path, "# Owl 1\n\nA small model.\n")
    none = [f for f in findings if f.kind == "disclose.training_data"]
    assert len(none) == 1
    assert none[0].evidence.start == none[0].evidence.end == 0
    assert none[0].evidence.line == 1 and none[0].evidence.section is None
    assert "README.md" in none[0].evidence.quote


def test_front_matter_datasets_are_evidence_at_their_line(tmp_path: Path) -> None:
    body = "---\nlicense: mit\ndatasets:\n- owl/owl-web\n---\n# Owl 1\n\nA small model.\n"
    findings = _card(tmp_path, body)
    data = [f for f in findings if f.kind == "disclose.training_data"]
    assert data[0].attributes["level"] == "described"
    assert data[0].attributes["datasets"] == ["owl/owl-web"]
    assert data[0].attributes["urls"] == ["https://huggingface.co/datasets/owl/owl-web"]
    assert data[0].evidence.line == 3 and data[0].evidence.quote == "datasets:"


def test_training_code_weights_and_evaluation(tmp_path: Path) -> None:
    body = (
        "---\nlicense: apache-2.0\n---\n# Owl 1\n\n## Weights\n\nThe weights can be downloaded from "
        "https://owl.example/weights.\n\n## Training Code\n\nThe training code is not released. "
        "Inference code is available at https://github.com/owl/owl-run.\n\n## Evaluation\n\n"
        "| Benchmark | Owl 1 |\n|---|---|\n| ARC | 51.0 |\n"
    )
    by_kind = {f.kind: f for f in _card(tmp_path, body)}
    assert by_kind["disclose.weights"].attributes == {"available": True, "license": "apache-2.0"}
    assert by_kind["disclose.training_code"].attributes == {"available": False}
    assert by_kind["disclose.training_code"].evidence.quote == "The training code is not released."
    assert by_kind["disclose.evaluation"].evidence.quote == "| ARC | 51.0 |"


def test_silence_about_code_is_recorded_as_such(tmp_path: Path) -> None:
    code = [f for f in _card(tmp_path, "# Owl 1\n\nA small model.\n") if f.kind == "disclose.training_code"]
    assert code[0].attributes == {"available": False} and is_silence(code[0])
