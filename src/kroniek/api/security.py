"""Protection for the HTTP API, as one ASGI middleware in front of the app (``add_security``).

A local server is reachable from every web page the user visits (a page may post to 127.0.0.1) and,
through DNS rebinding, may even be read by one. So, for every request:

- the Host header must name the address the server is bound to (or a name given with
  ``--allowed-host``); a rebound name is refused (400, E217) before anything is read;
- a request body is limited before it is read: a declared Content-Length over the limit is refused
  at once, a body sent in chunks is counted as it arrives and refused once past the limit (413, E243);
- a POST must be JSON (``Content-Type: application/json``, 415, E216): a web page can send
  ``text/plain`` or a form to any origin without asking, but JSON only after a CORS preflight, which
  this server does not grant; a POST whose Origin is another site is refused as well (403);
- ``POST /extract`` and the API docs (``/_docs``, ``/_openapi.json``) need ``Authorization: Bearer
  TOKEN`` when a token is set, and are switched off when the server listens beyond this machine
  without one (403, E218): extraction costs CPU, and the docs invite it;
- every response carries security headers: no MIME sniffing, no framing, no referrer, a content
  security policy that allows only this origin, and same-origin resource and opener policies.

Errors are JSON in the catalogue's shape (``{"error": {"code", "message"}}``).
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from kroniek.errors import KroniekError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The API's own limit for POST /extract (kroniek.api.app.MAX_EXTRACT_BYTES).
DEFAULT_MAX_BODY_BYTES = 4_000_000
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# Paths that run the extractor or describe how to: opt-in beyond this machine.
PROTECTED_PREFIXES = ("/extract", "/_docs", "/_openapi.json")
DOCS_PREFIXES = ("/_docs", "/_openapi.json")

SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
# Everything from this server only. The pages have one inline <style> block and load their scripts from
# /_static; Vega (the charts) compiles its expressions with Function(), hence 'unsafe-eval'.
PAGE_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    b"form-action 'self'; frame-ancestors 'none'"
)
# The API docs (Swagger UI, served from /_static) start with an inline script.
DOCS_CSP = (
    b"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def is_loopback(host: str) -> bool:
    """Does ``host`` (an address or name to listen on) reach only this machine?"""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


@dataclass(frozen=True)
class SecuritySettings:
    """How the server is exposed: the address it listens on, extra host names it answers to, the
    token for /extract and the docs, and the largest request body."""

    host: str = "127.0.0.1"
    allowed_hosts: tuple[str, ...] = ()
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    names: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        names = {self.host.strip("[]").lower(), *(h.strip("[]").lower() for h in self.allowed_hosts)}
        if is_loopback(self.host):
            names |= LOOPBACK_NAMES
        elif _is_wildcard(self.host):
            # listening on every interface: this machine's own names and the loopback names
            names |= LOOPBACK_NAMES | {socket.gethostname().lower(), socket.getfqdn().lower()}
        object.__setattr__(self, "names", frozenset(names))

    @property
    def beyond_localhost(self) -> bool:
        return not is_loopback(self.host)

    def host_allowed(self, header: str | None) -> bool:
        if not header:
            return False
        try:
            name = urlsplit("//" + header).hostname  # drops the port, unwraps [::1]
        except ValueError:
            return False
        return name is not None and name.lower() in self.names


class RequestRefused(Exception):
    def __init__(self, status: int, error: KroniekError) -> None:
        super().__init__(error.message)
        self.status = status
        self.error = error


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _error_body(error: KroniekError) -> bytes:
    return json.dumps({"error": {"code": error.code, "message": error.message}}, ensure_ascii=False).encode("utf-8")


class SecurityMiddleware:
    """The checks of the module docstring around an ASGI app."""

    def __init__(self, app: ASGIApp, settings: SecuritySettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        send_with_headers = self._with_headers(send, path)
        try:
            self.check_request(scope, path)
            if scope.get("method") in ("POST", "PUT", "PATCH"):
                receive = await self._bounded_body(scope, receive)
        except RequestRefused as refused:
            await self._refuse(send_with_headers, refused)
            return
        await self.app(scope, receive, send_with_headers)

    def check_request(self, scope: Scope, path: str) -> None:
        settings = self.settings
        host = _header(scope, b"host")
        if not settings.host_allowed(host):
            raise RequestRefused(400, KroniekError("E217", host=host or ""))
        if path.startswith(PROTECTED_PREFIXES):
            self._check_token(scope, path)
        if scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
            origin = _header(scope, b"origin")
            if origin is not None and origin != "null" and not settings.host_allowed(urlsplit(origin).netloc):
                raise RequestRefused(403, KroniekError("E217", host=urlsplit(origin).netloc or origin))
            content_type = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
            if content_type != "application/json":
                raise RequestRefused(415, KroniekError("E216", content_type=content_type))

    def _check_token(self, scope: Scope, path: str) -> None:
        token = self.settings.token
        if token is None:
            if self.settings.beyond_localhost:
                raise RequestRefused(403, KroniekError("E218", path=path))
            return
        given = _header(scope, b"authorization") or ""
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            raise RequestRefused(401, KroniekError("E218", path=path))

    async def _bounded_body(self, scope: Scope, receive: Receive) -> Receive:
        """Read the body up to the limit (refusing it past the limit) and hand it on unchanged."""
        limit = self.settings.max_body_bytes
        declared = _header(scope, b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                raise RequestRefused(400, KroniekError("E243", limit=limit))
            if int(declared) > limit:
                raise RequestRefused(413, KroniekError("E243", limit=limit))
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise RequestRefused(413, KroniekError("E243", limit=limit))
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    def _with_headers(self, send: Send, path: str) -> Send:
        csp = DOCS_CSP if path.startswith(DOCS_PREFIXES) else PAGE_CSP

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers.extend(SECURITY_HEADERS)
                headers.append((b"content-security-policy", csp))
                message = {**message, "headers": headers}
            await send(message)

        return send_secure

    async def _refuse(self, send: Send, refused: RequestRefused) -> None:
        body = _error_body(refused.error)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        if refused.status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": refused.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def add_security(app: Any, settings: SecuritySettings | None = None) -> None:
    """Put the middleware in front of a Starlette/FastAPI ``app`` (outermost, so it runs first)."""
    settings = settings or SecuritySettings()
    app.state.security = settings
    app.add_middleware(SecurityMiddleware, settings=settings)
