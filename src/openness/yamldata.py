"""YAML reading for the data files and front matter read on every run.

PyYAML's pure-Python loader took about 22 ms for ``taxonomy.yaml`` alone; its LibYAML loader
(the same safe subset, shipped in PyYAML's wheels) takes under 3 ms. Where PyYAML was built
without LibYAML, the pure-Python loader is used.
"""

from __future__ import annotations

from typing import Any

import yaml

_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with LibYAML when available."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader, C or Python
