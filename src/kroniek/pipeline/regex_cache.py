"""Long regular expressions compiled once per installation, not once per process.

Python compiles a pattern in pure Python (``re._parser``, ``re._compiler``) and cannot keep the
result between processes. spaCy's French tokenizer exceptions build one pattern that took 3.1
CPU-s to compile on every import of ``spacy.lang.fr``, so every process that met a French article
paid for it; the Dutch pipeline's saved prefix, suffix and infix patterns took about 40 ms.
A pattern whose text differs from process to process (built from a set, whose order changes with
Python's string hashing) is never found again: at most ``MAX_KEPT`` programs are kept per name, the
most recently compiled ones, so such patterns cannot make the cache file grow without end.

Inside ``compiled_patterns_kept(name)`` a pattern of at least ``LONG_PATTERN`` characters is built
from the program that the same interpreter compiled for it before: the arguments that
``re._compiler.compile`` passed to ``_sre.compile`` (the C constructor of a Pattern) are recorded
the first time and stored in kroniek's disk cache (kroniek.pipeline.datacache), keyed by the
pattern and its flags and by the bytes of the ``re`` package's compiler, so another Python's
program is never used. The Pattern built from them is the one ``re.compile`` would build: the same
constructor with the same arguments. Any failure falls back to compiling as usual.
"""

from __future__ import annotations

import _sre
import array
import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kroniek.pipeline.datacache import cached_value, store_value

# Shorter patterns compile in well under a millisecond: not worth a cache entry.
LONG_PATTERN = 500
MAX_KEPT = 64
_compiler: Any = getattr(re, "_compiler", None)  # Python 3.11 and later
_parser: Any = getattr(re, "_parser", None)


def _sources() -> list[Path]:
    """The files whose change would change a compiled program (a new Python has new ones)."""
    return [Path(_compiler.__file__), Path(_parser.__file__), Path(__file__)]


class _RecordingSre:
    """Stands in for the ``_sre`` module inside ``re._compiler`` while one pattern compiles: the
    arguments of its ``compile`` call are what a later process needs to build the same Pattern."""

    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self.calls = calls

    def __getattr__(self, name: str) -> Any:
        return getattr(_sre, name)

    def compile(self, *args: Any) -> Any:
        self.calls.append(args)
        return _sre.compile(*args)


def _storable(arguments: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments with the program as an array of plain ints (its items are named int constants,
    which do not pickle; ``_sre.compile`` reads them as ints)."""
    pattern, flags, code, *rest = arguments
    return (pattern, int(flags), array.array("I", code), *rest)


def _pattern_from(arguments: tuple[Any, ...]) -> Any:
    pattern, flags, code, *rest = arguments
    return _sre.compile(pattern, flags, code.tolist(), *rest)


def _compile_recorded(original: Callable[..., Any], pattern: str, flags: int) -> tuple[Any, tuple[Any, ...] | None]:
    """``original(pattern, flags)`` and the one ``_sre.compile`` call it made (None when there was not
    exactly one, e.g. another thread compiled at the same time)."""
    calls: list[tuple[Any, ...]] = []
    _compiler._sre = _RecordingSre(calls)
    try:
        compiled = original(pattern, flags)
    finally:
        _compiler._sre = _sre
    return compiled, (calls[0] if len(calls) == 1 else None)


@contextlib.contextmanager
def compiled_patterns_kept(name: str) -> Iterator[None]:
    """Inside the block, long patterns compile from the programs stored under ``name`` (and those
    compiled for the first time are stored when the block ends)."""
    if _compiler is None or _parser is None or not callable(getattr(_compiler, "compile", None)):
        yield
        return
    sources = _sources()
    stored = cached_value(f"regex-{name}", sources)
    known: dict[tuple[str, int], tuple[Any, ...]] = stored if isinstance(stored, dict) else {}
    recorded: dict[tuple[str, int], tuple[Any, ...]] = {}
    original = _compiler.compile

    def compile_kept(pattern: Any, flags: int = 0) -> Any:
        if not isinstance(pattern, str) or len(pattern) < LONG_PATTERN or flags & re.DEBUG:
            return original(pattern, flags)
        arguments = known.get((pattern, int(flags)))
        if arguments is not None:
            with contextlib.suppress(Exception):  # a damaged entry: compile as usual below
                return _pattern_from(arguments)
        compiled, arguments = _compile_recorded(original, pattern, flags)
        if arguments is not None:
            with contextlib.suppress(Exception):  # e.g. a program item beyond 32 bits: not kept
                recorded[(pattern, int(flags))] = _storable(arguments)
        return compiled

    _compiler.compile = compile_kept
    try:
        yield
    finally:
        if _compiler.compile is compile_kept:
            _compiler.compile = original
        if recorded:
            kept = {**known, **recorded}  # in the order compiled: the oldest first
            store_value(f"regex-{name}", sources, dict(list(kept.items())[-MAX_KEPT:]))
