"""Checked policies kept between runs as plain JSON, so that an unchanged rule file is not read
by Lark again.

Every command loads its policies, and reading them meant importing Lark, building its parser
and parsing: about a fifth of a one-licence ``openness analyze``. A policy that loaded without
problems is written to the cache folder (:func:`openness.cache.cache_folder`) as JSON with
the SHA-256 of every file it was read from, its imports included, and a stamp of everything
else its meaning depends on (the openness version, the grammar, the taxonomy and roles the
checker validated it against, and the code of this package).

JSON is data, never code. On read, an entry is used only when the stamp and every digest
match, and it is rebuilt node by node into the AST's own dataclasses: a node type this module
does not know, a field missing or extra, or a value of a kind the AST never holds makes the
entry count as absent, and the policy is loaded from its files. So is any entry that cannot be
read or written at all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from openness.cache import cache_folder
from openness.dsl import ast
from openness.dsl.resources import grammar_text

#: The AST's node types by name: the only classes an entry may name.
NODES: dict[str, type] = {
    name: value for name, value in vars(ast).items()
    if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == ast.__name__
}


class _Invalid(Exception):
    """An entry that does not describe a policy."""


def read(path: Path) -> ast.Policy | None:
    """The policy loaded from ``path`` before, if it and its imports are unchanged."""
    entry = _entry(path)
    if entry is None:
        return None
    try:
        record = json.loads(entry.read_text("utf-8"))
        if record["stamp"] != _stamp() or any(_digest(Path(name)) != digest
                                              for name, digest in record["files"]):
            return None
        policy = _decode(record["policy"])
    except (OSError, ValueError, KeyError, TypeError, _Invalid):
        return None
    return policy if isinstance(policy, ast.Policy) else None


def write(path: Path, policy: ast.Policy, files: Iterable[Path]) -> None:
    """Keep ``policy``, loaded from ``path`` and the other ``files`` it read."""
    entry = _entry(path)
    if entry is None:
        return
    record = {"stamp": _stamp(), "files": [(str(f), _digest(f)) for f in files],
              "policy": _encode(policy)}
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent, delete=False,
                                         suffix=".tmp") as handle:
            json.dump(record, handle)
        os.replace(handle.name, entry)
    except OSError:
        pass  # a cache that cannot be written changes nothing


def _entry(path: Path) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    return folder / "policies" / f"{hashlib.sha256(str(path).encode()).hexdigest()[:24]}.json"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def _stamp() -> str:
    """What a checked policy depends on besides its files."""
    from openness import __version__

    parts = [__version__, grammar_text()]
    parts += [resources.files("openness").joinpath(name).read_text("utf-8")
              for name in ("taxonomy.yaml", "roles.yaml")]
    parts += [source.read_text("utf-8") for source in sorted(Path(__file__).parent.glob("*.py"))]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _encode(value: Any) -> Any:
    """An AST value as JSON: nodes as objects naming their type, tuples and the imports' dict
    tagged, numbers as their text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"node": type(value).__name__, "fields": fields}
    if isinstance(value, tuple):
        return {"tuple": [_encode(item) for item in value]}
    if isinstance(value, dict):
        return {"dict": {key: _encode(item) for key, item in value.items()}}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if value is None or isinstance(value, (str, bool, int)):
        return value
    raise TypeError(f"not an AST value: {value!r}")  # pragma: no cover - the AST holds no other


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if not isinstance(value, dict) or len(value) not in (1, 2):
        raise _Invalid(value)
    if "node" in value:
        return _node(value["node"], value["fields"])
    ((tag, body),) = value.items()
    if tag == "tuple" and isinstance(body, list):
        return tuple(_decode(item) for item in body)
    if tag == "dict" and isinstance(body, dict):
        return {str(key): _decode(item) for key, item in body.items()}
    if tag == "decimal" and isinstance(body, str):
        try:
            return Decimal(body)
        except InvalidOperation:
            raise _Invalid(body) from None
    raise _Invalid(value)


def _node(name: Any, fields: Any) -> Any:
    """A node of the AST, each of its fields of the type the AST declares for it."""
    cls = NODES.get(name) if isinstance(name, str) else None
    if cls is None or not isinstance(fields, dict) \
            or set(fields) != {f.name for f in dataclasses.fields(cls)}:
        raise _Invalid(name)
    values = {key: _decode(item) for key, item in fields.items()}
    hints = _hints(cls)
    if not all(_fits(value, hints[key]) for key, value in values.items()):
        raise _Invalid(name)
    return cls(**values)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(ast))


def _fits(value: Any, hint: Any) -> bool:
    """Whether ``value`` is of the type ``hint`` (the few kinds of type the AST declares)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if origin is tuple:
        return isinstance(value, tuple) and all(_fits(item, args[0]) for item in value)
    if origin is dict:
        return isinstance(value, dict) and all(_fits(item, args[1]) for item in value.values())
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(hint, type) and isinstance(value, hint)
