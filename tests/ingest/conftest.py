"""Fixtures for ingestion tests: small files written to a temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import pdfs

LICENCE_PARAGRAPHS = [
    "1. Grant of Rights. You are granted a non-exclusive, worldwide, royalty-free licence to "
    "use, copy and modify the Model. " * 4,
    "2. Restrictions. You will not use the Model to improve any other large language model. "
    * 6,
    "3. Termination. The Licensor may terminate this Agreement if you are in breach of it. " * 8,
]


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdfs")


@pytest.fixture(scope="session")
def paged_pdf(pdf_dir: Path) -> Path:
    """Three pages, each with the same header and a "Page n of 3" footer."""
    return pdfs.render(pdf_dir / "paged.pdf", LICENCE_PARAGRAPHS, new_page_each=True)
