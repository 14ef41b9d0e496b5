"""The command line: a thin mirror of the library. Options carry the keyword names of the functions.

Sub-commands live in their own modules and are added here explicitly.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import typer

from kroniek.errors import KroniekError

app = typer.Typer(
    name="kroniek",
    help="News articles in, a verifiable chronicle of political events out.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish, PowerShell
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"kroniek {version('kroniek')}")
        except PackageNotFoundError:
            typer.echo("kroniek (not installed)")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """News articles in, a verifiable chronicle of political events out."""


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
    path: Annotated[
        str,
        typer.Argument(help="article file (text, press file, HTML or JSONL batch), a folder of them, or - for stdin"),
    ],
    published: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD (anchors relative dates)")] = None,
    lang: Annotated[str | None, typer.Option(help="language code (nl, en, de, fr); default: detected")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="write to this file (default: stdout); with --cluster: the shard folder"),
    ] = None,
    config: Annotated[Path | None, typer.Option(help="pipeline configuration file (TOML)")] = None,
    event_model: Annotated[
        str | None,
        typer.Option(help="the learned event model: a folder from `kroniek train`, 'shipped' or 'none'"),
    ] = None,
    nlp: Annotated[
        str | None, typer.Option(help="use this installed spaCy pipeline instead of the shipped one")
    ] = None,
    max_chars: Annotated[int | None, typer.Option(help="refuse texts longer than this")] = None,
    n_process: Annotated[int, typer.Option(help="worker processes for a batch (0: one per core)")] = 0,
    url: Annotated[str | None, typer.Option(help="the article's URL, where the input does not give one")] = None,
    source: Annotated[str | None, typer.Option(help="the outlet, where the input does not give one")] = None,
    cluster: Annotated[
        str | None, typer.Option(help="run on a Dask cluster (tcp://HOST:8786 or local:N); needs --output")
    ] = None,
    partition_size: Annotated[int, typer.Option(help="with --cluster: articles per partition (shard)")] = 200,
    text_column: Annotated[str, typer.Option(help="with --cluster: the text column of Parquet input")] = "text",
) -> None:
    """Extract the chronicle of one article, or of each article in a JSONL batch or a folder."""
    if cluster:  # shards on a cluster: --format is jsonl (default here) or parquet
        from kroniek.cli import cluster_cmd

        cluster_cmd.extract(
            path, output, cluster, "jsonl" if format == "json" else format, published=published, lang=lang,
            config=config, partition_size=partition_size, text_column=text_column,
        )  # fmt: skip
        return
    from kroniek.cli.output import render_chronicles
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle
    from kroniek.ingest.sources import read_articles

    if format not in FORMATS:
        fail(KroniekError("E040", value=format, choices=", ".join(FORMATS)))
    try:
        extractor = Extractor(config_path=config, nlp=nlp, event_model=event_model)
        if max_chars is not None:
            extractor.max_chars = max_chars
        if published is not None:
            from kroniek.ingest import parse_published

            parse_published(published)  # refuse an unreadable date before reading anything
        if path != "-" and Path(path).is_file():
            from kroniek.ingest import read_path

            items = list(read_path(path, max_chars=extractor.max_chars))  # a lone file's error ends the run
        else:
            items = list(read_articles(path, max_chars=extractor.max_chars))
    except KroniekError as exc:
        fail(exc)
    articles = [item for item in items if isinstance(item, RawArticle)]
    for item in articles:  # the URL and outlet help resolve "the Prime Minister" to the publisher's country
        item.url = item.url or url
        item.source = item.source or source
    batch = len(items) > 1 or (path != "-" and Path(path).is_dir())
    for item in articles:  # an article date that cannot be read is said, never dropped in silence
        if item.date_problem and not published:
            typer.echo(f"kroniek: undated {item.id}: {item.date_problem}", err=True)
    results, failures = _extract_items(extractor, items, batch, published, lang, n_process)
    with _output_stream(output) as stream:
        render_chronicles(results, format, batch=batch, file=stream)
    if failures and not results:
        raise typer.Exit(1)
    undated = sum(1 for item in articles if item.date_problem and not published)
    if failures or undated:
        typer.echo(
            f"kroniek: {len(results)} extracted, {failures} skipped (reasons above), "
            f"{undated} with a publication date that could not be read",
            err=True,
        )
    if output is not None:
        typer.echo(f"kroniek: wrote {len(results)} chronicle(s) to {output}", err=True)
    if failures:
        raise typer.Exit(EXIT_SOME_FAILED)


def _extract_items(
    extractor: Any, items: list[Any], batch: bool, published: str | None, lang: str | None, n_process: int
) -> tuple[list[Any], int]:
    """The chronicles of ``items`` and the number skipped; a single article's error ends the run."""
    from kroniek.cli.output import progress
    from kroniek.ingest import ItemFailure

    results = []
    if not batch:
        for item in items:
            if isinstance(item, ItemFailure):
                fail(item.error)
            try:
                results.append(extractor.extract_article(item, published=published, lang=lang))
            except KroniekError as exc:
                fail(exc)
        return results, 0
    # A batch runs on n_process worker processes; --published and --lang fill in for the items
    # that give no date or language of their own, they do not override those that do.
    from kroniek.batch import extract_many

    failures = 0
    workers = n_process if n_process > 0 else (os.cpu_count() or 1)
    where = [item.where if isinstance(item, ItemFailure) else item.id for item in items]
    with progress(len(items), enabled=True) as advance:
        outcomes = extract_many(
            extractor, items, n_process=max(1, min(workers, len(items))), published=published, lang=lang
        )
        for label, outcome in zip(where, outcomes, strict=True):
            if isinstance(outcome, KroniekError):
                failures += 1
                typer.echo(f"kroniek: skipped {label}: {outcome}", err=True)
            else:
                results.append(outcome)
            advance()
    return results, failures


@contextlib.contextmanager
def _output_stream(output: Path | None) -> Iterator[TextIO | None]:
    """The file behind -o (None: standard output); a file that cannot be written is one clear line."""
    if output is None:
        yield None
        return
    try:
        stream = output.open("w", encoding="utf-8")
    except OSError as exc:
        fail(KroniekError("E241", where=str(output), detail=exc.strerror or str(exc)))
    with stream:
        yield stream


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
    "kroniek.cli.train_cmd",
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
    except BrokenPipeError:
        # the reader went away (`kroniek query ... | head`) after click returned: stop quietly (click ends
        # a command the same way, exit status 1, no traceback), and point stdout
        # at /dev/null so that the interpreter's final flush does not complain either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)  # as click itself ends on EPIPE inside a command
