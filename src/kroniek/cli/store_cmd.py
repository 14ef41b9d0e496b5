"""Store commands: ingest, fuse, query, timeline, commitments, export (a thin mirror of kroniek.store)."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kroniek.cli.app import EXIT_SOME_FAILED, fail
from kroniek.errors import KroniekError

DB_HELP = "the store: a SQLite file (default kroniek.db) or a postgresql:// URL"
OUTPUT_FORMATS = ("table", "json", "csv")

Db = Annotated[str | None, typer.Option(help=DB_HELP, envvar="KRONIEK_DB")]
Format = Annotated[str, typer.Option("--format", "-f", help="table | json | csv")]
# options that several commands share, declared once so their help stays the same
EventTypes = Annotated[str | None, typer.Option(help="PLOVER event type(s), comma-separated")]
Since = Annotated[str | None, typer.Option(help="from this day (YYYY-MM-DD)")]
Until = Annotated[str | None, typer.Option(help="up to this day (YYYY-MM-DD)")]
WindowDays = Annotated[int, typer.Option(help="fusion date window in days")]
Cluster = Annotated[
    str | None,
    typer.Option(help="run on a Dask cluster: tcp://HOST:8786 or local:N (PostgreSQL --db; docs/scale.md)"),
]


def _open(db: str | None, create: bool = False) -> Any:
    """The store at ``db``; a file that does not exist is refused (E240) unless ``create`` or the
    default path, so that a mistyped --db is an error and not an empty store answering "0 rows"."""
    from kroniek.store.db import open_store

    return open_store(db, create=create)


def _read_store(db: str | None, read: Callable[[Any], list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """``read(store)`` on the opened store; a KroniekError ends the command with its message."""
    try:
        with _open(db) as store:
            return read(store)
    except KroniekError as exc:
        fail(exc)


def _check_format(format: str) -> None:
    if format not in OUTPUT_FORMATS:
        fail(KroniekError("E040", value=format, choices=", ".join(OUTPUT_FORMATS)))


def _progress_bar(total: int | None, label: str) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return (
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
            disable=not sys.stderr.isatty(),
        ),
        total,
        label,
    )


def ingest(
    path: Annotated[str, typer.Argument(help="article file, directory, JSONL batch, or - for stdin")],
    db: Db = None,
    published: Annotated[str | None, typer.Option(help="publication date for articles that give none")] = None,
    lang: Annotated[
        str | None, typer.Option(help="language code for articles that give none (default: detected)")
    ] = None,
    chronicles: Annotated[
        bool, typer.Option("--chronicles", help="PATH holds chronicles (JSONL): store, no extraction")
    ] = False,
    fuse: Annotated[bool, typer.Option(help="rebuild fused events and commitments afterwards")] = True,
    window_days: WindowDays = 3,
    config: Annotated[Path | None, typer.Option(help="pipeline configuration file (TOML)")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text | json (the run's report)")] = "text",
    n_process: Annotated[int, typer.Option(help="worker processes for extraction (0: one per core)")] = 0,
    create: Annotated[bool, typer.Option("--create", help="make the store at --db when it does not exist")] = False,
    report_file: Annotated[
        Path | None,
        typer.Option("--report", help="write the run's full report (JSON: failures, undated articles) to this file"),
    ] = None,
    cluster: Cluster = None,
    partition_size: Annotated[
        int, typer.Option(help="with --cluster: articles (lines, files, rows) per partition")
    ] = 200,
    batch_size: Annotated[int, typer.Option(help="with --cluster: articles per commit on a worker")] = 50,
    text_column: Annotated[str, typer.Option(help="with --cluster: the text column of Parquet input")] = "text",
) -> None:
    """Extract and store articles (or store ready chronicles); idempotent and resumable."""
    from kroniek.store import ingest as ing
    from kroniek.store.fusion import fuse as run_fusion

    if cluster and not chronicles:
        from kroniek.cli import cluster_cmd

        cluster_cmd.ingest(
            path, db, cluster, format, published=published, lang=lang, config=config, fuse=fuse,
            window_days=window_days, partition_size=partition_size, batch_size=batch_size, text_column=text_column,
        )  # fmt: skip
        return

    try:
        if path != "-" and not Path(path).exists():  # before the store is opened (and perhaps made)
            raise KroniekError("E010", where=path)
        store = _open(db, create=create)
        total = ing.count_items(path)
        bar, total, _ = _progress_bar(total, "ingesting")
        with store, bar:
            task = bar.add_task("ingesting", total=total)

            def advance(_where: str) -> None:
                bar.advance(task)

            if chronicles:
                if path == "-":
                    report = ing.ingest_chronicle_items(
                        store, ing.read_chronicle_lines(sys.stdin.buffer, path), progress=advance
                    )
                else:
                    if not Path(path).is_file():
                        raise KroniekError("E010", where=path)
                    with Path(path).open("rb") as lines:  # bytes: a line that is not UTF-8 is reported alone
                        report = ing.ingest_chronicle_items(
                            store, ing.read_chronicle_lines(lines, path), progress=advance
                        )
            else:
                from kroniek.extractor import Extractor

                extractor = Extractor(config_path=config)
                report = ing.ingest_articles(
                    store,
                    ing.read_articles(path, max_chars=extractor.max_chars),
                    extractor,
                    published=published,
                    lang=lang,
                    progress=advance,
                    n_process=n_process if n_process > 0 else (os.cpu_count() or 1),
                )
            if fuse:
                report.fusion = run_fusion(store, window_days=window_days)
    except KroniekError as exc:
        fail(exc)
    for where, message in report.failures:
        typer.echo(f"kroniek: skipped {where}: {message}", err=True)
    if report_file is not None:
        try:
            report_file.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write the report {report_file}: {exc.strerror}")
    if format == "json":
        typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
    else:
        rate = report.processed / report.seconds if report.seconds else 0.0
        typer.echo(
            f"stored {report.stored}, new versions {report.new_versions}, already stored {report.duplicates}, "
            f"failed {len(report.failures)}; {report.events} events; {report.seconds:.1f} s ({rate:.0f}/s)"
        )
        if report.undated:
            where = f"the reasons are in {report_file}" if report_file else "add --report FILE for the reasons"
            typer.echo(
                f"{report.undated} stored without a publication date, {len(report.unreadable_dates)} of them "
                f"because their date could not be read ({where})"
            )
        if report.fusion:
            fz = report.fusion
            typer.echo(
                f"fused {fz['mentions']} mentions into {fz['fused_events']} events "
                f"({fz['multi_source']} with several sources, {fz['with_disagreement']} with disagreements); "
                f"{fz.get('commitments', 0)} commitments as of {fz.get('as_of', '?')}"
            )
    if report.failures:  # 1: nothing could be stored; EXIT_SOME_FAILED: the rest was
        raise typer.Exit(1 if not (report.stored or report.duplicates or report.new_versions) else EXIT_SOME_FAILED)


def fuse(
    db: Db = None,
    window_days: WindowDays = 3,
    as_of: Annotated[
        str | None, typer.Option(help="judge commitments as of this day (default: newest article)")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text | json (the run's summary)")] = "text",
    cluster: Cluster = None,
) -> None:
    """Rebuild the fused events and the commitments from the stored event mentions."""
    from kroniek.store.dates import parse_day
    from kroniek.store.fusion import fuse as run_fusion

    if format not in ("text", "json"):
        fail(KroniekError("E040", value=format, choices="text, json"))
    try:
        day = parse_day(as_of, "--as-of")
        if cluster:
            from kroniek.cli import cluster_cmd

            result = cluster_cmd.fuse(db, cluster, window_days, day)
        else:
            with _open(db) as store:
                result = run_fusion(store, window_days=window_days, as_of=day)
    except KroniekError as exc:
        fail(exc)
    if format == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    typer.echo(
        f"fused {result['mentions']} mentions into {result['fused_events']} events "
        f"({result['multi_source']} with several sources, {result['with_disagreement']} with disagreements); "
        f"{result.get('commitments', 0)} commitments as of {result.get('as_of', '?')}"
    )


FUSED_CSV_COLUMNS = (
    "id", "event", "mode", "modality", "actor", "recipient", "proposition_event", "proposition_mode",
    "proposition_text", "proposition_duration", "date", "date_start", "date_end", "first_reported",
    "last_reported", "n_mentions", "n_articles", "n_sources", "sources", "languages", "disagreements",
)  # fmt: skip


def flat_fused(row: dict[str, Any]) -> dict[str, Any]:
    """A fused event as raw CSV values: lists joined with "; ", disagreeing fields by name."""
    prop = row.get("proposition") or {}
    return {
        **{k: row.get(k) for k in FUSED_CSV_COLUMNS if k in row},
        "actor": "; ".join(row["actor"]),
        "recipient": "; ".join(row["recipient"]),
        "proposition_event": prop.get("event"),
        "proposition_mode": prop.get("mode"),
        "proposition_text": prop.get("text"),
        "proposition_duration": prop.get("duration"),
        "sources": "; ".join(row["sources"]),
        "languages": "; ".join(row["languages"]),
        "disagreements": "; ".join(d["field"] for d in row["disagreements"]),
    }


def _write_csv(rows: list[dict[str, Any]], columns: list[str]) -> None:
    from kroniek.csvsafe import safe_rows

    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows(rows))  # evidence and names are untrusted: no spreadsheet formulas


def _render(rows: list[dict[str, Any]], format: str, columns: list[tuple[str, Any]], total: int | None = None) -> None:
    if format == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    if format == "csv":
        from kroniek.csvsafe import safe_cell

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        for row in rows:  # evidence and names are untrusted: no spreadsheet formulas
            writer.writerow([safe_cell(getter(row)) for _, getter in columns])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*[str(getter(row) if getter(row) is not None else "") for _, getter in columns])
    Console(width=max(120, Console().width)).print(table)
    if total is not None and total > len(rows):
        typer.echo(f"{len(rows)} of {total} rows shown (raise --limit to see more)", err=True)
    else:
        typer.echo(f"{len(rows)} rows", err=True)


def _kind(row: dict[str, Any]) -> str:
    text = row["event"] + (f"/{row['mode']}" if row.get("mode") else "")
    prop = row.get("proposition")
    if prop:
        text += f" → {prop['event']}" + (f"/{prop['mode']}" if prop.get("mode") else "")
        if prop.get("duration"):
            text += f" {prop['duration']}"
    return text


EVENT_COLUMNS: list[tuple[str, Any]] = [
    ("id", lambda r: r["id"]),
    ("date", lambda r: r["date"] or f"({r['published']})"),
    ("event", _kind),
    ("actor", lambda r: "; ".join(r["actor"])),
    ("recipient", lambda r: "; ".join(r["recipient"])),
    ("modality", lambda r: r["modality"]),
    ("article", lambda r: r["article"]),
    ("lang", lambda r: r["language"]),
    ("fused", lambda r: r["fused_id"]),
    ("evidence", lambda r: r["evidence"]),
]
FUSED_COLUMNS: list[tuple[str, Any]] = [
    ("id", lambda r: r["id"]),
    ("date", lambda r: r["date"] or f"({r['first_reported']})"),
    ("event", _kind),
    ("actor", lambda r: "; ".join(r["actor"])),
    ("recipient", lambda r: "; ".join(r["recipient"])),
    ("modality", lambda r: r["modality"]),
    ("sources", lambda r: r["n_sources"]),
    ("mentions", lambda r: r["n_mentions"]),
    ("languages", lambda r: ",".join(r["languages"])),
    ("disagree", lambda r: ",".join(d["field"] for d in r["disagreements"])),
    ("evidence", lambda r: r["mentions"][0]["evidence"] if r.get("mentions") else ""),
]


def query(
    db: Db = None,
    actor: Annotated[str | None, typer.Option(help="actor name or part of it (Putin), or a Wikidata id")] = None,
    type: EventTypes = None,
    since: Since = None,
    until: Until = None,
    role: Annotated[str, typer.Option(help="any | actor | recipient | source")] = "any",
    language: Annotated[
        str | None, typer.Option(help="only mentions from articles in this language (not with --fused)")
    ] = None,
    modality: Annotated[
        str | None, typer.Option(help="asserted | planned | negated | hypothetical (not with --fused)")
    ] = None,
    fused: Annotated[bool, typer.Option("--fused", help="one row per real-world event instead of per mention")] = False,
    # a string, so that any value reaches the library's check (E212) rather than a usage error
    limit: Annotated[str, typer.Option(help="at most this many rows (1 to 10,000,000)")] = "1000",
    format: Format = "table",
) -> None:
    """Events from the store, filtered by actor, type and date."""
    from kroniek.store.query import query_events, query_fused

    _check_format(format)
    # the filters both kinds of row take; language and modality exist only per mention
    from kroniek.store.query import check_row_limit

    try:
        rows_wanted = check_row_limit(limit)
    except KroniekError as exc:
        fail(exc)
    common: dict[str, Any] = dict(actor=actor, type=type, since=since, until=until, role=role, limit=rows_wanted)
    if format == "csv" and not fused:  # raw values, the columns of `kroniek export events -f csv`
        from kroniek.store.export import EVENT_COLUMNS as RAW_COLUMNS
        from kroniek.store.export import events_with_details, flat_event

        filters = dict(language=language, modality=modality, **common)
        rows = _read_store(db, lambda store: events_with_details(store, filters))
        _write_csv([flat_event(r) for r in rows], list(RAW_COLUMNS))
        return
    if fused:
        rows = _read_store(db, lambda store: query_fused(store, **{**common, "limit": None}))
    else:
        rows = _read_store(
            db, lambda store: query_events(store, language=language, modality=modality, **{**common, "limit": None})
        )
    total = len(rows)
    if format == "csv":
        _write_csv([flat_fused(r) for r in rows[:rows_wanted]], list(FUSED_CSV_COLUMNS))
        return
    _render(rows[:rows_wanted], format, FUSED_COLUMNS if fused else EVENT_COLUMNS, total=total)


def timeline(
    actor: Annotated[str, typer.Option(help="actor name or part of it, or a Wikidata id")],
    db: Db = None,
    since: Since = None,
    until: Until = None,
    type: EventTypes = None,
    format: Format = "table",
) -> None:
    """An actor's events in date order, one row per real-world event with its sources."""
    from kroniek.store.query import timeline as run_timeline

    _check_format(format)
    rows = _read_store(db, lambda store: run_timeline(store, actor=actor, since=since, until=until, type=type))
    _render(rows, format, FUSED_COLUMNS)


COMMITMENT_COLUMNS: list[tuple[str, Any]] = [
    ("id", lambda r: r["id"]),
    ("kind", lambda r: r["kind"]),
    ("status", lambda r: r["status"]),
    ("actor", lambda r: "; ".join(r["actor"])),
    ("recipient", lambda r: "; ".join(r["recipient"])),
    (
        "what",
        lambda r: (
            f"{r['proposition']['event']}"
            + (f"/{r['proposition']['mode']}" if r["proposition"]["mode"] else "")
            + f": {r['proposition']['text'] or ''}"
        ),
    ),
    ("since", lambda r: r["since"]),
    ("until", lambda r: r["until"]),
    ("domains", lambda r: ",".join(r["domains"])),
    (
        "reports",
        lambda r: "; ".join(
            f"{x['relation']} {x['date']} {x['event']} ({', '.join(x['actor'])})" for x in r["reports"]
        ),
    ),
]


def commitments(
    db: Db = None,
    actor: Annotated[str | None, typer.Option(help="who promised, demanded or refused, or of whom")] = None,
    status: Annotated[
        str | None,
        typer.Option(help="pending | in force | expired | reported broken | fulfilled | rejected | reversed"),
    ] = None,
    kind: Annotated[str | None, typer.Option(help="promise | demand | refusal")] = None,
    format: Format = "table",
) -> None:
    """Tracked promises, demands and refusals with their status and later reports."""
    from kroniek.store.query import list_commitments

    _check_format(format)
    rows = _read_store(db, lambda store: list_commitments(store, actor=actor, status=status, kind=kind))
    _render(rows, format, COMMITMENT_COLUMNS)


def export(
    what: Annotated[str, typer.Argument(help="chronicles | events | plover | gdelt")],
    db: Db = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="file to write (default: stdout)")] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="chronicles: jsonl; events: csv, jsonl, parquet; plover: jsonl, json; gdelt: tsv, csv",
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="only events of this actor (name or part of it, Wikidata id)")
    ] = None,
    type: EventTypes = None,
    since: Since = None,
    until: Until = None,
    role: Annotated[str, typer.Option(help="any | actor | recipient | source")] = "any",
    language: Annotated[str | None, typer.Option(help="only events from articles in this language")] = None,
    modality: Annotated[str | None, typer.Option(help="asserted | planned | negated | hypothetical")] = None,
) -> None:
    """Export chronicles, events, PLOVER records or GDELT-style rows (with the filters of `query`)."""
    from kroniek.store.export import check_format
    from kroniek.store.export import export as run_export

    try:
        check_format(what, format)
        with _open(db) as store:
            filters = dict(
                actor=actor, type=type, since=since, until=until, role=role, language=language, modality=modality
            )
            count = run_export(store, what, output=output, format=format, filters=filters)
    except KroniekError as exc:
        fail(exc)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
    typer.echo(f"exported {count} {what}" + (f" to {output}" if output else ""), err=True)


def register(app: typer.Typer) -> None:
    for command in (ingest, fuse, query, timeline, commitments, export):
        app.command()(command)
