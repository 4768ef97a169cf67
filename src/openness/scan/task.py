"""The per-release task every engine runs: analyse one release, return its rows.

A :class:`Job` goes in and a :class:`Rows` comes out, both of plain values, so a process pool
or a Dask worker can carry them; the store is written by the process that submitted the job
(:mod:`openness.scan.store`), never by a worker. Policies are compiled once per worker process.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openness.scan.summary import licence_fields, summary_fields

if TYPE_CHECKING:
    from openness.engine.compiler import CompiledPolicy
    from openness.model import Analysis

#: One row of a table, column -> value (what :mod:`openness.scan.store` writes).
Row = dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class Job:
    """What a worker needs to analyse one release."""

    location: str
    name: str
    revision: str | None
    layout: str
    folder: str
    files: tuple[str, ...]
    digest: str
    policies: tuple[str, ...]
    profile: str | None = None


@dataclass(frozen=True, kw_only=True)
class Rows:
    """A release's rows, one list per table of the store (``docs/scan.md``)."""

    release: Row
    documents: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)
    verdicts: list[Row] = field(default_factory=list)
    #: The release's full HTML report, zlib-compressed.
    report: bytes = b""


def run_job(job: Job) -> Rows:
    """Analyse ``job``'s release. Never raises: a release that cannot be analysed is a row
    whose ``error`` says why, marked ``failed`` so that the next scan tries it again."""
    try:
        return _analysed(job)
    except Exception as exc:  # a bug or a resource limit must not end the scan
        return Rows(release=_release_row(job, error=f"analysis failed: {type(exc).__name__}: {exc}",
                                         failed=True))


def run_jobs(jobs: list[Job]) -> list[Rows]:
    """:func:`run_job` of each of ``jobs``: one task for several releases, where handing out a
    task costs as much as a release takes (a Dask cluster's round trip)."""
    return [run_job(job) for job in jobs]


def _analysed(job: Job) -> Rows:
    from openness.analysis import Release, judge, read_document, readings
    from openness.report import render

    release = Release(subject=job.folder, files=tuple(Path(f) for f in job.files))
    read = [read_document(reading) for reading in readings(release)]
    analysis = judge(release, read, _compiled(job.policies), _profile(job.profile))
    results = [result for result, _ in read]
    licence, per_document = licence_fields(results)
    errors = [f"{_relative(job, r.path)}: {r.error}" for r in results if r.error]
    row = _release_row(job, error="; ".join(errors) or None, failed=False)
    row.update(licence)
    row.update(summary_fields(analysis))
    report = render(analysis, "html", color=False)
    return Rows(
        release=row,
        documents=[_document_row(job, r, per_document.get(r.path, {})) for r in results],
        findings=[_finding_row(job, f) for f in analysis.findings],
        verdicts=_verdict_rows(job, analysis),
        report=zlib.compress(report.encode("utf-8"), 6),
    )


def _release_row(job: Job, *, error: str | None, failed: bool) -> Row:
    return {"location": job.location, "name": job.name, "revision": job.revision,
            "layout": job.layout, "digest": job.digest, "files": len(job.files),
            "error": error, "failed": int(failed)}


def _document_row(job: Job, result: Any, licence: Row) -> Row:
    doc = result.document
    return {"release": job.location, "path": _relative(job, result.path), "role": result.role,
            "sha256": doc.sha256 if doc is not None else None, "error": result.error,
            "license_id": licence.get("id"), "license_match": licence.get("match"),
            "license_similarity": licence.get("similarity")}


def _finding_row(job: Job, finding: Any) -> Row:
    evidence = finding.evidence
    return {"release": job.location, "path": _relative(job, evidence.path), "kind": finding.kind,
            "attributes": json.dumps(dict(finding.attributes), sort_keys=True, ensure_ascii=False),
            "section": evidence.section, "page": evidence.page, "line": evidence.line,
            "quote": evidence.quote}


def _verdict_rows(job: Job, analysis: Analysis) -> list[Row]:
    return [{"release": job.location, "policy": v.policy, "title": v.title,
             "outcome": v.outcome.value,
             "rules": json.dumps([{"id": r.id, "outcome": r.outcome.value, "message": r.message,
                                   "fix": r.fix} for r in v.rules], ensure_ascii=False)}
            for v in analysis.verdicts]


def _relative(job: Job, path: str) -> str:
    """A document's path within its release, which stays the same wherever the release is."""
    try:
        return str(Path(path).relative_to(job.folder))
    except ValueError:
        return path


@cache
def _compiled(policies: tuple[str, ...]) -> list[CompiledPolicy]:
    from openness import dsl, engine

    return [engine.compile(dsl.load(p)) for p in policies]


@cache
def _profile(path: str | None) -> Any:
    from openness.engine.profile import Profile

    return Profile.from_file(path) if path else None
