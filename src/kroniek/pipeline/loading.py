"""Loading large read-only data (gazetteer, actor knowledge base) without paying for the garbage collector.

Building hundreds of thousands of small objects (dict entries, dataclass instances, tuples) triggers
CPython's cyclic garbage collector again and again, and every full collection walks all the objects
built so far: loading the actor knowledge base took 0.66 CPU-s with the collector on and 0.18 s with
it off. These structures hold no reference cycles that need collecting, so ``bulk_loading`` pauses the
collector while they are built, and afterwards moves everything alive into the permanent generation
(``gc.freeze``) so that later collections, during article processing, no longer walk the loaded data
either (and forked workers do not touch, and so copy, its memory pages).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_loading(freeze: bool = True) -> Iterator[None]:
    """Pause the garbage collector while a large read-only structure is built (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()
