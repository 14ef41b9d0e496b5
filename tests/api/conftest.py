"""A real SQLite store for the API tests, filled with the store's own functions from the chronicles in
api_fixtures (sentences written for these tests), then fused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fixtures import build_chronicles
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.store.db import Store, open_store
from kroniek.store.fusion import fuse
from kroniek.store.writer import write_chronicle


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.db"
    store = open_store(path)
    try:
        for c in build_chronicles():
            write_chronicle(store, c)
        fuse(store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db_path))) as test_client:
        yield test_client


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    st = open_store(db_path)
    try:
        yield st
    finally:
        st.close()
