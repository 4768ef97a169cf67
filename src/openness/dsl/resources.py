"""Where the grammar and the built-in rule packs are, installed or in a checkout.

The wheel ships ``grammars/`` and ``rules/`` inside the package (``openness/grammars``,
``openness/rules``); an editable checkout keeps them at the top level of the repository.
"""

from __future__ import annotations

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


@cache
def builtin_rules_root() -> Path:
    """The folder of the built-in packs (``osd.rules``, ``osaid-1.0.rules``, ...)."""
    return _folder("rules").resolve()


def builtin_packs() -> tuple[Path, ...]:
    """Every built-in pack, in name order."""
    return tuple(sorted(builtin_rules_root().glob("*.rules")))
