"""Where openness keeps what it works out once for later runs: checked policies
(:mod:`openness.dsl.cache`) and the licence reference index (:mod:`openness.identify.reference`).

One folder for both, so that a user or a CI job has one place to move or clear: the platform's
user cache folder (platformdirs), or ``$OPENNESS_CACHE_DIR`` when set. Everything in it is
rebuilt when missing, so deleting it is always safe.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variable that moves the cache folder.
ENVIRONMENT = "OPENNESS_CACHE_DIR"


def cache_folder() -> Path | None:
    """The cache folder, or ``None`` when the account has none (no home folder)."""
    override = os.environ.get(ENVIRONMENT)
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    try:
        return user_cache_path("openness", appauthor=False)
    except (OSError, RuntimeError):  # no home folder
        return None
