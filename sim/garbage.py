"""How a run of the engine asks Python's cyclic garbage collector to look less often.

A run allocates a few container objects per event (heap entries, timeouts, their callback
lists, jobs), nearly all freed by reference counting a moment later, and keeps a few dozen per
guest for good (the guest, its phase records, its process). At CPython's default first
threshold (700 allocations) the collector then runs every few dozen events, each time
re-examining every young object still alive, and promotes thousands of them only to examine
them again in the older generations: a sixth of a 10,000-container start
(benchmarks/scale.py). A higher first threshold lets most of them die before a collection
sees them. Cyclic garbage is still found, a little later: the few cycles a run leaves (a
process and its bound callback) are collected by the next collection, at most
`RUN_THRESHOLD` allocations away.

The threshold is process-wide, so it is raised only for the duration of a run and put back
as it was, even when the run raises. A caller that disabled collection (threshold 0) or set a
higher threshold keeps its own.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

RUN_THRESHOLD = 100_000  # allocations between first-generation collections during a run


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first threshold to `RUN_THRESHOLD` while the block runs."""
    first, *older = gc.get_threshold()
    if first == 0 or first >= RUN_THRESHOLD:
        yield
        return
    gc.set_threshold(RUN_THRESHOLD, *older)
    try:
        yield
    finally:
        gc.set_threshold(first, *older)
