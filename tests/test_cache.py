"""One cache folder for everything openness keeps between runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from openness.cache import ENVIRONMENT, cache_folder


def test_the_environment_variable_moves_the_cache_folder(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setenv(ENVIRONMENT, str(tmp_path / "elsewhere"))
    assert cache_folder() == tmp_path / "elsewhere"


def test_without_it_the_cache_folder_is_the_platforms_own(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # read by platformdirs on Linux
    folder = cache_folder()
    assert folder == tmp_path / "xdg" / "openness"
