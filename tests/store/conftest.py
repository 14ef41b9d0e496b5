"""Fixtures for the store tests: real SQLite files and, when KRONIEK_TEST_PG_URL is set, a real
PostgreSQL database (started by .ci/postgres.sh). Chronicles are built from sentences written for
these tests with the chronicle models directly, so the store is tested apart from extraction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import pytest

from kroniek.store.db import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(
    request: pytest.FixtureRequest, tmp_path: Path, pg_schema: Callable[[str], AbstractContextManager[str]]
) -> Iterator[Store]:
    with ExitStack() as stack:
        url = str(tmp_path / "test.db") if request.param == "sqlite" else stack.enter_context(pg_schema("t_"))
        st = open_store(url)
        try:
            yield st
        finally:
            st.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    st = open_store(tmp_path / "test.db")
    try:
        yield st
    finally:
        st.close()
