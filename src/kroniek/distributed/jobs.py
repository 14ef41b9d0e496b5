"""The client side of a distributed job: plan partitions, run them on the cluster, sum up the reports.

``ingest_on_cluster`` is ``kroniek ingest SOURCE --cluster ...``: workers extract and write into
PostgreSQL themselves; the client only plans, watches and reports (and afterwards runs the fusion as a
job over partitions of the event table, ``kroniek.distributed.fusion``). ``extract_on_cluster`` is
``kroniek extract SOURCE --cluster ... --output DIR``: one shard file per partition.

Exactly once. An article is its text (the store's rule), and a worker skips the texts stored already
before it extracts, so a partition that runs twice stores nothing twice:
- a worker that dies mid-partition leaves at most one uncommitted batch, which PostgreSQL rolls back;
  the scheduler gives the partition to another worker, which skips the batches already committed;
- a partition that fails with an exception is retried ``retries`` times, then reported (E227);
- rerunning the same command resumes the job: completed partitions cost a read and one look-up per
  batch, shards already written are skipped.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kroniek.distributed.cluster import dashboard_link, import_distributed, open_client
from kroniek.distributed.partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from kroniek.distributed.tasks import JobSpec, PartitionReport, PipelinePlugin, extract_partition, ingest_partition
from kroniek.errors import KroniekError
from kroniek.store import schema as s

DEFAULT_BATCH_SIZE = 50
SHARD_FORMATS = ("jsonl", "parquet")
# How often a partition that raised (not one whose worker died: the scheduler reschedules that) is retried.
PARTITION_RETRIES = 2

OnStart = Callable[[int, "str | None"], None]
OnPartition = Callable[[PartitionReport], None]


@dataclass
class ClusterReport:
    """The summary of a distributed job: totals, one report per partition, where to watch it."""

    partitions: list[PartitionReport] = field(default_factory=list)
    dashboard: str | None = None
    workers: int = 0
    startup_seconds: float = 0.0  # connecting (or starting a LocalCluster) and loading the pipeline on the workers
    seconds: float = 0.0  # from the first partition submitted to the last one done
    articles_before: int | None = None
    articles_after: int | None = None
    fusion: dict[str, Any] = field(default_factory=dict)

    def total(self, name: str) -> int:
        return sum(int(getattr(p, name)) for p in self.partitions)

    @property
    def failed_partitions(self) -> list[PartitionReport]:
        return [p for p in self.partitions if p.error]

    @property
    def failures(self) -> list[tuple[str, str]]:
        return [f for p in self.partitions for f in p.failures]

    def as_dict(self) -> dict[str, Any]:
        totals = {name: self.total(name) for name in ("articles", "stored", "new_versions", "duplicates", "events")}
        return {
            **totals,
            "failed": len(self.failures),
            "failed_partitions": len(self.failed_partitions),
            "partitions": len(self.partitions),
            "workers": self.workers,
            "dashboard": self.dashboard,
            "startup_seconds": round(self.startup_seconds, 3),
            "seconds": round(self.seconds, 3),
            "cpu_seconds": round(sum(p.cpu_seconds for p in self.partitions), 3),
            "new_in_store": (self.articles_after - self.articles_before)
            if self.articles_after is not None and self.articles_before is not None
            else None,
            "fusion": self.fusion,
            "per_partition": [p.as_dict() for p in self.partitions],
        }


def _check_sizes(partition_size: int, batch_size: int) -> None:
    if partition_size < 1:
        raise KroniekError("E228", option="--partition-size", value=partition_size)
    if batch_size < 1:
        raise KroniekError("E228", option="--batch-size", value=batch_size)


def _load_config(config: str | Path | dict[str, Any] | None) -> dict[str, Any]:
    from kroniek.pipeline import load_config

    return config if isinstance(config, dict) else load_config(config)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kroniek")
    except Exception:
        return "dev"


def run_partitions(
    client: Any,
    task: Callable[[Partition, JobSpec], PartitionReport],
    partitions: list[Partition],
    spec: JobSpec,
    on_partition: OnPartition | None = None,
) -> list[PartitionReport]:
    """Every partition through ``task`` on the cluster; reports in partition order, failures included."""
    distributed = import_distributed()
    token = uuid.uuid4().hex[:8]
    futures = [
        client.submit(
            task, partition, spec, key=f"kroniek-{task.__name__}-{token}-{partition.key}", retries=PARTITION_RETRIES
        )
        for partition in partitions
    ]
    by_key = {future.key: partition for future, partition in zip(futures, partitions, strict=True)}
    reports: dict[int, PartitionReport] = {}
    for future in distributed.as_completed(futures):
        partition = by_key[future.key]
        try:
            report = future.result()
        except Exception as exc:  # the partition as a whole: its worker died too often, or it kept raising
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            report = PartitionReport(partition.key, partition.label)
            report.error = str(KroniekError("E227", partition=partition.label, detail=detail))
        reports[partition.index] = report
        future.release()
        if on_partition:
            on_partition(report)
    return [reports[p.index] for p in partitions]


def _count_articles(store: Any) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(s.articles)).scalar_one())


def ingest_on_cluster(
    source: str | Path,
    db: str | None,
    cluster: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    config: str | Path | dict[str, Any] | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    text_column: str = "text",
    fuse: bool = True,
    window_days: int = 3,
    preload: list[str] | None = None,
    on_start: OnStart | None = None,
    on_partition: OnPartition | None = None,
    client: Any = None,
) -> ClusterReport:
    """Extract and store every article of ``source`` on a Dask cluster, into the PostgreSQL store ``db``.

    ``cluster`` is ``tcp://HOST:8786`` or ``local:N``; an open ``client`` may be given instead (tests,
    notebooks). ``preload`` names the languages each worker loads before its first article (default:
    all supported). ``on_start(partitions, dashboard)`` and ``on_partition(report)`` report progress.
    """
    from kroniek.ingest import parse_published
    from kroniek.store.db import open_store

    _check_sizes(partition_size, batch_size)
    if published is not None:
        parse_published(published)  # refuse an unreadable date before anything starts
    store = open_store(db)  # creates or migrates the schema once, before any worker writes
    try:
        if store.dialect != "postgresql":
            raise KroniekError("E223", url=store.display_url)
        partitions = plan_partitions(source, partition_size, text_column)
        spec = JobSpec(
            _load_config(config),
            db=store.url,
            published=published,
            lang=lang,
            batch_size=batch_size,
            extractor_name=f"kroniek-{_version()}",
        )
        report = ClusterReport(articles_before=_count_articles(store))
        connecting = time.perf_counter()
        with _client_for(cluster, client) as active:
            _prepare_workers(active, spec, preload, report, len(partitions), on_start, connecting)
            started = time.perf_counter()
            report.partitions = run_partitions(active, ingest_partition, partitions, spec, on_partition)
            report.seconds = time.perf_counter() - started
            report.articles_after = _count_articles(store)
            if fuse:
                from kroniek.distributed.fusion import fuse_on_cluster

                report.fusion = fuse_on_cluster(active, store, window_days=window_days)
        return report
    finally:
        store.close()


def extract_on_cluster(
    source: str | Path,
    output: str | Path,
    cluster: str | None = None,
    format: str = "jsonl",
    published: str | None = None,
    lang: str | None = None,
    config: str | Path | dict[str, Any] | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    text_column: str = "text",
    preload: list[str] | None = None,
    on_start: OnStart | None = None,
    on_partition: OnPartition | None = None,
    client: Any = None,
) -> ClusterReport:
    """Extract every article of ``source`` on a Dask cluster into shard files ``output/part-*.{format}``.

    One shard per partition, named by the partition's key; a rerun skips the shards that exist.
    """
    from kroniek.ingest import parse_published

    if format not in SHARD_FORMATS:
        raise KroniekError("E229", format=format)
    _check_sizes(partition_size, 1)
    if published is not None:
        parse_published(published)
    if format == "parquet":
        try:
            import pyarrow  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
        except ImportError as exc:
            raise KroniekError("E205", what="Parquet shards", package="pyarrow") from exc
    partitions = plan_partitions(source, partition_size, text_column)
    folder = Path(output).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    spec = JobSpec(_load_config(config), published=published, lang=lang, output=str(folder), shard_format=format)
    report = ClusterReport()
    connecting = time.perf_counter()
    with _client_for(cluster, client) as active:
        _prepare_workers(active, spec, preload, report, len(partitions), on_start, connecting)
        started = time.perf_counter()
        report.partitions = run_partitions(active, extract_partition, partitions, spec, on_partition)
        report.seconds = time.perf_counter() - started
    return report


def _prepare_workers(
    client: Any,
    spec: JobSpec,
    preload: list[str] | None,
    report: ClusterReport,
    partitions: int,
    on_start: OnStart | None,
    connecting: float,
) -> None:
    """Load the pipeline on every worker (and on any that joins later) before the first partition."""
    plugin = PipelinePlugin(spec.config, preload)
    client.register_plugin(plugin, name=plugin.name)  # returns once each current worker has loaded it
    report.dashboard = dashboard_link(client)
    report.workers = len(client.scheduler_info().get("workers", {}))
    report.startup_seconds = time.perf_counter() - connecting
    if on_start:
        on_start(partitions, report.dashboard)


class _client_for:
    """The given client as is (left open), or one opened for ``cluster`` (closed on exit)."""

    def __init__(self, cluster: str | None, client: Any) -> None:
        if client is None and not cluster:
            raise KroniekError("E220", value=cluster or "", detail="no cluster given")
        self.cluster, self.client = cluster, client
        self._opened: Any = None

    def __enter__(self) -> Any:
        if self.client is not None:
            return self.client
        self._opened = open_client(str(self.cluster))
        return self._opened.__enter__()

    def __exit__(self, *exc: Any) -> None:
        if self._opened is not None:
            self._opened.__exit__(*exc)
