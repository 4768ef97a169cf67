"""Where the grammar and the built-in rule packs are, installed or in a checkout.

The wheel ships ``grammars/`` and ``rules/`` inside the package (``openness/grammars``,
``openness/rules``); an editable checkout keeps them at the top level of the repository.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[3]


def _folder(name: str) -> Path:
    packaged = resources.files("openness").joinpath(name)
    if packaged.is_dir():
        return Path(str(packaged))
    return _CHECKOUT / name


@cache
def grammar_text() -> str:
    return (_folder("grammars") / "openness.lark").read_text("utf-8")


def cache_folder() -> Path | None:
    """The user's cache folder (``$XDG_CACHE_HOME/openness``, else ``~/.cache/openness``), never
    the package, which may be installed read-only; ``None`` when it cannot be made."""
    try:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "openness"
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home folder, or one we may not write to
        return None
    return root


def parser_cache_file() -> Path | None:
    """Where the built Lark parser may be kept between runs, or ``None`` without a usable folder.

    The name carries a digest of the grammar and the openness, Lark and Python versions, so that
    two versions of openness (which may build the parser with other options) do not overwrite
    each other's file.
    """
    from lark import __version__ as lark_version

    from openness import __version__

    root = cache_folder()
    if root is None:
        return None
    key = f"{grammar_text()}\0{__version__}\0{lark_version}\0{sys.version_info[:2]}"
    return root / f"grammar-{hashlib.sha256(key.encode()).hexdigest()[:16]}.lark"


@cache
def builtin_rules_root() -> Path:
    """The folder of the built-in packs (``osd.rules``, ``osaid-1.0.rules``, ...)."""
    return _folder("rules").resolve()


def builtin_packs() -> tuple[Path, ...]:
    """Every built-in pack, in name order."""
    return tuple(sorted(builtin_rules_root().glob("*.rules")))
