"""Fixtures for the store tests: real SQLite files and, when KRONIEK_TEST_PG_URL is set, a real
PostgreSQL database (started by .ci/postgres.sh). Chronicles are built from sentences written for
these tests with the chronicle models directly, so the store is tested apart from extraction."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.store.db import Store, open_store

PG_ENV = "KRONIEK_TEST_PG_URL"


def pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f'{PG_ENV} is not set in CI: run `eval "$(.ci/postgres.sh)"` before the tests')
        pytest.skip(f'{PG_ENV} is not set: run `eval "$(.ci/postgres.sh)"` to test against PostgreSQL')
    return url


def _pg_schema(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    from kroniek.store.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


def _fresh_pg_schema(url: str, name: str) -> str:
    """A database URL whose search_path is a new empty schema, so each test starts clean."""
    _pg_schema(url, f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    schema = None
    if request.param == "sqlite":
        url: str = str(tmp_path / "test.db")
    else:
        server = pg_url_or_skip()
        schema = "t_" + uuid.uuid4().hex[:12]
        url = _fresh_pg_schema(server, schema)
    st = open_store(url)
    try:
        yield st
    finally:
        st.close()
        if schema:
            _pg_schema(server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    st = open_store(tmp_path / "test.db")
    try:
        yield st
    finally:
        st.close()
