"""A real store for the API tests (a SQLite file and, when KRONIEK_TEST_PG_URL is set, a PostgreSQL
schema: see .ci/postgres.sh), filled with the store's own functions from the chronicles in
api_fixtures (sentences written for these tests), then fused."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from api_fixtures import build_chronicles
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.store.db import Store, open_store
from kroniek.store.fusion import fuse
from kroniek.store.writer import write_chronicle

PG_ENV = "KRONIEK_TEST_PG_URL"


def _pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f'{PG_ENV} is not set in CI: run `eval "$(.ci/postgres.sh)"` before the tests')
        pytest.skip(f'{PG_ENV} is not set: run `eval "$(.ci/postgres.sh)"` to test against PostgreSQL')
    return url


def _pg_execute(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    from kroniek.store.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    schema = None
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("api") / "store.db")
    else:
        server = _pg_url_or_skip()
        schema = "api_" + uuid.uuid4().hex[:12]  # a fresh schema per module, dropped afterwards
        _pg_execute(server, f"CREATE SCHEMA {schema}")
        url = f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    store = open_store(url)
    try:
        for c in build_chronicles():
            write_chronicle(store, c)
        fuse(store)
    finally:
        store.close()
    try:
        yield url
    finally:
        if schema:
            _pg_execute(server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as test_client:
        yield test_client


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = open_store(db_url)
    try:
        yield st
    finally:
        st.close()
