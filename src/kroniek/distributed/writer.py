"""Writing a worker's batch of chronicles into PostgreSQL, exactly once, beside other workers.

It is the store's own writer (``kroniek.store.writer.write_in``: ids, text identity, versions, actors),
committed ``batch_size`` chronicles at a time, with two additions that many concurrent writers need:

- before extracting, one query asks which texts of the batch are stored already: those are skipped, so a
  partition that is run again (its worker died, or the whole job is rerun) costs a read and a look-up;
- every transaction first takes a PostgreSQL advisory lock per URL it writes (in sorted order, so two
  writers cannot deadlock on them): two workers storing two texts of one URL at the same moment then
  make one the new version of the other, never two current versions.

A batch that the database refuses in part (a text another worker stored a moment ago, a deadlock) is
rolled back and written one chronicle per transaction, retried, so the good chronicles are kept and a
duplicate is counted as one. A worker killed mid-batch leaves an uncommitted transaction, which the
database rolls back; the rerun of the partition stores it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, insert, select, text

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError, StoreError
from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.writer import FATAL_CODES, StoreOutcome, is_retryable, write_in

# The advisory-lock class of URL locks (the first of the two 32-bit keys; "kr" + 17).
URL_LOCK_CLASS = 0x6B720017
_LOCK_URL = text("SELECT pg_advisory_xact_lock(:lock_class, hashtext(:url))")


def stored_hashes(store: Store, digests: Iterable[str]) -> set[str]:
    """Which of these text hashes the store holds already (one query)."""
    wanted = list(set(digests))
    if not wanted:
        return set()
    with store.connect() as conn:
        rows = conn.execute(select(s.articles.c.text_hash).where(s.articles.c.text_hash.in_(wanted)))
        return {row[0] for row in rows}


def _lock_urls(conn: Connection, chronicles: Iterable[Chronicle]) -> None:
    for url in sorted({c.article.url for c in chronicles if c.article.url}):
        conn.execute(_LOCK_URL, {"lock_class": URL_LOCK_CLASS, "url": url})


def _write_one(store: Store, where: str, chronicle: Chronicle, extractor: str) -> StoreOutcome:
    for attempt in range(3):
        pending: dict[str, int] = {}
        try:
            with store.transaction(where=where) as conn:
                _lock_urls(conn, [chronicle])
                outcome = write_in(store, conn, chronicle, extractor, pending)
        except StoreError as exc:
            if attempt < 2 and is_retryable(exc):
                continue  # the next attempt sees what the other writer committed
            raise
        store.actor_cache.update(pending)
        return outcome
    raise AssertionError("unreachable")  # pragma: no cover


def write_locked_batch(
    store: Store, chronicles: list[tuple[str, Chronicle]], extractor: str
) -> list[tuple[str, StoreOutcome | KroniekError]]:
    """Store chronicles in one commit, each all-or-nothing; the outcome (or error) of each, in order."""
    if not chronicles:
        return []
    pending: dict[str, int] = {}
    try:
        results: list[tuple[str, StoreOutcome | KroniekError]] = []
        with store.transaction(where=chronicles[0][0]) as conn:
            _lock_urls(conn, (c for _, c in chronicles))
            for where, chronicle in chronicles:
                results.append((where, write_in(store, conn, chronicle, extractor, pending)))
        store.actor_cache.update(pending)
        return results
    except StoreError as exc:
        if exc.code in FATAL_CODES:
            raise
    one_by_one: list[tuple[str, StoreOutcome | KroniekError]] = []
    for where, chronicle in chronicles:
        try:
            one_by_one.append((where, _write_one(store, where, chronicle, extractor)))
        except StoreError as exc:
            if exc.code in FATAL_CODES:
                raise
            one_by_one.append((where, exc))
    return one_by_one


def record_failures(store: Store, failures: list[tuple[str, KroniekError]]) -> None:
    """Failed items into ``ingest_failures`` (as the single-machine ingest records them), one insert."""
    if not failures:
        return
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = [{"at": now, "location": where, "code": exc.code, "message": str(exc)} for where, exc in failures]
    try:
        with store.transaction() as conn:
            conn.execute(insert(s.ingest_failures), rows)
    except StoreError as exc:
        if exc.code in FATAL_CODES:
            raise
        # the failures stay in the partition's report; the store's problem shows on its next write
