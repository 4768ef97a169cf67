"""Forked workers: same results in the same order as running here, and a dead worker is survived."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from openness import workers
from openness.analysis import Extractor, Reading, analyze, read_findings, read_text
from openness.diff import diff
from openness.workers import Worker, WorkerGone, shared, usable

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
HERE = os.getpid()
PREPARED: list[int] = []


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers are forked on a one-core machine too, so that these tests exercise them."""
    monkeypatch.setattr(workers, "_cores", lambda: 2)


def tagged(job: int) -> tuple[int, int]:
    """The job and the process that ran it."""
    return job, os.getpid()


def prepare() -> None:
    PREPARED.append(os.getpid())


def prepared(job: int) -> list[int]:
    return PREPARED


def dies_on_three(job: int) -> tuple[int, int]:
    if job == 3 and os.getpid() != HERE:
        os._exit(1)  # as a crash in native code would: no exception, no answer
    return tagged(job)


def fails_on_two(job: int) -> int:
    if job == 2:
        raise ValueError("job two is broken")
    return job


def cannot_prepare() -> None:
    raise ImportError("no spaCy here")


def tagged_shared(jobs: list[int]) -> list[tuple[int, int]]:
    return list(shared(tagged, jobs, worker=True))


def ask(worker: Worker, job: object) -> object:
    worker.send(job)
    return worker.receive()


def test_a_worker_prepares_once_then_answers_each_job_in_another_process() -> None:
    worker: Worker = Worker(prepared, prepare=prepare)
    try:
        first, second = ask(worker, 1), ask(worker, 2)
    finally:
        worker.close()
    assert first == second == [worker._process.pid]
    assert worker._process.pid != HERE and PREPARED == []


def test_an_exception_in_the_worker_is_raised_here_with_its_traceback() -> None:
    worker: Worker = Worker(fails_on_two)
    try:
        assert ask(worker, 1) == 1
        with pytest.raises(RuntimeError, match="(?s)a worker process failed:.*job two is broken"):
            ask(worker, 2)
        assert ask(worker, 3) == 3
    finally:
        worker.close()


def test_a_worker_that_could_not_prepare_says_why_for_every_job() -> None:
    worker: Worker = Worker(tagged, prepare=cannot_prepare)
    try:
        for job in (1, 2):
            with pytest.raises(RuntimeError, match="(?s)ImportError: no spaCy here"):
                ask(worker, job)
    finally:
        worker.close()


def test_a_worker_that_was_killed_is_gone() -> None:
    worker: Worker = Worker(tagged)
    worker._process.kill()
    worker._process.join()
    with pytest.raises(WorkerGone):
        worker.send(1)
        worker.receive()
    worker.close()


def test_a_worker_ends_when_this_process_lets_go_of_the_pipe() -> None:
    worker: Worker = Worker(tagged)
    assert ask(worker, 1) == (1, worker._process.pid)
    worker._connection.close()  # as when this process is killed: no goodbye, only the pipe
    worker._process.join(timeout=10)
    assert worker._process.exitcode == 0


def test_shared_runs_every_second_job_in_a_worker_in_order() -> None:
    results = list(shared(tagged, iter(range(7)), worker=True))
    assert [job for job, _ in results] == list(range(7))
    here = [pid == HERE for _, pid in results]
    assert here == [True, False, True, False, True, False, True]


def test_shared_runs_the_job_again_and_the_rest_here_once_the_worker_is_gone() -> None:
    results = list(shared(dies_on_three, range(8), worker=True))
    assert [job for job, _ in results] == list(range(8))
    assert [pid == HERE for _, pid in results] == [True, False, True, True] + [True] * 4


def test_shared_forks_no_worker_for_a_single_job() -> None:
    assert list(shared(tagged, [5], worker=True)) == [(5, HERE)]


def test_a_worker_shares_its_jobs_with_a_worker_of_its_own() -> None:
    worker: Worker = Worker(tagged_shared)
    try:
        results = ask(worker, [0, 1, 2, 3])
    finally:
        worker.close()
    assert [job for job, _ in results] == [0, 1, 2, 3]  # type: ignore[union-attr]
    pids = [pid for _, pid in results]  # type: ignore[union-attr]
    assert pids[0] == pids[2] == worker._process.pid
    assert pids[1] == pids[3] not in (HERE, worker._process.pid)


def test_no_worker_while_another_thread_runs() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not usable()
        assert {pid for _, pid in shared(tagged, range(4), worker=True)} == {HERE}
    finally:
        release.set()
        thread.join()


def test_no_worker_on_one_core(monkeypatch: pytest.MonkeyPatch) -> None:
    assert usable()
    monkeypatch.setattr(workers, "_cores", lambda: 1)
    assert not usable()


def test_the_extractor_extracts_here_when_its_worker_is_gone() -> None:
    reading = Reading(str(CORPORA / "licences" / "kestrel-community-1.0.txt"), "kestrel", alone=True)
    text = read_text(reading)
    with Extractor([reading], parallel=True) as extractor:
        assert extractor._worker is not None
        extractor._worker._process.kill()
        extractor._worker._process.join()
        ((result, findings),) = extractor.extracted([text])
    notes, expected = read_findings(text)
    assert findings == expected and findings
    assert result.notes == notes


def test_no_extractor_worker_for_model_cards_alone() -> None:
    card = Reading(str(CORPORA / "model-cards" / "harbor-vision-card.md"), "card", role="model_card")
    with Extractor([card], parallel=True) as extractor:
        assert extractor._worker is None


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
