"""Knobs for ingestion, kept apart so callers can build them without importing PDF libraries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The PDF text extractors :func:`openness.ingest.load` can use.
PDF_BACKENDS = ("pdfium", "plumber")


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """Limits and PDF extraction choices for :func:`openness.ingest.load`."""

    #: Larger files are refused before they are read: licences are kilobytes, so a huge file is
    #: almost always the wrong file, and refusing early keeps memory bounded.
    max_bytes: int = 50 * 1024 * 1024
    #: Documents with more characters of text are refused once read. The analysis takes time
    #: and memory in step with the text's words and marks (figures at this limit in
    #: docs/reliability.md), while the longest real licence or model card is some forty
    #: thousand characters: half a million is a 200-page book, not a licence.
    max_chars: int = 500_000
    #: PDFs with more pages are refused before any text is extracted.
    max_pages: int = 2000
    #: ``pdfium`` (pypdfium2, fast, the default) or ``plumber`` (pdfplumber with
    #: ``use_text_flow``: slower, but a second opinion on awkward layouts).
    pdf_backend: Literal["pdfium", "plumber"] = "pdfium"
    #: pdfplumber's layout mode (pads text with spaces to keep its horizontal position).
    layout: bool = False
    #: Remove running headers, footers and page numbers repeated across PDF pages.
    strip_running: bool = True

    def __post_init__(self) -> None:
        if self.pdf_backend not in PDF_BACKENDS:
            raise ValueError(
                f"pdf_backend must be one of {', '.join(PDF_BACKENDS)}, not {self.pdf_backend!r}"
            )
        if min(self.max_bytes, self.max_chars, self.max_pages) <= 0:
            raise ValueError("max_bytes, max_chars and max_pages must be positive")
