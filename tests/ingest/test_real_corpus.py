"""Every ground-truth quote of the real corpus is found in the analysis view and maps back.

The quotes are exact substrings of the files after whitespace collapsing, so the text files
must score 100%; PDF renderings of the same files (header and footer on every page, made here
with fpdf2) must keep at least 98%. Misses are printed with their reason (``pytest -s``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from openness.errors import InputError
from openness.ingest import load
from openness.ingest.normalize import TextView, analysis_view, normalize_quote
from openness.model import Document

from . import pdfs

pytestmark = pytest.mark.real

_WORD = re.compile(r"\w+")


def quotes(ground_truth: dict) -> Iterator[tuple[str, str]]:
    """``(file, quote)`` for every fact with a quote; a fact's own ``file:`` wins."""
    for section in ("licenses", "disclosures"):
        for entry in ground_truth.get(section) or []:
            for fact in entry.get("facts") or []:
                if fact.get("quote"):
                    yield fact.get("file", entry["file"]), fact["quote"]


def words(text: str) -> list[str]:
    return _WORD.findall(normalize_quote(text))


def miss(view: TextView, quote: str) -> str | None:
    """Why ``quote`` is not found in ``view`` or maps back wrongly, else ``None``."""
    doc = view.doc
    wanted = normalize_quote(quote).strip()
    at = view.text.find(wanted)
    if at == -1:
        return "not in the analysis view"
    span = view.span(at, at + len(wanted))
    if words(doc.text[span.start : span.end]) != words(quote):
        return f"maps back to {doc.text[span.start : span.end]!r}"
    return None


def score(ground_truth: dict, document: dict[str, Document]) -> tuple[int, list[str]]:
    total, misses = 0, []
    views = {file: analysis_view(doc) for file, doc in document.items()}
    for file, quote in quotes(ground_truth):
        total += 1
        reason = miss(views[file], quote)
        if reason:
            misses.append(f"{file}: {quote[:70]!r}: {reason}")
    return total, misses


def report(kind: str, total: int, misses: list[str]) -> float:
    found = (total - len(misses)) / total
    print(f"\n{kind}: {total - len(misses)}/{total} quotes found ({found:.1%})")
    for line in misses:
        print("  miss:", line)
    return found


def test_quotes_found_in_text_files(real_corpus: Path, ground_truth: dict) -> None:
    files = {file for file, _ in quotes(ground_truth)}
    documents = {file: load(real_corpus / file) for file in files}
    total, misses = score(ground_truth, documents)
    assert total > 600
    assert report("text", total, misses) == 1.0, misses


def test_quotes_found_in_rendered_pdfs(
    real_corpus: Path, ground_truth: dict, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = tmp_path_factory.mktemp("rendered")
    files = sorted({file for file, _ in quotes(ground_truth)})
    documents = {}
    for index, file in enumerate(files):
        pdf = pdfs.render_file(real_corpus / file, out / f"{index}.pdf")
        try:
            documents[file] = load(pdf)
        except InputError as exc:  # reported as misses of all its quotes, not hidden
            documents[file] = Document(path=str(pdf), text=str(exc), format="pdf", sha256="")
        assert documents[file].format == "pdf"
    total, misses = score(ground_truth, documents)
    assert report("pdf (pdfium)", total, misses) >= 0.98, misses
