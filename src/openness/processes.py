"""The one process pool of openness: for ``analyze --jobs`` and ``scan --engine local``."""

from __future__ import annotations

from concurrent.futures import Executor
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def process_pool(workers: int) -> Iterator[Executor]:
    """A pool of ``workers`` processes started by a fork server, not forked from this process:
    a progress bar runs a thread here, and a process forked while another thread holds a lock
    may hang."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as executor:
        yield executor
