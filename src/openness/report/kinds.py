"""The report of ``openness kinds``: the taxonomy as a rule author reads it.

The taxonomy ships inside the package; an installed user has no checkout to open
``taxonomy.yaml`` in, so the command prints it: each group with the documents it is read from,
each kind with its title and typed attributes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from openness.report import Format

if TYPE_CHECKING:
    from openness.taxonomy import Kind, Taxonomy

SCHEMA = "openness.kinds/1"

#: The formats of the report.
FORMATS = (Format.TEXT, Format.JSON)


def render(taxonomy: Taxonomy, fmt: Format) -> str:
    if fmt is Format.JSON:
        return json.dumps({"schema": SCHEMA, "groups": [
            {"group": group.name, "title": group.title, "sources": list(group.sources),
             "kinds": [_kind(kind) for kind in taxonomy.kinds.values() if kind.group == group.name]}
            for group in taxonomy.groups.values()]}, indent=2, ensure_ascii=False)
    lines: list[str] = []
    for group in taxonomy.groups.values():
        lines.append(f"{group.name}  {group.title}  (read from: {', '.join(group.sources)})")
        for kind in (k for k in taxonomy.kinds.values() if k.group == group.name):
            lines.append(f"  {kind.name}  {kind.title}")
            for attribute in kind.attributes.values():
                values = f": {', '.join(attribute.values)}" if attribute.values else ""
                lines.append(f"      {attribute.name} ({attribute.type}{values})")
    return "\n".join(lines)


def _kind(kind: Kind) -> dict[str, Any]:
    return {"kind": kind.name, "title": kind.title,
            "attributes": [{"name": a.name, "type": a.type, "values": list(a.values)}
                           for a in kind.attributes.values()]}
