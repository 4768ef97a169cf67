"""Every bad input is one InputError naming the file and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.errors import InputError
from openness.ingest import IngestOptions, load

from . import pdfs


def problem(path: Path, options: IngestOptions | None = None) -> str:
    with pytest.raises(InputError) as caught:
        load(path, options=options)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return caught.value.problem


def test_missing_path(tmp_path: Path) -> None:
    assert problem(tmp_path / "nope.txt") == "no such file"


def test_directory(tmp_path: Path) -> None:
    assert problem(tmp_path).startswith("is a directory")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("terms.docx", b"PK\x03\x04" + b"\x00" * 100, "ZIP container"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        ("licence.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
        ("terms.docx", b"plain words", ".docx file"),
    ],
)
def test_unsupported_type_names_supported_ones(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    message = problem(path)
    assert message.startswith("unsupported file type") and kind in message
    assert "PDF" in message and "Markdown" in message and "plain-text" in message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert problem(path) == "is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_text(" \n\t\n")
    assert problem(path) == "has no text (only whitespace)"


@pytest.mark.parametrize("data", [b"ELF\x00\x01\x02 text", bytes(range(256)) * 4, b"\x01\x02\x03\x04" * 50])
def test_binary_renamed_txt(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "licence.txt"
    path.write_bytes(data)
    assert problem(path).startswith("is not a text file (binary content)")


def test_corrupt_pdf(tmp_path: Path, paged_pdf: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(paged_pdf.read_bytes()[:2000])
    for backend in ("pdfium", "plumber"):
        assert "is not a readable PDF" in problem(path, IngestOptions(pdf_backend=backend))


def test_pdf_name_without_pdf_bytes(tmp_path: Path) -> None:
    path = tmp_path / "licence.pdf"
    path.write_text("not really a pdf")
    assert "is not a PDF" in problem(path)


def test_encrypted_pdf(pdf_dir: Path) -> None:
    path = pdfs.encrypted(pdf_dir / "encrypted.pdf")
    for backend in ("pdfium", "plumber"):
        assert problem(path, IngestOptions(pdf_backend=backend)).startswith("is encrypted")


def test_image_only_pdf(pdf_dir: Path) -> None:
    path = pdfs.image_only(pdf_dir / "scan.pdf")
    for backend in ("pdfium", "plumber"):
        message = problem(path, IngestOptions(pdf_backend=backend))
        assert "no text layer" in message and "ocrmypdf" in message


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    message = problem(path, IngestOptions(max_bytes=1024))
    assert "over the size limit" in message and "max_bytes" in message


def test_length_limit_counts_characters_of_text(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("é" * 600 + "\n")  # 1,202 bytes, 601 characters
    assert load(path, options=IngestOptions(max_chars=601)).text.startswith("é")
    message = problem(path, IngestOptions(max_chars=600))
    assert message.startswith("has 601 characters of text, over the limit of 600") and "max_chars" in message


def test_length_limit_of_a_pdf(paged_pdf: Path) -> None:
    for backend in ("pdfium", "plumber"):
        message = problem(paged_pdf, IngestOptions(max_chars=100, pdf_backend=backend))
        assert "characters of text, over the limit of 100" in message


def test_page_limit(paged_pdf: Path) -> None:
    for backend in ("pdfium", "plumber"):
        message = problem(paged_pdf, IngestOptions(max_pages=2, pdf_backend=backend))
        assert message.startswith("has 3 pages, over the limit of 2") and "max_pages" in message


def test_options_are_validated() -> None:
    with pytest.raises(ValueError):
        IngestOptions(pdf_backend="ocr")  # type: ignore[arg-type]
