"""Scale benchmark: `kroniek ingest` on a Dask cluster against the plain single-machine path, into PostgreSQL.

    eval "$(.ci/postgres.sh)"      # or give --db postgresql://...
    PYTHONPATH=src python benchmarks/scale_benchmark.py [--articles 200] [--out benchmarks/results]

The batch cycles through the texts in ../shared/corpus/articles (nothing is copied into the project); each
copy gets its own number in a last line ("Ref 17."), so every text is new to the store and is extracted and
written (the store keeps one row per text). Each run writes into its own fresh PostgreSQL schema. It measures

- plain: ``kroniek.store.ingest.ingest_articles`` in this process, one process, pipeline loaded beforehand
  (the single-machine path with --n-process 1);
- cluster, 1 and 2 workers: ``kroniek.distributed.ingest_on_cluster`` on ``local:1`` and ``local:2``
  (worker processes, one thread each), timed from the first partition submitted to the last one done (the
  start of the cluster and the loading of the pipeline on the workers is reported apart);
- CPU seconds per article (the workers' own CPU time, and this process's for the plain path), which a busy
  machine does not inflate as it does wall-clock time;
- fusion: the store's one-process ``fuse`` against ``fuse_on_cluster`` on the 2-worker store;
- a projection, from the measured CPU seconds per article, of the workers needed for 10 million articles a day.

It writes benchmarks/results/scale.json and benchmarks/results/scale.md. Targets: 2 workers >= 1.7x one
worker; cluster overhead per article <= 10% of the plain path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
for extra in (REPO / "src", REPO / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from speed_benchmark import read_corpus_article  # noqa: E402

from kroniek.distributed import fuse_on_cluster, ingest_on_cluster, open_client  # noqa: E402
from kroniek.distributed.tasks import PipelinePlugin  # noqa: E402
from kroniek.evaluation.run import find_shared_dir  # noqa: E402
from kroniek.extractor import Extractor  # noqa: E402
from kroniek.pipeline import load_config  # noqa: E402
from kroniek.store.db import open_store  # noqa: E402
from kroniek.store.fusion import fuse  # noqa: E402
from kroniek.store.ingest import ingest_articles, read_articles  # noqa: E402

TARGET_SPEEDUP = 1.7
TARGET_OVERHEAD = 0.10
ARTICLES_PER_DAY = 10_000_000
# A cluster sized for the day's work runs its workers at this share of their time (the rest: restarts,
# uneven partitions, the database's own pauses); the projection divides by it.
UTILISATION = 0.7


def write_batch(articles_dir: Path, size: int, path: Path) -> dict[str, int]:
    corpus = [read_corpus_article(p) for p in sorted(articles_dir.glob("*.txt"))]
    if not corpus:
        raise SystemExit(f"no articles in {articles_dir}")
    languages: dict[str, int] = {}
    with path.open("w", encoding="utf-8") as fh:
        for n in range(size):
            a = corpus[n % len(corpus)]
            record = {"id": f"{n:05d}-{a.name}", "published": a.published, "language": a.language}
            record["text"] = f"{a.text}\n\nRef {n}."
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            languages[a.language or "?"] = languages.get(a.language or "?", 0) + 1
    return languages


@contextmanager
def fresh_schema(server: str, prefix: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from kroniek.store.db import resolve_url

    schema = f"{prefix}{uuid.uuid4().hex[:10]}"
    engine = create_engine(resolve_url(server))
    with engine.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def run_plain(batch: Path, url: str, n: int) -> dict[str, Any]:
    extractor = Extractor()
    loading = time.perf_counter()
    extractor.preload()
    load_s = time.perf_counter() - loading
    with open_store(url) as store:
        wall, cpu = time.perf_counter(), time.process_time()
        report = ingest_articles(store, read_articles(batch), extractor)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert report.stored == n, report.as_dict()
    return {"seconds": wall, "cpu_seconds": cpu, "articles_per_s": n / wall, "cpu_s_per_article": cpu / n,
            "pipeline_load_s": load_s, "stored": report.stored, "events": report.events}  # fmt: skip


def _process_cpu() -> float:
    """CPU seconds of the calling process, all threads (run on each worker through ``client.run``)."""
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def run_cluster(batch: Path, url: str, n: int, workers: int, partition_size: int) -> dict[str, Any]:
    starting = time.perf_counter()
    with open_client(f"local:{workers}") as client:
        plugin = PipelinePlugin(load_config(), None)
        client.register_plugin(plugin, name=plugin.name)  # the pipeline loads on the workers before timing
        startup_s = time.perf_counter() - starting
        before = sum(client.run(_process_cpu).values())
        report = ingest_on_cluster(batch, db=url, client=client, partition_size=partition_size, fuse=False)
        process_cpu = sum(client.run(_process_cpu).values()) - before
        stats = report.as_dict()
        assert stats["stored"] == n and not stats["failed_partitions"], stats
        fusion: dict[str, Any] = {}
        if workers > 1:
            with open_store(url) as store:
                started = time.perf_counter()
                fuse(store, commitments=False)
                fusion["one_process_s"] = time.perf_counter() - started
                started = time.perf_counter()
                fusion.update(fuse_on_cluster(client, store, commitments=False))
                fusion["cluster_s"] = time.perf_counter() - started
    cpu = stats["cpu_seconds"]
    store_s = sum(p.store_seconds for p in report.partitions)
    return {"workers": workers, "seconds": report.seconds, "startup_seconds": startup_s,
            "cpu_seconds": cpu, "articles_per_s": n / report.seconds, "cpu_s_per_article": cpu / n,
            "process_cpu_seconds": process_cpu, "process_cpu_s_per_article": process_cpu / n,
            # the workers' background threads (heartbeats, monitoring): CPU per worker per second of wall time
            "background_cpu_per_s": max(0.0, process_cpu - cpu) / report.seconds / workers,
            "store_s_per_article": store_s / n, "partitions": stats["partitions"], "events": stats["events"],
            "fusion": fusion}  # fmt: skip


def estimates(plain: dict[str, Any], one: dict[str, Any], two: dict[str, Any]) -> dict[str, float]:
    work = one["cpu_s_per_article"]
    # on a free core an article takes about its CPU time, during which the background threads run too
    free_core = work * (1 + one["background_cpu_per_s"])
    return {
        # two workers on two free cores: each does the work of one at the per-article cost measured with two
        "speedup_free_cores": 2 * work / two["cpu_s_per_article"],
        "overhead_work": work / plain["cpu_s_per_article"] - 1,
        "overhead_process": one["process_cpu_s_per_article"] / plain["cpu_s_per_article"] - 1,
        "overhead_free_core": free_core / plain["cpu_s_per_article"] - 1,
    }


def projection(cpu_s_per_article: float, store_s_per_article: float) -> dict[str, Any]:
    per_second = ARTICLES_PER_DAY / 86_400
    cores = per_second * cpu_s_per_article / UTILISATION
    return {
        "articles_per_day": ARTICLES_PER_DAY,
        "articles_per_s": per_second,
        "cpu_s_per_article": cpu_s_per_article,
        "worker_cores": cores,
        "workers_16_core_nodes": cores / 16,
        "concurrent_writers_busy_in_db": per_second * store_s_per_article,
    }


def markdown(result: dict[str, Any]) -> str:
    plain, one, two, proj, est = (
        result["plain"],
        result["one"],
        result["two"],
        result["projection"],
        result["estimates"],
    )
    load = result["load"]
    speedup_wall = two["articles_per_s"] / one["articles_per_s"]
    overhead_wall = one["seconds"] / plain["seconds"] - 1
    fz = two["fusion"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "not met"

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.1f} ms"

    return f"""## Scale (Dask)

Measured by `benchmarks/scale_benchmark.py` on {result["machine"]}, {result["at"]}: {result["articles"]} articles
cycled from the dev corpus ({", ".join(f"{k} {v}" for k, v in sorted(result["languages"].items()))}; {result["mean_chars"]:.0f}
characters on average), each text made unique, ingested into PostgreSQL {result["postgres"]} on the same machine (one fresh
schema per run). Partitions of {result["partition_size"]} articles, commits of 50 on the workers; the plain path
(`ingest_articles`, one process) commits each article. The Dask profiler is off on the workers (as `local:N` sets it).

**Load.** The machine has {result["cpus"]} cores and was shared with other jobs: 1-minute load average
{load["before"]:.1f} before, {load["after"]:.1f} after (between the runs: {", ".join(f"{x:.1f}" for x in load["during"])}).
Wall-clock rates are therefore lower bounds, and the 2-worker speed-up in wall-clock time is capped by the
share of the two cores the other jobs left free. CPU seconds are what the work costs whatever the load
(a crowded machine still inflates them somewhat: caches are shared).

| run | wall clock | articles/s | CPU per article: the work | CPU per article: whole worker process | start (cluster + pipeline) |
|---|---|---|---|---|---|
| plain path, 1 process | {plain["seconds"]:.1f} s | {plain["articles_per_s"]:.1f} | {ms(plain["cpu_s_per_article"])} | (same) | {plain["pipeline_load_s"]:.1f} s (pipeline) |
| cluster, 1 worker | {one["seconds"]:.1f} s | {one["articles_per_s"]:.1f} | {ms(one["cpu_s_per_article"])} | {ms(one["process_cpu_s_per_article"])} | {one["startup_seconds"]:.1f} s |
| cluster, 2 workers | {two["seconds"]:.1f} s | {two["articles_per_s"]:.1f} | {ms(two["cpu_s_per_article"])} | {ms(two["process_cpu_s_per_article"])} | {two["startup_seconds"]:.1f} s |

"The work" is the CPU time of the thread that ran the partitions (reading, extracting, writing); the whole
worker process adds Dask's background threads (heartbeats, monitoring), about {one["background_cpu_per_s"] * 1000:.0f} CPU-ms per
second of wall time per worker here, a cost per second, not per article, which a slow (crowded) run
therefore charges to fewer articles.

| measure | value | target |
|---|---|---|
| 2 workers / 1 worker, wall clock, under the load above | {speedup_wall:.2f}x | >= {TARGET_SPEEDUP}x: {verdict(speedup_wall >= TARGET_SPEEDUP)} |
| 2 workers / 1 worker on two free cores, from the measured CPU per article (2 x work with 1 / work with 2) | {est["speedup_free_cores"]:.2f}x | >= {TARGET_SPEEDUP}x: {verdict(est["speedup_free_cores"] >= TARGET_SPEEDUP)} (estimate) |
| overhead per article, cluster (1 worker) over plain path: the work | {est["overhead_work"] * 100:+.1f}% | <= {TARGET_OVERHEAD * 100:.0f}%: {verdict(est["overhead_work"] <= TARGET_OVERHEAD)} |
| overhead per article with the background threads, as measured (crowded) | {est["overhead_process"] * 100:+.1f}% | |
| overhead per article with the background threads, on a free core (estimate) | {est["overhead_free_core"] * 100:+.1f}% | <= {TARGET_OVERHEAD * 100:.0f}%: {verdict(est["overhead_free_core"] <= TARGET_OVERHEAD)} (estimate) |
| overhead, wall clock (load-dependent) | {overhead_wall * 100:+.1f}% | |
| workers busy (work CPU / wall time), 1 and 2 workers | {one["cpu_seconds"] / one["seconds"]:.0%} / {two["cpu_seconds"] / (2 * two["seconds"]):.0%} | (100%: a free core each) |
| time in the database per article (look-up + write, wall clock on the worker) | {ms(one["store_s_per_article"])} | |
| fusion of {fz.get("mentions", 0)} mentions: one process / Dask job ({fz.get("partitions", 0)} partitions) | {fz.get("one_process_s", 0):.2f} s / {fz.get("cluster_s", 0):.2f} s | same rows (tests/cluster) |

**Projection for {proj["articles_per_day"]:,} articles a day** ({proj["articles_per_s"]:.0f} articles/s), from the
measured {ms(proj["cpu_s_per_article"])} of worker-process CPU per article (1 worker) and {UTILISATION:.0%} utilisation:
about **{proj["worker_cores"]:.0f} worker cores**, one single-threaded worker process per core (~350 MB each),
e.g. {proj["workers_16_core_nodes"]:.1f} nodes of 16 cores, plus the scheduler and PostgreSQL. On average about
{proj["concurrent_writers_busy_in_db"]:.1f} workers are inside the database at any moment (one connection each while
writing; size max_connections or PgBouncer for the worker count). Cost grows roughly with article length.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--partition-size", type=int, default=25)
    parser.add_argument("--db", default=os.environ.get("KRONIEK_TEST_PG_URL"), help="a PostgreSQL server URL")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    if not args.db:
        raise SystemExit('give --db postgresql://... or run `eval "$(.ci/postgres.sh)"` first')
    shared = find_shared_dir()
    batch = Path(f"/tmp/kroniek-scale-{os.getpid()}.jsonl")
    languages = write_batch(shared / "corpus" / "articles", args.articles, batch)
    texts = [json.loads(line)["text"] for line in batch.read_text(encoding="utf-8").splitlines()]
    load_before = os.getloadavg()[0]
    during = []
    try:
        with fresh_schema(args.db, "bench_plain_") as url:
            plain = run_plain(batch, url, args.articles)
        during.append(os.getloadavg()[0])
        with fresh_schema(args.db, "bench_one_") as url:
            one = run_cluster(batch, url, args.articles, 1, args.partition_size)
        during.append(os.getloadavg()[0])
        with fresh_schema(args.db, "bench_two_") as url:
            two = run_cluster(batch, url, args.articles, 2, args.partition_size)
    finally:
        batch.unlink(missing_ok=True)
    with open_store(args.db) as store, store.connect() as conn:
        postgres = str(conn.exec_driver_sql("SHOW server_version").scalar()).split()[0]
    result = {
        "machine": f"{platform.machine()} {platform.system()}, Python {platform.python_version()}",
        "cpus": os.cpu_count(),
        "at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "articles": args.articles,
        "partition_size": args.partition_size,
        "languages": languages,
        "mean_chars": sum(len(t) for t in texts) / len(texts),
        "postgres": postgres,
        "load": {"before": load_before, "during": during, "after": os.getloadavg()[0]},
        "plain": plain,
        "one": one,
        "two": two,
        "estimates": estimates(plain, one, two),
        "projection": projection(one["process_cpu_s_per_article"], one["store_s_per_article"]),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "scale.json").write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    (args.out / "scale.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
