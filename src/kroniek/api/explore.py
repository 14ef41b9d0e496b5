"""The data of the analyst's pages: an actor, a country, a place, a source, and the charts (events per
month and type, who acts on whom, where) over any filtered set of event mentions.

Every function takes the same filters (``EventFilters``) so that a chart, a page and the search list
agree on which events they count. Names, never bare ids: actors by canonical name (with country,
sector and Wikidata id where asked), countries by name from the shipped country table.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Select, func, or_, select

from kroniek.errors import KroniekError
from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.query import (
    _actor_event_ids,
    event_dict,
    event_mentions_select,
    event_participants,
    find_actor_ids,
)

# How many rows a page lists and how many article bodies the map reads coordinates from.
LIST_LIMIT = 200
MAP_ARTICLES = 2000


@dataclass(frozen=True)
class EventFilters:
    """The filters every analyst page and the search take (all optional)."""

    type: list[str] | None = None
    mode: str | None = None
    modality: str | None = None
    actor: str | None = None
    role: str = "any"
    country: str | None = None
    place: str | None = None
    source: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    lang: str | None = None
    min_confidence: float | None = None
    min_sources: int | None = None


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166 alpha-3 code -> English name, from the shipped country table."""
    table = resources.files("kroniek.actors").joinpath("data/curated/countries.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in table.splitlines() if line and not line.startswith("#")), delimiter="\t")
    return {row[0]: row[1] for row in rows if len(row) > 1}


def country_label(code: str | None) -> str | None:
    return country_names().get(code, code) if code else None


def filtered_select(store: Store, filters: EventFilters, *columns: Any) -> Select[Any] | None:
    """Active event mentions (with ``columns``) that pass ``filters``; None when no stored actor matches."""
    f = filters
    query = event_mentions_select(store, f.actor, f.role, f.type, f.lang, f.modality, f.since, f.until, *columns)
    if query is None:
        return None
    e, a = s.events, s.articles
    if f.mode:
        query = query.where(e.c.mode == f.mode)
    if f.place:
        query = query.where(func.lower(e.c.location_name) == f.place.lower())
    if f.source:
        query = query.where(a.c.source == f.source)
    if f.min_confidence is not None:
        query = query.where(e.c.confidence >= f.min_confidence)
    if f.min_sources and f.min_sources > 1:
        multi = select(s.fused_events.c.id).where(s.fused_events.c.n_sources >= f.min_sources)
        query = query.where(e.c.fused_id.in_(multi))
    if f.country:
        code = f.country.upper()
        in_country = select(s.event_actors.c.event_id).join(s.actors, s.actors.c.id == s.event_actors.c.actor_id)
        query = query.where(or_(e.c.location_country == code, e.c.id.in_(in_country.where(s.actors.c.country == code))))
    return query


def event_rows(
    store: Store, filters: EventFilters, limit: int = LIST_LIMIT, offset: int = 0, where: Any = None
) -> tuple[list[dict[str, Any]], int]:
    """``limit`` mentions from ``offset`` (newest first) and how many pass the filters (and ``where``)."""
    e = s.events
    query = filtered_select(store, filters)
    if query is None:
        return [], 0
    if where is not None:
        query = query.where(where)
    with store.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        day = func.coalesce(e.c.date_start, e.c.published_day)
        rows = conn.execute(query.order_by(day.desc(), e.c.id.desc()).limit(limit).offset(offset)).all()
        people = event_participants(conn, [r.id for r in rows])
    return [event_dict(r, people.get(r.id, {})) for r in rows], total


def charts(store: Store, filters: EventFilters) -> dict[str, Any]:
    """The three pictures' data: mentions per month and type, who acts on whom, and where."""
    query = filtered_select(store, filters)
    if query is None:
        return {"by_month": [], "edges": [], "places": []}
    ids = query.with_only_columns(s.events.c.id).subquery()
    with store.connect() as conn:
        return {
            "by_month": by_month(conn, ids),
            "edges": edges(conn, ids),
            "places": places(conn, ids),
        }


def by_month(conn: Any, ids: Any) -> list[dict[str, Any]]:
    e = s.events
    counts: Counter[tuple[str, str]] = Counter()
    day = func.coalesce(e.c.date_start, e.c.published_day)
    for when, kind in conn.execute(select(day, e.c.event_type).where(e.c.id.in_(select(ids.c.id)))):
        month = when.isoformat()[:7] if isinstance(when, dt.date) else (str(when)[:7] if when else "undated")
        counts[(month, kind)] += 1
    return [{"month": m, "event": k, "n": n} for (m, k), n in sorted(counts.items())]


def edges(conn: Any, ids: Any, limit: int = 60) -> list[dict[str, Any]]:
    """Actor -> recipient pairs with how often and in which event types; the busiest ``limit``."""
    ea, a = s.event_actors, s.actors
    doer, target = ea.alias("doer"), ea.alias("target")
    da, ta = a.alias("da"), a.alias("ta")
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    query = (
        select(da.c.name, ta.c.name, s.events.c.event_type)
        .select_from(doer)
        .join(target, (target.c.event_id == doer.c.event_id) & (target.c.role == "recipient"))
        .join(da, da.c.id == doer.c.actor_id)
        .join(ta, ta.c.id == target.c.actor_id)
        .join(s.events, s.events.c.id == doer.c.event_id)
        .where(doer.c.role == "actor", doer.c.event_id.in_(select(ids.c.id)))
    )
    for actor, recipient, kind in conn.execute(query):
        if actor != recipient:
            pairs[(actor, recipient)][kind] += 1
    ranked = sorted(pairs.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:limit]
    return [{"actor": x, "recipient": y, "n": sum(c.values()), "events": dict(c)} for (x, y), c in ranked]


def places(conn: Any, ids: Any) -> list[dict[str, Any]]:
    """Event places with their counts and coordinates (from the stored chronicles' locations)."""
    e = s.events
    counts: Counter[tuple[str, str | None]] = Counter()
    articles: set[int] = set()
    query = select(e.c.location_name, e.c.location_country, e.c.article_id).where(
        e.c.id.in_(select(ids.c.id)), e.c.location_name.is_not(None)
    )
    for name, country, article_id in conn.execute(query):
        counts[(name, country)] += 1
        articles.add(article_id)
    where: dict[str, tuple[float, float]] = {}
    chosen = sorted(articles)[:MAP_ARTICLES]
    for start in range(0, len(chosen), 500):
        for (body,) in conn.execute(
            select(s.chronicles.c.body).where(s.chronicles.c.article_id.in_(chosen[start : start + 500]))
        ):
            for event in json.loads(body).get("events", []):
                loc = event.get("location") or {}
                if loc.get("lat") is not None and loc.get("lon") is not None:
                    where.setdefault(loc["name"], (float(loc["lat"]), float(loc["lon"])))
    out = []
    for (name, country), n in counts.most_common():
        lat, lon = where.get(name, (None, None))
        out.append({"name": name, "country": country, "lat": lat, "lon": lon, "n": n})
    return out


def actor_info(store: Store, actor_id: int) -> dict[str, Any]:
    a = s.actors
    with store.connect() as conn:
        row = conn.execute(select(a).where(a.c.id == actor_id)).first()
    if row is None:
        raise KroniekError("E231", what="actor", id=actor_id)
    return _actor_dict(row)


def _actor_dict(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "kind": row.kind,
        "country": row.country,
        "country_name": country_label(row.country),
        "sector": row.sector,
        "wikidata": row.wikidata,
    }


def matching_actors(store: Store, text: str) -> list[dict[str, Any]]:
    ids = find_actor_ids(store, text)[:50]
    if not ids:
        return []
    with store.connect() as conn:
        rows = conn.execute(select(s.actors).where(s.actors.c.id.in_(ids)).order_by(s.actors.c.name)).all()
    return [_actor_dict(r) for r in rows]


def actor_roles(store: Store, actor_id: int) -> dict[str, int]:
    ea, e = s.event_actors, s.events
    with store.connect() as conn:
        rows = conn.execute(
            select(ea.c.role, func.count())
            .join(e, e.c.id == ea.c.event_id)
            .where(ea.c.actor_id == actor_id, e.c.active.is_(True))
            .group_by(ea.c.role)
        ).all()
    return {role: n for role, n in rows}


def actor_filter_ids(actor_id: int) -> Select[Any]:
    return _actor_event_ids([actor_id], "any")


def top_actors(store: Store, filters: EventFilters, limit: int = 25) -> list[dict[str, Any]]:
    query = filtered_select(store, filters)
    if query is None:
        return []
    ids = query.with_only_columns(s.events.c.id).subquery()
    ea, a = s.event_actors, s.actors
    with store.connect() as conn:
        rows = conn.execute(
            select(a.c.id, a.c.name, a.c.country, a.c.wikidata, func.count(func.distinct(ea.c.event_id)).label("n"))
            .join(a, a.c.id == ea.c.actor_id)
            .where(ea.c.event_id.in_(select(ids.c.id)))
            .group_by(a.c.id, a.c.name, a.c.country, a.c.wikidata)
            .order_by(func.count(func.distinct(ea.c.event_id)).desc(), a.c.name)
            .limit(limit)
        ).all()
    return [{"id": r.id, "name": r.name, "n": r.n, "country": r.country, "wikidata": r.wikidata} for r in rows]


def top_sources(store: Store, limit: int = 25) -> list[dict[str, Any]]:
    a, e = s.articles, s.events
    with store.connect() as conn:
        rows = conn.execute(
            select(a.c.source, func.count(e.c.id).label("n"))
            .join(e, e.c.article_id == a.c.id)
            .where(e.c.active.is_(True), a.c.source.is_not(None))
            .group_by(a.c.source)
            .order_by(func.count(e.c.id).desc(), a.c.source)
            .limit(limit)
        ).all()
    return [{"name": r.source, "n": r.n} for r in rows]


def event_type_counts(store: Store) -> dict[str, int]:
    e = s.events
    with store.connect() as conn:
        rows = conn.execute(
            select(e.c.event_type, func.count()).where(e.c.active.is_(True)).group_by(e.c.event_type)
        ).all()
    return {kind: n for kind, n in sorted(rows)}


def scope_page(store: Store, kind: str, name: str, filters: EventFilters) -> dict[str, Any]:
    """A country, place or source page: ``filters`` already narrowed to it."""
    events, total = event_rows(store, filters)
    pictures = charts(store, filters)
    label = country_label(name.upper()) if kind == "country" else name
    return {
        "kind": kind,
        "name": name,
        "label": label or name,
        "n_events": total,
        "by_month": pictures["by_month"],
        "actors": top_actors(store, filters),
        "places": pictures["places"],
        "edges": pictures["edges"],
        "events": events,
    }
