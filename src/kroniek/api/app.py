"""The HTTP API and browsable pages over a store, the datasette way: every HTML page has a JSON twin.

``create_app(db_url)`` opens the store (running its migrations, like every other store command) and
returns a FastAPI app. A page at ``/events`` has its twin at ``/events.json`` (or ``/events?_format=json``);
both render the same dict, which is the data the library functions return (``kroniek.store.query``,
``kroniek.api.queries``, ``kroniek.api.explore``), validated against the response models of
``kroniek.api.models``. Query parameters are typed, so the OpenAPI schema (``/_openapi.json``, browsable
offline at ``/_docs``: Swagger UI is served from the package) lists every one of them.

Errors keep the catalogue's codes: unknown id -> 404 (E231); a parameter that cannot be read -> 422 naming
it (E232 missing, E233 unreadable, E242 unknown: parameters a page does not take are refused, not ignored);
bad input to /extract -> 422 (the input error's own code, or E234 for the body), a body over the size
limit -> 413 (E243). An empty form field (``since=``) counts as not given.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from kroniek.api.security import SecuritySettings, add_security
from kroniek.csvsafe import safe_rows
from kroniek.errors import InputError, KroniekError
from kroniek.store.db import Store, open_store

# Catalogue codes and the HTTP status they answer with; anything else is a server-side failure (500).
STATUS_OF_CODE = {
    "E231": 404,
    "E232": 422,
    "E233": 422,
    "E242": 422,
    "E207": 422,
    "E208": 422,
    "E234": 422,
    "E243": 413,
    "E201": 503,  # the store is locked by a writer: try again shortly
}
# Codes of /extract that are the caller's input (empty, too long, unreadable date, unknown language ...).
EXTRACT_INPUT_CODES = frozenset({"E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008"})
# POST /extract reads at most this many bytes (the extractor's own max_chars applies to the text after).
MAX_EXTRACT_BYTES = 4_000_000


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


def wants_json(request: Request) -> bool:
    return output_format(request, ("html", "json", "csv")) == "json"


def csv_response(rows: list[dict[str, Any]], columns: tuple[str, ...], next_link: str | None) -> Response:
    """Rows as CSV (as ``kroniek export events -f csv``); the next page in a ``Link: rel="next"`` header."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows(rows))  # evidence and names are untrusted: no spreadsheet formulas
    headers = {"Link": f'<{next_link}>; rel="next"'} if next_link else {}
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


def page_link(request: Request, **changes: Any) -> str:
    """This page's URL (HTML form) with some query parameters changed; None removes one."""
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    path = request.url.path.removesuffix(".json").removesuffix(".csv")
    return path + ("?" + urlencode(params) if params else "")


def json_link(request: Request) -> str:
    path = request.url.path.removesuffix(".json")
    twin = "/.json" if path in ("/", "/index", "") else path.rstrip("/") + ".json"
    params = {k: v for k, v in request.query_params.items() if k != "_format"}
    return twin + ("?" + urlencode(params) if params else "")


class DropEmptyParameters:
    """ASGI middleware: ``name=`` with nothing after it is a form field left empty, not a value."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v != ""]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


def _query_names(dependant: Any) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def refuse_unknown_parameters(request: Request) -> None:
    """A parameter the page does not take is an error (E242), not silently ignored: a misspelt
    filter would otherwise answer with every row."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    for name in request.query_params:
        if name not in known:
            raise KroniekError("E242", parameter=name, known=", ".join(sorted(known)) or "none")


class Site:
    """What the route modules share: the store, the templates and the rendering of both twins."""

    def __init__(self, app: FastAPI, store: Store) -> None:
        self.app = app
        self.store = store
        self.env = _templates()

    def render(self, request: Request, template: str, data: dict[str, Any], **extra: Any) -> Any:
        """The JSON twin (``data``, validated by the route's response model) or the HTML page."""
        if wants_json(request):
            return data
        page = self.env.get_template(template).render(
            data=data, json_link=json_link(request), request_path=request.url.path, **extra
        )
        return HTMLResponse(page)

    def error_response(self, request: Request, status: int, code: str, message: str, **more: Any) -> Response:
        body = {"error": {"code": code, "message": message, **more}}
        # never re-check _format here: a bad _format is itself the error being reported
        as_json = (
            request.method != "GET"
            or request.url.path.endswith((".json", ".csv"))
            or request.query_params.get("_format") in ("json", "csv")
            or request.url.path.startswith("/_")
        )
        if as_json:
            return JSONResponse(body, status_code=status)
        page = self.env.get_template("error.html").render(
            data=body, status=status, json_link=json_link(request), request_path=request.url.path
        )
        return HTMLResponse(page, status_code=status)


def _validation_error(exc: RequestValidationError) -> KroniekError:
    """FastAPI's validation error as the catalogue's: E232 (missing) or E233, naming the parameter."""
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(part) for part in first.get("loc", ())]
    if loc and loc[0] == "body":
        return KroniekError("E234", detail=first.get("msg", "not valid"))
    parameter = loc[-1] if loc else "?"
    if first.get("type") == "missing":
        return KroniekError("E232", parameter=parameter, detail="give it in the query string")
    value = first.get("input")
    return KroniekError("E233", parameter=parameter, value=str(value), detail=str(first.get("msg", "")).lower())


def create_app(
    db_url: str,
    extractor: Any | None = None,
    create: bool = True,
    max_extract_bytes: int = MAX_EXTRACT_BYTES,
    security: SecuritySettings | None = None,
) -> FastAPI:
    """The app over the store at ``db_url`` (a file path, sqlite:/// or postgresql:// URL).

    ``extractor`` (a kroniek.extractor.Extractor) serves ``POST /extract``; by default one is built
    on the first request, so browsing never loads the NLP models. ``create=False`` refuses a store
    file that does not exist (E240). ``max_extract_bytes`` limits the body of ``POST /extract`` (E243).
    ``security`` says how the server is exposed (kroniek.api.security; default: this machine only,
    request bodies up to ``max_extract_bytes``).
    """
    store: Store = open_store(db_url, create=create)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="kroniek",
        description=(
            "Browse and query a kroniek store. Every page has a JSON twin (`.json` or `?_format=json`); "
            "the schemas below describe the JSON. Unknown query parameters are refused (E242)."
        ),
        version=_version(),
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/_openapi.json",
        dependencies=[Depends(refuse_unknown_parameters)],
    )
    app.add_middleware(DropEmptyParameters)
    # added last, so it runs first: Host, body size, JSON, origin and token before any route
    add_security(app, security or SecuritySettings(max_body_bytes=max_extract_bytes))
    app.state.store = store
    app.state.extractor = extractor
    app.state.max_extract_bytes = max_extract_bytes
    site = Site(app, store)
    static = resources.files("kroniek.api").joinpath("static")
    app.mount("/_static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(KroniekError)
    async def catalogue_error(request: Request, exc: KroniekError) -> Response:
        status = STATUS_OF_CODE.get(exc.code, 500)
        if request.url.path == "/extract" and (exc.code in EXTRACT_INPUT_CODES or isinstance(exc, InputError)):
            status = 422
        more = {"parameter": exc.params["parameter"]} if "parameter" in exc.params else {}
        return site.error_response(request, status, exc.code, exc.message, **more)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return await catalogue_error(request, _validation_error(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return site.error_response(request, exc.status_code, f"HTTP{exc.status_code}", message)

    @app.get("/_docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/_openapi.json",
            title="kroniek API",
            swagger_js_url="/_static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/_static/vendor/swagger-ui.css",
            swagger_favicon_url="/_static/favicon.svg",
        )

    from kroniek.api import explore_routes, routes

    routes.register(site)
    explore_routes.register(site)
    return app


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kroniek")
    except Exception:
        return "dev"
