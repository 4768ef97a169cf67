"""Classes of wording the disclosure analysis reads, each shown by sentences of its own (not the
sentences of the corpus cards): releases phrased without "release", promises, negations,
terse ``Component: URL (licence)`` statements, headings as subjects, and what is not about the
model's own training data."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.disclose import disclosure_findings, is_silence
from openness.ingest import load


def _findings(tmp_path: Path, body: str) -> dict[str, list]:
    path = tmp_path / "README.md"
    path.write_text(body, "utf-8")
    by_kind: dict[str, list] = {}
    for finding in disclosure_findings(load(path)):
        by_kind.setdefault(finding.kind, []).append(finding)
    return by_kind


def _level(tmp_path: Path, body: str) -> str:
    return _findings(tmp_path, body)["disclose.training_data"][0].attributes["level"]


@pytest.mark.parametrize(
    ("body", "level"),
    [
        # released, in words other than "release"
        ("# Wren\n\n## Data\n\nWe release the pretraining corpus in full at https://wren.example/corpus.\n", "released"),
        ("# Wren\n\n## Data\n\nThe whole training set, Wren Corpus 2, is downloadable from https://files.wren.example/c2.\n", "released"),
        ("# Wren\n\nEverything the model saw during training is on the Hugging Face Hub.\n", "released"),
        ("# Wren\n\n> Corpus: WrenText 1, published in full at https://wren.example/wt1 (ODC-By)\n", "released"),
        # a promise is not a release; the named corpus is still described
        ("# Wren\n\n## Training data\n\nWren was trained on a corpus we call Wren Stack. "
         "We intend to release Wren Stack next year.\n", "described"),
        # sources named and sized in a list under a heading that does not say "data"
        ("# Wren\n\n## What it learned from\n\n- 900 hours from the Lowland Birdsong Archive\n"
         "- 120 hours of our own field recordings\n", "described"),
        # a table of sources with amounts under a "Training <medium>" heading
        ("# Wren\n\n## Training recordings\n\n| Source | Hours |\n|---|---|\n"
         "| Harbour Radio Archive, 1990-2020 | 12,400 |\n| Volunteer read speech | 2,100 |\n", "described"),
        # ... but an amount of "publicly available data" names no source
        ("# Wren\n\n## Training data\n\n| Data | Tokens |\n|---|---|\n| A mix of publicly available web data | 2.0T |\n",
         "vague"),
        # a run-in label names the training data, and it can be downloaded
        ("# Wren\n\n- Training fields: WrenSat-2, every band we use; all of it is downloadable at "
         "https://data.wren.example/ws2 (CC BY 4.0).\n", "released"),
        # shares of the mixture without a data noun
        ("# Wren\n\n## What it was trained on\n\nAbout 70% is source code from public repositories, "
         "20% is forum threads and 10% is documentation.\n", "described"),
        # generic words, with a verb cards use for training
        ("# Wren\n\nWren learned from a broad mixture of licensed and publicly available text.\n", "vague"),
        # the reader's own data and the test sets are not the model's training data
        ("# Wren\n\n## Fine-tuning\n\nYou can fine-tune Wren on your own images: put at least 20 images "
         "of each class in a folder.\n", "none"),
        ("# Wren\n\n## Evaluation\n\nThe test sets come from sites that are not in the training data.\n", "none"),
    ],
)
def test_training_data_levels(tmp_path: Path, body: str, level: str) -> None:
    assert _level(tmp_path, body) == level


def test_a_source_held_back_still_describes_and_caps_a_release(tmp_path: Path) -> None:
    body = ("# Wren\n\n## Data sources\n\n"
            "- [wren-web](https://huggingface.co/datasets/wren/wren-web): 20B tokens\n"
            "- Harbour Radio Archive: 300 hours, licensed; cannot be redistributed\n")
    found = _findings(tmp_path, body)["disclose.training_data"]
    assert {f.attributes["level"] for f in found} == {"described"}
    assert any("Harbour Radio Archive" in f.evidence.quote for f in found)


@pytest.mark.parametrize(
    ("body", "kind", "available", "url"),
    [
        ("# Wren\n\nTraining and evaluation code: https://git.wren.example/train (Apache-2.0)\n",
         "disclose.training_code", True, "https://git.wren.example/train"),
        ("# Wren\n\n## Code\n\nThe programs we used to train it live at https://src.wren.example/t (MIT).\n",
         "disclose.training_code", True, "https://src.wren.example/t"),
        ("# Wren\n\nWe don't publish our training pipeline.\n", "disclose.training_code", False, None),
        ("# Wren\n\n## Training code\n\nThe training code is not released. Inference code is available at "
         "https://github.com/wren/run.\n", "disclose.training_code", False, None),
        # an example of running the model, under a "Code" heading, is no training code
        ("# Wren\n\n## Code\n\nTraining code: not public. A usage example for the `wrenlib` package is "
         "in the repository.\n", "disclose.training_code", False, None),
        ("# Wren\n\n- **Weights:** https://wren.example/w (CC BY 4.0)\n", "disclose.weights", True, None),
        ("# Wren\n\n## Where the weights are\n\nThey aren't anywhere yet. They will be released later.\n",
         "disclose.weights", False, None),
        ("# Wren\n\n## How good is it?\n\nBenchmark numbers are not published yet.\n",
         "disclose.evaluation", False, None),
        ("# Wren\n\n## How well it works\n\n- Clean speech: 5.1 % word error rate\n",
         "disclose.evaluation", True, None),
        # terse labels: "Trainer:" is the training code, a metric against a test period reports results
        ("# Wren\n\n- Trainer: tag `v2` of https://code.wren.example/wren (BSD-3-Clause)\n",
         "disclose.training_code", True, "https://code.wren.example/wren"),
        ("# Wren\n\n- Scores: RMSE against the 2023 reanalysis, per variable, in `scorecards/`.\n",
         "disclose.evaluation", True, None),
    ],
)
def test_component_statements(tmp_path: Path, body: str, kind: str, available: bool, url: str | None) -> None:
    [finding] = _findings(tmp_path, body)[kind]
    assert not is_silence(finding)
    assert finding.attributes["available"] is available
    assert finding.attributes.get("url") == url


def test_weights_licence_from_a_terse_statement(tmp_path: Path) -> None:
    [weights] = _findings(tmp_path, "# Wren\n\nWeights: https://wren.example/w (Apache-2.0)\n")["disclose.weights"]
    assert weights.attributes == {"available": True, "license": "apache-2.0"}
    assert weights.evidence.quote == "Weights: https://wren.example/w (Apache-2.0)"


def test_a_comparison_with_open_models_is_not_a_release_of_the_weights(tmp_path: Path) -> None:
    body = "# Wren\n\nWren outperforms many of the available open source chat models on common benchmarks.\n"
    [weights] = _findings(tmp_path, body)["disclose.weights"]
    assert is_silence(weights)


def test_a_label_naming_another_component_is_not_weights(tmp_path: Path) -> None:
    body = ("# Wren\n\n| What | Where |\n|---|---|\n| Eval logs for every checkpoint | https://wren.example/logs |\n")
    found = _findings(tmp_path, body)
    assert is_silence(found["disclose.weights"][0])
    assert found["disclose.evaluation"][0].attributes["available"] is True


def test_generation_parameters_are_not_the_weights_and_a_licence_line_is(tmp_path: Path) -> None:
    body = ("# Wren\n\nFor the generation parameters to use, see [here](https://github.com/wren/recipes).\n\n"
            "**License:** Wren is under the Apache 2.0 license.\n")
    [weights] = _findings(tmp_path, body)["disclose.weights"]
    assert weights.attributes == {"available": True, "license": "apache-2.0"}
    assert weights.evidence.quote.startswith("**License:**")


def test_weight_files_listed_with_a_link_are_released_weights(tmp_path: Path) -> None:
    body = ("# Wren\n\n## Get it\n\n- `wren-1b-q8.gguf` (1.1 GB): https://wren.example/get\n")
    weights = _findings(tmp_path, body)["disclose.weights"]
    assert weights and weights[0].attributes.get("available") is True


def test_scores_under_a_numbers_heading_are_an_evaluation(tmp_path: Path) -> None:
    body = ("# Wren\n\n## Numbers\n\nWe scored Wren against two chat models on 300 scenes.\n\n"
            "| Model | Accuracy (%) |\n|---|---|\n| Wren | 71 |\n| Other | 60 |\n")
    evaluation = _findings(tmp_path, body)["disclose.evaluation"]
    assert evaluation and evaluation[0].attributes.get("available") is True


def test_data_we_release_in_full_in_a_relative_clause_is_released(tmp_path: Path) -> None:
    body = ("# Wren\n\n## Reproducibility\n\n- Data: all pretraining text comes from Wren Shelf (40 B tokens of "
            "public-domain books), which we release in full at https://data.wren.example\n")
    assert _level(tmp_path, body) == "released"


def test_training_code_for_partners_on_request_is_not_released(tmp_path: Path) -> None:
    body = "# Wren\n\n## Training code\n\nOur training stack is available to partners on request.\n"
    [code] = _findings(tmp_path, body)["disclose.training_code"]
    assert code.attributes["available"] is False


def test_a_terse_training_line_with_a_link_is_training_code(tmp_path: Path) -> None:
    body = "# Wren\n\n## Code\n\n- Training & fine-tuning: https://git.wren.example/train (MIT)\n"
    [code] = _findings(tmp_path, body)["disclose.training_code"]
    assert code.attributes["available"] is True
