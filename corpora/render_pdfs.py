"""Render chosen licences of the project's own corpus to PDF (``corpora/pdf/``).

The PDFs are test fixtures for ingestion: a running header (the document title) and a footer
("Page N of M") on every page, which ingestion must strip; one two-column layout, which it must
read column by column; and one large-print document of more than ten pages, so page numbers in
evidence are exercised beyond single digits.

Fonts: the PDF core font Helvetica is used on purpose, not a TrueType font found on the machine,
so that the output (and its page count) is the same wherever the script runs. Core fonts only
cover latin-1, so text is passed through :func:`to_latin1` first: typographic quotes, dashes and
ellipses become their ASCII forms and any other character outside latin-1 becomes "?". The corpus
texts are plain ASCII, so nothing is lost today.

Determinism: the creation date is fixed and fpdf2 derives the file identifier from the content,
so re-running the script with the same fpdf2 version rewrites byte-identical files.

Usage (from the repository root)::

    python corpora/render_pdfs.py            # writes corpora/pdf/*.pdf
    python corpora/render_pdfs.py --out DIR  # writes elsewhere (used by the tests)

fpdf2 is a test dependency (``pip install -e '.[test]'``).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF

CORPUS = Path(__file__).resolve().parent
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)
FONT = "Helvetica"
#: Words that stay lower-case inside a title ("Changes to this Agreement").
_SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "or", "the", "this", "to", "with"})

#: Characters outside latin-1 that have a faithful ASCII spelling.
_TRANSLITERATION = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "--",
        "\u2026": "...",
        "\u2022": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True, kw_only=True)
class Job:
    """One PDF to produce from one corpus text."""

    #: Source text, relative to ``corpora/``.
    source: str
    #: Output file name inside the output folder.
    output: str
    #: Printed in the running header of every page and stored as the PDF title.
    title: str
    #: Page size in millimetres (width, height); A4 by default.
    page_size: tuple[float, float] = (210, 297)
    font_size: float = 11
    #: Line height as a multiple of the font size.
    spacing: float = 1.4
    columns: int = 1


JOBS: tuple[Job, ...] = (
    Job(
        source="licences/harbor-research-2.0.txt",
        output="harbor-research-2.0.pdf",
        title="Harbor Research Licence 2.0",
        font_size=13,
        spacing=1.6,
    ),
    Job(
        source="licences/kestrel-community-1.0.txt",
        output="kestrel-community-1.0-two-column.pdf",
        title="Kestrel Community Licence Agreement 1.0",
        font_size=12,
        spacing=1.5,
        columns=2,
    ),
    Job(
        source="licences/orion-responsible-model-agreement.txt",
        output="orion-responsible-model-agreement-large-print.pdf",
        title="Orion Responsible Model Agreement",
        page_size=(148, 210),  # A5
        font_size=22,
        spacing=1.8,
    ),
)


def to_latin1(text: str) -> str:
    """The text as the core fonts can print it (see the module docstring)."""
    return text.translate(_TRANSLITERATION).encode("latin-1", "replace").decode("latin-1")


class _LicencePDF(FPDF):
    def __init__(self, job: Job) -> None:
        super().__init__(format=job.page_size)
        self.job = job
        self.set_creation_date(FIXED_DATE)
        self.set_title(to_latin1(job.title))
        self.set_author("openness project corpus (fictional text, CC0)")
        self.set_margins(18, 22, 18)
        self.set_auto_page_break(auto=True, margin=20)

    def header(self) -> None:
        self.set_font(FONT, "I", 9)
        self.set_y(9)
        self.cell(0, 6, to_latin1(self.job.title), align="C")
        self.set_y(self.t_margin)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(FONT, "", 9)
        self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")


def _paragraphs(text: str) -> list[str]:
    """Each source line is one paragraph or heading (the corpus does not hard-wrap)."""
    return [line.strip() for line in text.splitlines()]


def _is_heading(line: str, next_line: str | None) -> bool:
    """Whether to print ``line`` in bold: a short title-case line with body text after it.

    The corpus marks headings by their shape ("2. Large Organisations.", "Article 3. ...",
    "IV. Prohibited Uses", "CONDITIONS", "Exhibit B"), so the shape is what decides here.
    """
    if not line or not next_line or len(line) > 60 or line.startswith('"') or line.endswith((";", ",", ":")):
        return False
    words = re.sub(r"^(Article|Section)?\s*[0-9A-Za-z]{1,4}\.\s+", "", line).rstrip(".").split()
    if any(". " in w or w.endswith(".") for w in words[:-1]):
        return False
    return all(w[0].isupper() or w in _SMALL_WORDS for w in words if w[0].isalpha())


def render(job: Job, out_dir: Path) -> Path:
    """Write one PDF and return its path."""
    source = (CORPUS / job.source).read_text("utf-8")
    lines = _paragraphs(to_latin1(source))
    pdf = _LicencePDF(job)
    pdf.add_page()
    line_height = job.font_size * job.spacing * 0.3528  # points -> millimetres
    if job.columns == 1:
        for i, line in enumerate(lines):
            if not line:
                pdf.ln(line_height / 2)
                continue
            following = lines[i + 1] if i + 1 < len(lines) else None
            pdf.set_font(FONT, "B" if _is_heading(line, following) else "", job.font_size)
            pdf.multi_cell(0, line_height, line, align="L", new_x="LMARGIN", new_y="NEXT")
    else:
        with pdf.text_columns(ncols=job.columns, gutter=8, text_align="L", line_height=job.spacing) as cols:
            for i, line in enumerate(lines):
                if not line:
                    continue
                following = lines[i + 1] if i + 1 < len(lines) else None
                pdf.set_font(FONT, "B" if _is_heading(line, following) else "", job.font_size)
                with cols.paragraph(bottom_margin=line_height / 3) as paragraph:
                    paragraph.write(line)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / job.output
    pdf.output(str(target))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=CORPUS / "pdf", help="output folder")
    args = parser.parse_args(argv)
    for job in JOBS:
        target = render(job, args.out)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
