"""Full-text search over article texts and event evidence: SQLite FTS5 or PostgreSQL full text.

SQLite: two FTS5 tables (``search_articles``: title and text; ``search_evidence``: evidence sentences)
kept outside the Alembic schema because they are an index, not data: they are (re)built from the
store's tables whenever the stored articles or events changed since the last build (compared by count
and highest id), so a store written by any kroniek can be searched. PostgreSQL: ``to_tsvector`` /
``websearch_to_tsquery`` with the language-neutral ``simple`` configuration (kroniek stores four
languages). Where neither is available (an SQLite without FTS5, a read-only file) a LIKE scan answers,
and ``engine`` says so.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from kroniek.errors import KroniekError, StoreError
from kroniek.store import schema as s
from kroniek.store.db import Store

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 90


def _fts_query(q: str) -> str:
    """The user's words as an FTS5 query: each word a quoted prefix term, all required."""
    words = _WORD.findall(q)
    return " ".join(f'"{w}"*' for w in words[:12])


def _state(conn: Any) -> tuple[int, int, int, int]:
    a, e = s.articles, s.events
    n_a, max_a = conn.execute(select(func.count(), func.coalesce(func.max(a.c.id), 0))).one()
    n_e, max_e = conn.execute(select(func.count(), func.coalesce(func.max(e.c.id), 0))).one()
    return int(n_a), int(max_a), int(n_e), int(max_e)


def ensure_sqlite_index(store: Store) -> bool:
    """Build (or rebuild, when stale) the FTS5 tables; False where FTS5 or writing is not possible."""
    try:
        with store.transaction() as conn:
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_articles USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')"
            )
            conn.exec_driver_sql(
                "CREATE VIRTUAL TABLE IF NOT EXISTS search_evidence USING fts5(evidence, tokenize='unicode61 remove_diacritics 2')"
            )
            conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS search_state (marker TEXT NOT NULL)")
            marker = ",".join(map(str, _state(conn)))
            built = conn.exec_driver_sql("SELECT marker FROM search_state").scalar()
            if built != marker:
                conn.exec_driver_sql("DELETE FROM search_articles")
                conn.exec_driver_sql("DELETE FROM search_evidence")
                conn.exec_driver_sql(
                    "INSERT INTO search_articles(rowid, title, text) SELECT id, coalesce(title, ''), text FROM articles"
                )
                conn.exec_driver_sql(
                    "INSERT INTO search_evidence(rowid, evidence) SELECT id, evidence_text FROM events"
                )
                conn.exec_driver_sql("DELETE FROM search_state")
                conn.execute(text("INSERT INTO search_state(marker) VALUES (:m)"), {"m": marker})
        return True
    except (StoreError, DBAPIError, OperationalError):
        return False


def matching_ids(store: Store, q: str, limit: int = 5000) -> tuple[str, list[int], list[int]]:
    """(engine, article ids, event ids) matching ``q``, best first (articles current versions only)."""
    words = _WORD.findall(q)
    if not words:
        raise KroniekError("E233", parameter="q", value=q, detail="give at least one word to search for")
    if store.dialect == "sqlite" and ensure_sqlite_index(store):
        fts = _fts_query(q)
        with store.connect() as conn:
            arts = conn.execute(
                text("SELECT rowid FROM search_articles WHERE search_articles MATCH :q ORDER BY rank LIMIT :n"),
                {"q": fts, "n": limit},
            ).scalars()
            evs = conn.execute(
                text("SELECT rowid FROM search_evidence WHERE search_evidence MATCH :q ORDER BY rank LIMIT :n"),
                {"q": fts, "n": limit},
            ).scalars()
            return "sqlite-fts5", [int(i) for i in arts], [int(i) for i in evs]
    if store.dialect == "postgresql":
        tsq = func.websearch_to_tsquery("simple", q)
        a, e = s.articles, s.events
        doc = func.to_tsvector("simple", func.coalesce(a.c.title, "") + " " + a.c.text)
        ev_doc = func.to_tsvector("simple", e.c.evidence_text)
        with store.connect() as conn:
            arts = conn.execute(
                select(a.c.id).where(doc.op("@@")(tsq)).order_by(func.ts_rank(doc, tsq).desc()).limit(limit)
            ).scalars()
            evs = conn.execute(
                select(e.c.id).where(ev_doc.op("@@")(tsq)).order_by(func.ts_rank(ev_doc, tsq).desc()).limit(limit)
            ).scalars()
            return "postgresql-fts", list(arts), list(evs)
    a, e = s.articles, s.events
    art_query, ev_query = select(a.c.id), select(e.c.id)
    for word in words[:12]:
        pattern = f"%{word.lower()}%"
        art_query = art_query.where(func.lower(a.c.text).like(pattern))
        ev_query = ev_query.where(func.lower(e.c.evidence_text).like(pattern))
    with store.connect() as conn:
        return (
            "like",
            list(conn.execute(art_query.limit(limit)).scalars()),
            list(conn.execute(ev_query.limit(limit)).scalars()),
        )


def snippet(body: str, q: str, width: int = SNIPPET_CHARS) -> str:
    """The words around the first match, the matched words in [brackets] (escaped by the page)."""
    words = [w.lower() for w in _WORD.findall(q)]
    low = body.lower()
    hits = [low.find(w) for w in words if low.find(w) >= 0]
    start = max(0, min(hits) - width // 2) if hits else 0
    piece = body[start : start + width * 2].replace("\n", " ")
    for w in words:
        piece = re.sub(rf"(?i)\b({re.escape(w)}\w*)", r"[\1]", piece)
    return ("…" if start else "") + piece + ("…" if start + width * 2 < len(body) else "")
