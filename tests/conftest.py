"""Shared fixtures. Test texts are written for the tests; the only article text in the project is the
bundled seed sample (examples/seed.txt)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "KRONIEK_TEST_PG_URL"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")


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


@contextmanager
def _fresh_pg_schema(prefix: str) -> Iterator[str]:
    """A database URL whose search_path is a new empty schema (dropped on exit), so each user starts clean."""
    server = _pg_url_or_skip()
    schema = prefix + uuid.uuid4().hex[:12]
    _pg_execute(server, f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    finally:
        _pg_execute(server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def pg_schema() -> Callable[[str], AbstractContextManager[str]]:
    """``with pg_schema("prefix_") as url:`` a fresh PostgreSQL schema on KRONIEK_TEST_PG_URL (set by
    .ci/postgres.sh); skips the test when it is not set, fails when it is missing in CI. A fixture rather than
    an importable helper because the test folders' conftest modules share a basename."""
    return _fresh_pg_schema
