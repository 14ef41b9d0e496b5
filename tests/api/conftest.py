"""A real store for the API tests (a SQLite file and, when KRONIEK_TEST_PG_URL is set, a PostgreSQL
schema: see .ci/postgres.sh), filled with the store's own functions from the chronicles in
api_fixtures (sentences written for these tests), then fused."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack

import pytest
from api_fixtures import build_chronicles
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.store.db import Store, open_store
from kroniek.store.fusion import fuse
from kroniek.store.writer import write_chronicle


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    pg_schema: Callable[[str], AbstractContextManager[str]],
) -> Iterator[str]:
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = str(tmp_path_factory.mktemp("api") / "store.db")
        else:
            url = stack.enter_context(pg_schema("api_"))  # a fresh schema per module, dropped afterwards
        store = open_store(url)
        try:
            for c in build_chronicles():
                write_chronicle(store, c)
            fuse(store)
        finally:
            store.close()
        yield url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url), base_url="http://localhost") as test_client:
        yield test_client


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    st = open_store(db_url)
    try:
        yield st
    finally:
        st.close()
