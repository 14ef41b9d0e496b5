"""``kroniek train``: the event-trigger model from a folder of gold chronicles (docs/events.md)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

import typer

from kroniek.errors import KroniekError


def train(
    gold: Annotated[list[Path], typer.Argument(help="gold files or directories of *.gold.json")],
    output: Annotated[Path, typer.Option("--output", "-o", help="directory to write the model to")],
    config: Annotated[
        Path | None, typer.Option(help="TOML file with a \\[train] table: epochs, learning_rate, outside_weight, …")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="only these languages, e.g. nl,en")] = None,
) -> None:
    """Train the event model on the train documents, choose its threshold on dev; test is never read."""
    from kroniek.cli.app import fail
    from kroniek.learn.events import train_from_gold

    options = {}
    if config is not None:
        try:
            options = tomllib.loads(config.read_text(encoding="utf-8")).get("train", {})
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            fail(KroniekError("E033", where=str(config), detail=str(exc)))
    languages = [code.strip() for code in lang.split(",")] if lang else None
    try:
        result = train_from_gold(gold, output, options=options, lang=languages)
    except KroniekError as exc:
        fail(exc)
    meta = result.model.meta
    typer.echo(
        f"trained on {meta['train_documents']} documents ({meta['train_events']} event words, "
        f"{result.train_examples} tokens) in {result.seconds:.1f} s; dev trigger scores: {result.dev_scores}"
    )
    typer.echo(f"model written to {output}")


def register(app: typer.Typer) -> None:
    app.command(name="train")(train)
