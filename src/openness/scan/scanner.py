"""The ``scan`` job: find the releases, analyse those that changed, keep the rows.

The process that calls :func:`scan` owns the store: it hashes each release's documents, skips
those whose digest the store already holds, hands the rest to an engine and writes each
release's rows as they come back, one transaction per release. A scan that is killed keeps
every release written; the next one starts with what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from openness.scan.discover import FoundRelease, discover
from openness.scan.engines import Engine, run
from openness.scan.fingerprint import release_digest, settings_key
from openness.scan.store import Store
from openness.scan.task import Job, Rows

#: The policies a scan judges when none is named: the analysis's defaults and the MOF, whose
#: class is a column of every row.
DEFAULT_POLICIES = ("osd", "osaid-1.0", "mof")


@dataclass(kw_only=True)
class Progress:
    """What a scan has done so far, handed to the observer after every release."""

    total: int = 0
    done: int = 0
    #: Releases whose digest the store already held: not analysed again.
    unchanged: int = 0
    errors: int = 0
    #: Locations of every release found, in the order found.
    found: list[str] = field(default_factory=list)


#: Called after discovery and after each release: (progress, rows of the release or None).
Observer = Callable[[Progress, Rows | None], None]


def scan(paths: Sequence[str | Path], store: Store, *, policies: Sequence[str] = DEFAULT_POLICIES,
         profile: str | None = None, engine: Engine = Engine.LOCAL, workers: int = 1,
         scheduler: str | None = None, observer: Observer | None = None) -> Progress:
    """Scan ``paths`` into ``store``; returns what was done.

    Rule files are loaded first, so a bad one raises :class:`~openness.errors.RuleError`
    before any release is read. Releases under ``paths`` that the store holds but that are
    gone from disk are removed once the scan is complete.
    """
    from openness import dsl

    for policy in policies:
        dsl.load(policy)
    settings = settings_key(policies, profile)
    known = store.digests()
    progress = Progress()
    jobs = []
    for found in discover(paths):
        progress.found.append(found.location)
        digest = release_digest(found.folder, found.files, settings)
        if known.get(found.location) == digest:
            progress.unchanged += 1
        else:
            jobs.append(_job(found, digest, policies, profile))
    if jobs:
        _prepare_references()
    progress.total = len(progress.found)
    progress.done = progress.unchanged
    if observer:
        observer(progress, None)
    for rows in run(iter(jobs), engine=engine, workers=workers, scheduler=scheduler):
        store.write(rows)
        progress.done += 1
        progress.errors += bool(rows.release["error"])
        if observer:
            observer(progress, rows)
    store.prune([str(p) for p in paths], set(progress.found))
    return progress


def _prepare_references() -> None:
    """Build the licence reference index here, once, before workers open it: each worker
    building its own would race for the same file (and a broken install is one error here)."""
    from openness.identify.identification import reference_index

    reference_index()


def _job(found: FoundRelease, digest: str, policies: Sequence[str], profile: str | None) -> Job:
    return Job(location=found.location, name=found.name, revision=found.revision,
               layout=found.layout.value, folder=found.folder, files=found.files, digest=digest,
               policies=tuple(policies),
               profile=str(Path(profile).resolve()) if profile else None)

