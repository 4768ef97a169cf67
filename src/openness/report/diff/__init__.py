"""The diff reports: one renderer per format, each loaded only when its format is chosen.

The sentences every format shares are in :mod:`openness.report.diff.summary`.
"""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING

from openness.report import Format

if TYPE_CHECKING:
    from openness.diff.model import Diff

#: The formats a diff is written in.
FORMATS = (Format.TEXT, Format.JSON, Format.MARKDOWN, Format.HTML)


def render(diff: Diff, fmt: Format | str, *, color: bool = False) -> str:
    """The report of ``diff`` in ``fmt``; ``color`` matters to the text format only."""
    fmt = Format(fmt)
    if fmt not in FORMATS:
        raise ValueError(f"a diff is not written as {fmt}; choose one of {', '.join(FORMATS)}")
    if fmt is Format.JSON:
        return json.dumps(diff.to_json(), ensure_ascii=False, indent=2) + "\n"
    module = importlib.import_module(f"{__name__}.{fmt.value}")
    if fmt is Format.TEXT:
        return module.render(diff, color=color)
    return module.render(diff)
