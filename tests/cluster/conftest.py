"""A LocalCluster of two worker processes (one thread each) shared by the cluster tests,
started only when PostgreSQL is there (KRONIEK_TEST_PG_URL: skipped without it, a failure under CI)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest


@pytest.fixture(scope="session")
def cluster_client(pg_schema: Callable[[str], AbstractContextManager[str]]) -> Iterator[Any]:
    with pg_schema("dask_probe_"):  # skips (or fails in CI) before a cluster is started for nothing
        pass
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close(timeout=10)
