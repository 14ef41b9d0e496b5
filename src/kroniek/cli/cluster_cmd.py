"""``--cluster`` for ingest, extract and fuse: a thin mirror of kroniek.distributed.

Progress is one step per partition (the Dask dashboard, whose link is printed first, shows the tasks
live); the summary at the end gives the totals and every partition that had failures.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from kroniek.cli.app import fail
from kroniek.errors import KroniekError

# Up to this many partitions the text summary lists each one; beyond it, only those with failures.
LIST_PARTITIONS_UP_TO = 40


@contextmanager
def _partition_progress() -> Iterator[tuple[Callable[[int, str | None], None], Callable[[Any], None]]]:
    from kroniek.cli.store_cmd import _progress_bar  # the same bar as the single-machine ingest

    bar, _, _ = _progress_bar(None, "partitions")
    task: list[Any] = []

    def on_start(partitions: int, dashboard: str | None) -> None:
        typer.echo(f"kroniek: {partitions} partitions; dashboard: {dashboard or 'none (install bokeh)'}", err=True)
        task.append(bar.add_task("partitions", total=partitions))

    def on_partition(report: Any) -> None:
        if report.error:
            typer.echo(f"kroniek: {report.error}", err=True)
        if task:
            bar.advance(task[0])

    with bar:
        yield on_start, on_partition


def _print_summary(report: Any, format: str, what: str) -> None:
    data = report.as_dict()
    if format == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        return
    for where, message in report.failures:
        typer.echo(f"kroniek: skipped {where}: {message}", err=True)
    rate = data["articles"] / report.seconds if report.seconds else 0.0
    typer.echo(
        f"{what} {data['stored']}, new versions {data['new_versions']}, already stored {data['duplicates']}, "
        f"failed {data['failed']}; {data['events']} events; {data['partitions']} partitions on {data['workers']} "
        f"workers ({data['failed_partitions']} failed); {report.seconds:.1f} s ({rate:.1f} articles/s, "
        f"{data['cpu_seconds']:.1f} CPU-s on the workers) after {report.startup_seconds:.1f} s loading the pipeline"
    )
    listed = [p for p in report.partitions if len(report.partitions) <= LIST_PARTITIONS_UP_TO or p.failures or p.error]
    for p in listed:
        state = p.error or ("skipped: shard exists" if p.skipped else f"{len(p.failures)} failed")
        typer.echo(
            f"  {p.key}  {p.label}: {p.articles} read, {p.stored} stored, {p.duplicates} already stored, "
            f"{state}; {p.seconds:.1f} s on {p.worker or '?'}"
        )
    if report.fusion:
        fz = report.fusion
        typer.echo(
            f"fused {fz['mentions']} mentions into {fz['fused_events']} events in {fz['partitions']} partitions "
            f"({fz['multi_source']} with several sources, {fz['with_disagreement']} with disagreements); "
            f"{fz.get('commitments', 0)} commitments as of {fz.get('as_of', '?')}"
        )


def ingest(
    path: str,
    db: str | None,
    cluster: str,
    format: str,
    **options: Any,
) -> None:
    """``kroniek ingest PATH --cluster ...``: ``kroniek.distributed.ingest_on_cluster``."""
    from kroniek.distributed import ingest_on_cluster

    if format not in ("text", "json"):
        fail(KroniekError("E040", value=format, choices="text, json"))
    try:
        with _partition_progress() as (on_start, on_partition):
            report = ingest_on_cluster(
                path, db=db, cluster=cluster, on_start=on_start, on_partition=on_partition, **options
            )
    except KroniekError as exc:
        fail(exc)
    _print_summary(report, format, "stored")
    if report.failed_partitions or (report.failures and not report.total("stored") + report.total("duplicates")):
        raise typer.Exit(1)


def extract(path: str, output: Path | None, cluster: str, format: str, **options: Any) -> None:
    """``kroniek extract PATH --cluster ... --output DIR``: ``kroniek.distributed.extract_on_cluster``."""
    from kroniek.distributed import extract_on_cluster

    if output is None:
        fail(KroniekError("E229", format=format))
    try:
        with _partition_progress() as (on_start, on_partition):
            report = extract_on_cluster(
                path, output, cluster=cluster, format=format, on_start=on_start, on_partition=on_partition, **options
            )
    except KroniekError as exc:
        fail(exc)
    _print_summary(report, "text", "extracted")
    typer.echo(f"shards in {output}", err=True)
    if report.failed_partitions:
        raise typer.Exit(1)


def fuse(db: str | None, cluster: str, window_days: int, as_of: Any) -> dict[str, Any]:
    """``kroniek fuse --cluster ...``: ``kroniek.distributed.fuse_on_cluster`` on the store ``db``."""
    from kroniek.distributed import fuse_on_cluster, open_client
    from kroniek.store.db import open_store

    with open_store(db) as store:
        if store.dialect != "postgresql":
            raise KroniekError("E223", url=store.display_url)
        with open_client(cluster) as client:
            return fuse_on_cluster(client, store, window_days=window_days, as_of=as_of)
