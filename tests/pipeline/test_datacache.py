"""The disk cache for slow-to-build data: used when the sources are unchanged, rebuilt otherwise."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kroniek.pipeline import datacache
from kroniek.pipeline.loading import bulk_loading


def _counting_builder(calls: list[int], value: object):  # type: ignore[no-untyped-def]
    def build() -> object:
        calls.append(1)
        return value

    return build


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "names.tsv"
    source.write_text("Utrecht\tNLD\n", encoding="utf-8")
    calls: list[int] = []
    first = datacache.cached_build("demo", [source], _counting_builder(calls, {"utrecht": ["NLD"]}))
    second = datacache.cached_build("demo", [source], _counting_builder(calls, {"other": []}))
    assert first == second == {"utrecht": ["NLD"]} and len(calls) == 1


def test_a_changed_source_rebuilds_and_replaces_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "names.tsv"
    source.write_text("Utrecht\tNLD\n", encoding="utf-8")
    datacache.cached_build("demo", [source], lambda: "old")
    source.write_text("Utrecht\tNLD\nGent\tBEL\n", encoding="utf-8")
    assert datacache.cached_build("demo", [source], lambda: "new") == "new"
    assert len(list((tmp_path / "cache").glob("demo-*.pickle"))) == 1


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "names.tsv"
    source.write_text("Gent\tBEL\n", encoding="utf-8")
    datacache.cached_build("demo", [source], lambda: "built")
    (cached,) = (tmp_path / "cache").glob("demo-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert datacache.cached_build("demo", [source], lambda: "rebuilt") == "rebuilt"


def test_unwritable_or_disabled_cache_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "names.tsv"
    source.write_text("Gent\tBEL\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv(datacache.CACHE_ENV, str(blocker / "cache"))
    assert datacache.cached_build("demo", [source], lambda: "built") == "built"
    monkeypatch.setenv(datacache.CACHE_ENV, "off")
    assert datacache.cache_dir() is None
    assert datacache.cached_build("demo", [source], lambda: "again") == "again"


def test_bulk_loading_restores_the_collector() -> None:
    assert gc.isenabled()
    with bulk_loading():
        assert not gc.isenabled()
        with bulk_loading():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
