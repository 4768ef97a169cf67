"""The machine report: ``Analysis.to_json()`` as one JSON object (schema ``openness.analysis/1``).

The shape is the contract in ``json-output.md``; ``schemas/analysis.schema.json`` states it for
validators.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openness.model import Analysis


def render(analysis: Analysis, *, color: bool = False, show_passing: bool = False) -> str:
    """Colour and folding do not apply: a machine reads every rule."""
    return json.dumps(analysis.to_json(), indent=2, ensure_ascii=False) + "\n"
