"""Writing one chronicle into the store, in one transaction.

Identity rules:
- an article is its text: the SHA-256 of ``article.text`` is unique, so the same text arriving twice
  (a rerun, a syndicated copy) is stored once and reported as a duplicate;
- a different text under a URL already stored is a new *version*: it supersedes the earlier one,
  whose events stay in the store but are marked inactive (they no longer count in fusion or queries);
- actors are canonical across articles: the same Wikidata id, or for a state the same country, or
  else the same canonical name (case and accents folded) is the same actor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from kroniek.chronicle.models import Actor, Chronicle
from kroniek.errors import StoreError
from kroniek.store import schema as s
from kroniek.store.dates import interval, published_day
from kroniek.store.db import Store

# Store errors that no retry can help: the whole run stops with them.
FATAL_CODES = frozenset({"E200", "E201", "E202", "E203", "E204"})


@dataclass(frozen=True)
class StoreOutcome:
    status: str  # "stored" | "duplicate" | "new version"
    article_id: int
    events: int = 0


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case- and accent-folded name, for matching canonical names across articles and queries."""
    folded = name.casefold()
    if not folded.isascii():  # decompose only when there is something to strip (fast path for ASCII)
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(folded.split())


def actor_lookup_keys(actor: Actor) -> list[str]:
    """The keys under which an actor is looked up, strongest first; the first is its stored identity."""
    keys = []
    if actor.wikidata:
        keys.append(f"wd:{actor.wikidata}")
    if actor.kind == "state" and actor.country:
        keys.append(f"state:{actor.country}")
    if actor.kind == "group":
        # unnamed collectives ("Ukrainian soldiers") are told apart by their country as well
        keys.append(f"group:{fold(actor.name)}:{actor.country or ''}")
    else:
        keys.append(f"name:{fold(actor.name)}")
    return keys


def _find_actor(conn: Connection, key: str) -> int | None:
    kind, _, rest = key.partition(":")
    if kind == "wd":
        query = select(s.actors.c.id).where(s.actors.c.wikidata == rest)
    elif kind == "state":
        query = select(s.actors.c.id).where(s.actors.c.kind == "state", s.actors.c.country == rest)
    elif kind == "name":
        query = select(s.actors.c.id).where(s.actors.c.name_folded == rest, s.actors.c.kind != "state")
    else:
        query = select(s.actors.c.id).where(s.actors.c.identity == key)
    row = conn.execute(query.order_by(s.actors.c.id).limit(1)).first()
    return int(row[0]) if row else None


def resolve_actor(store: Store, conn: Connection, actor: Actor, pending: dict[str, int]) -> int:
    """The canonical actor id for a chronicle's actor, inserting it when it is new.

    ``pending`` collects cache entries made inside the current transaction; they join the store's
    cache only after the commit, so a rolled-back article leaves no stale ids behind.
    """
    keys = actor_lookup_keys(actor)
    for key in keys:
        found = pending.get(key) or store.actor_cache.get(key)
        if found is not None:
            break
    else:
        found = None
        for key in keys:
            found = _find_actor(conn, key)
            if found is not None:
                break
    if found is None:
        row = {
            "identity": keys[0],
            "name": actor.name,
            "name_folded": fold(actor.name),
            "kind": actor.kind,
            "country": actor.country,
            "sector": actor.sector,
            "wikidata": actor.wikidata,
        }
        try:
            with conn.begin_nested():
                found = int(conn.execute(insert(s.actors).returning(s.actors.c.id), row).scalar_one())
        except IntegrityError:  # another process inserted it a moment ago
            found = _find_actor(conn, keys[0]) or _find_actor(conn, f"id:{keys[0]}")
            if found is None:
                raise
    for key in keys:
        pending[key] = found
    return found


def _event_rows(chronicle: Chronicle, article_id: int, published: dt.date | None) -> list[dict[str, Any]]:
    rows = []
    for ev in chronicle.events:
        span = interval(ev.date.value) if ev.date else None
        trigger = ev.trigger if isinstance(ev.trigger, list) else [ev.trigger] if ev.trigger else []
        prop = ev.proposition
        rows.append(
            {
                "article_id": article_id,
                "local_id": ev.id,
                "event_type": ev.event,
                "mode": ev.mode,
                "context": json.dumps(ev.context) if ev.context else None,
                "modality": ev.modality,
                "proposition_event": prop.event if prop else None,
                "proposition_mode": prop.mode if prop else None,
                "proposition_text": prop.text if prop else None,
                "proposition_duration": prop.duration if prop else None,
                "date_value": ev.date.value if ev.date else None,
                "date_precision": ev.date.precision if ev.date else None,
                "date_start": span[0] if span else None,
                "date_end": span[1] if span else None,
                "duration": ev.duration,
                "location_name": ev.location.name if ev.location else None,
                "location_country": ev.location.country if ev.location else None,
                "source_actor_id": None,
                "quantities": json.dumps(
                    [{"value": q.value, "what": q.what, "text": q.text} for q in ev.quantities], ensure_ascii=False
                )
                if ev.quantities
                else None,
                "evidence_text": ev.evidence.text,
                "evidence_start": ev.evidence.start,
                "evidence_end": ev.evidence.end,
                "trigger_text": " … ".join(t.text for t in trigger) or None,
                "confidence": ev.confidence,
                "published_day": published,
                "language": chronicle.article.language,
                "active": True,
            }
        )
    return rows


# Statements built once (they run for every article; building them each time costs more than running them).
# One look-up answers both questions asked of every article: is this text stored already, and which
# current version (if any) does it replace under its URL.
_SAME_TEXT_OR_URL = select(s.articles.c.id, s.articles.c.text_hash, s.articles.c.version).where(
    or_(
        s.articles.c.text_hash == bindparam("digest"),
        and_(s.articles.c.url == bindparam("url"), s.articles.c.superseded_by.is_(None)),
    )
)
_INSERT_ARTICLE = insert(s.articles).returning(s.articles.c.id)
_INSERT_CHRONICLE = insert(s.chronicles)
_INSERT_EVENTS = insert(s.events).returning(s.events.c.id, sort_by_parameter_order=True)
_INSERT_LINKS = insert(s.event_actors)


def write_chronicle(
    store: Store, chronicle: Chronicle, extractor: str = "import", body: str | None = None
) -> StoreOutcome:
    """Store one chronicle (article, chronicle JSON, actors, events) in its own transaction.

    ``body`` is the chronicle's JSON as received, stored as given; by default it is serialised anew.
    """
    for attempt in range(3):
        pending: dict[str, int] = {}
        try:
            with store.transaction(where=chronicle.article.id) as conn:
                outcome = write_in(store, conn, chronicle, extractor, pending, body)
        except StoreError as exc:
            # Another process stored the same text (or actor) between our look-up and our insert, or
            # the database chose this transaction as the victim of a deadlock between two writers: the
            # next attempt sees the other's rows (and counts this article as a duplicate if it is one).
            if attempt < 2 and is_retryable(exc):
                continue
            raise
        store.actor_cache.update(pending)
        return outcome
    raise AssertionError("unreachable")  # pragma: no cover


def write_in(
    store: Store,
    conn: Connection,
    chronicle: Chronicle,
    extractor: str,
    pending: dict[str, int],
    body: str | None = None,
) -> StoreOutcome:
    """Store one chronicle on an open connection, inside the caller's transaction or savepoint.

    New actor ids go to ``pending``; the caller adds them to ``store.actor_cache`` once committed.
    """
    art = chronicle.article
    digest = text_hash(art.text)
    found = conn.execute(_SAME_TEXT_OR_URL, {"digest": digest, "url": art.url}).all()
    for hit in found:
        if hit.text_hash == digest:
            return StoreOutcome("duplicate", int(hit.id))
    previous = max(found, key=lambda r: r.version) if found else None
    day = published_day(art.published)
    article_id = int(
        conn.execute(
            _INSERT_ARTICLE,
            {
                "article_key": art.id,
                "url": art.url,
                "source": art.source,
                "title": art.title,
                "published": art.published,
                "published_day": day,
                "language": art.language,
                "text_hash": digest,
                "text": art.text,
                "version": (previous.version + 1) if previous else 1,
                "superseded_by": None,
                "extractor": extractor,
                "ingested_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
            },
        ).scalar_one()
    )
    if previous:
        conn.execute(update(s.articles).where(s.articles.c.id == previous.id).values(superseded_by=article_id))
        conn.execute(update(s.events).where(s.events.c.article_id == previous.id).values(active=False))
    conn.execute(_INSERT_CHRONICLE, {"article_id": article_id, "body": body or chronicle.model_dump_json()})

    canonical = {a.id: resolve_actor(store, conn, a, pending) for a in chronicle.actors}
    rows = _event_rows(chronicle, article_id, day)
    for row, ev in zip(rows, chronicle.events, strict=True):
        row["source_actor_id"] = canonical.get(ev.source) if ev.source else None
    if rows:
        ids = conn.execute(_INSERT_EVENTS, rows).scalars().all()
        links = []
        for event_id, ev in zip(ids, chronicle.events, strict=True):
            seen: set[tuple[int, str]] = set()
            for role, refs in (
                ("actor", ev.actor),
                ("recipient", ev.recipient),
                ("source", [ev.source] if ev.source else []),
            ):
                for ref in refs:
                    key = (canonical[ref], role)
                    if key not in seen:
                        seen.add(key)
                        links.append({"event_id": event_id, "actor_id": key[0], "role": role})
        if links:
            conn.execute(_INSERT_LINKS, links)
    return StoreOutcome("new version" if previous else "stored", article_id, len(rows))


def is_retryable(exc: StoreError) -> bool:
    """Whether a failed write may succeed when tried again: another writer inserted the same row first
    (an integrity error), or PostgreSQL aborted the transaction for a deadlock or a serialization conflict.
    Public because the distributed writer retries on the same condition."""
    cause = exc.__cause__
    if isinstance(cause, IntegrityError):
        return True
    code = getattr(getattr(cause, "orig", None), "sqlstate", None)
    return code in ("40P01", "40001")  # PostgreSQL: deadlock detected, serialization failure


def write_batch(
    store: Store, chronicles: list[tuple[str, Chronicle, str | None]], extractor: str = "import"
) -> list[tuple[str, StoreOutcome | Exception]]:
    """Store several chronicles in one commit; each is still all-or-nothing on its own.

    The batch is written optimistically in one transaction. When any chronicle in it fails, the whole
    transaction rolls back and the batch is written again one chronicle per transaction, so the good
    ones are kept and the bad one comes back as its error. A killed process loses at most the
    uncommitted batch, which a rerun stores (texts are unique). A locked or read-only store (E201,
    E202) stops everything at once.
    """
    if not chronicles:
        return []
    pending: dict[str, int] = {}
    try:
        results: list[tuple[str, StoreOutcome | Exception]] = []
        with store.transaction(where=chronicles[0][0]) as conn:
            for where, chronicle, body in chronicles:
                results.append((where, write_in(store, conn, chronicle, extractor, pending, body)))
        store.actor_cache.update(pending)
        return results
    except StoreError as exc:
        if exc.code in FATAL_CODES:
            raise
    one_by_one: list[tuple[str, StoreOutcome | Exception]] = []
    for where, chronicle, body in chronicles:
        try:
            one_by_one.append((where, write_chronicle(store, chronicle, extractor, body)))
        except StoreError as exc:
            if exc.code in FATAL_CODES:
                raise
            one_by_one.append((where, exc))
    return one_by_one
