"""Ingestion speed: text MB/s (load + analysis view) and PDF pages/s per backend.

    python bench/bench_ingest.py [--runs 5]

Reads the real corpus (../shared/corpora/real); the PDF is a licence rendered at run time with
fpdf2 (header and footer on every page) to about 20 pages. Prints the median of several runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "real"
sys.path.insert(0, str(ROOT / "tests"))

from ingest import pdfs  # noqa: E402  (the test suite's fpdf2 renderer)
from timing import median_seconds  # noqa: E402  (bench/timing.py)

from openness.ingest import IngestOptions, load  # noqa: E402
from openness.ingest.normalize import analysis_view  # noqa: E402

TEXT_SUFFIXES = {".txt", ".md", ".LICENSE"}
#: Rendered (repeated) until the PDF has at least this many pages.
PDF_PAGES = 20


def bench_text(runs: int) -> None:
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix in TEXT_SUFFIXES)
    size = sum(p.stat().st_size for p in files)

    def work() -> None:
        for path in files:
            analysis_view(load(path))

    seconds = median_seconds(work, runs)
    print(f"text: {len(files)} files, {size / 1e6:.2f} MB, median {seconds * 1000:.0f} ms "
          f"-> {size / 1e6 / seconds:.1f} MB/s (load + analysis_view)")


def bench_pdf(runs: int) -> None:
    source = CORPUS / "yi" / "MODEL_LICENSE_AGREEMENT_v2.1_2023-11-23.txt"
    text = source.read_text("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "licence.pdf"
        copies = 1
        while True:
            pdfs.render(path, [text.expandtabs(4)] * copies, header=source.name)
            pages = load(path).page_count
            if pages >= PDF_PAGES:
                break
            copies += 1
        for backend in ("pdfium", "plumber"):
            options = IngestOptions(pdf_backend=backend)
            seconds = median_seconds(lambda: load(path, options=options), runs)
            print(f"pdf ({backend}): {pages} pages, median {seconds * 1000:.0f} ms "
                  f"-> {pages / seconds:.0f} pages/s (load, running lines stripped)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"the real corpus is absent: {CORPUS}")
    bench_text(args.runs)
    bench_pdf(args.runs)


if __name__ == "__main__":
    main()
