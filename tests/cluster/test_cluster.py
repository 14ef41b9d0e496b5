"""Ingest, extraction and fusion on a LocalCluster of two worker processes against PostgreSQL give what the
single-machine path gives, and a worker killed in the middle of a job loses and duplicates nothing."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from cluster_cases import ARTICLES, LANGUAGES, fused_rows, snapshot, swap_articles, write_jsonl
from sqlalchemy import func, select

from kroniek.distributed import extract_on_cluster, fuse_on_cluster, ingest_on_cluster, plan_fusion
from kroniek.distributed.tasks import PartitionReport
from kroniek.extractor import Extractor
from kroniek.store import schema as s
from kroniek.store.db import open_store
from kroniek.store.fusion import fuse
from kroniek.store.ingest import ingest_articles, read_articles
from kroniek.store.writer import text_hash

PgSchema = Callable[[str], AbstractContextManager[str]]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_cluster_ingest_and_fusion_equal_the_single_machine_path(
    cluster_client: Any, pg_schema: PgSchema, tmp_path: Path, extractor: Extractor
) -> None:
    source = write_jsonl(tmp_path / "batch.jsonl", ARTICLES)
    with pg_schema("single_") as single_url, pg_schema("dask_") as dask_url:
        with open_store(single_url) as single:
            plain = ingest_articles(single, read_articles(source), extractor)
            fuse(single)
            expected = snapshot(single)
        seen: list[PartitionReport] = []
        report = ingest_on_cluster(
            source, db=dask_url, cluster="", client=cluster_client, partition_size=3, batch_size=2,
            preload=LANGUAGES, on_partition=seen.append,
        )  # fmt: skip
        assert report.workers == 2 and report.dashboard
        assert len(report.partitions) == len(seen) == 6 and not report.failed_partitions
        assert {p.worker for p in report.partitions} and all(p.cpu_seconds > 0 for p in report.partitions)
        totals = report.as_dict()
        assert (totals["stored"], totals["new_versions"], totals["duplicates"], totals["failed"]) == (
            plain.stored, plain.new_versions, plain.duplicates, len(plain.failures)
        )  # fmt: skip
        assert totals["new_in_store"] == plain.stored + plain.new_versions == len(ARTICLES) - 2
        assert sorted(report.failures) == sorted(plain.failures)
        with open_store(dask_url) as clustered:
            got = snapshot(clustered)
            for part in got:
                assert got[part] == expected[part], part
            assert any(len(members) > 1 for members, *_ in got["fused"])  # fusion had something to fuse
            # the fusion job against the store's own fusion on the same store: the same rows, ids included
            fuse(clustered)
            one_process = fused_rows(clustered)
            parts = plan_fusion(clustered)
            keys = {(p.event_type, p.negated, p.proposition) for p in parts}
            assert len(parts) > len(keys)  # the exchanges of March and June are separate partitions
            result = fuse_on_cluster(cluster_client, clustered)
            assert fused_rows(clustered) == one_process
            assert result["partitions"] == len(parts) and result["mentions"] == sum(p.mentions for p in parts)


def test_a_worker_killed_mid_job_loses_and_duplicates_nothing(
    cluster_client: Any, pg_schema: PgSchema, tmp_path: Path
) -> None:
    records = swap_articles(24)
    source = write_jsonl(tmp_path / "swaps.jsonl", records, bad_line_after=None)
    killed: list[int] = []

    def kill_a_busy_worker(_report: PartitionReport) -> None:
        if killed:
            return
        busy = [address for address, keys in cluster_client.processing().items() if keys]
        if busy:
            pid = cluster_client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    with pg_schema("dask_kill_") as url:
        report = ingest_on_cluster(
            source, db=url, cluster="", client=cluster_client, partition_size=4, batch_size=1, fuse=False,
            preload=["en"], on_partition=kill_a_busy_worker,
        )  # fmt: skip
        assert killed, "no worker was busy when the first partition finished"
        assert not report.failed_partitions and not report.failures
        assert report.articles_after is not None and report.articles_before == 0
        assert report.articles_after == len(records)
        with open_store(url) as store, store.connect() as conn:
            hashes = [r[0] for r in conn.execute(select(s.articles.c.text_hash))]
            events = dict(
                conn.execute(select(s.events.c.article_id, func.count()).group_by(s.events.c.article_id)).all()
            )
        assert sorted(hashes) == sorted(text_hash(r["text"]) for r in records)
        assert len(events) == len(records)  # every article's chronicle is stored with its events
        # a rerun resumes: every text is found stored, nothing is extracted or stored again
        again = ingest_on_cluster(
            source, db=url, cluster="", client=cluster_client, partition_size=4, fuse=False, preload=["en"]
        )
        assert (again.total("stored"), again.total("duplicates"), again.articles_after) == (0, 24, 24)
        assert all(p.cpu_seconds < 5 for p in again.partitions)
    pids = cluster_client.run(os.getpid).values()
    assert killed[0] not in pids


def test_extract_on_cluster_writes_shards_and_resumes(
    cluster_client: Any, tmp_path: Path, extractor: Extractor
) -> None:
    records = [r for r in ARTICLES if r["text"].strip()][:6]
    source = write_jsonl(tmp_path / "batch.jsonl", records, bad_line_after=None)
    out = tmp_path / "shards"
    report = extract_on_cluster(source, out, cluster="", client=cluster_client, partition_size=2, preload=LANGUAGES)
    shards = sorted(out.glob("part-*.jsonl"))
    assert len(shards) == len(report.partitions) == 3 and not report.failures
    got = [json.loads(line) for shard in shards for line in shard.read_text(encoding="utf-8").splitlines()]
    expected = [
        json.loads(c.model_dump_json())
        for c in (extractor.extract(r["text"], published=r["published"], lang=r["language"], id=r["id"],
                                    url=r["url"], source=r["source"]) for r in records)
    ]  # fmt: skip
    assert got == expected
    shards[1].unlink()
    again = extract_on_cluster(source, out, cluster="", client=cluster_client, partition_size=2, preload=LANGUAGES)
    assert [p.skipped for p in again.partitions] == [True, False, True]
    assert [json.loads(x) for s_ in sorted(out.glob("part-*.jsonl")) for x in s_.read_text().splitlines()] == got


def test_parquet_in_parquet_out(cluster_client: Any, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    records = [r for r in ARTICLES if r["text"].strip()][:4]
    table = pa.table(
        {"id": [r["id"] for r in records], "body": [r["text"] for r in records],
         "published": [r["published"] for r in records], "language": [r["language"] for r in records]}
    )  # fmt: skip
    pq.write_table(table, str(tmp_path / "in.parquet"), row_group_size=3)
    report = extract_on_cluster(
        tmp_path / "in.parquet", tmp_path / "out", cluster="", client=cluster_client, format="parquet",
        text_column="body", partition_size=2, preload=LANGUAGES,
    )  # fmt: skip
    assert len(report.partitions) == 3  # row groups of 3 and 1 rows, cut at 2
    out = pq.read_table(str(tmp_path / "out")).to_pylist()
    assert sorted(row["id"] for row in out) == sorted(r["id"] for r in records)
    for row in out:
        chronicle = json.loads(row["chronicle"])
        assert chronicle["article"]["id"] == row["id"] and row["events"] == len(chronicle["events"])
