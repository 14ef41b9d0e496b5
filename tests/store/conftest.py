"""Fixtures for the store tests: real SQLite files and, when KRONIEK_TEST_PG_URL is set, a real
PostgreSQL database (started by .ci/postgres.sh). Chronicles are built from sentences written for
these tests with the chronicle models directly, so the store is tested apart from extraction."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_fixtures import fresh_pg_schema, pg_execute, pg_url_or_skip

from kroniek.store.db import Store, open_store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    schema = None
    if request.param == "sqlite":
        url: str = str(tmp_path / "test.db")
    else:
        server = pg_url_or_skip()
        schema = "t_" + uuid.uuid4().hex[:12]
        url = fresh_pg_schema(server, schema)
    st = open_store(url)
    try:
        yield st
    finally:
        st.close()
        if schema:
            pg_execute(server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    st = open_store(tmp_path / "test.db")
    try:
        yield st
    finally:
        st.close()
