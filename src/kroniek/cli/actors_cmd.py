"""`kroniek actors ...`: look things up in the actor knowledge base (a thin mirror of kroniek.actors)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

actors_app = typer.Typer(name="actors", help="Search the actor knowledge base.", no_args_is_help=True)


@actors_app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="a name, alias or description: Poetin, 'de Russische president'")],
    date: Annotated[str | None, typer.Option(help="resolve offices on this date (YYYY-MM-DD); default: now")] = None,
    lang: Annotated[str | None, typer.Option(help="language of a description (nl, en, de, fr); default: all")] = None,
    limit: Annotated[int, typer.Option(help="at most this many results")] = 10,
    user_actors: Annotated[list[str] | None, typer.Option(help="extra actor file (JSONL, see docs/actors.md)")] = None,
    format: Annotated[str, typer.Option(help="table or json")] = "table",
) -> None:
    """Find actors by name, alias or description, e.g. `kroniek actors search Poetin --date 2009-01-01`."""
    from kroniek.actors import search_actors
    from kroniek.errors import KroniekError

    if format not in ("table", "json"):
        raise KroniekError("E040", value=format, choices="table, json")
    results = search_actors(query, date=date, lang=lang, limit=limit, user_actors=tuple(user_actors or ()))
    if format == "json":
        typer.echo(json.dumps(results, indent=1, ensure_ascii=False))
        return
    if not results:
        typer.echo(f"no actor found for {query!r}")
        raise typer.Exit(1)
    from rich.console import Console
    from rich.table import Table

    table = Table("name", "kind", "country", "sector", "wikidata", "holds", "how", "source")
    for r in results:
        table.add_row(
            r["name"],
            r["kind"],
            r["country"] or "-",
            r["sector"] or "-",
            r["wikidata"] or "-",
            ", ".join(r["holds"]) or "-",
            r["how"],
            r["source"],
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")
