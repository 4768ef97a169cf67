"""The one reader of the JSON Lines data files shipped in the package: the extractor's cue
patterns and clause rules, the disclosure patterns, the tokenizer's abbreviations.

Each non-blank line is one JSON object; a line that is not names its file and line number, so
that whoever edits a pattern file sees where it broke.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from openness.errors import OpennessError


def read_objects(resource: Traversable, shown_as: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each object of the JSON Lines file ``resource`` with where it stands (``shown_as:LINE``)."""
    for number, line in enumerate(resource.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{shown_as}:{number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise OpennessError(f"{source}: not JSON: {exc.msg}") from None
        if not isinstance(value, dict):
            raise OpennessError(f"{source}: not a JSON object")
        yield source, value


def package_file(package: str, path: str) -> Traversable:
    """The data file ``path`` of ``package`` (a folder inside it, or a wheel's)."""
    return resources.files(package).joinpath(path)
