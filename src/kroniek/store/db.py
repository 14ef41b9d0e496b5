"""Opening the store: a SQLite file by default, PostgreSQL by URL; migrations run on open.

``open_store(db)`` accepts a file path (``kroniek.db``), ``sqlite:///FILE`` or ``postgresql://...``
(driven by psycopg 3). The schema is brought to the newest Alembic revision shipped in
``kroniek/store/migrations`` before anything else happens; a database made by a newer kroniek is
refused (E203) rather than guessed at. Driver errors that a user can act on (locked, read-only,
unreachable) become catalogue errors with one clear line.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError, SQLAlchemyError

from kroniek.errors import StoreError

DEFAULT_DB = "kroniek.db"
MIGRATIONS = Path(__file__).with_name("migrations")
# How long a writer waits for another process's lock before E201 (milliseconds): long enough for
# another process's fusion, which holds the write lock while it rebuilds the fused layer.
SQLITE_BUSY_TIMEOUT_MS = 30_000
# PostgreSQL advisory locks (class ids; the second key is the schema, so stores side by side in one
# database do not wait for each other). SQLite needs none: a writer's BEGIN IMMEDIATE locks the file.
ADVISORY_LOCKS = {"migrations": 16_001, "fusion": 16_002}


def resolve_url(db: str | Path | None) -> str:
    """A file path or a URL into an SQLAlchemy URL (PostgreSQL always through psycopg 3)."""
    value = str(db) if db is not None else DEFAULT_DB
    if "://" not in value:
        return "sqlite:///" + str(Path(value).expanduser())
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def is_default_db(db: str | Path | None) -> bool:
    return db is None or str(db) == DEFAULT_DB


def missing_sqlite_file(url: str) -> str | None:
    """The file of a SQLite URL when it does not exist (None for other databases and in-memory ones)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database).expanduser()
    return None if path.exists() else str(path)


def _display(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def translate_error(exc: BaseException, url: str, where: str = "") -> StoreError:
    """A driver error into the catalogue error a user can act on."""
    shown = _display(url)
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
    low = detail.lower()
    if "locked" in low or "could not obtain lock" in low or "lock timeout" in low:
        return StoreError("E201", url=shown, detail=detail)
    if "readonly" in low or "read-only" in low or "read only" in low:
        return StoreError("E202", url=shown, detail=detail)
    if where:
        return StoreError("E211", where=where, detail=detail)
    return StoreError("E200", url=shown, detail=detail)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL with synchronous=NORMAL keeps every article's transaction durable against a killed process
    # (the WAL is replayed on the next open) while commits stay cheap; the busy timeout lets a second
    # writer wait a moment before reporting the lock (E201).
    # pysqlite's own transaction handling breaks SAVEPOINT (used for per-article atomicity inside a
    # batch); the SQLAlchemy recipe: autocommit at the driver, BEGIN emitted by the "begin" hook below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA wal_autocheckpoint = 20000")
    except sqlite3.DatabaseError:
        pass  # a read-only file keeps its journal mode; writes then fail with E202
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock up front (IMMEDIATE): two processes ingesting at once then queue
    # on the busy timeout instead of deadlocking when both try to upgrade a read lock.
    immediate = conn.get_execution_options().get("kroniek_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class BoundedCache(OrderedDict[str, int]):
    """A dict that forgets its oldest entries past ``limit``: a cache in a long-running process must
    not grow with every new key (a re-read after eviction costs one query)."""

    def __init__(self, limit: int = 100_000) -> None:
        super().__init__()
        self.limit = limit

    def __setitem__(self, key: str, value: int) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.limit:
            self.popitem(last=False)

    def update(self, *args: Any, **kwargs: int) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value


class Store:
    """An open store: the engine plus helpers for transactions with translated errors."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name
        # identity -> actor id; filled lazily by the writer, valid for this process
        self.actor_cache: BoundedCache = BoundedCache()

    @property
    def display_url(self) -> str:
        return _display(self.url)

    @contextlib.contextmanager
    def transaction(self, where: str = "") -> Iterator[Connection]:
        """One transaction; driver errors leave as StoreError (E201/E202/E211)."""
        try:
            with self.engine.connect() as plain:
                conn = plain.execution_options(kroniek_write=True)
                with conn.begin():
                    yield conn
        except (DBAPIError, OperationalError) as exc:
            raise translate_error(exc, self.url, where) from exc

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except (DBAPIError, OperationalError) as exc:
            raise translate_error(exc, self.url) from exc

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PinnedStore(Store):
    """The store seen through one connection inside an open transaction: ``connect()`` hands out that
    connection and ``transaction()`` a savepoint on it, so that code written for a Store runs inside
    the caller's transaction and under its locks (fusion reads, rebuilds and commits as one)."""

    def __init__(self, store: Store, conn: Connection) -> None:
        super().__init__(store.engine, store.url)
        self.actor_cache = store.actor_cache
        self._conn = conn

    @contextlib.contextmanager
    def transaction(self, where: str = "") -> Iterator[Connection]:
        try:
            with self._conn.begin_nested():
                yield self._conn
        except (DBAPIError, OperationalError) as exc:
            raise translate_error(exc, self.url, where) from exc

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self._conn

    def close(self) -> None:
        pass  # the engine belongs to the store this one was made from


def take_lock(conn: Connection, name: str) -> None:
    """Hold the named store-wide lock until the end of ``conn``'s transaction (PostgreSQL: an advisory
    lock; SQLite: the write transaction has locked the file already)."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(:kind, hashtext(current_schema()))"), {"kind": ADVISORY_LOCKS[name]}
        )


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def migrate(store: Store) -> None:
    """Bring the schema to the newest shipped revision; refuse a revision this kroniek does not know."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    known = {rev.revision for rev in script.walk_revisions()}
    head = script.get_current_head()
    with store.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    if current is not None and current not in known:
        raise StoreError("E203", url=store.display_url, revision=current)
    with store.transaction() as conn:
        # Two processes opening a new database at once: one migrates, the other waits for the lock
        # and then finds the schema up to date.
        take_lock(conn, "migrations")
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if current is not None and current not in known:
            raise StoreError("E203", url=store.display_url, revision=current)
        command.upgrade(_alembic_config(conn), "head")


def open_store(db: str | Path | None = None, migrate_schema: bool = True, create: bool = True) -> Store:
    """Open (and create or upgrade) the store at ``db``: a path, sqlite:/// or postgresql:// URL.

    ``create=False`` refuses a SQLite file that does not exist yet (E240) instead of making an empty
    store, so that a mistyped ``--db`` is not answered with "0 rows"; the default path is always made.
    """
    url = resolve_url(db)
    if not create and not is_default_db(db):
        missing = missing_sqlite_file(url)
        if missing is not None:
            raise StoreError("E240", where=missing)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("E204", url=url, detail=str(exc)) from exc
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            parent = Path(database).expanduser().parent
            if not parent.exists():
                raise StoreError("E200", url=url, detail=f"the folder {parent} does not exist")
    elif parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError("E204", url=_display(url), detail=str(exc)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    store = Store(engine, url)
    try:
        with store.connect() as conn:
            conn.execute(text("SELECT 1"))
        if migrate_schema:
            migrate(store)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise translate_error(exc, url) from exc
    return store
