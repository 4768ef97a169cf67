"""What a release's row depends on, as one digest: the bytes of its documents and the settings
that judged them. A re-scan analyses a release again only when this digest changed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Sequence

from openness import __version__


def file_digest(path: str | Path) -> str | None:
    """SHA-256 of a file's bytes (what :class:`~openness.model.Document` records), ``None``
    when it cannot be read: the analysis then reports the problem."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def settings_key(policies: Sequence[str], profile: str | None) -> str:
    """The settings a verdict depends on: openness's version (built-in packs and extractor),
    each policy by name and the bytes of its rule file, and the profile's bytes. Policies
    must have loaded (:func:`openness.dsl.load`) before: an unknown name raises here."""
    from openness.dsl.loader import resolve_name

    parts: list[object] = [__version__]
    for policy in policies:
        parts.append([policy, file_digest(resolve_name(policy))])
    parts.append(file_digest(profile) if profile else None)
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def release_digest(folder: str, files: Sequence[str], settings: str) -> str:
    """The digest of a release: its settings and, per document, its name in the release and
    the digest of its bytes."""
    entries = [[str(Path(f).relative_to(folder)), file_digest(f)] for f in files]
    return hashlib.sha256(json.dumps([settings, entries]).encode()).hexdigest()
