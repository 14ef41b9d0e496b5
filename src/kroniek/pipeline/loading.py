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

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any


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


@lru_cache(maxsize=1)
def _libc() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
    except OSError:
        return None
    return libc if hasattr(libc, "malloc_trim") else None


def release_free_heap() -> bool:
    """Give the C heap's free pages back to the system (glibc ``malloc_trim``); False where there is none.

    Loading spaCy pipelines and data leaves many freed blocks between live ones. Before workers are
    forked they would stay resident in the parent and be shared with every worker, and a worker that
    reuses such a block copies its page: returning them first leaves less memory counted for all."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True
