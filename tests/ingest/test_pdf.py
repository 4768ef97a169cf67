from __future__ import annotations

from pathlib import Path

import pytest

from openness.ingest import IngestOptions, load
from openness.ingest.normalize import analysis_view, normalize_quote
from openness.ingest.pdf import PAGE_SEPARATOR

from . import pdfs
from .conftest import LICENCE_PARAGRAPHS

BACKENDS = ("pdfium", "plumber")


@pytest.mark.parametrize("backend", BACKENDS)
def test_pages_and_running_matter(paged_pdf: Path, backend: str) -> None:
    doc = load(paged_pdf, options=IngestOptions(pdf_backend=backend))
    assert doc.format == "pdf" and doc.paged and doc.page_count == 3
    assert "Example Model Licence" not in doc.text and "Page 2 of 3" not in doc.text
    assert set(doc.metadata["running_lines"]) >= {"Example Model Licence v1.0", "Page 1 of 3"}
    for page, paragraph in zip(doc.pages, LICENCE_PARAGRAPHS):
        page_text = doc.text[page.start : page.end]
        assert normalize_quote(page_text) == normalize_quote(paragraph).strip()
        assert doc.page_of(page.start) == page.number
    assert [doc.text[a.end : b.start] for a, b in zip(doc.pages, doc.pages[1:])] == [PAGE_SEPARATOR] * 2
    assert doc.pages[-1].end == len(doc.text)


def test_strip_running_can_be_turned_off(paged_pdf: Path) -> None:
    doc = load(paged_pdf, options=IngestOptions(strip_running=False))
    assert doc.text.count("Example Model Licence v1.0") == 3
    assert "Page 3 of 3" in doc.text


def test_pdf_detected_by_magic_bytes(tmp_path: Path, paged_pdf: Path) -> None:
    renamed = tmp_path / "LICENSE.txt"
    renamed.write_bytes(paged_pdf.read_bytes())
    assert load(renamed).format == "pdf"


@pytest.mark.parametrize("backend", BACKENDS)
def test_line_end_hyphen_is_printed_and_joined_in_view(pdf_dir: Path, backend: str) -> None:
    path = pdf_dir / "hyphen.pdf"
    pdf = pdfs._Paged(None, False)
    pdf.add_page()
    pdf.write(5, "You receive a limited, revocable, non-")
    pdf.ln()
    pdf.write(5, "transferable licence to use the Model.")
    pdf.output(str(path))
    doc = load(path, options=IngestOptions(pdf_backend=backend))
    assert "non-\ntransferable" in doc.text  # as printed, whatever pdfium's U+FFFE did
    assert "\ufffe" not in doc.text
    view = analysis_view(doc)
    start = view.text.index("non-transferable licence")
    span = view.span(start, start + len("non-transferable"))
    assert doc.text[span.start : span.end] == "non-\ntransferable"
    assert span.page == 1 and span.line == doc.text[: span.start].count("\n") + 1


def test_two_columns_keep_reading_order(pdf_dir: Path) -> None:
    doc = load(pdfs.two_columns(pdf_dir / "columns.pdf"))
    lines = doc.text.split("\n")
    assert lines == [f"left column line {i} alpha" for i in range(25)] + [
        f"right column line {i} omega" for i in range(25)
    ]


def test_two_columns_with_full_width_title(pdf_dir: Path) -> None:
    path = pdf_dir / "columns-title.pdf"
    pdf = pdfs._Paged(None, False)
    pdf.add_page()
    pdf.text(15, 20, "A title line that runs across the whole width of the page, both columns")
    for row in range(6):
        pdf.text(15, 30 + row * 4.5, f"left {row}")
        pdf.text(110, 30 + row * 4.5, f"right {row}")
    pdf.output(str(path))
    lines = load(path).text.split("\n")
    assert lines[0].startswith("A title line")
    assert lines[1:] == [f"left {i}" for i in range(6)] + [f"right {i}" for i in range(6)]


def test_single_column_text_is_not_reordered(paged_pdf: Path) -> None:
    doc = load(paged_pdf)
    first = doc.text[doc.pages[0].start : doc.pages[0].end]
    assert first.startswith("1. Grant of Rights.")


def test_unicode_survives(pdf_dir: Path) -> None:
    if not pdfs.UNICODE_FONT.is_file():
        pytest.skip("no Unicode TTF font on this machine")
    path = pdfs.render(pdf_dir / "quotes.pdf", ["The \u201cModel\u201d is the Licensor\u2019s \u2014 yes."])
    view = analysis_view(load(path))
    assert "The \"Model\" is the Licensor's -- yes." in view.text
