"""Hugging Face front matter (``license``, ``license_name``, ``datasets``...) as evidence.

Ingest parses the YAML block into ``doc.metadata["front_matter"]`` and overwrites it with
spaces in ``doc.text``, keeping every line break, so line numbers and offsets of the block are
the same in the file and in the text. The values come from the metadata; the evidence points
at the key's line in ``doc.text`` (blank there) and quotes that line as the file prints it,
read back from the file. When the file cannot be read again (a document built in memory) the
text is searched instead, and failing that the quote is rebuilt as ``key: value``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openness.model import Document

#: A block longer than this is not front matter (matches ingest's limit).
_MAX_LINES = 500


@dataclass(frozen=True, kw_only=True)
class FrontMatterLine:
    """A front-matter key, its value, and where its line is in ``doc.text``."""

    key: str
    value: Any
    quote: str
    start: int
    end: int


def front_matter(doc: Document) -> dict[str, Any]:
    """The parsed front matter of ``doc`` (empty when it has none)."""
    value = doc.metadata.get("front_matter")
    return dict(value) if isinstance(value, dict) else {}


def key_line(doc: Document, key: str) -> FrontMatterLine | None:
    """The line of ``key`` in ``doc``'s front matter, or ``None`` if the key is absent."""
    values = front_matter(doc)
    if key not in values:
        return None
    number, quote = _find_key(_raw_text(doc), key) or _find_key(doc.text, key) or (None, None)
    if number is None or number > len(doc.line_starts):
        return FrontMatterLine(key=key, value=values[key], quote=_rebuilt(key, values[key]),
                               start=0, end=0)
    start = doc.line_starts[number - 1]
    end = doc.line_starts[number] - 1 if number < len(doc.line_starts) else len(doc.text)
    return FrontMatterLine(key=key, value=values[key], quote=quote, start=start, end=end)


def _raw_text(doc: Document) -> str:
    try:
        return Path(doc.path).read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return ""


def _find_key(text: str, key: str) -> tuple[int, str] | None:
    """1-based line number and text of ``key:`` inside the leading ``---`` block of ``text``."""
    lines = text.splitlines()[:_MAX_LINES]
    opening = next((i for i, line in enumerate(lines) if line.strip()), None)
    if opening is None or lines[opening].strip() != "---":
        return None
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for index in range(opening + 1, len(lines)):
        line = lines[index]
        if line.strip() in ("---", "..."):
            return None
        if pattern.match(line):
            return index + 1, line.strip()
    return None


def _rebuilt(key: str, value: Any) -> str:
    if isinstance(value, list):
        return f"{key}: [{', '.join(str(v) for v in value)}]"
    return f"{key}: {value}"
