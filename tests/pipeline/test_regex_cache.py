"""Long patterns built from a program stored by an earlier process equal the ones re.compile builds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroniek.pipeline import datacache, regex_cache

# Written for this test: long enough to be kept, with groups, classes, flags and look-arounds.
_WORDS = [f"{stem}{n}" for n in range(120) for stem in ("minister", "raad", "akkoord")]
LONG = r"(?P<lead>\b(?:" + "|".join(_WORDS) + r"))(?=[\s.,;])|(?<!\w)[A-Z]{2,5}\b|\d+(?:[.,]\d+)?"


def _compile_fresh(pattern: str, flags: int = 0) -> re.Pattern[str]:
    re.purge()  # re's own in-process cache would hand back the earlier object
    return re.compile(pattern, flags)


def test_a_kept_program_builds_the_pattern_re_compile_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path))
    assert len(LONG) >= regex_cache.LONG_PATTERN
    expected = [_compile_fresh(LONG), _compile_fresh(LONG, re.IGNORECASE)]
    with regex_cache.compiled_patterns_kept("test"):  # compiles and records
        first = [_compile_fresh(LONG), _compile_fresh(LONG, re.IGNORECASE)]
    assert len(list(tmp_path.glob("regex-test-*.pickle"))) == 1

    def no_compiling(*_args: object) -> None:
        raise AssertionError("compiled again instead of using the kept program")

    monkeypatch.setattr(regex_cache, "_compile_recorded", no_compiling)
    with regex_cache.compiled_patterns_kept("test"):  # builds from the stored programs
        kept = [_compile_fresh(LONG), _compile_fresh(LONG, re.IGNORECASE)]
    text = "De minister7 en raad12: akkoord3. NAVO zegt 4,5 keer MINISTER7 nee"
    for want, got in zip(expected * 2, first + kept, strict=True):
        assert got == want  # Pattern equality compares the flags, the pattern and the compiled program
        assert got.groupindex == want.groupindex and got.groups == want.groups
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]
    assert re._compiler.compile is not None and regex_cache._compiler._sre is regex_cache._sre


def test_short_patterns_and_a_damaged_store_compile_as_usual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path))
    with regex_cache.compiled_patterns_kept("short"):
        assert _compile_fresh(r"\bminister\b").search("de minister zei") is not None
    assert not list(tmp_path.glob("regex-short-*"))  # nothing worth keeping
    with regex_cache.compiled_patterns_kept("damaged"):
        _compile_fresh(LONG)
    (stored,) = tmp_path.glob("regex-damaged-*.pickle")
    stored.write_bytes(b"not a pickle")
    with regex_cache.compiled_patterns_kept("damaged"):
        assert _compile_fresh(LONG) == _compile_fresh(LONG)


def test_at_most_max_kept_programs_stay_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regex_cache, "MAX_KEPT", 3)
    variants = [LONG + "|" + word for word in ("alpha", "beta", "gamma", "delta", "epsilon")]
    for variant in variants:  # as if each process built its pattern in another order
        with regex_cache.compiled_patterns_kept("growing"):
            _compile_fresh(variant)
    stored = datacache.cached_value("regex-growing", regex_cache._sources())
    assert [pattern for pattern, _flags in stored] == variants[-3:]
