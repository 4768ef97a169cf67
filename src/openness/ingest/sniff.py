"""What kind of file this is, decided from its bytes first and its name second.

Extensions lie (a ``.txt`` that is really a PDF, a ``.LICENSE`` that is a zip), so the magic
bytes win; the extension only names types we refuse when the bytes do not say.
"""

from __future__ import annotations

from pathlib import Path

#: Said in every "unsupported" message so the user knows what would work.
SUPPORTED = "openness reads PDF, plain-text (.txt, .LICENSE, ...) and Markdown (.md) files"

#: Leading bytes of common formats that are not text and that openness does not read.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP container (.docx, .odt, .xlsx, .epub or .zip)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Office document (.doc, .xls or .ppt)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
)

#: Extensions of formats that are never text, for files whose bytes matched nothing above.
_BINARY_SUFFIXES = frozenset(
    ".docx .doc .odt .rtf .pages .xlsx .xls .ods .pptx .ppt .odp .epub .png .jpg .jpeg .gif "
    ".tif .tiff .bmp .webp .heic .zip .gz .tgz .bz2 .xz .7z .tar .rar .exe .dll .so".split()
)

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_UTF_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: Bytes that are ordinary in text; everything else below 32 is a control character.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in b"\t\n\r\f\v\x1b")


def is_pdf(data: bytes) -> bool:
    """PDF readers accept the header anywhere in the first kilobyte, so we do too."""
    return b"%PDF-" in data[:1024]


def unsupported_kind(path: Path, data: bytes) -> str | None:
    """A phrase naming the unsupported type of the file, or ``None`` if it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    suffix = path.suffix.lower()
    if suffix in _BINARY_SUFFIXES:
        return f"a {suffix} file"
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding openness decodes.

    A NUL byte never occurs in 8-bit or UTF-8 text (UTF-16 files are recognised by their BOM
    before this is asked); otherwise a sample with many C0 control characters is binary.
    """
    if data.startswith(_UTF_BOMS):
        return False
    sample = data[:8192]
    if b"\x00" in data:
        return True
    controls = len(sample.translate(None, _TEXT_BYTES))
    return controls > len(sample) * 0.05


def text_format(path: Path) -> str:
    return "md" if path.suffix.lower() in _MARKDOWN_SUFFIXES else "txt"
