"""`kroniek serve`: the HTTP API and browsable pages over a store (a thin mirror of kroniek.api.create_app)."""

from __future__ import annotations

from typing import Annotated

import typer

from kroniek.cli.app import fail
from kroniek.errors import KroniekError

# kroniek.api.app.MAX_EXTRACT_BYTES, not imported from there: that module needs FastAPI (E230 without)
MAX_EXTRACT_BYTES = 4_000_000
DB_HELP = "the store: a SQLite file (default kroniek.db) or a postgresql:// URL"


def serve(
    db: Annotated[str | None, typer.Option(help=DB_HELP, envvar="KRONIEK_DB")] = None,
    host: Annotated[str, typer.Option(help="address to listen on (127.0.0.1: this machine only)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8731,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(help="another host name the server answers to (a name in front of it); repeatable"),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            help="require Authorization: Bearer TOKEN for POST /extract and /_docs (needed to offer them "
            "beyond this machine)",
            envvar="KRONIEK_TOKEN",
        ),
    ] = None,
    max_extract_bytes: Annotated[
        int, typer.Option(help="largest request body accepted, e.g. a POST /extract (bytes)")
    ] = MAX_EXTRACT_BYTES,
) -> None:
    """Serve the store over HTTP: HTML pages to browse, each with a JSON twin (.json), and POST /extract."""
    from kroniek.api import create_app
    from kroniek.store.db import DEFAULT_DB

    try:
        try:
            import uvicorn
        except ModuleNotFoundError as exc:
            raise KroniekError("E230", what="kroniek serve") from exc
        from kroniek.api.security import SecuritySettings  # here: every other command starts without it

        security = SecuritySettings(
            host=host, allowed_hosts=tuple(allowed_host or ()), token=token or None, max_body_bytes=max_extract_bytes
        )
        app = create_app(db or DEFAULT_DB, create=False, max_extract_bytes=max_extract_bytes, security=security)
    except KroniekError as exc:
        fail(exc)
    typer.echo(f"kroniek: serving {app.state.store.display_url} on http://{host}:{port}/", err=True)
    if security.beyond_localhost and not security.token:
        typer.echo(
            "kroniek: POST /extract and /_docs are off beyond this machine; give --token to offer them", err=True
        )
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command()(serve)
