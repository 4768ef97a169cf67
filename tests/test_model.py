"""The data model's derived positions: lines and pages come from offsets and cannot disagree."""

from openness.model import Document, Page


def make(text: str, fmt: str = "txt", pages: tuple[Page, ...] = ()) -> Document:
    return Document(path="x", text=text, format=fmt, sha256="0", pages=pages)


def test_line_of_counts_from_one_and_sits_on_line_starts():
    doc = make("first\nsecond\n\nfourth")
    assert [doc.line_of(i) for i in (0, 5, 6, 12, 13, 14)] == [1, 1, 2, 2, 3, 4]


def test_text_documents_have_no_page():
    doc = make("a\nb")
    assert doc.page_of(2) is None
    assert doc.span(2, 3).page is None and doc.span(2, 3).line == 2


def test_pdf_pages_are_found_by_offset():
    text = "p1 line\n\fp2 line\nmore"
    pages = (Page(number=1, start=0, end=8), Page(number=2, start=9, end=len(text)))
    doc = make(text, "pdf", pages)
    assert doc.page_of(0) == 1 and doc.page_of(7) == 1
    assert doc.page_of(10) == 2
    span = doc.span(18, 22)
    assert (span.page, span.line) == (2, 3)
