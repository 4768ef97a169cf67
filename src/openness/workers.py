"""Work done in a forked worker process while this one goes on: the command line's second core.

A fresh ``openness`` process spends about a second importing spaCy and building its pipeline
before it can extract a finding, while reading the files (PDF text, running heads, sections),
loading the policies and comparing two versions' texts need none of that. A :class:`Worker`
forked at the start loads the extractor (its ``prepare``) while this process does the rest, then
extracts the documents it is sent, every second one in a worker of its own (:func:`shared`), so
that two documents are extracted at once.

Whoever calls opts in (the command line does; the library's functions do not unless asked, so
a program embedding openness gets no processes it did not ask for), and a worker is only
forked where that is possible and safe: ``fork`` available, more than one core, and no other
thread running (a fork copies only the calling thread, so a lock another thread held would stay
locked in the worker). Anywhere else the same work is done here, in the same order.

A worker is a plain forked process answering over a pipe, one job at a time, not a process
pool: a pool keeps a thread in the process that owns it, which would rule out the next fork.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
import weakref
from multiprocessing.connection import Connection
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


def usable() -> bool:
    """Whether a forked worker can run beside this process (see the module's docstring)."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and _cores() > 1
            and threading.active_count() == 1)


def _cores() -> int:
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


class WorkerGone(Exception):
    """The worker process ended without answering (killed, or crashed in native code)."""


class Worker(Generic[Job, Result]):
    """A forked process that runs ``prepare()`` once, then ``run`` on each job it is sent.

    Send a job, then receive its answer before sending the next: a job and an answer both larger
    than the pipe's buffer would otherwise leave each process waiting for the other. A job that
    raises in the worker (or a ``prepare`` that did) raises ``RuntimeError`` here with the
    worker's traceback: ``run`` should turn a file's problems into its result, so that is a bug.
    """

    def __init__(self, run: Callable[[Job], Result], *,
                 prepare: Callable[[], object] | None = None) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        # Not a daemon, which could not fork a worker of its own (see shared); it ends when
        # this process lets go of the pipe (close, or this object collected, or exit).
        self._process = context.Process(target=_serve,
                                        args=(run, prepare, theirs, self._connection))
        self._process.start()
        theirs.close()
        weakref.finalize(self, self._connection.close)

    def send(self, job: Job) -> None:
        try:
            self._connection.send(job)
        except (BrokenPipeError, ConnectionResetError):
            raise WorkerGone() from None

    def receive(self) -> Result:
        """The answer to the oldest job not answered yet."""
        try:
            failed, value = self._connection.recv()
        except (EOFError, ConnectionError):
            raise WorkerGone() from None
        if failed:
            raise RuntimeError(f"a worker process failed:\n{value}")
        return value

    def close(self) -> None:
        """End the worker, whatever it is doing."""
        self._connection.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()


def _serve(run: Callable[[Any], Any], prepare: Callable[[], object] | None,
           connection: Connection, ours: Connection) -> None:
    # The fork copied this process's end of the pipe too: closed here, so that the worker
    # reads the end of its input, and exits, when this process goes, even if it is killed.
    ours.close()
    try:
        unprepared = None
        if prepare is not None:
            try:
                prepare()
            except Exception:
                unprepared = traceback.format_exc()
        while True:
            job = connection.recv()
            connection.send((True, unprepared) if unprepared else _answer(run, job))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return  # this process is done with the worker, or the user pressed Ctrl-C


def _answer(run: Callable[[Any], Any], job: Any) -> tuple[bool, Any]:
    try:
        return False, run(job)
    except Exception:
        return True, traceback.format_exc()


def shared(run: Callable[[Job], Result], jobs: Iterable[Job], *, worker: bool
           ) -> Iterator[Result]:
    """``run(job)`` for each job, in order, every second job run by a worker (forked when a
    second job comes) if ``worker`` is true and :func:`usable` agrees; ``run`` and the jobs
    picklable. A job whose run ends the worker (killed, say, for memory) is run again here, and
    so are the rest: what this serves, the extractor, does not crash the way a PDF reader may."""
    pending = iter(jobs)
    helper: Worker[Job, Result] | None = None
    try:
        for job in pending:
            other = next(pending, _END)
            if other is _END:
                yield run(job)
                return
            if worker and usable():
                helper = Worker(run)
            worker = False  # one worker at most, and none again once it is gone
            asked = helper is not None and _sent(helper, other)
            yield run(job)
            answer = _received(helper) if asked else _END  # type: ignore[arg-type]
            if answer is _END:
                if helper is not None:
                    helper.close()
                    helper = None
                answer = run(other)
            yield answer
    finally:
        if helper is not None:
            helper.close()


def _sent(worker: Worker[Job, Any], job: Job) -> bool:
    try:
        worker.send(job)
    except WorkerGone:
        return False
    return True


def _received(worker: Worker[Any, Result]) -> Result:
    """The worker's answer, or ``_END`` if it is gone."""
    try:
        return worker.receive()
    except WorkerGone:
        return _END


#: Marks the end of the jobs, and an answer that never came.
_END: Any = object()
