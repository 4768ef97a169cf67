"""Scoring the disclosure analysis against an answer key: judgments, cited quotes, traps."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.errors import InputError
from openness.evaluate.disclosure import evaluate, load_key, main, summary, table

CARD = """# Pebble-1

## Training data

Pebble-1 was trained on a mix of publicly available web data.

## Evaluation

| Benchmark | Pebble-1 |
|---|---|
| ARC | 41.0 |
"""

KEY = """documents:
  - file: pebble-card.md
    role: model_card
    disclosure: {training_data: released, training_code: false, weights: false, evaluation: true}
    facts:
      - {kind: disclose.training_data, quote: "Pebble-1 was trained on a mix of publicly available web data."}
      - {kind: disclose.evaluation, quote: "| ARC | 41.0 |"}
    traps:
      - {kind: disclose.training_data, quote: "a mix of publicly available web data"}
  - file: licence.txt
    role: license
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "pebble-card.md").write_text(CARD, "utf-8")
    (tmp_path / "expected.yaml").write_text(KEY, "utf-8")
    return tmp_path


def test_only_documents_with_a_disclosure_key_are_scored(corpus: Path) -> None:
    assert [card.file for card in load_key(corpus)] == ["pebble-card.md"]


def test_a_wrong_level_is_reported_with_what_was_expected_and_found(corpus: Path) -> None:
    [result] = evaluate(corpus)
    assert not result.right("training_data")
    assert result.got["training_data"] == "vague"
    assert all(result.right(name) for name in ("training_code", "weights", "evaluation"))
    assert "released -> vague" in table([result])
    assert summary([result]).startswith("training_data 0/1; training_code 1/1")


def test_quotes_are_checked_as_evidence_and_a_table_row_stands_for_its_table(corpus: Path) -> None:
    [result] = evaluate(corpus)
    assert result.cited_facts == 2 and not result.uncited
    # the trap is part of the statement the finding cites
    assert result.sprung == [("disclose.training_data", "a mix of publicly available web data")]


def test_files_restrict_the_run_and_unknown_files_are_an_input_error(corpus: Path) -> None:
    assert [r.file for r in evaluate(corpus, ["pebble-card.md"])] == ["pebble-card.md"]
    with pytest.raises(InputError, match="not a card of the answer key: other.md"):
        evaluate(corpus, ["other.md"])


def test_the_command_prints_the_table_and_fails_cleanly_without_a_key(corpus: Path, tmp_path_factory,
                                                                     capsys) -> None:
    assert main([str(corpus)]) == 0
    assert "| pebble-card.md |" in capsys.readouterr().out
    empty = tmp_path_factory.mktemp("empty")
    assert main([str(empty)]) == 2
    assert "no GROUND_TRUTH.yaml or expected.yaml here" in capsys.readouterr().err


def test_the_project_cards_are_scored_from_their_key(own_corpus: Path) -> None:
    results = evaluate(own_corpus)
    assert len(results) >= 4
    assert all(set(r.expected) == {"training_data", "training_code", "weights", "evaluation"}
               for r in results)
