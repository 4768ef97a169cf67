"""The report of ``openness identify``: per document, the licence, how its wording compares with
the reference, and for a variant the passages added (with what they do) and removed."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from openness.report import Format

if TYPE_CHECKING:
    from openness.identify.declared import Declaration
    from openness.identify.model import IdentifiedDocument, Identification, Properties

SCHEMA = "openness.identify/1"

#: The formats of the report.
FORMATS = (Format.TEXT, Format.JSON)

#: Longest quote shown; the JSON report has them whole.
QUOTE = 240


def render(documents: list[IdentifiedDocument], fmt: Format) -> str:
    """One block per document (text) or entry of ``documents`` (JSON), in input order."""
    if fmt is Format.JSON:
        return json.dumps({"schema": SCHEMA, "documents": [d.to_json() for d in documents]},
                          ensure_ascii=False, indent=2) + "\n"
    return "\n\n".join(_document(d) for d in documents) + "\n"


def _document(document: IdentifiedDocument) -> str:
    if document.error is not None:
        return f"{document.path}\n  error: {document.error}"
    lines = [document.path]
    found = document.license
    if found is not None and (found.known or document.declared is None):
        lines += _licence(found)
    if document.declared is not None:
        lines += _declared(document.declared)
    return "\n".join(lines)


def _licence(found: Identification) -> list[str]:
    from openness.identify.model import Basis, Match

    if not found.known:
        return ["  licence: unknown (no reference text or licence family is close enough)"]
    version = f", version {found.version}" if found.version else ""
    lines = [f"  licence: {found.id} ({found.name}{version})"]
    if found.basis is Basis.SIGNATURE:
        lines.append(f"  match: named by its title and structure ({found.similarity:.0%} of its "
                     "signature); its wording was not compared: no reference text is shipped")
    else:
        lines.append(f"  match: {found.match.value}, similarity {found.similarity:.1%}")
    if found.also:
        lines.append(f"  same text: {', '.join(found.also)}")
    if found.properties is not None:
        lines.append(f"  properties: {_properties(found.properties)}")
    if found.match is Match.VARIANT:
        for passage in found.added:
            where = f"line {passage.line}" + (f", section {passage.section}" if passage.section else "")
            kinds = f" -> {', '.join(passage.findings)}" if passage.findings else ""
            lines.append(f"  + added ({where}){kinds}")
            lines += _quote(passage.quote)
        for passage in found.removed:
            lines.append(f"  - removed (at line {passage.line})")
            lines += _quote(passage.quote)
    return lines


def _declared(declared: Declaration) -> list[str]:
    where = f" (front matter line {declared.line})" if declared.line else " (front matter)"
    lines = [f"  declared: {declared.expression}{where}"]
    for licence in declared.licenses:
        if licence.known:
            props = f": {_properties(licence.properties)}" if licence.properties else ""
            lines.append(f"    {licence.id} ({licence.name}){props}")
    for problem in declared.problems:
        lines.append(f"    unsettled: {problem}")
    return lines


def _properties(properties: Properties) -> str:
    copyleft = {True: "copyleft", False: "not copyleft", None: "copyleft unknown"}[properties.copyleft]
    parts = ["OSI-approved" if properties.osi_approved else "not OSI-approved",
             "FSF free" if properties.fsf_libre else "not on the FSF's free list", copyleft]
    if properties.category:
        parts.append(f"ScanCode category {properties.category}")
    return ", ".join(parts)


def _quote(text: str) -> list[str]:
    shown = text if len(text) <= QUOTE else text[:QUOTE - 1].rstrip() + "…"
    return textwrap.wrap(f"“{shown}”", width=96, initial_indent="      ",
                         subsequent_indent="      ")
