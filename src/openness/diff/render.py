"""One entry point for every diff format; renderer modules load only when chosen."""

from __future__ import annotations

import importlib
import json

from openness.diff.model import Diff

FORMATS = ("text", "json", "markdown", "html")


def render(diff: Diff, fmt: str, *, color: bool = False) -> str:
    """The report of ``diff`` in ``fmt``; ``color`` matters to the text format only."""
    if fmt == "json":
        return json.dumps(diff.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown diff format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"openness.diff.render_{fmt}")
    if fmt == "text":
        return module.render(diff, color=color)
    return module.render(diff)
