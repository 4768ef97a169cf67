"""Small builders shared by the diff tests: documents and units from literal text."""

from __future__ import annotations

from openness.diff.tokens import Unit, units
from openness.ingest import load
from openness.model import Document
from openness.segment import segment


def document(tmp_path, name: str, text: str) -> Document:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load(path)


def outline_units(doc: Document) -> list[Unit]:
    return units(doc, segment(doc))


def by_id(items: list[Unit]) -> dict[str, Unit]:
    return {u.id: u for u in items}
