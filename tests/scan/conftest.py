"""Fleets of releases built in ``tmp_path`` from the project's own corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
#: Model cards of the corpus: releases made of them are analysed without the clause extractor,
#: which keeps tests that start worker processes light.
CARDS = ("model-cards/harbor-vision-card.md", "model-cards/talon-coder-card.md",
         "wording/loop-7-card.md", "wording/meadow-lm-1b-card.md")


def card_fleet(root: Path, count: int, *, broken: int = 0, hf: int = 0) -> list[Path]:
    """``count`` card releases under ``root`` (each card's text made distinct), ``broken`` of
    them with an empty licence file, ``hf`` of them in the Hugging Face cache layout; returns
    each release's folder (the repository folder for the cache)."""
    made = []
    for index in range(count):
        text = (CORPORA / CARDS[index % len(CARDS)]).read_text("utf-8")
        text += f"\n\nThis card describes release number {index}.\n"
        if index < hf:
            repo = root / "hub" / f"models--org{index}--model{index}"
            snapshot = repo / "snapshots" / f"{index:040x}"
            snapshot.mkdir(parents=True)
            (repo / "refs").mkdir()
            (repo / "refs" / "main").write_text(snapshot.name)
            (snapshot / "README.md").write_text(text, "utf-8")
            made.append(repo)
            continue
        folder = root / "fleet" / f"release-{index:03d}"
        folder.mkdir(parents=True)
        (folder / "MODEL_CARD.md").write_text(text, "utf-8")
        if index >= count - broken:
            (folder / "LICENSE").write_bytes(b"")
        made.append(folder)
    return made


@pytest.fixture()
def fleet(tmp_path: Path) -> tuple[Path, list[Path]]:
    """Twelve card releases: two in the Hugging Face cache layout, two broken."""
    return tmp_path, card_fleet(tmp_path, 12, broken=2, hf=2)
