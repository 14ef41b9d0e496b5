"""The migrated database matches the schema the code uses; unknown revisions are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from kroniek.store.db import Store, head_revision, open_store, resolve_url
from kroniek.store.schema import metadata


def test_migrations_build_exactly_the_schema(store: Store) -> None:
    with store.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, metadata) == []


def test_reopening_is_cheap_and_keeps_data(tmp_path: Path) -> None:
    db = tmp_path / "again.db"
    with open_store(db) as st, st.transaction() as conn:
        conn.execute(text("INSERT INTO ingest_failures (at, location, message) VALUES ('2025-01-01', 'x', 'y')"))
    with open_store(db) as st, st.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ingest_failures")).scalar_one() == 1


def test_store_from_a_newer_kroniek_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    with open_store(db) as st, st.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff9999'"))
    with pytest.raises(Exception) as info:
        open_store(db)
    assert getattr(info.value, "code", None) == "E203"


def test_urls() -> None:
    assert resolve_url("x.db") == "sqlite:///x.db"
    assert resolve_url(None) == "sqlite:///kroniek.db"
    assert resolve_url("postgresql://u:p@h/d") == "postgresql+psycopg://u:p@h/d"
    assert resolve_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
