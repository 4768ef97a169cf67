"""Pausing Python's cycle collector while a policy is built.

Reading and compiling a policy of a few hundred rules allocates tens of thousands of small
objects that all stay alive (the tree, its locations, the compiled closures). Each batch of
allocations sets off the cycle collector, which then walks every object of the process, and
on a policy of 200 rules that walking cost about a third of the build. Nothing built here
needs collecting before the build ends, so the collector waits until then.

What was built is long-lived, so at the end it goes straight to the oldest generation
(``gc.freeze()`` then ``gc.unfreeze()``, which the documentation defines as moving every tracked
object there) instead of being walked by the young generations' collections on its way. This is
skipped when the program has frozen objects of its own, which ``unfreeze`` would release.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold off the cycle collector for the block (a no-op when it is already off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
