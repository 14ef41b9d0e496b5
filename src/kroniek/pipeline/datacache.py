"""A disk cache for data structures that are slow to build from the shipped files (the gazetteer).

``cached_build(name, sources, build)`` returns ``build()``, but keeps its result as a pickle in the
user's cache directory, keyed by a hash of the source files' bytes (the data files and the module
that builds from them) and the Python version. The next process loads the pickle instead of
parsing and normalising the data again (for the gazetteer: 0.09 CPU-s instead of 0.27). Any change
to a source file changes the key, so a stale cache is never used.

Where the cache lives: ``$KRONIEK_CACHE_DIR``, else ``$XDG_CACHE_HOME/kroniek``, else
``~/.cache/kroniek``. ``KRONIEK_CACHE_DIR=off`` turns the cache off. The package directory itself may
be read-only, so nothing is written there; a cache directory that cannot be written, or a cache
file that cannot be read, only means the structure is built in memory as before.
Only kroniek writes these files; like any pickle they must not come from an untrusted party.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from kroniek.pipeline.loading import bulk_loading
from kroniek.pipeline.mapped import read_mapped, write_mapped

T = TypeVar("T")
C = TypeVar("C", bound=type)
CACHE_ENV = "KRONIEK_CACHE_DIR"
# Bump when the pickled classes change shape in a way the source hashes would not show.
CACHE_FORMAT = "1"
PICKLE_SUFFIX = ".pickle"
MAPPED_SUFFIX = ".mapped"
# How many versions of one structure may stay in the cache directory.
KEEP_VERSIONS = 4


def pickled_by_constructor(cls: C) -> C:
    """Class decorator for a slotted dataclass kept in the disk cache in large numbers: pickle an
    object as a call of the constructor with its fields' values. The ``__setstate__`` that dataclasses
    give a slotted class looks its fields up again for every object (0.1 CPU-s of each start for the
    gazetteer's 34,000 places, 30 ms for the actors); the generated ``__init__`` does not. The fields
    are read when pickling, so a field added later is pickled too."""
    if not dataclasses.is_dataclass(cls) or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: not a slotted dataclass")
    if hasattr(cls, "__post_init__") or not all(f.init for f in dataclasses.fields(cls)):
        # the constructor would not give back the same object
        raise TypeError(f"{cls.__name__}: __post_init__ or a field outside __init__")

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        kind = type(self)
        return kind, tuple([getattr(self, f.name) for f in dataclasses.fields(kind)])

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


def cache_dir() -> Path | None:
    """The cache directory, or None when caching is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kroniek"


def source_key(sources: Sequence[Path]) -> str:
    """A hash of the sources' names and bytes, the cache format and the Python version."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}".encode())
    for path in sources:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def cached_build(name: str, sources: Sequence[Path], build: Callable[[], T], mapped: bool = False) -> T:
    """``build()``'s result, from the disk cache when the sources have not changed since it was stored.

    ``mapped``: keep the result's large arrays in the file and map them when reading
    (kroniek.pipeline.mapped), for structures that are mostly numpy or ``array.array`` data.
    """
    directory = cache_dir()
    if directory is None:
        return build()
    suffix = MAPPED_SUFFIX if mapped else PICKLE_SUFFIX
    try:
        path = directory / f"{name}-{source_key(sources)}{suffix}"
    except OSError:  # a missing source: let build() report it with its own error
        return build()
    try:
        with bulk_loading():
            if mapped:
                return read_mapped(path)
            with path.open("rb") as handle:
                return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a missing, damaged or incompatible cache file is rebuilt, never fatal
        pass
    result = build()
    _store(directory, path, result, mapped)
    return result


def cached_value(name: str, sources: Sequence[Path]) -> Any:
    """The value that ``store_value`` last stored under ``name`` for these sources, or None (for data
    that grows as it is used, which ``cached_build`` cannot build in one go)."""
    directory = cache_dir()
    if directory is None:
        return None
    try:
        with (directory / f"{name}-{source_key(sources)}{PICKLE_SUFFIX}").open("rb") as handle, bulk_loading():
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, damaged or incompatible: as if nothing were stored
        return None


def store_value(name: str, sources: Sequence[Path], value: object) -> None:
    """Keep ``value`` under ``name`` for these sources (replacing what was stored); never fatal."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        path = directory / f"{name}-{source_key(sources)}{PICKLE_SUFFIX}"
    except OSError:
        return
    _store(directory, path, value)


def _store(directory: Path, path: Path, value: object, mapped: bool = False) -> None:
    """Write the pickle atomically (a concurrent reader sees the old file or the whole new one; a
    mapped file that a process still reads is replaced, never changed in place)."""
    tmp: str | None = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _prune(directory, path)
        handle, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(handle, "wb") as out:
            if mapped:
                write_mapped(value, out)
            else:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a value that cannot be stored only stays uncached
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(directory: Path, path: Path) -> None:
    """Remove older versions of the same structure, but keep a few: several checkouts of different
    versions may share one cache directory and should not keep replacing each other's files."""
    # both kinds of file count: a structure that changed from one kind to the other leaves no old files
    pattern = path.name.rsplit("-", 1)[0] + "-*"
    versions = [p for p in directory.glob(pattern) if p != path and p.suffix in (PICKLE_SUFFIX, MAPPED_SUFFIX)]
    versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for old in versions[KEEP_VERSIONS - 1 :]:
        old.unlink(missing_ok=True)


def load_language_identifier() -> None:
    """Give kroniek.lang.identify its identifier from the disk cache: unpacking py3langid's
    xz-compressed model took 0.54 CPU-s of every cold start without --lang, the cached pickle 0.1 s
    (the file is about 70 MB, nearly all of it two arrays); mapped, the arrays are not copied and the
    load takes about 0.01 s."""
    from kroniek.lang import identify

    if not identify.has_identifier():
        identifier = cached_build("langid", identify.identifier_sources(), identify.build_identifier, mapped=True)
        identify.set_identifier(identifier)
