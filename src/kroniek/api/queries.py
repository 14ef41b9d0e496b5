"""The data behind every page: the store's own query functions, plus the few look-ups the store lacks.

Each function returns plain JSON-ready data; the HTML page and its ``.json`` twin render the same
dict. Where the store has a function (``query_events``' row shape, ``query_fused``,
``list_commitments``, ``timeline``) its output is used as is. Written here on the store's schema:
overview counts, the article list and one article, one fused event by id, and keyset pagination
over event mentions (the store's ``query_events`` has a limit but no "continue after").
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any

from sqlalchemy import and_, func, literal, or_, select

from kroniek.chronicle.models import MODALITIES
from kroniek.errors import KroniekError
from kroniek.store import schema as s
from kroniek.store.commitments import STATUSES
from kroniek.store.db import Store
from kroniek.store.query import (
    KIND_NAMES,
    ROLES,
    event_dict,
    event_mentions_select,
    event_participants,
    iso_day,
    list_commitments,
    parse_types,
    query_fused,
)

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
# Events with neither a date nor a publication day sort first, on every database (NULLs sort first on
# SQLite and last on PostgreSQL, so the sort key must never be NULL for keyset pagination to work).
_NO_DAY = dt.date(1, 1, 1)


# -- paging tokens -------------------------------------------------------------------------------


def encode_token(day: dt.date | str | None, row_id: int) -> str:
    """An opaque ``_next`` token: the sort key of the last row shown."""
    day_text = day.isoformat() if isinstance(day, dt.date) else (day or _NO_DAY.isoformat())
    return base64.urlsafe_b64encode(f"{day_text}|{row_id}".encode()).decode().rstrip("=")


def decode_token(token: str, parameter: str = "_next") -> tuple[dt.date, int]:
    """The sort key in a ``_next`` token; E233 when it was not made by this API."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        day_text, id_text = raw.split("|")
        return dt.date.fromisoformat(day_text[:10]), int(id_text)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise KroniekError(
            "E233", parameter=parameter, value=token, detail="not a token from a previous page's _next"
        ) from exc


def decode_id_token(token: str, parameter: str = "_next") -> int:
    try:
        return int(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode())
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise KroniekError(
            "E233", parameter=parameter, value=token, detail="not a token from a previous page's _next"
        ) from exc


def encode_id_token(row_id: int) -> str:
    return base64.urlsafe_b64encode(str(row_id).encode()).decode().rstrip("=")


# -- parameter checks ----------------------------------------------------------------------------


def check_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    if limit < 1 or limit > MAX_LIMIT:
        raise KroniekError("E233", parameter="limit", value=str(limit), detail=f"give a number from 1 to {MAX_LIMIT}")
    return limit


def check_types(value: str | None) -> list[str] | None:
    try:
        return parse_types(value) if value else None
    except KroniekError as exc:
        raise KroniekError("E233", parameter="type", value=value, detail=exc.message) from exc


def check_choice(parameter: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in choices:
        raise KroniekError("E233", parameter=parameter, value=value, detail="choose one of: " + ", ".join(choices))
    return value


# -- overview ------------------------------------------------------------------------------------


def overview(store: Store) -> dict[str, Any]:
    """What the store holds: counts, languages, commitment statuses."""
    a, e, f, c = s.articles, s.events, s.fused_events, s.commitments
    with store.connect() as conn:
        articles_total = conn.execute(select(func.count()).select_from(a)).scalar_one()
        articles_current = conn.execute(
            select(func.count()).select_from(a).where(a.c.superseded_by.is_(None))
        ).scalar_one()
        events = conn.execute(select(func.count()).select_from(e).where(e.c.active.is_(True))).scalar_one()
        fused = conn.execute(select(func.count()).select_from(f)).scalar_one()
        multi = conn.execute(select(func.count()).select_from(f).where(f.c.n_sources > 1)).scalar_one()
        commitments = conn.execute(select(func.count()).select_from(c)).scalar_one()
        languages = {
            lang: n
            for lang, n in conn.execute(
                select(a.c.language, func.count())
                .where(a.c.superseded_by.is_(None))
                .group_by(a.c.language)
                .order_by(a.c.language)
            )
        }
        statuses = {
            status: n
            for status, n in conn.execute(select(c.c.status, func.count()).group_by(c.c.status).order_by(c.c.status))
        }
        first, last = conn.execute(select(func.min(a.c.published_day), func.max(a.c.published_day))).one()
    return {
        "counts": {
            "articles": articles_current,
            "article_versions": articles_total,
            "events": events,
            "fused_events": fused,
            "multi_source_fused_events": multi,
            "commitments": commitments,
        },
        "languages": languages,
        "commitment_statuses": statuses,
        "published": {"first": iso_day(first), "last": iso_day(last)},
    }


# -- articles ------------------------------------------------------------------------------------


def _article_summary(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "article": row.article_key,
        "title": row.title,
        "url": row.url,
        "source": row.source,
        "published": row.published,
        "language": row.language,
        "version": row.version,
        "superseded_by": row.superseded_by,
    }


def list_articles(
    store: Store, lang: str | None = None, limit: int | None = None, next: str | None = None
) -> dict[str, Any]:
    """Current article versions, newest stored first, with their event counts; paginated by id."""
    size = check_limit(limit)
    a, e = s.articles, s.events
    n_events = select(func.count()).where(e.c.article_id == a.c.id).scalar_subquery()
    query = select(
        a.c.id, a.c.article_key, a.c.title, a.c.url, a.c.source, a.c.published, a.c.language,
        a.c.version, a.c.superseded_by, n_events.label("n_events"),
    ).where(a.c.superseded_by.is_(None))  # fmt: skip
    if lang:
        query = query.where(a.c.language == lang)
    if next:
        query = query.where(a.c.id < decode_id_token(next))
    query = query.order_by(a.c.id.desc()).limit(size + 1)
    with store.connect() as conn:
        rows = conn.execute(query).all()
    shown = rows[:size]
    items = [{**_article_summary(r), "n_events": r.n_events} for r in shown]
    return {"articles": items, "next": encode_id_token(shown[-1].id) if len(rows) > size else None}


def get_article(store: Store, article_id: int) -> dict[str, Any]:
    """One stored article version: its metadata, its chronicle as stored, and its stored event mentions."""
    a, e = s.articles, s.events
    with store.connect() as conn:
        row = conn.execute(select(a).where(a.c.id == article_id)).first()
        if row is None:
            raise KroniekError("E231", what="article", id=article_id)
        body = conn.execute(select(s.chronicles.c.body).where(s.chronicles.c.article_id == article_id)).scalar()
        events = conn.execute(
            select(e, a.c.article_key, a.c.url, a.c.source, a.c.published)
            .join(a, a.c.id == e.c.article_id)
            .where(e.c.article_id == article_id)
            .order_by(e.c.evidence_start, e.c.id)
        ).all()
        people = event_participants(conn, [r.id for r in events])
        if row.url:
            versions = [
                {"id": v.id, "version": v.version}
                for v in conn.execute(select(a.c.id, a.c.version).where(a.c.url == row.url).order_by(a.c.version))
            ]
        else:
            versions = [{"id": row.id, "version": row.version}]
    chronicle = json.loads(body) if body else None
    return {
        "article": {**_article_summary(row), "text": row.text},
        "versions": versions,
        "events": [{**event_dict(r, people.get(r.id, {})), "active": bool(r.active)} for r in events],
        "chronicle": chronicle,
    }


# -- events --------------------------------------------------------------------------------------


def page_events(
    store: Store,
    actor: str | None = None,
    type: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    lang: str | None = None,
    modality: str | None = None,
    role: str | None = None,
    limit: int | None = None,
    next: str | None = None,
) -> dict[str, Any]:
    """One page of event mentions with the store's filters, in the store's order (the event's day, else
    the publication day, then id); ``next`` continues after the last row of the previous page."""
    size = check_limit(limit)
    types = check_types(type)
    modality = check_choice("modality", modality, MODALITIES)
    role = check_choice("role", role, ROLES) or "any"
    after = decode_token(next) if next else None
    e = s.events
    day = func.coalesce(e.c.date_start, e.c.published_day, literal(_NO_DAY))
    query = event_mentions_select(store, actor, role, types, lang, modality, since, until, day.label("sort_day"))
    if query is None:
        return {"events": [], "next": None}
    if after:
        query = query.where(or_(day > after[0], and_(day == after[0], e.c.id > after[1])))
    query = query.order_by(day, e.c.id).limit(size + 1)
    with store.connect() as conn:
        rows = conn.execute(query).all()
        shown = rows[:size]
        people = event_participants(conn, [r.id for r in shown])
    token = encode_token(shown[-1].sort_day, shown[-1].id) if len(rows) > size else None
    return {"events": [event_dict(r, people.get(r.id, {})) for r in shown], "next": token}


# -- fused events --------------------------------------------------------------------------------


def get_fused(store: Store, fused_id: int) -> dict[str, Any]:
    """One fused event with all its mentions, sources and disagreements, as ``query_fused`` gives it."""
    f = s.fused_events
    with store.connect() as conn:
        row = conn.execute(select(f.c.event_type, f.c.date_start, f.c.first_reported).where(f.c.id == fused_id)).first()
    if row is None:
        raise KroniekError("E231", what="fused event", id=fused_id)
    # narrowed to the row's own type and day, so the store's function builds exactly this event's dict
    day = row.date_start or row.first_reported
    found = query_fused(store, type=row.event_type, since=day, until=day, limit=None)
    for item in found:
        if item["id"] == fused_id:
            return item
    raise KroniekError("E231", what="fused event", id=fused_id)  # pragma: no cover - the row was just read


# -- commitments ---------------------------------------------------------------------------------

# list_commitments orders by start day (undated last), then id; the same key, with undated as the
# latest possible day, positions a page.
_UNDATED = dt.date(9999, 12, 31)


def page_commitments(
    store: Store,
    actor: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    next: str | None = None,
) -> dict[str, Any]:
    """One page of ``list_commitments`` (same filters, same order, same dicts); ``next`` continues it."""
    size = check_limit(limit)
    status = check_choice("status", status, STATUSES)
    kind = check_choice("kind", kind, KIND_NAMES)
    after = decode_token(next) if next else None
    items = list_commitments(store, actor=actor, status=status, kind=kind)

    def key(item: dict[str, Any]) -> tuple[dt.date, int]:
        return (dt.date.fromisoformat(item["since"]) if item["since"] else _UNDATED, int(item["id"]))

    if after:
        items = [item for item in items if key(item) > after]
    shown = items[:size]
    token = encode_token(key(shown[-1])[0], shown[-1]["id"]) if len(items) > size else None
    return {"commitments": shown, "next": token}
