"""The HTTP API and browsable pages over a store, the datasette way: every HTML page has a JSON twin.

``create_app(db_url)`` opens the store (running its migrations, like every other store command) and
returns a FastAPI app. A page at ``/events`` has its twin at ``/events.json`` (or ``/events?_format=json``);
both render the same dict, which is the data the library functions return (``kroniek.store.query``
and ``kroniek.api.queries``). ``POST /extract`` runs the extractor on a posted text.

Errors keep the catalogue's codes: unknown id -> 404 (E231), a bad parameter -> 400 (E232/E233, naming
the parameter), bad input to /extract -> 422 (the input error's own code, or E234 for the body).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException

from kroniek.api import queries
from kroniek.api.highlight import evidence_pieces
from kroniek.api.security import SecuritySettings, add_security
from kroniek.csvsafe import safe_rows
from kroniek.errors import InputError, KroniekError
from kroniek.store.dates import parse_day
from kroniek.store.db import Store, open_store
from kroniek.store.export import EVENT_COLUMNS, flat_event
from kroniek.store.query import ROLES, query_fused, timeline

# Catalogue codes and the HTTP status they answer with; anything else is a server-side failure (500).
STATUS_OF_CODE = {
    "E231": 404,
    "E232": 400,
    "E233": 400,
    "E207": 400,
    "E208": 400,
    "E234": 422,
    "E201": 503,  # the store is locked by a writer: try again shortly
}
# Codes of /extract that are the caller's input (empty, too long, unreadable date, unknown language ...).
EXTRACT_INPUT_CODES = frozenset({"E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008"})
EXTRACT_FIELDS = {"text", "published", "lang", "id", "url", "source", "title"}


def is_web_url(value: str | None) -> bool:
    """Only http(s) URLs become links: escaping does not stop a ``javascript:`` URL from an untrusted
    article's metadata, so any other scheme is shown as text."""
    return bool(value) and urlsplit(str(value).strip()).scheme.lower() in ("http", "https")


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("kroniek.api", "templates"),
        autoescape=True,  # evidence, names and article text are untrusted: escape everything
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=1)
    env.filters["names"] = lambda value: ", ".join(value or [])
    env.filters["web_url"] = is_web_url
    return env


def wants_json(request: Request) -> bool:
    """The JSON twin: the path ends in ``.json`` or ``_format=json`` is given (anything else: E233)."""
    return output_format(request) == "json"


def output_format(request: Request, allowed: tuple[str, ...] = ("html", "json")) -> str:
    """``html``, ``json`` (path ending in ``.json`` or ``_format=json``) or, where a page offers it,
    ``csv`` (``.csv`` or ``_format=csv``); any other ``_format`` is E233."""
    fmt = request.query_params.get("_format") or None
    if fmt is not None and fmt not in allowed:
        raise KroniekError("E233", parameter="_format", value=fmt, detail="choose one of: " + ", ".join(allowed))
    for suffix in ("json", "csv"):
        if request.url.path.endswith("." + suffix):
            return suffix
    return fmt or "html"


def csv_response(rows: list[dict[str, Any]], columns: tuple[str, ...], next_link: str | None) -> Response:
    """Rows as CSV (lists joined with "; ", as ``kroniek export events -f csv``); the next page, when
    there is one, in a ``Link: <...>; rel="next"`` header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows(rows))  # evidence and names are untrusted: no spreadsheet formulas
    headers = {"Link": f'<{next_link}>; rel="next"'} if next_link else {}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def _day(parameter: str, value: str | None) -> dt.date | None:
    try:
        return parse_day(value, parameter)
    except KroniekError as exc:
        raise KroniekError("E233", parameter=parameter, value=value, detail="write the date as YYYY-MM-DD") from exc


def _int(parameter: str, value: str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise KroniekError("E233", parameter=parameter, value=value, detail="give a whole number") from exc


def _upto(limit: int | None) -> int:
    """A limit for the lists without pages (fused events, timeline): all rows up to the maximum."""
    return queries.MAX_LIMIT if limit is None else queries.check_limit(limit)


def _path_id(what: str, value: str) -> int:
    # ids in paths are the store's integer ids; anything else (or past 64 bits) cannot name a stored row
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise KroniekError("E231", what=what, id=value)
    return int(value)


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name)
    return value if value not in (None, "") else None


def _link(request: Request, **changes: Any) -> str:
    """This page's URL (HTML form) with some query parameters changed; None removes one."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    path = request.url.path.removesuffix(".json").removesuffix(".csv")
    return path + ("?" + urlencode(params) if params else "")


def _json_link(request: Request) -> str:
    path = request.url.path.removesuffix(".json")
    twin = "/.json" if path in ("/", "/index", "") else path.rstrip("/") + ".json"
    params = {k: v for k, v in request.query_params.items() if k != "_format"}
    return twin + ("?" + urlencode(params) if params else "")


def create_app(db_url: str, extractor: Any | None = None, security: SecuritySettings | None = None) -> FastAPI:
    """The app over the store at ``db_url`` (a file path, sqlite:/// or postgresql:// URL).

    ``extractor`` (a kroniek.extractor.Extractor) serves ``POST /extract``; by default one is built
    on the first request, so browsing never loads the NLP models. ``security`` says how the server is
    exposed (kroniek.api.security; default: this machine only).
    """
    store: Store = open_store(db_url)
    env = _templates()

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="kroniek",
        description="Browse and query a kroniek store; every page has a JSON twin (.json or ?_format=json).",
        lifespan=lifespan,
        docs_url="/_docs",
        redoc_url=None,
        openapi_url="/_openapi.json",
    )
    app.state.store = store
    app.state.extractor = extractor
    add_security(app, security)

    def render(request: Request, template: str, data: dict[str, Any], status: int = 200, **extra: Any) -> Response:
        if wants_json(request):
            return JSONResponse(data, status_code=status)
        page = env.get_template(template).render(data=data, json_link=_json_link(request), **extra)
        return HTMLResponse(page, status_code=status)

    def error_response(request: Request, status: int, code: str, message: str, **more: Any) -> Response:
        body = {"error": {"code": code, "message": message, **more}}
        # never re-check _format here: a bad _format is itself the error being reported
        as_json = (
            request.method != "GET"
            or request.url.path.endswith((".json", ".csv"))
            or request.query_params.get("_format") in ("json", "csv")
        )
        if as_json:
            return JSONResponse(body, status_code=status)
        page = env.get_template("error.html").render(data=body, status=status, json_link=_json_link(request))
        return HTMLResponse(page, status_code=status)

    @app.exception_handler(KroniekError)
    async def catalogue_error(request: Request, exc: KroniekError) -> Response:
        status = STATUS_OF_CODE.get(exc.code, 500)
        if request.url.path == "/extract" and (exc.code in EXTRACT_INPUT_CODES or isinstance(exc, InputError)):
            status = 422
        more = {"parameter": exc.params["parameter"]} if "parameter" in exc.params else {}
        return error_response(request, status, exc.code, exc.message, **more)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, f"HTTP{exc.status_code}", message)

    def page(path: str, *aliases: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
        """Register a GET page under its path and its ``.json`` twin (the twin first, so that a path
        parameter never swallows the ``.json``)."""

        def add(handler: Callable[..., Response]) -> Callable[..., Response]:
            twin = "/.json" if path == "/" else path + ".json"
            for route in (twin, *aliases, path):
                app.add_api_route(route, handler, methods=["GET"], include_in_schema=route != twin)
            return handler

        return add

    @page("/", "/index.json")
    def index(request: Request) -> Response:
        return render(request, "index.html", queries.overview(store))

    @page("/articles")
    def articles(request: Request) -> Response:
        data = queries.list_articles(
            store,
            lang=_param(request, "lang"),
            limit=_int("limit", _param(request, "limit")),
            next=_param(request, "_next"),
        )
        next_link = _link(request, _next=data["next"]) if data["next"] else None
        return render(request, "articles.html", data, next_link=next_link)

    @page("/articles/{article_id}")
    def article(request: Request, article_id: str) -> Response:
        data = queries.get_article(store, _path_id("article", article_id))
        pieces = evidence_pieces(data["article"]["text"], data["events"])
        return render(request, "article.html", data, pieces=pieces)

    @page("/events", "/events.csv")
    def events(request: Request) -> Response:
        data = queries.page_events(
            store,
            actor=_param(request, "actor"),
            type=_param(request, "type"),
            since=_day("since", _param(request, "since")),
            until=_day("until", _param(request, "until")),
            lang=_param(request, "lang"),
            modality=_param(request, "modality"),
            role=_param(request, "role"),
            limit=_int("limit", _param(request, "limit")),
            next=_param(request, "_next"),
        )
        if output_format(request, ("html", "json", "csv")) == "csv":
            next_csv = _link(request, _next=data["next"], _format="csv") if data["next"] else None
            return csv_response([flat_event(e) for e in data["events"]], EVENT_COLUMNS, next_csv)
        next_link = _link(request, _next=data["next"]) if data["next"] else None
        csv_link = _link(request, _format="csv")
        return render(
            request, "events.html", data, next_link=next_link, csv_link=csv_link, params=dict(request.query_params)
        )

    @page("/fused")
    def fused_list(request: Request) -> Response:
        disagreement = _param(request, "disagreement")
        flag = queries.check_choice("disagreement", disagreement, ("true", "false"))
        rows = query_fused(
            store,
            actor=_param(request, "actor"),
            type=queries.check_types(_param(request, "type")),
            since=_day("since", _param(request, "since")),
            until=_day("until", _param(request, "until")),
            role=queries.check_choice("role", _param(request, "role"), ROLES) or "any",
            min_sources=_int("min_sources", _param(request, "min_sources")) or 1,
            disagreement=None if flag is None else flag == "true",
            mentions=False,
            limit=_upto(_int("limit", _param(request, "limit"))),
        )
        return render(request, "fused_list.html", {"fused": rows}, params=dict(request.query_params))

    @page("/fused/{fused_id}")
    def fused(request: Request, fused_id: str) -> Response:
        data = queries.get_fused(store, _path_id("fused event", fused_id))
        return render(request, "fused.html", data)

    @page("/commitments")
    def commitments(request: Request) -> Response:
        data = queries.page_commitments(
            store,
            actor=_param(request, "actor"),
            status=_param(request, "status"),
            kind=_param(request, "kind"),
            limit=_int("limit", _param(request, "limit")),
            next=_param(request, "_next"),
        )
        next_link = _link(request, _next=data["next"]) if data["next"] else None
        return render(request, "commitments.html", data, next_link=next_link, params=dict(request.query_params))

    @page("/timeline")
    def actor_timeline(request: Request) -> Response:
        actor = _param(request, "actor")
        if actor is None:
            raise KroniekError(
                "E232", parameter="actor", detail="give part of a name or a Wikidata id, e.g. ?actor=Putin"
            )
        rows = timeline(
            store,
            actor,
            since=_day("since", _param(request, "since")),
            until=_day("until", _param(request, "until")),
            type=queries.check_types(_param(request, "type")),
            limit=_upto(_int("limit", _param(request, "limit"))),
        )
        return render(request, "timeline.html", {"actor": actor, "timeline": rows})

    extractor_lock = threading.Lock()

    def the_extractor() -> Any:
        # built once, on the first request, by one thread: loading the pipeline takes seconds
        with extractor_lock:
            if app.state.extractor is None:
                from kroniek.extractor import Extractor

                app.state.extractor = Extractor()
            return app.state.extractor

    @app.post("/extract")
    async def extract(request: Request) -> Response:
        """The chronicle of a posted text: JSON {text, published?, lang?, id?, url?, source?, title?}."""
        body = await _extract_body(request)
        text = body.pop("text")
        chronicle = await run_in_threadpool(
            lambda: the_extractor().extract(
                text, published=body.pop("published", None), lang=body.pop("lang", None), **body
            )
        )
        return Response(chronicle.model_dump_json(exclude_none=False), media_type="application/json")

    return app


async def _extract_body(request: Request) -> dict[str, Any]:
    """The posted JSON, checked: a text, and optional string fields; anything else is E234 (422)."""
    raw = await request.body()
    try:
        body = json.loads(raw) if raw else None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KroniekError("E234", detail=f"not JSON ({exc})") from exc
    except RecursionError as exc:
        raise KroniekError("E234", detail="not readable: JSON nested too deeply") from exc
    if not isinstance(body, dict):
        raise KroniekError("E234", detail="expected a JSON object")
    unknown = sorted(set(body) - EXTRACT_FIELDS)
    if unknown:
        raise KroniekError("E234", detail="unknown field(s) " + ", ".join(unknown))
    if not isinstance(body.get("text"), str):
        raise KroniekError("E234", detail="the field text (a string) is required")
    for key, value in body.items():
        if value is not None and not isinstance(value, str):
            raise KroniekError("E234", detail=f"the field {key} must be a string")
    return {k: v for k, v in body.items() if v is not None}
