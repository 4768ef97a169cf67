"""Reports: every text the commands write, in every format, is made here.

:func:`render` turns an :class:`~openness.model.Analysis` into a report, one module per
:class:`Format`; :mod:`openness.report.diff` does the same for a diff, :mod:`.scan` for a scan's table, and :mod:`.rules`,
:mod:`.explain`, :mod:`.clauses`, :mod:`.sections` and :mod:`.evaluation` for the other
commands. Renderer modules are imported only when their format is chosen, so that ``--format
json`` does not pay for rich and no renderer's dependencies leak into the stages upstream.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from importlib.resources import files
from json import loads  # not `import json`: the submodule openness.report.json takes that name
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openness.model import Analysis


class Format(StrEnum):
    """The report formats of every command; the value is what ``--format`` takes. Each command
    writes some of them (an analysis the first five, a diff all those but SARIF, a list of rules
    text and JSON, a scan text, JSON, JSON Lines, CSV and HTML)."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"
    HTML = "html"
    #: One row per line: the tables of ``openness scan``.
    CSV = "csv"
    JSONL = "jsonl"


def render(analysis: Analysis, fmt: Format | str, *, color: bool, show_passing: bool = False,
           base: str | None = None) -> str:
    """The report of ``analysis`` in ``fmt``.

    ``color`` matters to the text report only (the CLI turns it off under ``NO_COLOR`` and when
    stdout is not a terminal); ``show_passing`` lists passing rules one by one where a report
    would otherwise fold them into a count; ``base`` is the folder SARIF's paths are relative to
    (the current one by default), since code scanning resolves them against the repository.
    """
    fmt = Format(fmt)
    renderer = importlib.import_module(f"{__name__}.{fmt.value}")
    options = {"base": base} if fmt is Format.SARIF else {}
    report: str = renderer.render(analysis, color=color, show_passing=show_passing, **options)
    return report


def schema(name: str = "analysis") -> dict[str, Any]:
    """The JSON Schema of one ``--format json`` output, named as its ``schema`` string is
    (``openness.rules-check/1`` -> ``rules-check``): analysis, clauses, sections, diff,
    identify, kinds, explain, rules-list, rules-check, rules-test, eval or scan.

    Shipped in the package so that consumers can validate what they read; schemas refer to
    each other's ``$defs`` by relative ``$ref`` against their ``$id``.
    """
    text = files(__name__).joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = loads(text)
    return loaded


__all__ = ["Format", "render", "schema"]
