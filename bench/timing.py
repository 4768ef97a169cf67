"""What the benchmark scripts share: the median wall time of several runs."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``work``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
