"""PDFs made at test time with fpdf2, so no PDF (and no third-party text) is committed."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from fpdf import FPDF

# Glyphs DejaVu lacks (CJK notes in some licences) are reported by the tests that miss them.
logging.getLogger("fpdf").setLevel(logging.ERROR)

UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


class _Paged(FPDF):
    """A4 pages with an optional running header and a "Page n of m" footer."""

    def __init__(self, header_text: str | None, footer: bool) -> None:
        super().__init__()
        self.header_text = header_text
        self.with_footer = footer
        if UNICODE_FONT.is_file():
            self.add_font("body", fname=str(UNICODE_FONT))
            self.family = "body"
        else:
            self.family = "helvetica"
        self.set_font(self.family, size=10)
        self.set_auto_page_break(auto=True, margin=20)

    def write_text(self, text: str) -> None:
        """Text as the font can show it: Latin-1 only without a Unicode font."""
        if self.family == "helvetica":
            text = unicodedata.normalize("NFKD", text).encode("latin-1", "ignore").decode("latin-1")
        self.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def header(self) -> None:
        if self.header_text:
            self.set_font(self.family, size=8)
            self.cell(0, 6, self.header_text, align="C")
            self.ln(10)
            self.set_font(self.family, size=10)

    def footer(self) -> None:
        if self.with_footer:
            self.set_y(-15)
            self.set_font(self.family, size=8)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_font(self.family, size=10)


def render(
    path: Path,
    paragraphs: Iterable[str],
    *,
    header: str | None = "Example Model Licence v1.0",
    footer: bool = True,
    new_page_each: bool = False,
) -> Path:
    """Write ``paragraphs`` (each a ``multi_cell``, wrapped by fpdf2) to ``path``."""
    pdf = _Paged(header, footer)
    pdf.add_page()
    for index, paragraph in enumerate(paragraphs):
        if new_page_each and index:
            pdf.add_page()
        pdf.write_text(paragraph)
    pdf.output(str(path))
    return path


def render_file(source: Path, path: Path) -> Path:
    """A licence file rendered line by line, header and footer on every page."""
    lines = source.read_text("utf-8-sig", errors="replace").expandtabs(4).splitlines() or [""]
    return render(path, (line if line.strip() else " " for line in lines), header=source.name)


def two_columns(path: Path, rows: int = 25) -> Path:
    """Two columns written row by row (left line, right line, ...), the order that makes a
    naive extractor read across the gutter."""
    pdf = _Paged(None, False)
    pdf.add_page()
    for row in range(rows):
        pdf.text(15, 30 + row * 4.5, f"left column line {row} alpha")
        pdf.text(110, 30 + row * 4.5, f"right column line {row} omega")
    pdf.output(str(path))
    return path


def image_only(path: Path) -> Path:
    """A page with a drawn picture and no text layer, like a scan."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for row in range(10):
        pdf.rect(20, 20 + row * 10, 150, 4, style="F")
    pdf.output(str(path))
    return path


def encrypted(path: Path) -> Path:
    pdf = _Paged(None, False)
    pdf.add_page()
    pdf.write_text("Secret terms of a licence.")
    pdf.set_encryption(owner_password="owner-secret", user_password="user-secret")
    pdf.output(str(path))
    return path
