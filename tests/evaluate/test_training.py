"""The classifier's training data, read from a tiny answer key written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from openness.evaluate.training import labelled_units, main, own_folders, read_folder, train

LICENCE = (
    "1. You may use and copy the Model.\n"
    "2. You must not use the Model for any commercial purpose.\n"
    "3. You may use the Model for research.\n"
    "4. The Licensor may end this licence if you break it.\n"
)
KEY = """
schema_version: 1
documents:
  - file: licences/tiny.txt
    role: license
    kinds_present: [grant.use, restrict.commercial, term.termination]
    kinds_absent: [grant.commercial, restrict.outputs]
    facts:
      - {kind: grant.use, section: "1", quote: "You may use and copy the Model."}
      - {kind: restrict.commercial, section: "2", quote: "You must not use the Model for any commercial purpose."}
      - {kind: term.termination, attributes: {trigger: breach}, section: "4", quote: "The Licensor may end this licence if you break it."}
    traps:
      - {kind: grant.commercial, section: "3", quote: "You may use the Model for research."}
"""


@pytest.fixture
def corpora(tmp_path: Path) -> Path:
    batch = tmp_path / "corpora" / "batch-x"
    (batch / "licences").mkdir(parents=True)
    (batch / "licences" / "tiny.txt").write_text(LICENCE, "utf-8")
    (batch / "expected.yaml").write_text(KEY, "utf-8")
    (tmp_path / "corpora" / "no-key").mkdir()
    return tmp_path / "corpora"


def test_only_folders_with_an_answer_key_are_training_data(corpora: Path) -> None:
    assert list(own_folders(corpora)) == ["batch-x"]


def test_a_unit_is_labelled_by_the_key_quote_it_holds(corpora: Path) -> None:
    units = {" ".join(u.words): u.labels for u in labelled_units(read_folder(corpora / "batch-x"))}
    grant = units["You may use and copy the Model ."]
    assert grant["grant.use"] == 1.0
    # absent from the document: a negative everywhere
    assert grant["grant.commercial"] == 0.0 and grant["restrict.outputs"] == 0.0
    # present elsewhere in the document: no label at all, not a negative
    assert "restrict.commercial" not in grant
    assert units["You must not use the Model for any commercial purpose ."]["restrict.commercial"] == 1.0
    assert units["You may use the Model for research ."]["grant.commercial"] == 0.0


def test_a_trained_model_round_trips_through_its_folder(corpora: Path, tmp_path: Path) -> None:
    kinds = ["grant.use", "grant.commercial", "restrict.commercial", "restrict.outputs", "term.termination"]
    model = train(labelled_units(read_folder(corpora / "batch-x")), kinds)
    model.to_disk(tmp_path / "model")
    assert list(spacy.load(tmp_path / "model").get_pipe("textcat_multilabel").labels) == kinds


def test_train_never_overwrites_a_folder(corpora: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "existing"
    out.mkdir()
    (out / "keep.txt").write_text("mine", "utf-8")
    assert main(["--corpora", str(corpora), "train", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (out / "keep.txt").read_text("utf-8") == "mine"
