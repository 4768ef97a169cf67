"""Work done in a forked worker process while this one goes on: the command line's second core.

A fresh ``openness`` process spends about a second importing spaCy and building its pipeline
before it can extract a finding, while reading and segmenting the files (PDF text, running
heads, sections) needs none of that and is mostly time inside pdfium. :class:`ReadAhead` has a
worker, forked before spaCy's import, read the files meanwhile, in order, handing each back as
soon as it is read. Once the extractor is loaded, :func:`shared` gives every second document to
a worker forked then, so two documents are extracted at once.

Whoever calls opts in (the command line does; the library's functions do not unless asked, so
a program embedding openness gets no processes it did not ask for), and a worker is only
forked where that is possible and safe: ``fork`` available, more than one core, and no other
thread running (a fork copies only the calling thread, so a lock another thread held would stay
locked in the worker). Anywhere else the same work is done here, in the same order.

A worker is a plain forked process answering over a pipe, not a process pool: a pool keeps a
thread in this process, which would rule out forking the second worker.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import traceback
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any, Callable, Generic, Iterable, Iterator, Sequence, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")

#: What a job whose run ended the worker is reported as (pdfium crashing on a broken PDF).
CRASHED = "the document reader stopped unexpectedly on this file"


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
    """A forked process that runs ``run`` on ``jobs``, then on each job it is sent, and
    answers each in order. A job that raises in the worker raises ``RuntimeError`` here with
    the worker's traceback (a bug: ``run`` should turn a file's problems into its result)."""

    def __init__(self, run: Callable[[Job], Result], jobs: Sequence[Job] = ()) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_serve,
                                        args=(run, list(jobs), theirs, self._connection),
                                        daemon=True)
        self._process.start()
        theirs.close()

    def send(self, job: Job) -> None:
        self._connection.send(job)

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


def _serve(run: Callable[[Any], Any], jobs: list[Any], connection: Connection,
           ours: Connection) -> None:
    # The fork copied this process's end of the pipe too: closed here, so that the worker
    # reads the end of its input, and exits, when this process goes, even if it is killed.
    ours.close()
    try:
        for job in jobs:
            _answer(run, job, connection)
        while True:
            _answer(run, connection.recv(), connection)
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        return  # this process is done with the worker, or the user pressed Ctrl-C


def _answer(run: Callable[[Any], Any], job: Any, connection: Connection) -> None:
    try:
        answer = (False, run(job))
    except Exception:
        answer = (True, traceback.format_exc())
    connection.send(answer)


class ReadAhead(Generic[Job, Result]):
    """The results of ``run(job)`` for each job, in order, worked out ahead in a worker when
    ``worker`` is true and :func:`usable` agrees.

    ``run`` and the jobs must be picklable (a module-level function, plain values).
    ``failed(job, problem)`` makes the result of a job whose run ended the worker; the jobs
    after it are then run here. Use as a context manager: leaving it ends the worker.
    """

    def __init__(self, run: Callable[[Job], Result], jobs: Sequence[Job], *,
                 failed: Callable[[Job, str], Result], worker: bool) -> None:
        self._run = run
        self._jobs = list(jobs)
        self._failed = failed
        self._worker = Worker(run, self._jobs) if self._jobs and worker and usable() else None

    @property
    def parallel(self) -> bool:
        """Whether a worker is running the jobs while this process goes on."""
        return self._worker is not None

    def __iter__(self) -> Iterator[Result]:
        if self._worker is None:
            yield from map(self._run, self._jobs)
            return
        for index, job in enumerate(self._jobs):
            try:
                result = self._worker.receive()
            except WorkerGone:
                self.close()
                yield self._failed(job, CRASHED)
                yield from map(self._run, self._jobs[index + 1:])
                return
            yield result

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None

    def __enter__(self) -> "ReadAhead[Job, Result]":
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


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
            if other is not _END and helper is None and worker and usable():
                helper = Worker(run)
            worker = False  # one worker at most, and none again once it is gone
            if other is not _END and helper is not None:
                helper.send(other)
            yield run(job)
            if other is _END:
                return
            if helper is None:
                yield run(other)
                continue
            try:
                result = helper.receive()
            except WorkerGone:
                helper.close()
                helper = None
                result = run(other)
            yield result
    finally:
        if helper is not None:
            helper.close()


_END: Any = object()
