"""The analyst's pages: an actor, a country, a place, a source, and search with filters; each with
the three pictures (events per month and type, who acts on whom, a map of event places)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Query, Request

from kroniek.api import explore, models, queries
from kroniek.api.app import Site, page_link
from kroniek.api.explore import EventFilters
from kroniek.api.params import (
    Actor,
    Country,
    EventType,
    Format,
    Lang,
    Limit,
    MinConfidence,
    MinSources,
    Modality,
    Mode,
    Next,
    Place,
    Role,
    Since,
    Source,
    Until,
)
from kroniek.api.routes import page, path_id
from kroniek.api.search import matching_ids, snippet
from kroniek.store import schema as s
from kroniek.store.query import list_commitments, timeline

SEARCH_FIELDS = ("q", "type", "mode", "modality", "actor", "country", "place", "source", "since", "until")
SEARCH_MORE = ("lang", "min_confidence", "min_sources")


def register(site: Site) -> None:
    store = site.store

    @page(site, "/actors/{actor_id}", models.ActorPage, summary="An actor: timeline chart, counterparts, commitments")
    def actor(request: Request, actor_id: str, format: Format = None) -> Any:
        info = explore.actor_info(store, path_id("actor", actor_id))
        key = info["wikidata"] or info["name"]
        filters = EventFilters(actor=key)
        pictures = explore.charts(store, filters)
        rows = timeline(store, key, limit=explore.LIST_LIMIT)
        mine = [c for c in list_commitments(store, actor=key) if info["name"] in c["actor"] + c["recipient"]]
        data = {
            "actor": info,
            "roles": explore.actor_roles(store, info["id"]),
            "by_month": pictures["by_month"],
            "counterparts": [e for e in pictures["edges"] if info["name"] in (e["actor"], e["recipient"])],
            "timeline": [r for r in rows if info["name"] in r["actor"] + r["recipient"]] or rows,
            "commitments": mine,
        }
        return site.render(request, "actor.html", data, charts=pictures, search=f"/search?actor={key}")

    @page(site, "/countries/{code}", models.ScopePage, summary="A country: events of its actors and on its soil")
    def country(request: Request, code: str, format: Format = None) -> Any:
        if not (len(code) == 3 and code.isascii() and code.isalpha()):
            raise queries.KroniekError("E231", what="country", id=code)
        data = explore.scope_page(store, "country", code.upper(), EventFilters(country=code.upper()))
        return site.render(request, "scope.html", data, search=f"/search?country={code.upper()}")

    @page(site, "/places/{name}", models.ScopePage, summary="A place: the events that happened there")
    def place(request: Request, name: str, format: Format = None) -> Any:
        data = explore.scope_page(store, "place", name, EventFilters(place=name))
        return site.render(request, "scope.html", data, search=f"/search?place={name}")

    @page(site, "/sources/{name}", models.ScopePage, summary="A source (outlet): what it reported")
    def source(request: Request, name: str, format: Format = None) -> Any:
        data = explore.scope_page(store, "source", name, EventFilters(source=name))
        return site.render(request, "scope.html", data, search=f"/search?source={name}")

    @page(site, "/search", models.SearchPage, summary="Full text over articles and evidence, with event filters")
    def search(
        request: Request,
        q: Annotated[
            str | None, Query(max_length=300, description="words to find in article texts and evidence")
        ] = None,
        type: EventType = None,
        mode: Mode = None,
        modality: Modality = None,
        actor: Actor = None,
        role: Role = None,
        country: Country = None,
        place: Place = None,
        source: Source = None,
        since: Since = None,
        until: Until = None,
        lang: Lang = None,
        min_confidence: MinConfidence = None,
        min_sources: MinSources = None,
        limit: Limit = None,
        next: Next = None,
        format: Format = None,
    ) -> Any:
        filters = EventFilters(
            type=queries.check_types(type), mode=mode, modality=modality, actor=actor, role=role or "any",
            country=country.upper() if country else None, place=place, source=source, since=since, until=until,
            lang=lang, min_confidence=min_confidence, min_sources=min_sources,
        )  # fmt: skip
        data = run_search(store, q, filters, queries.check_limit(limit), next)
        pictures = explore.charts(store, filters) if not q else None
        next_link = page_link(request, _next=data["next"]) if data["next"] else None
        return site.render(
            request,
            "search.html",
            data,
            charts=pictures,
            params=dict(request.query_params),
            query_string=urlencode({k: v for k, v in request.query_params.items() if not k.startswith("_")}),
            fields=SEARCH_FIELDS,
            more_fields=SEARCH_MORE,
            next_link=next_link,
        )

    @page(site, "/charts", models.Charts, summary="The data behind the charts, for any filter")
    def charts(
        request: Request,
        type: EventType = None,
        modality: Modality = None,
        actor: Actor = None,
        country: Country = None,
        place: Place = None,
        source: Source = None,
        since: Since = None,
        until: Until = None,
        format: Format = None,
    ) -> Any:
        filters = EventFilters(
            type=queries.check_types(type), modality=modality, actor=actor, place=place, source=source,
            country=country.upper() if country else None, since=since, until=until,
        )  # fmt: skip
        return site.render(request, "charts.html", explore.charts(store, filters))


def run_search(store: Any, q: str | None, filters: EventFilters, size: int, next: str | None) -> dict[str, Any]:
    """Events passing ``filters`` (and, with ``q``, whose evidence or article matches it), newest first,
    plus the matching articles with a snippet; ``next`` continues the event list."""
    from sqlalchemy import or_, select

    start = queries.decode_id_token(next) if next else 0
    engine, hits, match = "none", [], None
    if q:
        engine, article_ids, event_ids = matching_ids(store, q)
        e = s.events
        match = or_(e.c.id.in_(event_ids[:5000] or [-1]), e.c.article_id.in_(article_ids[:5000] or [-1]))
        a = s.articles
        with store.connect() as conn:
            rows = {
                r.id: r
                for r in conn.execute(
                    select(a.c.id, a.c.article_key, a.c.title, a.c.source, a.c.published, a.c.language, a.c.text).where(
                        a.c.id.in_(article_ids[:size] or [-1]), a.c.superseded_by.is_(None)
                    )
                )
            }
        hits = [
            {
                "kind": "article",
                "article_id": r.id,
                "article": r.article_key,
                "title": r.title,
                "source": r.source,
                "published": r.published,
                "language": r.language,
                "snippet": snippet((r.title + " — " if r.title else "") + r.text, q),
            }  # fmt: skip
            for r in (rows.get(i) for i in article_ids[:size])
            if r is not None
        ]
    events, total = explore.event_rows(store, filters, limit=size, offset=start, where=match)
    token = queries.encode_id_token(start + size) if start + size < total else None
    return {"q": q, "engine": engine, "total": total, "hits": hits, "events": events, "next": token}
