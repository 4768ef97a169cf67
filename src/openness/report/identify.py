"""The report of ``openness identify``: per document, the licence, how its wording compares with
the reference, and for a variant the passages added (with what they do) and removed."""

from __future__ import annotations

import json
import textwrap
from typing import Callable, TYPE_CHECKING

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


def name(found: Identification) -> str:
    """The licence in a few words: ``MIT (MIT License)``, ``unknown``."""
    if not found.known:
        return "unknown (no reference text or licence family is close enough)"
    version = f", version {found.version}" if found.version else ""
    return f"{found.id} ({found.name}{version})"


def match(found: Identification) -> str:
    """How the identification was made and how close the wording is, in one clause."""
    from openness.identify.model import Basis

    if found.basis is Basis.SIGNATURE:
        return (f"{found.match.value}, named by its title and structure ({found.similarity:.0%} "
                "of its signature); its wording was not compared: no reference text is shipped")
    return f"{found.match.value}, similarity {found.similarity:.1%}"


def summary(found: Identification) -> str:
    """One line for the reports of ``analyze``: the licence, the match, and a variant's edits."""
    if not found.known:
        return name(found)
    edits = (f"; {len(found.added)} passage(s) added, {len(found.removed)} removed"
             if found.added or found.removed else "")
    return f"{name(found)}: {match(found)}{edits}"


def passages(found: Identification, cited: Callable[[int], str] = lambda line: "") -> list[tuple[str, str]]:
    """A variant's edits as (heading, quote): ``+ added (line 12, section 2) -> kinds``.

    ``cited`` gives, for an added passage's line, how the report already cites that clause
    ("see [3]"); the passage then refers to it instead of quoting it a second time."""
    lines = []
    for passage in found.added:
        where = f"line {passage.line}" + (f", section {passage.section}" if passage.section else "")
        kinds = f" -> {', '.join(passage.findings)}" if passage.findings else ""
        if passage.expected:
            lines.append((f"~ changed figure ({where}){kinds}; the family's text sets "
                          f"{passage.expected}", cited(passage.line) or passage.quote))
        else:
            lines.append((f"+ added ({where}){kinds}", cited(passage.line) or passage.quote))
    for passage in found.removed:
        lines.append((f"- removed (at line {passage.line})", passage.quote))
    return lines


def shortened(text: str) -> str:
    """A quote cut to :data:`QUOTE` characters."""
    return text if len(text) <= QUOTE else text[:QUOTE - 1].rstrip() + "…"


def _licence(found: Identification) -> list[str]:
    if not found.known:
        return [f"  licence: {name(found)}"]
    lines = [f"  licence: {name(found)}", f"  match: {match(found)}"]
    if found.also:
        lines.append(f"  same text: {', '.join(found.also)}")
    if found.properties is not None:
        lines.append(f"  properties: {_properties(found.properties)}")
    for heading, quote in passages(found):
        lines.append(f"  {heading}")
        lines += _quote(quote)
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
    return textwrap.wrap(f"“{shortened(text)}”", width=96, initial_indent="      ",
                         subsequent_indent="      ")
