"""The project's own corpus: every document's full list of section ids, as corpora/expected.yaml
gives it (written from docs/sections.md, independently of the segmenter)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from openness.ingest import load
from openness.segment import segment


def _documents(own_corpus: Path) -> list[dict]:
    expected = own_corpus / "expected.yaml"
    if not expected.is_file():
        pytest.skip("corpora/expected.yaml does not exist yet")
    data = yaml.safe_load(expected.read_text("utf-8")) or {}
    return [d for d in data.get("documents") or [] if d.get("sections")]


def test_section_ids_of_own_corpus(own_corpus: Path) -> None:
    documents = _documents(own_corpus)
    assert documents, "corpora/expected.yaml lists no document with sections"
    failures = []
    for entry in documents:
        outline = segment(load(own_corpus / entry["file"]))
        found = [c.id for c in outline.clauses]
        if found != list(entry["sections"]):
            failures.append(f"{entry['file']}:\n  expected {entry['sections']}\n  found    {found}")
    assert not failures, "\n".join(failures)
