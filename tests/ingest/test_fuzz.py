"""Damaged and random files through ingestion: a Document or one InputError, never another
exception. The PDFs are the project's own (``corpora/pdf``), mutated byte by byte; the texts
are its licences and model cards, mutated as bytes (encodings, binary noise) and as lines
(front matter broken in every way)."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from openness.errors import InputError
from openness.ingest import IngestOptions, load
from openness.ingest.normalize import analysis_view
from openness.ingest.text import extract_metadata, read_text
from openness.model import Document
from tests.conftest import OWN_CORPUS
from tests.mutations import mutated_bytes, mutated_text, yaml_mappings

pytestmark = pytest.mark.fuzz

PDFS = [p.read_bytes() for p in sorted((OWN_CORPUS / "pdf").glob("*.pdf"))]
TEXTS = [p.read_bytes() for p in sorted(OWN_CORPUS.rglob("*")) if p.suffix in {".txt", ".md"}]
#: Own Markdown files that open with a front-matter block.
FRONT_MATTER = [t.decode("utf-8") for t in TEXTS if t.startswith(b"---")]
YAML_MARKS = st.sampled_from(list("-:?[]{}&*!|>'\"#%@`,\n\t ") + ["---", "...", "<<", "!!python/object", "0x", "2001-13-45"])


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def loaded(folder: Path, name: str, data: bytes, options: IngestOptions | None = None) -> Document | None:
    """``load`` of ``data`` saved as ``name``: the Document, or ``None`` for an InputError that
    names the file in one line."""
    path = folder / name
    path.write_bytes(data)
    try:
        doc = load(path, options=options)
    except InputError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
        return None
    assert doc.text.strip() and doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    view = analysis_view(doc)
    assert view.original(len(view.text)) == len(doc.text)
    return doc


def test_the_sources_are_there() -> None:
    assert len(PDFS) >= 2 and len(TEXTS) >= 10 and FRONT_MATTER


@given(mutated_bytes(PDFS), st.sampled_from(["pdfium", "plumber"]))
def test_mutated_pdfs(folder: Path, data: bytes, backend: str) -> None:
    loaded(folder, "mutated.pdf", data, IngestOptions(pdf_backend=backend))


@given(mutated_bytes(TEXTS), st.sampled_from(["LICENSE", "terms.txt", "card.md", "odd.pdf"]))
def test_mutated_text_files(folder: Path, data: bytes, name: str) -> None:
    loaded(folder, name, data)


@given(st.binary(max_size=2048), st.sampled_from(["LICENSE", "card.md", "x.pdf"]))
def test_random_bytes(folder: Path, data: bytes, name: str) -> None:
    loaded(folder, name, data)


def assert_front_matter_read(text: str) -> None:
    """The text keeps its length and line breaks; metadata is a mapping or absent."""
    blanked, metadata = extract_metadata(text)
    assert [len(line) for line in blanked.split("\n")] == [len(line) for line in text.split("\n")]
    assert isinstance(metadata.get("front_matter", {}), dict)


@given(mutated_text(FRONT_MATTER))
def test_mutated_front_matter(text: str) -> None:
    assert_front_matter_read(text)


@given(st.lists(st.one_of(YAML_MARKS, st.text(max_size=6)), max_size=60).map("".join))
def test_random_front_matter(block: str) -> None:
    assert_front_matter_read(f"---\n{block}\n---\nLicence text.\n")


@given(yaml_mappings(["license", "datasets", "released", "base_model"]))
def test_front_matter_values_that_are_not_their_type(block: str) -> None:
    assert_front_matter_read(f"---\n{block}---\n# Card\n")


@given(mutated_text(FRONT_MATTER))
def test_mutated_markdown_reads_as_a_document(text: str) -> None:
    data = text.encode("utf-8")
    try:
        read_text("card.md", data, hashlib.sha256(data).hexdigest(), markdown=True)
    except InputError as exc:
        assert exc.problem == "has no text (only whitespace)"
