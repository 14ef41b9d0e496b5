"""The store's list and detail pages (articles, events, fused events, commitments, timeline) and
``POST /extract``, each with typed parameters and a response model; HTML and JSON twin alike."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import ValidationError

from kroniek.api import explore, models, queries
from kroniek.api.app import Site, csv_response, output_format, page_link
from kroniek.api.highlight import evidence_pieces
from kroniek.api.params import (
    Actor,
    EventType,
    Format,
    FormatCsv,
    KindName,
    Lang,
    Limit,
    MinSources,
    Modality,
    Next,
    Role,
    Since,
    StatusName,
    Until,
)
from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError
from kroniek.store.export import EVENT_COLUMNS, flat_event
from kroniek.store.query import query_fused, timeline

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.ErrorBody, "description": "no such id (E231)"},
    422: {"model": models.ErrorBody, "description": "a parameter cannot be read (E232, E233, E242)"},
}
HTML_TOO: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "the HTML page, or its JSON twin"}
}


def path_id(what: str, value: str) -> int:
    # ids in paths are the store's integer ids; anything else (or past 64 bits) cannot name a stored row
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise KroniekError("E231", what=what, id=value)
    return int(value)


def page(
    site: Site, path: str, model: type[Any], *aliases: str, summary: str = ""
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a GET page under its path and its ``.json`` twin (the twin first, so that a path
    parameter never swallows the ``.json``); both are in the schema with the page's response model."""

    def add(handler: Callable[..., Any]) -> Callable[..., Any]:
        twin = "/.json" if path == "/" else path + ".json"
        for route in (twin, *aliases, path):
            site.app.add_api_route(
                route,
                handler,
                methods=["GET"],
                response_model=model,
                response_model_exclude_unset=True,  # the twin is the library's dict, no added defaults
                responses={**HTML_TOO, **ERRORS},
                summary=summary or None,
                include_in_schema=not route.endswith(".csv") and route != "/index.json",
                name=f"{handler.__name__} {route}",
            )
        return handler

    return add


def register(site: Site) -> None:
    store = site.store

    @page(site, "/", models.Overview, "/index.json", summary="What the store holds")
    def index(request: Request, format: Format = None) -> Any:
        data = queries.overview(store)
        data["event_types"] = explore.event_type_counts(store)
        data["top_actors"] = explore.top_actors(store, explore.EventFilters(), limit=15)
        data["top_sources"] = explore.top_sources(store, limit=15)
        return site.render(request, "index.html", data)

    @page(site, "/articles", models.ArticlesPage, summary="Stored articles, newest first")
    def articles(
        request: Request, lang: Lang = None, limit: Limit = None, next: Next = None, format: Format = None
    ) -> Any:
        data = queries.list_articles(store, lang=lang, limit=limit, next=next)
        next_link = page_link(request, _next=data["next"]) if data["next"] else None
        return site.render(request, "articles.html", data, next_link=next_link)

    @page(site, "/articles/{article_id}", models.ArticlePage, summary="One article with its events highlighted")
    def article(request: Request, article_id: str, format: Format = None) -> Any:
        data = queries.get_article(store, path_id("article", article_id))
        pieces = evidence_pieces(data["article"]["text"], data["events"])
        return site.render(request, "article.html", data, pieces=pieces)

    @page(site, "/events", models.EventsPage, "/events.csv", summary="Event mentions, one per reporting article")
    def events(
        request: Request,
        actor: Actor = None,
        type: EventType = None,
        since: Since = None,
        until: Until = None,
        lang: Lang = None,
        modality: Modality = None,
        role: Role = None,
        limit: Limit = None,
        next: Next = None,
        format: FormatCsv = None,
    ) -> Any:
        data = queries.page_events(
            store, actor=actor, type=type, since=since, until=until, lang=lang, modality=modality, role=role,
            limit=limit, next=next,
        )  # fmt: skip
        if output_format(request, ("html", "json", "csv")) == "csv":
            next_csv = page_link(request, _next=data["next"], _format="csv") if data["next"] else None
            return csv_response([flat_event(e) for e in data["events"]], EVENT_COLUMNS, next_csv)
        next_link = page_link(request, _next=data["next"]) if data["next"] else None
        csv_link = page_link(request, _format="csv")
        return site.render(
            request, "events.html", data, next_link=next_link, csv_link=csv_link, params=dict(request.query_params)
        )

    @page(site, "/fused", models.FusedList, summary="Fused events: one per real-world event")
    def fused_list(
        request: Request,
        actor: Actor = None,
        type: EventType = None,
        since: Since = None,
        until: Until = None,
        role: Role = None,
        min_sources: MinSources = None,
        disagreement: bool | None = None,
        limit: Limit = None,
        format: Format = None,
    ) -> Any:
        rows = query_fused(
            store, actor=actor, type=queries.check_types(type), since=since, until=until, role=role or "any",
            min_sources=min_sources or 1, disagreement=disagreement, mentions=False,
            limit=queries.MAX_LIMIT if limit is None else limit,
        )  # fmt: skip
        return site.render(request, "fused_list.html", {"fused": rows}, params=dict(request.query_params))

    @page(site, "/fused/{fused_id}", models.FusedEvent, summary="One fused event: its reports side by side")
    def fused(request: Request, fused_id: str, format: Format = None) -> Any:
        data = queries.get_fused(store, path_id("fused event", fused_id))
        return site.render(request, "fused.html", data, disputed=disputed_mentions(data))

    @page(site, "/commitments", models.CommitmentsPage, summary="Promises, demands and refusals, tracked")
    def commitments(
        request: Request,
        actor: Actor = None,
        status: StatusName | None = None,
        kind: KindName | None = None,
        limit: Limit = None,
        next: Next = None,
        format: Format = None,
    ) -> Any:
        data = queries.page_commitments(store, actor=actor, status=status, kind=kind, limit=limit, next=next)
        next_link = page_link(request, _next=data["next"]) if data["next"] else None
        return site.render(request, "commitments.html", data, next_link=next_link, params=dict(request.query_params))

    @page(site, "/timeline", models.Timeline, summary="An actor's events, one row per real-world event")
    def actor_timeline(
        request: Request,
        actor: Annotated[str, Query(max_length=300, description="actor name or part of it, or a Wikidata id")],
        since: Since = None,
        until: Until = None,
        type: EventType = None,
        limit: Limit = None,
        format: Format = None,
    ) -> Any:
        rows = timeline(
            store, actor, since=since, until=until, type=queries.check_types(type),
            limit=queries.MAX_LIMIT if limit is None else limit,
        )  # fmt: skip
        data = {"actor": actor, "actors": explore.matching_actors(store, actor), "timeline": rows}
        return site.render(request, "timeline.html", data)

    register_extract(site)


def disputed_mentions(fused: dict[str, Any]) -> dict[int, list[str]]:
    """Mention id -> the fields on which it differs from the other reports (to highlight them)."""
    out: dict[int, list[str]] = {}
    for issue in fused.get("disagreements", []):
        for value in issue.get("values", []):
            for mention in value.get("mentions", []):
                out.setdefault(int(mention), []).append(issue["field"])
    return out


def register_extract(site: Site) -> None:
    app = site.app
    extractor_lock = threading.Lock()

    def the_extractor() -> Any:
        # built once, on the first request, by one thread: loading the pipeline takes seconds
        with extractor_lock:
            if app.state.extractor is None:
                from kroniek.extractor import Extractor

                app.state.extractor = Extractor()
            return app.state.extractor

    body_schema = models.ExtractRequest.model_json_schema()

    @app.post(
        "/extract",
        response_model=Chronicle,
        responses={
            413: {"model": models.ErrorBody, "description": "the body is over the size limit (E243)"},
            422: {"model": models.ErrorBody, "description": "the text or a field cannot be used (E001-E008, E234)"},
        },
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": body_schema}}}},
        summary="The chronicle of a posted text (plain text or HTML)",
    )
    async def extract(request: Request) -> Response:
        """The chronicle of a posted text: JSON {text, published?, lang?, id?, url?, source?, title?}."""
        body = await read_extract_body(request, app.state.max_extract_bytes)
        meta = body.model_dump(exclude_none=True, exclude={"text", "published", "lang"})
        chronicle = await run_in_threadpool(
            lambda: the_extractor().extract(body.text, published=body.published, lang=body.lang, **meta)
        )
        return Response(chronicle.model_dump_json(exclude_none=False), media_type="application/json")


async def read_extract_body(request: Request, limit: int) -> models.ExtractRequest:
    """The posted JSON, read up to ``limit`` bytes (E243 beyond), checked against ExtractRequest (E234)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise KroniekError("E243", limit=limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise KroniekError("E243", limit=limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        data = json.loads(raw) if raw else None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KroniekError("E234", detail=f"not JSON ({exc})") from exc
    except RecursionError as exc:
        raise KroniekError("E234", detail="not readable: JSON nested too deeply") from exc
    if not isinstance(data, dict):
        raise KroniekError("E234", detail="expected a JSON object")
    try:
        return models.ExtractRequest.model_validate({k: v for k, v in data.items() if v is not None})
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        if problem["type"] == "extra_forbidden":
            detail = f"unknown field(s) {where}"
        elif problem["type"] == "missing":
            detail = f"the field {where} (a string) is required"
        else:
            detail = f"the field {where} must be a string"
        raise KroniekError("E234", detail=detail) from exc
