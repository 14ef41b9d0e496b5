"""release_free_heap: glibc's malloc_trim before workers are forked, a no-op where there is no glibc."""

import platform

import pytest

from kroniek.pipeline import loading


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_free_heap_pages_are_given_back_on_glibc() -> None:
    garbage = [bytearray(4096) for _ in range(2000)]  # blocks that malloc keeps after they are freed
    del garbage
    assert loading.release_free_heap() is True


def test_without_a_c_library_with_malloc_trim_nothing_is_done(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "_libc", lambda: None)
    assert loading.release_free_heap() is False
