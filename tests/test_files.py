"""Atomic writes: the old file or the new one, never half of one; never a stray temporary file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from openness import files
from openness.files import same_file, write_atomically


def test_replaces_whole_and_leaves_no_temporary(tmp_path: Path):
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")
    write_atomically(target, "new ünïcode")
    assert target.read_text("utf-8") == "new ünïcode"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_failed_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target = tmp_path / "report.json"
    target.write_text("old", "utf-8")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_keeps_permissions_and_links(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old", "utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text("utf-8") == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_missing_folder_is_an_error_not_made(tmp_path: Path):
    with pytest.raises(FileNotFoundError) as caught:
        write_atomically(tmp_path / "no" / "such" / "report.json", "x")
    assert caught.value.filename == str(tmp_path / "no" / "such")
    assert not (tmp_path / "no").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_a_device_is_written_to_not_replaced():
    with pytest.raises(OSError) as caught:
        write_atomically("/dev/full", "x")
    assert caught.value.errno == errno.ENOSPC
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_same_file_through_links_and_dots(tmp_path: Path):
    real = tmp_path / "a.txt"
    real.write_text("x", "utf-8")
    (tmp_path / "hard.txt").hardlink_to(real)
    (tmp_path / "soft.txt").symlink_to(real)
    assert same_file(real, tmp_path / "hard.txt")
    assert same_file(tmp_path / "soft.txt", tmp_path / "." / "a.txt")
    assert not same_file(real, tmp_path / "other.txt")
