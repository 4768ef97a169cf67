"""Checked policies kept between runs, so that an unchanged rule file is not parsed again.

Every ``openness analyze`` loads the built-in packs, and parsing them meant importing Lark and
loading its parser: about a tenth of the command's start-up. A policy that loaded without
problems is pickled into the user's cache folder (next to Lark's parser cache) with the
SHA-256 of every file it was read from, its imports included. It is used again only when all
those files still have the same digests and nothing that could change the result has
changed: the grammar, the taxonomy, the document roles, the source of this package and the
openness and Python versions. Anything wrong with a cache file (missing, stale, truncated,
unreadable, not writable) means the policy is loaded from its files as if there were none.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from openness.dsl import ast
from openness.dsl.resources import cache_folder, grammar_text


def read(path: Path) -> ast.Policy | None:
    """The policy loaded from ``path`` earlier, if its files and the code are unchanged."""
    entry = _entry(path)
    if entry is None:
        return None
    try:
        with entry.open("rb") as handle:
            stamp, files, policy = pickle.load(handle)
        if stamp != _stamp() or any(_digest(Path(name)) != digest for name, digest in files):
            return None
    except Exception:  # noqa: BLE001 - any trouble with a cache file: load without it
        return None
    return policy if isinstance(policy, ast.Policy) else None


def write(path: Path, policy: ast.Policy, files: Iterable[Path]) -> None:
    """Keep ``policy``, loaded from ``path`` and the other ``files`` it read."""
    entry = _entry(path)
    if entry is None:
        return
    try:
        record = (_stamp(), tuple((str(f), _digest(f)) for f in files), policy)
        with tempfile.NamedTemporaryFile("wb", dir=entry.parent, delete=False) as handle:
            pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, entry)
    except Exception:  # noqa: BLE001 - a cache that cannot be written changes nothing
        try:
            os.unlink(handle.name)
        except (OSError, UnboundLocalError):
            pass


def _entry(path: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / f"policy-{hashlib.sha256(str(path).encode()).hexdigest()[:16]}.pickle"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _stamp() -> str:
    """What else a loaded policy depends on: the grammar, the taxonomy and roles the checker
    validates against, the code of this package, and the versions."""
    from openness import __version__

    parts = [__version__, sys.version, grammar_text()]
    for name in ("taxonomy.yaml", "roles.yaml"):
        parts.append(resources.files("openness").joinpath(name).read_text("utf-8"))
    for source in sorted(Path(__file__).parent.glob("*.py")):
        parts.append(source.read_text("utf-8"))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
