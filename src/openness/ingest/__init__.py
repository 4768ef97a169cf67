"""Ingestion: a path becomes a :class:`~openness.model.Document`.

:func:`load` decides the type from the file's bytes (``%PDF`` means PDF, whatever the name),
refuses what it cannot read with one :class:`~openness.errors.InputError` line naming the file
and the problem, and hands the rest to :mod:`.text` or :mod:`.pdf`. The analysis reads
``Document.text`` through :func:`openness.ingest.normalize.analysis_view`.

Importing this package stays cheap: the PDF libraries load only when a PDF is read.
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from openness.errors import InputError
from openness.ingest import sniff
from openness.ingest.options import IngestOptions
from openness.model import Document

__all__ = ["IngestOptions", "load"]

_MIB = 1024 * 1024


def load(path: str | Path, *, options: IngestOptions | None = None) -> Document:
    """Read ``path`` as a document; raises :class:`InputError` for anything it cannot read."""
    options = options or IngestOptions()
    name = str(path)
    file = Path(path)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "is not a regular file")
    if info.st_size > options.max_bytes:
        raise InputError(
            name,
            f"is {info.st_size / _MIB:.1f} MB, over the size limit of "
            f"{options.max_bytes / _MIB:g} MB; raise IngestOptions.max_bytes to read it",
        )
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(name, "is empty")
    sha256 = hashlib.sha256(data).hexdigest()

    if sniff.is_pdf(data):
        from openness.ingest.pdf import read_pdf

        return _within_length(read_pdf(name, data, sha256, options), options)
    if file.suffix.lower() == ".pdf":
        raise InputError(name, "is named .pdf but is not a PDF (no %PDF- header): damaged or mislabelled")
    kind = sniff.unsupported_kind(file, data)
    if kind is not None:
        raise InputError(name, f"unsupported file type ({kind}); {sniff.SUPPORTED}")
    if sniff.looks_binary(data):
        raise InputError(name, f"is not a text file (binary content); {sniff.SUPPORTED}")

    from openness.ingest.text import read_text

    return _within_length(read_text(name, data, sha256, markdown=sniff.text_format(file) == "md"), options)


def _within_length(doc: Document, options: IngestOptions) -> Document:
    """``doc``, unless its text is over :attr:`IngestOptions.max_chars`."""
    if len(doc.text) > options.max_chars:
        raise InputError(
            doc.path,
            f"has {len(doc.text):,} characters of text, over the limit of {options.max_chars:,}; "
            "raise IngestOptions.max_chars to read it",
        )
    return doc
