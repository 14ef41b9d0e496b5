"""The first-character guards of the time patterns are kept in the disk cache, keyed by the pattern itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kroniek.time import firstchars
from kroniek.time.firstchars import first_char_guard, guards_kept


def test_guards_are_read_back_and_never_stale(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KRONIEK_CACHE_DIR", str(tmp_path))
    pattern = r"(?:the\s+)?(?:day|week)"
    with guards_kept("test") as guard_of:
        assert guard_of(pattern, re.IGNORECASE) == first_char_guard(pattern, re.IGNORECASE)
    assert list(tmp_path.glob("guards-test-*"))  # stored

    computed: list[str] = []
    original = firstchars.first_char_guard

    def counting(source: str, flags: int = 0) -> str:
        computed.append(source)
        return original(source, flags)

    monkeypatch.setattr(firstchars, "first_char_guard", counting)
    with guards_kept("test") as guard_of:
        assert guard_of(pattern, re.IGNORECASE) == "(?=[DTWdtw])"  # from the cache
        assert guard_of(r"(?:month|year)", re.IGNORECASE) == "(?=[MYmy])"  # a new pattern: computed
    assert computed == [r"(?:month|year)"]


def test_no_cache_directory_computes_every_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KRONIEK_CACHE_DIR", "off")
    with guards_kept("test") as guard_of:
        assert guard_of(r"\d+ days", 0) == first_char_guard(r"\d+ days", 0)
