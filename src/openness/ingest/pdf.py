"""PDF text per page, from pypdfium2 (fast, default) or pdfplumber (``use_text_flow``).

Both backends are imported inside the functions that use them, so ``import openness.ingest``
(and ``openness --help``) never pays for them. Each returns one string per page with ``\\n``
line ends; :func:`read_pdf` strips running matter and joins the pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from openness.errors import InputError
from openness.ingest import columns
from openness.ingest.headers import strip_running
from openness.ingest.options import IngestOptions
from openness.model import Document, Page

if TYPE_CHECKING:
    from pypdfium2 import PdfTextPage

#: Between the texts of consecutive pages in ``Document.text``: a line holding only a form
#: feed. Whitespace to the analysis view (a sentence running over a page break reads on), and
#: easy to spot for a segmenter (a ``\f`` line is a page break, not a paragraph break).
#: ``Page.start``/``Page.end`` exclude it.
PAGE_SEPARATOR = "\n\f\n"
#: Shown with every refusal of a PDF without a text layer.
OCR_HINT = "run OCR first, e.g. `ocrmypdf input.pdf output.pdf`, and analyse the result"
ENCRYPTED = "is encrypted (password-protected); save a decrypted copy, e.g. `qpdf --decrypt`"


def page_texts(path: str, data: bytes, options: IngestOptions) -> list[str]:
    """One text per page; raises :class:`InputError` for PDFs that cannot be read as text."""
    extract: Callable[[str, bytes, IngestOptions], list[str]] = (
        _pdfium_pages if options.pdf_backend == "pdfium" else _plumber_pages
    )
    pages = extract(path, data, options)
    if not any(page.strip() for page in pages):
        raise InputError(path, f"has no text layer (a scanned or image-only PDF); {OCR_HINT}")
    return pages


def _check_pages(path: str, count: int, options: IngestOptions) -> None:
    if count > options.max_pages:
        raise InputError(
            path,
            f"has {count} pages, over the limit of {options.max_pages}; "
            "raise IngestOptions.max_pages to read it",
        )


def _clean(text: str) -> str:
    """``\\n`` line ends, no trailing spaces, and pdfium's U+FFFE back as the printed ``-``.

    pdfium replaces a line-end hyphen with U+FFFE *and* removes the line break; restoring
    ``-\\n`` gives the lines as printed (the analysis view then joins the word).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if "\ufffe" in text:
        text = text.replace("\ufffe\n", "-\n").replace("\ufffe", "-\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _pdfium_pages(path: str, data: bytes, options: IngestOptions) -> list[str]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise InputError(path, ENCRYPTED) from None
        raise InputError(path, "is not a readable PDF (corrupt or truncated)") from None
    try:
        _check_pages(path, len(document), options)
        pages = []
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
                pages.append(_clean(_pdfium_page_text(textpage)))
            except pdfium.PdfiumError:
                raise InputError(
                    path, f"page {index + 1} cannot be read (corrupt or truncated PDF)"
                ) from None
            textpage.close()
            page.close()
        return pages
    finally:
        document.close()


def _pdfium_page_text(textpage: PdfTextPage) -> str:
    """The page in reading order: pdfium's own, or column by column on two-column pages."""
    boxes = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    order = columns.reading_order(boxes)
    if order is None:
        return textpage.get_text_range()
    # Each run (rect) is a contiguous range of pdfium's characters, in character order: find
    # where each starts and read it by index. (Reading by rectangle instead would lose commas
    # and periods, or catch descenders of the neighbouring lines.)
    starts = [
        textpage.get_index(left + 0.5, (bottom + top) / 2, 1, (top - bottom) / 2)
        for left, bottom, right, top in boxes
    ]
    if -1 in starts or len(set(starts)) != len(starts):
        return textpage.get_text_range()
    ends = dict(zip(sorted(starts), sorted(starts)[1:] + [textpage.count_chars()]))
    runs = [textpage.get_text_range(start, ends[start] - start).rstrip("\r\n") for start in starts]
    lines = []
    for line in order:
        text = ""
        for i in line:
            text += runs[i] if not text or text[-1].isspace() else " " + runs[i]
        lines.append(text)
    return "\n".join(lines)


def _plumber_pages(path: str, data: bytes, options: IngestOptions) -> list[str]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            _check_pages(path, len(document.pages), options)
            return [
                _clean(page.extract_text(use_text_flow=True, layout=options.layout) or "")
                for page in document.pages
            ]
    except InputError:
        raise
    except PdfminerException as exc:
        cause = type(exc.args[0] if exc.args else exc).__name__
        if "Password" in cause or "Encryption" in cause:
            raise InputError(path, ENCRYPTED) from None
        raise InputError(path, "is not a readable PDF (corrupt or truncated)") from None
    except Exception as exc:  # pdfminer raises many unrelated types on damaged files
        raise InputError(path, f"is not a readable PDF ({type(exc).__name__})") from None


def read_pdf(path: str, data: bytes, sha256: str, options: IngestOptions) -> Document:
    """A PDF as a :class:`Document`: page texts, running matter removed, joined by
    :data:`PAGE_SEPARATOR`."""
    pages = page_texts(path, data, options)
    removed: tuple[str, ...] = ()
    if options.strip_running:
        stripped = strip_running(pages)
        pages, removed = list(stripped.pages), stripped.removed
    spans = []
    position = 0
    for number, page in enumerate(pages, 1):
        if number > 1:
            position += len(PAGE_SEPARATOR)
        spans.append(Page(number=number, start=position, end=position + len(page)))
        position += len(page)
    return Document(
        path=path,
        text=PAGE_SEPARATOR.join(pages),
        format="pdf",
        sha256=sha256,
        pages=tuple(spans),
        metadata={"pdf_backend": options.pdf_backend, "running_lines": list(removed)},
    )
