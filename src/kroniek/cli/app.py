"""The command line: a thin mirror of the library. Options carry the keyword names of the functions.

Sub-commands live in their own modules and are added here explicitly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kroniek.errors import KroniekError

app = typer.Typer(
    name="kroniek",
    help="News articles in, a verifiable chronicle of political events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FORMATS = ("json", "jsonl", "table")
# The exit status of a batch in which some items failed while others succeeded (1: nothing succeeded).
EXIT_SOME_FAILED = 3


def fail(exc: KroniekError | str, code: int = 1) -> NoReturn:
    """Print one clear line to stderr and exit non-zero."""
    message = str(exc)
    typer.echo(f"kroniek: error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(help="article file (text, HTML or JSONL batch), or - for stdin")],
    published: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD (anchors relative dates)")] = None,
    lang: Annotated[str | None, typer.Option(help="language code (nl, en, de, fr); default: detected")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
    config: Annotated[Path | None, typer.Option(help="pipeline configuration file (TOML)")] = None,
    nlp: Annotated[
        str | None, typer.Option(help="use this installed spaCy pipeline instead of the shipped one")
    ] = None,
    max_chars: Annotated[int | None, typer.Option(help="refuse texts longer than this")] = None,
    n_process: Annotated[int, typer.Option(help="worker processes for a batch (0: one per core)")] = 0,
    url: Annotated[str | None, typer.Option(help="the article's URL, where the input does not give one")] = None,
    source: Annotated[str | None, typer.Option(help="the outlet, where the input does not give one")] = None,
) -> None:
    """Extract the chronicle of one article, or of each article in a JSONL batch."""
    from kroniek.cli.output import render_chronicles
    from kroniek.extractor import Extractor
    from kroniek.ingest import ItemFailure, read_path

    if format not in FORMATS:
        fail(KroniekError("E040", value=format, choices=", ".join(FORMATS)))
    try:
        extractor = Extractor(config_path=config, nlp=nlp)
        if max_chars is not None:
            extractor.max_chars = max_chars
        if published is not None:
            from kroniek.ingest import parse_published

            parse_published(published)  # refuse an unreadable date before reading anything
        items = list(read_path(path, max_chars=extractor.max_chars))
    except KroniekError as exc:
        fail(exc)
    for item in items:  # the URL and outlet help resolve "the Prime Minister" to the publisher's country
        if not isinstance(item, ItemFailure):
            item.url = item.url or url
            item.source = item.source or source
    batch = len(items) > 1
    failures = 0
    results = []
    from kroniek.cli.output import progress

    if not batch:
        for item in items:
            if isinstance(item, ItemFailure):
                fail(item.error)
            try:
                results.append(extractor.extract_article(item, published=published, lang=lang))
            except KroniekError as exc:
                fail(exc)
    else:
        # A batch runs on n_process worker processes; --published and --lang fill in for the items
        # that give no date or language of their own, they do not override those that do.
        from kroniek.batch import extract_many

        workers = n_process if n_process > 0 else (os.cpu_count() or 1)
        where = [item.where if isinstance(item, ItemFailure) else item.id for item in items]
        with progress(len(items), enabled=True) as advance:
            outcomes = extract_many(
                extractor, items, n_process=min(workers, len(items)), published=published, lang=lang
            )
            for label, outcome in zip(where, outcomes, strict=True):
                if isinstance(outcome, KroniekError):
                    failures += 1
                    typer.echo(f"kroniek: skipped {label}: {outcome}", err=True)
                else:
                    results.append(outcome)
                advance()
    render_chronicles(results, format, batch=batch)
    if failures and not results:
        raise typer.Exit(1)
    if failures:
        typer.echo(f"kroniek: {len(results)} extracted, {failures} skipped (reasons above)", err=True)
        raise typer.Exit(EXIT_SOME_FAILED)


@app.command()
def validate(
    path: Annotated[str, typer.Argument(help="chronicle JSON (or JSONL of chronicles), or - for stdin")],
) -> None:
    """Check that a chronicle follows the format: spans match the text, ids resolve, values are known."""
    from kroniek.chronicle import load_chronicle

    data = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    if not data.strip():
        fail(KroniekError("E001", where=path))
    documents = [data]
    stripped = data.strip()
    if "\n" in stripped and stripped.startswith("{") and not stripped.startswith("{\n"):
        documents = [line for line in stripped.splitlines() if line.strip()]
    try:
        for doc in documents:
            chronicle = load_chronicle(doc)
            typer.echo(
                f"valid: {chronicle.article.id}: {len(chronicle.actors)} actors, {len(chronicle.events)} events, "
                f"{len(chronicle.statements)} statements, {len(chronicle.timexes)} timexes"
            )
    except KroniekError as exc:
        fail(exc)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the chronicle format."""
    import json

    from kroniek.chronicle import chronicle_json_schema

    typer.echo(json.dumps(chronicle_json_schema(), indent=1, ensure_ascii=False))


_registered = False


def build_app() -> typer.Typer:
    """The app with every sub-command group added (each group lives in its own module)."""
    global _registered
    if not _registered:
        _add_subcommands()
        _registered = True
    return app


def _add_subcommands() -> None:
    import importlib

    for module_name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        module.register(app)


# Each module defines register(app) and adds its commands.
SUBCOMMAND_MODULES = (
    "kroniek.cli.explain_cmd",
    "kroniek.cli.evaluate_cmd",
    "kroniek.cli.actors_cmd",
    "kroniek.cli.store_cmd",
    "kroniek.cli.serve_cmd",
)


def main() -> None:
    try:
        build_app()()
    except KroniekError as exc:
        typer.echo(f"kroniek: error: {exc}", err=True)
        sys.exit(1)
