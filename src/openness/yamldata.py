"""YAML reading for the data files and front matter read on every run, and for files others wrote.

PyYAML's pure-Python loader took about 22 ms for ``taxonomy.yaml`` alone; its LibYAML loader
(the same safe subset, shipped in PyYAML's wheels) takes under 3 ms. Where PyYAML was built
without LibYAML, the pure-Python loader is used.

A safe loader runs no code, but a file a user did not write can still hold a "billion laughs":
a few lines of anchors and aliases that stand for billions of values once anything walks them.
:func:`load_untrusted` reads such files (profiles, front matter) only after looking at the node
graph: aliases may add at most :data:`MAX_ALIASED_NODES` nodes, and every key is a plain value.
"""

from __future__ import annotations

from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: How many nodes the aliases of an untrusted file may stand for, all uses together.
MAX_ALIASED_NODES = 1000


class UnsafeYAML(yaml.YAMLError):
    """Well-formed YAML that openness will not read: too much behind its aliases, a key that is
    a list or a mapping, or a value that is not what its type says."""


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with LibYAML when available (for openness's own data files)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python


def load_untrusted(text: str) -> Any:
    """:func:`safe_load` of a file from elsewhere; raises :class:`yaml.YAMLError` (an
    :class:`UnsafeYAML` with a sentence to show) for what it refuses."""
    # the pure-Python loader: LibYAML's composer recurses in C, and deep nesting crashes the
    # process there instead of raising RecursionError
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise UnsafeYAML("it nests too deeply") from None
    if node is not None:
        _check(node)
    try:
        return yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - the safe loader
    except (ValueError, LookupError, AttributeError, TypeError) as exc:
        # PyYAML's constructors let these out for a scalar they cannot make into its type:
        # "2001-13-45" (a date by its look), "!!int _", "!!bool x", "!!timestamp x"
        raise UnsafeYAML(f"a value cannot be read as its type ({exc})") from None


def _check(root: yaml.Node) -> None:
    """Walk the node graph as a reader would, aliases expanded, within the bound; with a list
    rather than recursion, so that depth costs nothing."""
    seen: set[int] = set()
    aliased = 0
    todo: list[tuple[yaml.Node, bool]] = [(root, False)]
    while todo:
        node, repeated = todo.pop()
        repeated = repeated or id(node) in seen
        if repeated:
            aliased += 1
            if aliased > MAX_ALIASED_NODES:
                raise UnsafeYAML(f"its aliases stand for more than {MAX_ALIASED_NODES} values "
                                 "(a \"billion laughs\"); write the values out")
        else:
            seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    raise UnsafeYAML(f"line {key.start_mark.line + 1}: a key must be a plain value, "
                                     "not a list or a mapping")
                todo.append((value, repeated))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, repeated) for item in node.value)
