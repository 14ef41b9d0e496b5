"""What runs on the Dask workers: one partition of articles extracted, then stored or written as a shard.

Each worker process holds one Extractor per configuration and one store connection pool per database,
in the per-process caches below. ``PipelinePlugin`` (a Dask worker plugin, registered by the client)
fills the extractor cache while the worker starts, also on a worker that the nanny restarts after a
crash, so the pipeline is loaded once per worker and not per partition. Extraction is serialised per
process by a lock: a worker run with several threads stays correct (its threads take turns), and one
thread per worker process is what makes it fast (see docs/scale.md).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Chronicle
from kroniek.distributed.partitions import Partition, read_partition
from kroniek.distributed.writer import record_failures, stored_hashes, write_locked_batch
from kroniek.errors import KroniekError, StageError
from kroniek.ingest import ItemFailure, RawArticle
from kroniek.store.writer import text_hash

_lock = threading.Lock()
_extractors: dict[str, Any] = {}
_stores: dict[str, Any] = {}
_extract_lock = threading.Lock()


def config_key(config: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(config, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:12]


def worker_extractor(config: dict[str, Any], preload: list[str] | None = None) -> Any:
    """This process's Extractor for ``config``, built (and its languages preloaded) on first use."""
    key = config_key(config)
    with _lock:
        extractor = _extractors.get(key)
        if extractor is None:
            from kroniek.extractor import Extractor

            extractor = Extractor(config=config)
            _ = extractor.pipeline  # a pipeline that cannot be built fails here, once, with its error
            extractor.preload(preload if preload is not None else extractor.supported)
            _extractors[key] = extractor
        return extractor


def worker_store(url: str) -> Any:
    """This process's open store at ``url`` (the client migrated the schema before the job began)."""
    with _lock:
        store = _stores.get(url)
        if store is None:
            from kroniek.store.db import open_store

            store = _stores[url] = open_store(url, migrate_schema=False)
        return store


try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # without the cluster extra nothing registers the plugin; the module still imports
    WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin: load the pipeline while the worker starts (or restarts after a crash)."""

    idempotent = False  # registering it again (a new job, another config) replaces it

    def __init__(self, config: dict[str, Any], preload: list[str] | None) -> None:
        self.config = config
        self.preload = preload
        self.name = f"kroniek-pipeline-{config_key(config)}"

    async def setup(self, worker: Any) -> None:
        import asyncio

        # in a thread: the worker's event loop keeps answering the scheduler's heartbeats meanwhile
        await asyncio.get_running_loop().run_in_executor(None, worker_extractor, self.config, self.preload)

    def teardown(self, worker: Any) -> None:
        for store in _stores.values():
            store.close()
        _stores.clear()


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What every partition of a job needs (sent with each task: small)."""

    config: dict[str, Any]
    db: str | None = None
    published: str | None = None
    lang: str | None = None
    batch_size: int = 50
    extractor_name: str = "kroniek"
    output: str | None = None
    shard_format: str = "jsonl"


@dataclass
class PartitionReport:
    """The outcome of one partition (returned to the client, which sums them up)."""

    key: str
    label: str
    articles: int = 0
    stored: int = 0
    new_versions: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    # CPU time of the thread that ran the partition (reading, extracting, writing): the work itself, apart
    # from the worker's own background threads (heartbeats, monitoring), which cost per second, not per article
    cpu_seconds: float = 0.0
    store_seconds: float = 0.0  # wall time in the database: look-ups, writes, failure records
    worker: str = ""
    skipped: bool = False  # a shard that an earlier run wrote already
    error: str | None = None  # the partition as a whole failed (E227)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["failures"] = [{"where": w, "error": e} for w, e in self.failures]
        return data


def _extract(extractor: Any, article: RawArticle, spec: JobSpec) -> Chronicle | KroniekError:
    try:
        with _extract_lock:
            # --published and --lang fill in what an article does not say; they never override it
            return extractor.extract_article(
                article, published=article.published or spec.published, lang=article.language or spec.lang
            )
    except KroniekError as exc:
        return exc
    except Exception as exc:  # a stage bug in one article must not end the partition; it is recorded
        return StageError("E032", stage="?", article=article.id, detail=repr(exc))


def _batches(items: Iterator[RawArticle | ItemFailure], size: int) -> Iterator[list[RawArticle | ItemFailure]]:
    batch: list[RawArticle | ItemFailure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _new_report(partition: Partition) -> PartitionReport:
    return PartitionReport(partition.key, partition.label, worker=f"{socket.gethostname()}:{os.getpid()}")


def ingest_partition(partition: Partition, spec: JobSpec) -> PartitionReport:
    """Extract the partition's articles not yet stored and store them, ``spec.batch_size`` per commit."""
    assert spec.db is not None
    started, cpu = time.perf_counter(), time.thread_time()
    extractor = worker_extractor(spec.config)
    store = worker_store(spec.db)
    report = _new_report(partition)
    for batch in _batches(read_partition(partition, extractor.max_chars), spec.batch_size):
        failures: list[tuple[str, KroniekError]] = []
        articles = [item for item in batch if isinstance(item, RawArticle)]
        failures.extend((item.where, item.error) for item in batch if isinstance(item, ItemFailure))
        report.articles += len(batch)
        waited = time.perf_counter()
        known = stored_hashes(store, (text_hash(a.text) for a in articles))
        report.store_seconds += time.perf_counter() - waited
        to_write: list[tuple[str, Chronicle]] = []
        for article in articles:
            digest = text_hash(article.text)
            if digest in known:
                report.duplicates += 1  # stored by an earlier run, an earlier attempt or earlier in this input
                continue
            known.add(digest)
            outcome = _extract(extractor, article, spec)
            if isinstance(outcome, KroniekError):
                failures.append((article.id, outcome))
            else:
                to_write.append((article.id, outcome))
        waited = time.perf_counter()
        written = write_locked_batch(store, to_write, extractor=spec.extractor_name)
        record_failures(store, failures + [(w, r) for w, r in written if isinstance(r, KroniekError)])
        report.store_seconds += time.perf_counter() - waited
        for where, result in written:
            if isinstance(result, KroniekError):
                failures.append((where, result))
            elif result.status == "duplicate":
                report.duplicates += 1
            else:
                report.new_versions += result.status == "new version"
                report.stored += result.status == "stored"
                report.events += result.events
        report.failures.extend((where, str(exc)) for where, exc in failures)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.thread_time() - cpu
    return report


def shard_path(output: str, partition: Partition, shard_format: str) -> Path:
    return Path(output) / f"part-{partition.key}.{shard_format}"


def extract_partition(partition: Partition, spec: JobSpec) -> PartitionReport:
    """Extract the partition into one shard file (JSONL of chronicles, or Parquet), written atomically.

    A shard that exists is complete (it is renamed into place only when written), so a rerun skips it.
    """
    assert spec.output is not None
    started, cpu = time.perf_counter(), time.thread_time()
    report = _new_report(partition)
    target = shard_path(spec.output, partition, spec.shard_format)
    if target.exists():
        report.skipped = True
        return report
    extractor = worker_extractor(spec.config)
    chronicles: list[Chronicle] = []
    for item in read_partition(partition, extractor.max_chars):
        report.articles += 1
        if isinstance(item, ItemFailure):
            report.failures.append((item.where, str(item.error)))
            continue
        outcome = _extract(extractor, item, spec)
        if isinstance(outcome, KroniekError):
            report.failures.append((item.id, str(outcome)))
        else:
            chronicles.append(outcome)
            report.events += len(outcome.events)
    report.stored = len(chronicles)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    if spec.shard_format == "parquet":
        _write_parquet_shard(partial, chronicles)
    else:
        with partial.open("w", encoding="utf-8") as fh:
            for chronicle in chronicles:
                fh.write(chronicle.model_dump_json() + "\n")
    os.replace(partial, target)  # atomic: a shard is there whole or not at all
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.thread_time() - cpu
    return report


def _write_parquet_shard(path: Path, chronicles: list[Chronicle]) -> None:
    """One row per chronicle: the article's fields, its event count and the chronicle as JSON."""
    import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]

    columns: dict[str, list[Any]] = {
        name: [] for name in ("id", "url", "source", "title", "published", "language", "events", "chronicle")
    }
    for chronicle in chronicles:
        article = chronicle.article
        for name in ("id", "url", "source", "title", "published", "language"):
            columns[name].append(getattr(article, name))
        columns["events"].append(len(chronicle.events))
        columns["chronicle"].append(chronicle.model_dump_json())
    schema = pa.schema(
        [(name, pa.int32() if name == "events" else pa.string()) for name in columns],
    )
    pq.write_table(pa.table(columns, schema=schema), str(path))
