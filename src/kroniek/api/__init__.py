"""kroniek.api: the HTTP API and browsable pages over a store (``create_app(db_url)``, ``kroniek serve``)."""

from __future__ import annotations

from typing import Any


def create_app(db_url: str, extractor: Any | None = None, create: bool = True, **settings: Any) -> Any:
    """The FastAPI app over the store at ``db_url``; E230 when FastAPI is not installed."""
    try:
        from kroniek.api.app import create_app as build
    except ModuleNotFoundError as exc:
        if exc.name in ("fastapi", "starlette", "jinja2"):
            from kroniek.errors import KroniekError

            raise KroniekError("E230", what="the HTTP API") from exc
        raise
    return build(db_url, extractor=extractor, create=create, **settings)


__all__ = ["create_app"]
