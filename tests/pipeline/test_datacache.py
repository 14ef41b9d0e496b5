"""The disk cache for slow-to-build data: used when the sources are unchanged, rebuilt otherwise."""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kroniek.pipeline import datacache
from kroniek.pipeline.loading import bulk_loading


def _counting_builder(calls: list[int], value: object) -> Callable[[], object]:
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


def test_a_changed_source_rebuilds_and_keeps_only_a_few_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "names.tsv"
    for version in range(datacache.KEEP_VERSIONS + 2):
        source.write_text(f"Utrecht\tNLD\t{version}\n", encoding="utf-8")
        assert datacache.cached_build("demo", [source], _counting_builder([], version)) == version
    assert len(list((tmp_path / "cache").glob("demo-*.pickle"))) == datacache.KEEP_VERSIONS
    assert datacache.cached_build("demo", [source], lambda: "stale") == datacache.KEEP_VERSIONS + 1


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


def test_a_mapped_cache_gives_back_equal_arrays_without_copying_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import array

    import numpy as np

    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "weights.bin"
    source.write_bytes(b"\x01\x02")
    weights = np.arange(12, dtype=np.float16).reshape(4, 3)
    table = array.array("H", [7, 0, 65535, 3])
    value = {"weights": weights, "table": table, "labels": ["nl", "en"], "rows": [0, 256]}
    built = datacache.cached_build("demo", [source], lambda: value, mapped=True)
    assert built is value
    (stored,) = (tmp_path / "cache").glob("demo-*.mapped")
    loaded = datacache.cached_build("demo", [source], lambda: "rebuilt", mapped=True)
    assert loaded["labels"] == ["nl", "en"] and loaded["rows"] == [0, 256]
    assert loaded["weights"].dtype == np.float16 and np.array_equal(loaded["weights"], weights)
    assert not loaded["weights"].flags.writeable  # a view of the file, not a copy
    assert list(loaded["table"]) == [7, 0, 65535, 3] and loaded["table"][2] == 65535
    assert stored.stat().st_size > weights.nbytes + table.itemsize * len(table)


def test_a_damaged_mapped_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    source = tmp_path / "weights.bin"
    source.write_bytes(b"\x03")
    datacache.cached_build("demo", [source], lambda: np.ones(1000), mapped=True)
    (stored,) = (tmp_path / "cache").glob("demo-*.mapped")
    stored.write_bytes(stored.read_bytes()[:200])  # cut short: the arrays are missing
    assert datacache.cached_build("demo", [source], lambda: "rebuilt", mapped=True) == "rebuilt"
    stored.write_bytes(b"a plain pickle or other bytes")
    assert datacache.cached_build("demo", [source], lambda: "again", mapped=True) == "again"


@datacache.pickled_by_constructor
@dataclass(frozen=True, slots=True)
class _Stop:
    name: str
    lines: tuple[int, ...] = ()
    zone: int | None = None


@datacache.pickled_by_constructor
@dataclass(slots=True)
class _Route:
    stops: list[_Stop]
    night: bool = False


def test_objects_pickled_by_constructor_come_back_equal_and_shared_objects_stay_shared() -> None:
    central = _Stop("Central", (1, 4), zone=2)
    routes = [_Route([central, _Stop("Harbour")]), _Route([central], night=True)]
    back = pickle.loads(pickle.dumps(routes, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == routes
    assert back[0].stops[0] is back[1].stops[0]  # one object, as before pickling
    assert _Stop.__reduce__(central) == (_Stop, ("Central", (1, 4), 2))


def test_pickled_by_constructor_refuses_classes_the_constructor_would_not_rebuild() -> None:
    @dataclass(slots=True)
    class Derived:
        base: int
        double: int = field(init=False, default=0)

    @dataclass(slots=True)
    class Checked:
        value: int

        def __post_init__(self) -> None:
            self.value = abs(self.value)

    class Plain:
        pass

    for kind in (Derived, Checked, Plain):
        with pytest.raises(TypeError):
            datacache.pickled_by_constructor(kind)
