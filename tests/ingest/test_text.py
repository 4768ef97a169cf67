from __future__ import annotations

from pathlib import Path

from openness.ingest import load
from openness.ingest.normalize import analysis_view


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_text_is_the_file_content(tmp_path: Path) -> None:
    content = "LICENCE\r\n\r\n1. Grant.\tYou may use it.\r\n"
    doc = load(write(tmp_path, "LICENSE", content))
    assert doc.text == content
    assert doc.format == "txt" and not doc.paged
    assert [(p.number, p.start, p.end) for p in doc.pages] == [(1, 0, len(content))]
    assert doc.line_of(content.index("1.")) == 3
    assert doc.warnings == ()


def test_markdown_format_by_extension(tmp_path: Path) -> None:
    assert load(write(tmp_path, "a.md", "# Title\n")).format == "md"
    assert load(write(tmp_path, "a.markdown", "# Title\n")).format == "md"
    assert load(write(tmp_path, "a.LICENSE", "# Title\n")).format == "txt"


def test_lone_carriage_returns_count_as_line_ends(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "mac.txt", "one\rtwo\rthree"))
    assert doc.text == "one\ntwo\nthree"
    assert doc.line_of(doc.text.index("three")) == 3


def test_utf8_bom_and_utf16_bom(tmp_path: Path) -> None:
    text = "Licens\u00e9e \u201cModel\u201d\n"
    assert load(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + text.encode())).text == text
    assert load(write(tmp_path, "b.txt", text.encode("utf-16"))).text == text
    assert load(write(tmp_path, "c.txt", text.encode("utf-16-be").join([b"\xfe\xff", b""]))).text == text


def test_undecodable_bytes_fall_back_with_a_warning(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "a.txt", "Licens\u00e9e \u2019s".encode("cp1252")))
    assert doc.text == "Licens\u00e9e \u2019s"
    assert len(doc.warnings) == 1 and "Windows-1252" in doc.warnings[0]
    doc = load(write(tmp_path, "b.txt", b"caf\xe9 \x81"))  # 0x81 is undefined in cp1252
    assert doc.text == "caf\u00e9 \x81" and "Latin-1" in doc.warnings[0]


FRONT = """---
key: example-1.0
name: Example Licence
other_urls:
    - https://example.org/a
---

Example Licence
1. Grant.
"""


def test_front_matter_is_metadata_and_blanked(tmp_path: Path) -> None:
    doc = load(write(tmp_path, "example.LICENSE", FRONT))
    assert doc.metadata["front_matter"] == {
        "key": "example-1.0",
        "name": "Example Licence",
        "other_urls": ["https://example.org/a"],
    }
    assert len(doc.text) == len(FRONT)
    assert doc.text.split("\n")[:6] == [" " * len(line) for line in FRONT.split("\n")[:6]]
    assert doc.line_of(doc.text.index("1. Grant.")) == FRONT.split("\n").index("1. Grant.") + 1
    assert "example-1.0" not in analysis_view(doc).text


def test_markdown_rule_at_top_is_not_front_matter(tmp_path: Path) -> None:
    content = "---\nJust prose, not a mapping.\n---\nMore.\n"
    doc = load(write(tmp_path, "a.md", content))
    assert doc.text == content and "front_matter" not in doc.metadata


def test_source_notes_are_metadata_and_blanked(tmp_path: Path) -> None:
    content = (
        "[For the license FAQ, see https://example.org/faq]\n"
        "[For the original copy, see https://example.org/licence]\n"
        "\n"
        "Example Licence\n"
    )
    doc = load(write(tmp_path, "a.txt", content))
    assert doc.metadata["original_copy_url"] == "https://example.org/licence"
    assert [n["label"] for n in doc.metadata["source_notes"]] == ["license FAQ", "original copy"]
    assert doc.text.index("Example Licence") == content.index("Example Licence")
    assert analysis_view(doc).text.strip() == "Example Licence"


def test_source_note_then_front_matter(tmp_path: Path) -> None:
    content = "[For the original copy of this license, see https://example.org/x]\n" + FRONT
    doc = load(write(tmp_path, "a.md", content))
    assert doc.metadata["original_copy_url"] == "https://example.org/x"
    assert doc.metadata["front_matter"]["key"] == "example-1.0"
    assert analysis_view(doc).text.strip() == "Example Licence 1. Grant."
