"""``openness scan``: every model release under some folders, analysed into one results store.

:func:`discover` finds the releases (plain folders, the Hugging Face cache, hub clones);
:func:`scan` analyses those whose documents or settings changed since the store last saw them,
on a process pool or a Dask cluster (:class:`Engine`), and writes one row per release to the
:class:`Store` (SQLite, WAL), whose tables ``docs/scan.md`` documents.
"""

from __future__ import annotations

from openness.scan.discover import FoundRelease, Layout, discover
from openness.scan.engines import Engine
from openness.scan.scanner import DEFAULT_POLICIES, Progress, scan
from openness.scan.store import Store

__all__ = ["DEFAULT_POLICIES", "Engine", "FoundRelease", "Layout", "Progress", "Store",
           "discover", "scan"]
