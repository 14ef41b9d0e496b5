"""Querying the store: event mentions, fused events, an actor's timeline, commitments.

Actors are found by name the way people type them: case- and accent-insensitive, a part of the
canonical name ("Putin" finds "Vladimir Putin"), or a Wikidata id ("Q7747"). Dates filter on the
event's own date, or on the publication day when the article gives the event no date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from kroniek.errors import KroniekError
from kroniek.store import schema as s
from kroniek.store.commitments import STATUSES
from kroniek.store.dates import parse_day
from kroniek.store.db import Store
from kroniek.store.writer import fold

ROLES = ("any", "actor", "recipient", "source")
KIND_NAMES = ("promise", "demand", "refusal")


def find_actor_ids(store: Store, actor: str) -> list[int]:
    """Canonical actor ids whose name contains ``actor`` (folded), or whose Wikidata id it is."""
    text = actor.strip()
    a = s.actors
    with store.connect() as conn:
        if re.fullmatch(r"[Qq]\d+", text):
            rows = conn.execute(select(a.c.id).where(a.c.wikidata == text.upper()))
        else:
            folded = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = conn.execute(select(a.c.id).where(a.c.name_folded.like(f"%{folded}%", escape="\\")))
        return sorted(int(r[0]) for r in rows)


def parse_types(value: str | list[str] | None) -> list[str] | None:
    if value is None:
        return None
    items = value if isinstance(value, list) else value.split(",")
    from kroniek.chronicle.models import EVENT_TYPES

    out = [t.strip().upper() for t in items if t.strip()]
    for t in out:
        if t not in EVENT_TYPES:
            raise KroniekError("E207", option="event type", value=t, choices=", ".join(EVENT_TYPES))
    return out


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise KroniekError("E207", option=option, value=value, choices=", ".join(choices))


def _date_filter(date_col: Any, fallback_col: Any, since: dt.date | None, until: dt.date | None) -> list[Any]:
    # written as OR of two indexable ranges rather than COALESCE(), so the date indexes stay usable
    conds = []
    if since:
        conds.append(or_(date_col >= since, and_(date_col.is_(None), fallback_col >= since)))
    if until:
        conds.append(or_(date_col <= until, and_(date_col.is_(None), fallback_col <= until)))
    return conds


def _actor_event_ids(actor_ids: list[int], role: str) -> Select[Any]:
    ea = s.event_actors
    query = select(ea.c.event_id).where(ea.c.actor_id.in_(actor_ids))
    if role != "any":
        query = query.where(ea.c.role == role)
    return query


def event_mentions_select(
    store: Store,
    actor: str | None,
    role: str,
    types: list[str] | None,
    language: str | None,
    modality: str | None,
    since: dt.date | None,
    until: dt.date | None,
    *extra_columns: Any,
) -> Select[Any] | None:
    """Active event mentions with their article's key, url, source and publication (plus ``extra_columns``),
    filtered as ``query_events`` filters them, unordered; None when ``actor`` names no stored actor. Shared by
    ``query_events`` and the API's paged events so both select exactly the same mentions."""
    e, a = s.events, s.articles
    query = (
        select(e, a.c.article_key, a.c.url, a.c.source, a.c.published, *extra_columns)
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.active.is_(True))
    )
    if actor:
        ids = find_actor_ids(store, actor)
        if not ids:
            return None
        query = query.where(e.c.id.in_(_actor_event_ids(ids, role)))
    if types:
        query = query.where(e.c.event_type.in_(types))
    if language:
        query = query.where(e.c.language == language)
    if modality:
        query = query.where(e.c.modality == modality)
    return query.where(*_date_filter(e.c.date_start, e.c.published_day, since, until))


# The most rows one query may ask for: past it a limit is a mistake, not a wish for "all of them".
MAX_ROW_LIMIT = 10_000_000


def check_row_limit(value: int | float | str | None, option: str = "--limit") -> int | None:
    """A row limit as a whole number from 1 to MAX_ROW_LIMIT (None: no limit); anything else is E212,
    so that ``--limit -5`` is not read as "everything" and ``--limit 1e20`` reaches no database."""
    if value is None:
        return None
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit() and len(value.strip()) <= 20:
        number = int(value.strip())
    if number is None or not 1 <= number <= MAX_ROW_LIMIT:
        raise KroniekError("E212", option=option, low=1, high=MAX_ROW_LIMIT, value=str(value))
    return number


def query_events(
    store: Store,
    actor: str | None = None,
    type: str | list[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    role: str = "any",
    language: str | None = None,
    modality: str | None = None,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    """Event mentions (one per article that reports it), newest versions only, oldest first."""
    from kroniek.chronicle.models import MODALITIES

    _check_choice("role", role, ROLES)
    _check_choice("modality", modality, MODALITIES)
    since_day, until_day = parse_day(since, "--since"), parse_day(until, "--until")
    types = parse_types(type)
    e = s.events
    query = event_mentions_select(store, actor, role, types, language, modality, since_day, until_day)
    if query is None:
        return []
    # the event's day, else the day it was reported: undated events sit where they were in the news
    query = query.order_by(func.coalesce(e.c.date_start, e.c.published_day), e.c.id)
    limit = check_row_limit(limit)
    if limit is not None:
        query = query.limit(limit)
    with store.connect() as conn:
        rows = conn.execute(query).all()
        people = event_participants(conn, [r.id for r in rows])
    return [event_dict(r, people.get(r.id, {})) for r in rows]


def event_participants(conn: Any, event_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    ea, a = s.event_actors, s.actors
    for ids in _chunks(event_ids):
        for event_id, role, name in conn.execute(
            select(ea.c.event_id, ea.c.role, a.c.name)
            .join(a, a.c.id == ea.c.actor_id)
            .where(ea.c.event_id.in_(ids))
            .order_by(ea.c.event_id, a.c.id)
        ):
            out[event_id][role].append(name)
    return out


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    """``ids`` in slices small enough for an SQL ``IN (...)`` on every backend."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def proposition_dict(row: Any) -> dict[str, Any] | None:
    """The proposition of an event or fused-event row (the same four columns in both tables), or None."""
    if not row.proposition_event:
        return None
    return {
        "event": row.proposition_event,
        "mode": row.proposition_mode,
        "text": row.proposition_text,
        "duration": row.proposition_duration,
    }


def iso_day(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def event_dict(r: Any, people: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "id": r.id,
        "fused_id": r.fused_id,
        "article": r.article_key,
        "url": r.url,
        "source": r.source,
        "published": r.published,
        "language": r.language,
        "local_id": r.local_id,
        "event": r.event_type,
        "mode": r.mode,
        "context": json.loads(r.context) if r.context else [],
        "modality": r.modality,
        "actor": people.get("actor", []),
        "recipient": people.get("recipient", []),
        "reported_by": people["source"][0] if people.get("source") else None,
        "proposition": proposition_dict(r),
        "date": r.date_value,
        "date_start": iso_day(r.date_start),
        "date_end": iso_day(r.date_end),
        "duration": r.duration,
        "location": r.location_name,
        "location_country": r.location_country,
        "quantities": json.loads(r.quantities) if r.quantities else [],
        "evidence": r.evidence_text,
        "evidence_start": r.evidence_start,
        "evidence_end": r.evidence_end,
        "trigger": r.trigger_text,
        "confidence": r.confidence,
    }


def _names(conn: Any, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = conn.execute(select(s.actors.c.id, s.actors.c.name).where(s.actors.c.id.in_(sorted(ids))))
    return {int(i): n for i, n in rows}


def query_fused(
    store: Store,
    actor: str | None = None,
    type: str | list[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    role: str = "any",
    min_sources: int = 1,
    disagreement: bool | None = None,
    mentions: bool = True,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    """Fused events (one per real-world event), with their sources, disagreements and mentions."""
    _check_choice("role", role, ROLES)
    since_day, until_day = parse_day(since, "--since"), parse_day(until, "--until")
    types = parse_types(type)
    f, e = s.fused_events, s.events
    query = select(f)
    if actor:
        ids = find_actor_ids(store, actor)
        if not ids:
            return []
        query = query.where(
            f.c.id.in_(select(e.c.fused_id).where(e.c.id.in_(_actor_event_ids(ids, role)), e.c.fused_id.is_not(None)))
        )
    if types:
        query = query.where(f.c.event_type.in_(types))
    if min_sources > 1:
        query = query.where(f.c.n_sources >= min_sources)
    if disagreement is not None:
        query = query.where(f.c.has_disagreement.is_(disagreement))
    query = query.where(*_date_filter(f.c.date_start, f.c.first_reported, since_day, until_day))
    query = query.order_by(func.coalesce(f.c.date_start, f.c.first_reported), f.c.id)
    limit = check_row_limit(limit)
    if limit is not None:
        query = query.limit(limit)
    with store.connect() as conn:
        rows = conn.execute(query).all()
        actor_ids = {i for r in rows for i in json.loads(r.actor_ids) + json.loads(r.recipient_ids)}
        names = _names(conn, actor_ids)
        per_fused: dict[int, list[dict[str, Any]]] = defaultdict(list)
        if mentions and rows:
            fused_ids = [r.id for r in rows]
            for fused_chunk in _chunks(fused_ids):
                for m in conn.execute(
                    select(
                        e.c.fused_id,
                        e.c.id,
                        e.c.date_value,
                        e.c.quantities,
                        e.c.evidence_text,
                        e.c.evidence_start,
                        e.c.evidence_end,
                        e.c.language,
                        e.c.modality,
                        s.articles.c.article_key,
                        s.articles.c.source,
                        s.articles.c.url,
                        s.articles.c.published,
                    )
                    .join(s.articles, s.articles.c.id == e.c.article_id)
                    .where(e.c.fused_id.in_(fused_chunk))
                    .order_by(e.c.id)
                ):
                    per_fused[m.fused_id].append(
                        {
                            "event_id": m.id,
                            "article": m.article_key,
                            "source": m.source,
                            "url": m.url,
                            "published": m.published,
                            "language": m.language,
                            "modality": m.modality,
                            "date": m.date_value,
                            "quantities": json.loads(m.quantities) if m.quantities else [],
                            "evidence": m.evidence_text,
                            "evidence_start": m.evidence_start,
                            "evidence_end": m.evidence_end,
                        }
                    )
    out = []
    for r in rows:
        item = {
            "id": r.id,
            "event": r.event_type,
            "mode": r.mode,
            "modality": r.modality,
            "actor": [names.get(i, str(i)) for i in json.loads(r.actor_ids)],
            "recipient": [names.get(i, str(i)) for i in json.loads(r.recipient_ids)],
            "proposition": proposition_dict(r),
            "date": r.date_value,
            "date_start": iso_day(r.date_start),
            "date_end": iso_day(r.date_end),
            "first_reported": iso_day(r.first_reported),
            "last_reported": iso_day(r.last_reported),
            "n_mentions": r.n_mentions,
            "n_articles": r.n_articles,
            "n_sources": r.n_sources,
            "sources": json.loads(r.sources),
            "languages": json.loads(r.languages),
            "disagreements": json.loads(r.disagreements),
        }
        if mentions:
            item["mentions"] = per_fused.get(r.id, [])
        out.append(item)
    return out


def timeline(
    store: Store,
    actor: str,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    type: str | list[str] | None = None,
    limit: int | None = 1000,
) -> list[dict[str, Any]]:
    """What an actor did and underwent, one row per real-world event, in date order."""
    return query_fused(store, actor=actor, type=type, since=since, until=until, limit=limit)


def list_commitments(
    store: Store,
    actor: str | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Tracked promises, demands and refusals with their status and the later reports that bear on them."""
    _check_choice("status", status, STATUSES)
    _check_choice("kind", kind, KIND_NAMES)
    c, r, f = s.commitments, s.commitment_reports, s.fused_events
    query = select(c).order_by(c.c.since.asc().nulls_last(), c.c.id)
    if status:
        query = query.where(c.c.status == status)
    if kind:
        query = query.where(c.c.kind == kind)
    wanted = set(find_actor_ids(store, actor)) if actor else None
    with store.connect() as conn:
        rows = [
            row
            for row in conn.execute(query).all()
            if wanted is None or wanted & set(json.loads(row.actor_ids) + json.loads(row.recipient_ids))
        ]
        reports: dict[int, list[Any]] = defaultdict(list)
        ids = [row.id for row in rows]
        for id_chunk in _chunks(ids):
            for rep in conn.execute(
                select(
                    r.c.commitment_id,
                    r.c.relation,
                    r.c.reported_on,
                    f.c.id,
                    f.c.event_type,
                    f.c.actor_ids,
                    f.c.recipient_ids,
                    f.c.n_sources,
                )
                .join(f, f.c.id == r.c.fused_id)
                .where(r.c.commitment_id.in_(id_chunk))
                .order_by(r.c.reported_on, f.c.id)
            ):
                reports[rep.commitment_id].append(rep)
        actor_ids = {i for row in rows for i in json.loads(row.actor_ids) + json.loads(row.recipient_ids)}
        actor_ids |= {
            i
            for reps in reports.values()
            for rep in reps
            for i in json.loads(rep.actor_ids) + json.loads(rep.recipient_ids)
        }
        names = _names(conn, actor_ids)

    def named(raw: str) -> list[str]:
        return [names.get(i, str(i)) for i in json.loads(raw)]

    return [
        {
            "id": row.id,
            "kind": row.kind,
            "status": row.status,
            "as_of": iso_day(row.status_as_of),
            "actor": named(row.actor_ids),
            "recipient": named(row.recipient_ids),
            "proposition": {
                "event": row.proposition_event,
                "mode": row.proposition_mode,
                "text": row.proposition_text,
                "duration": row.duration,
            },
            "since": iso_day(row.since),
            "until": iso_day(row.until),
            "domains": json.loads(row.domains),
            "fused_id": row.fused_id,
            "reports": [
                {
                    "relation": rep.relation,
                    "date": iso_day(rep.reported_on),
                    "fused_id": rep.id,
                    "event": rep.event_type,
                    "actor": named(rep.actor_ids),
                    "recipient": named(rep.recipient_ids),
                    "n_sources": rep.n_sources,
                }
                for rep in reports.get(row.id, [])
            ],
        }
        for row in rows
    ]
