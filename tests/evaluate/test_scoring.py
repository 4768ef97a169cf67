"""The scorer itself, on a tiny answer key written for this test."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from openness.cli.main import cli
from openness.evaluate import evaluate_corpus

KEY = """
licenses:
  - id: tiny
    file: tiny/LICENSE.txt
    facts:
      - fact: user_threshold
        value: 5000000
        unit: monthly_active_users
        quote: 'more than 5 million monthly active users'
      - fact: termination
        quote: 'may terminate this Agreement if you are in breach'
    kinds_present: [restrict.user_threshold, term.termination, restrict.commercial]
    kinds_absent: [grant.commercial, term.governing_law]
    kinds_uncertain: [grant.use]
"""
KINDS = """
fact_kinds:
  user_threshold: restrict.user_threshold
  termination: term.termination
"""
TEXT = ("You may use the Model. If you have more than 5 million monthly active users, you must ask us. "
        "Commercial use is permitted. Acme may terminate this Agreement if you are in breach of it.\n")


def corpus(tmp_path: Path) -> Path:
    (tmp_path / "tiny").mkdir()
    (tmp_path / "tiny" / "LICENSE.txt").write_text(TEXT, "utf-8")
    (tmp_path / "GROUND_TRUTH.yaml").write_text(KEY, "utf-8")
    (tmp_path / "FACT_KINDS.yaml").write_text(KINDS, "utf-8")
    return tmp_path


def test_hits_misses_false_alarms_and_uncertain(tmp_path: Path) -> None:
    result = evaluate_corpus(corpus(tmp_path))
    assert result.score.tp["restrict.user_threshold"] == 1
    assert result.score.tp["term.termination"] == 1
    assert [m.kind for m in result.misses] == ["restrict.commercial"]
    assert [a.finding.kind for a in result.false_alarms] == ["grant.commercial"]
    assert result.score.fp["grant.use"] == 0  # uncertain: neither hit nor false alarm
    assert [t.ok for t in result.thresholds] == [True]
    assert all(e.covered for e in result.evidence)


def test_eval_command_prints_the_misses(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["eval", str(corpus(tmp_path))])
    assert out.exit_code == 0
    assert "misses (1):" in out.output and "restrict.commercial" in out.output
    assert 'found' in out.output and '"Commercial use is permitted."' in out.output


def test_eval_of_an_explicit_missing_folder_exits_2(tmp_path: Path) -> None:
    out = CliRunner().invoke(cli, ["eval", str(tmp_path / "nowhere")])
    assert out.exit_code == 2
    assert "GROUND_TRUTH.yaml" in out.output


OWN_KEY = """
schema_version: 1
documents:
  - file: terms.txt
    role: license
    kinds_present: [restrict.user_threshold, restrict.redistribution]
    kinds_absent: [grant.commercial]
    facts:
      - {kind: restrict.user_threshold, attributes: {count: 5000000, metric: monthly_active_users},
         quote: "more than 5 million monthly active users"}
      - {kind: restrict.redistribution, attributes: {}, quote: "You shall not download the Model more than twice a day."}
  - file: card.md
    role: model_card
"""


def test_an_own_answer_key_is_scored_and_a_miss_on_a_flagged_clause_says_so(tmp_path: Path) -> None:
    (tmp_path / "expected.yaml").write_text(OWN_KEY)
    (tmp_path / "terms.txt").write_text(
        "Terms\n\nIf your products have more than 5 million monthly active users, you must request a "
        "licence from us.\n\nYou shall not download the Model more than twice a day.\n")
    result = evaluate_corpus(tmp_path)
    assert result.documents == 1  # the model card is scored on disclosure, not here
    assert result.score.tp["restrict.user_threshold"] == 1
    assert [t.ok for t in result.thresholds] == [True]
    [miss] = result.misses
    assert (miss.kind, miss.reviewed) == ("restrict.redistribution", True)
    out = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert out.exit_code == 0
    assert "misses flagged for review on their clause (review.unclassified): 1/1" in out.output
