"""Text and Markdown files: decoding, and the metadata some copies carry at the top.

``Document.text`` keeps every line of the file at its line number (SARIF points at them), so
metadata is never cut out: it is parsed into ``Document.metadata`` and overwritten with spaces,
newlines kept, which hides it from the analysis without moving a single offset.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from openness.errors import InputError
from openness.model import Document, Page
from openness.yamldata import load_untrusted

#: A front-matter block closes within this many lines, or it is not front matter.
_FRONT_MATTER_MAX_LINES = 500
#: ``[For the original copy, see URL]``-style lines that third-party copies put on top.
_SOURCE_NOTE = re.compile(r"\[For the ([^\]]*?),? see (\S+?)\]\s*")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_LONE_CR = re.compile(r"\r(?!\n)")


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Text of ``data`` and any warning about how it had to be decoded.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are decoded as such; anything else is
    read as Windows-1252 and, failing that, Latin-1 (which accepts every byte) with a warning,
    because a mis-decoded accent is better than refusing a licence.
    """
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), ()
            except UnicodeDecodeError as exc:
                return data.decode(encoding, errors="replace"), (
                    f"invalid {encoding.upper()} at byte {exc.start}; undecodable bytes "
                    "replaced with U+FFFD",
                )
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        where = exc.start
    for encoding, name in (("cp1252", "Windows-1252"), ("latin-1", "Latin-1")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, (
            f"not valid UTF-8 (byte {where}); decoded as {name}, so check non-ASCII characters",
        )
    raise AssertionError("Latin-1 decodes every byte")  # pragma: no cover


def normalize_line_breaks(text: str) -> str:
    """Old-Mac lone ``\\r`` line ends become ``\\n``: same length, and lines count as editors do."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, line)`` of each line, ``end`` past its ``\\n``; lines split on ``\\n`` only,
    as :class:`~openness.model.Document` counts them."""
    start = 0
    while start < len(text):
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline + 1
        yield start, end, text[start:end]
        start = end


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + _NOT_LINE_BREAK.sub(" ", text[start:end]) + text[end:]


def extract_metadata(text: str) -> tuple[str, dict[str, Any]]:
    """Parse and blank leading source notes and a YAML front-matter block.

    Returns the text with those lines overwritten by spaces and the metadata found:
    ``source_notes`` (label and URL of each ``[For the ..., see URL]`` line),
    ``original_copy_url`` and ``front_matter`` (the parsed mapping).
    """
    metadata: dict[str, Any] = {}
    lines = _lines(text)
    notes: list[dict[str, str]] = []
    opening: tuple[int, int] | None = None
    for start, end, line in lines:
        note = _SOURCE_NOTE.fullmatch(line)
        if note:
            label, url = note.groups()
            notes.append({"label": label, "url": url})
            if label.startswith("original copy"):
                metadata.setdefault("original_copy_url", url)
            text = _blank(text, start, end)
        elif line.strip() == "---":
            opening = (start, end)
            break
        elif line.strip():
            break
    if notes:
        metadata["source_notes"] = notes
    if opening is not None:
        for count, (start, end, line) in enumerate(lines):
            if count >= _FRONT_MATTER_MAX_LINES:
                break
            if line.rstrip() in ("---", "..."):
                front = _front_matter(text[opening[1] : start])
                if front is not None:
                    metadata["front_matter"] = front
                    text = _blank(text, opening[0], end)
                break
    return text, metadata


def _front_matter(block: str) -> dict[str, Any] | None:
    """The block as a YAML mapping, or ``None`` when it is not one (a Markdown rule, prose)."""
    try:
        value = load_untrusted(block)
    except yaml.YAMLError:
        return None
    return value if isinstance(value, dict) else None


def read_text(path: str, data: bytes, sha256: str, *, markdown: bool) -> Document:
    """A text or Markdown file as a single-page :class:`Document`, lines as in the file."""
    text, warnings = decode(data)
    text = normalize_line_breaks(text)
    if not text.strip():
        raise InputError(path, "has no text (only whitespace)")
    text, metadata = extract_metadata(text)
    return Document(
        path=path,
        text=text,
        format="md" if markdown else "txt",
        sha256=sha256,
        pages=(Page(number=1, start=0, end=len(text)),),
        metadata=metadata,
        warnings=warnings,
    )
