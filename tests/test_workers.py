"""Forked workers: same results in the same order as running here, and a dead worker is survived."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from openness.analysis import analyze
from openness.diff import diff
from openness import analysis, workers
from openness.workers import CRASHED, ReadAhead, Worker, WorkerGone, shared, usable

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"


def tagged(job: int) -> tuple[int, int]:
    """The job and the process that ran it."""
    return job, os.getpid()


HERE = os.getpid()


def dies_on_three(job: int) -> tuple[int, int]:
    if job == 3 and os.getpid() != HERE:
        os._exit(1)  # as a crash in native code would: no exception, no answer
    return tagged(job)


def fails_on_two(job: int) -> int:
    if job == 2:
        raise ValueError("job two is broken")
    return job


def crashed(job: int, problem: str) -> tuple[int, int]:
    assert problem == CRASHED
    return job, -1


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked on a one-core machine too, so that these tests exercise them."""
    monkeypatch.setattr(workers, "_cores", lambda: 2)


def test_no_worker_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    assert usable()
    monkeypatch.setattr(workers, "_cores", lambda: 1)
    assert not usable()
    with ReadAhead(tagged, range(2), failed=crashed, worker=True) as ahead:
        assert not ahead.parallel


def test_read_ahead_runs_every_job_in_order_in_one_other_process() -> None:
    with ReadAhead(tagged, range(6), failed=crashed, worker=True) as ahead:
        assert ahead.parallel
        results = list(ahead)
    assert [job for job, _ in results] == list(range(6))
    assert len({pid for _, pid in results}) == 1
    assert results[0][1] != os.getpid()


def test_read_ahead_without_a_worker_runs_here() -> None:
    with ReadAhead(tagged, range(3), failed=crashed, worker=False) as ahead:
        assert not ahead.parallel
        assert list(ahead) == [(0, os.getpid()), (1, os.getpid()), (2, os.getpid())]


def test_read_ahead_reports_the_job_that_ended_the_worker_and_runs_the_rest_here() -> None:
    with ReadAhead(dies_on_three, range(6), failed=crashed, worker=True) as ahead:
        results = list(ahead)
    assert [job for job, _ in results] == list(range(6))
    assert results[3] == (3, -1)  # not run again here: it may crash this process too
    assert all(pid != os.getpid() for _, pid in results[:3])
    assert results[4:] == [(4, os.getpid()), (5, os.getpid())]


def test_an_exception_in_the_worker_is_raised_here_with_its_traceback() -> None:
    with ReadAhead(fails_on_two, range(4), failed=crashed, worker=True) as ahead:
        results = iter(ahead)
        assert [next(results), next(results)] == [0, 1]
        with pytest.raises(RuntimeError, match="(?s)a worker process failed:.*job two is broken"):
            next(results)


def test_leaving_read_ahead_ends_the_worker() -> None:
    ahead = ReadAhead(tagged, range(100), failed=crashed, worker=True)
    with ahead:
        next(iter(ahead))
        process = ahead._worker._process  # type: ignore[union-attr]
    assert not process.is_alive()


def test_no_worker_while_another_thread_runs() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not usable()
        with ReadAhead(tagged, range(2), failed=crashed, worker=True) as ahead:
            assert not ahead.parallel
        assert {pid for _, pid in shared(tagged, range(4), worker=True)} == {os.getpid()}
    finally:
        release.set()
        thread.join()


def test_shared_runs_every_second_job_in_a_worker_in_order() -> None:
    results = list(shared(tagged, iter(range(7)), worker=True))
    assert [job for job, _ in results] == list(range(7))
    here = [pid == os.getpid() for _, pid in results]
    assert here == [True, False, True, False, True, False, True]


def test_shared_runs_the_job_again_and_the_rest_here_once_the_worker_is_gone() -> None:
    results = list(shared(dies_on_three, range(8), worker=True))
    assert [job for job, _ in results] == list(range(8))
    assert [pid == os.getpid() for _, pid in results] == [True, False, True, True] + [True] * 4


def test_shared_forks_no_worker_for_a_single_job() -> None:
    assert list(shared(tagged, [5], worker=True)) == [(5, os.getpid())]


def test_a_worker_ends_when_this_process_lets_go_of_the_pipe() -> None:
    worker: Worker[int, tuple[int, int]] = Worker(tagged)
    worker.send(1)
    assert worker.receive()[0] == 1
    worker._connection.close()  # as when this process is killed: no goodbye, only the pipe
    worker._process.join(timeout=10)
    assert worker._process.exitcode == 0


def test_a_worker_that_was_killed_is_gone() -> None:
    worker: Worker[int, tuple[int, int]] = Worker(tagged)
    worker._process.kill()
    worker.send(1)
    with pytest.raises(WorkerGone):
        worker.receive()
    worker.close()


def test_analysis_with_workers_is_the_same() -> None:
    releases = sorted(str(p) for p in (CORPORA / "releases").iterdir() if p.is_dir())
    releases.append(str(CORPORA / "pdf" / "harbor-research-2.0.pdf"))
    alone = analyze(releases, policies=["osd", "osaid-1.0", "mof"])
    helped = analyze(releases, policies=["osd", "osaid-1.0", "mof"], parallel=True)
    assert json.dumps(helped.to_json()) == json.dumps(alone.to_json())


@pytest.mark.parametrize("old, new", [
    ("licences/kestrel-community-1.0.txt", "releases/kestrel-3/LICENSE"),
    ("releases/kestrel-3", "releases/vela-lm-7b"),
])
def test_diff_with_workers_is_the_same(old: str, new: str) -> None:
    alone = diff(CORPORA / old, CORPORA / new)
    helped = diff(CORPORA / old, CORPORA / new, parallel=True)
    assert helped.changes and helped.text_changes
    assert json.dumps(helped.to_json()) == json.dumps(alone.to_json())


def test_a_file_that_ends_the_reading_worker_is_reported_and_the_rest_analysed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = str(CORPORA / "pdf" / "harbor-research-2.0.pdf")
    licence = str(CORPORA / "licences" / "northwind-permissive-1.0.txt")
    read_text = analysis.read_text

    def crashing(reading: analysis.Reading) -> analysis.DocumentResult:
        if reading.path == pdf and os.getpid() != HERE:
            os._exit(1)
        return read_text(reading)

    monkeypatch.setattr(analysis, "read_text", crashing)
    result = analyze([pdf, licence], policies=["osd"], parallel=True)
    assert [(r.path, r.error) for r in result.errors] == [(pdf, CRASHED)]
    assert [v.subject for v in result.verdicts] == [licence]
