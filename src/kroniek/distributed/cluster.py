"""Connecting to a Dask cluster: ``tcp://HOST:8786`` (a running scheduler) or ``local:N`` (a LocalCluster).

``local:N`` starts N worker processes with one thread each on this machine (spaCy holds the GIL, so
threads would take turns; processes run side by side). A scheduler address connects to whatever cluster
runs there: docker compose, the Dask Helm chart on Kubernetes, dask-jobqueue on Slurm (docs/scale.md).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

from kroniek.errors import KroniekError

_LOCAL = re.compile(r"^local(?::(\d+))?$")
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|inproc|ucx)://\S+$")
CONNECT_TIMEOUT_S = 30


def import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise KroniekError("E222", package="dask[distributed]") from exc
    return distributed


def parse_cluster(value: str) -> tuple[str, int | str]:
    """``("local", N)`` or ``("address", "tcp://...")``; anything else is E220."""
    spec = value.strip()
    local = _LOCAL.match(spec)
    if local:
        workers = int(local[1]) if local[1] else 0
        if local[1] is not None and workers < 1:
            raise KroniekError("E220", value=value, detail="local:N needs at least one worker")
        return "local", workers
    if _ADDRESS.match(spec):
        return "address", spec
    if re.match(r"^[\w.-]+:\d+$", spec):  # HOST:PORT without a scheme: Dask's default protocol
        return "address", "tcp://" + spec
    raise KroniekError("E220", value=value, detail="not a scheduler address or local:N")


@contextlib.contextmanager
def open_client(cluster: str, dashboard_address: str | None = ":0") -> Iterator[Any]:
    """A ``distributed.Client`` for ``cluster``; a LocalCluster it started is closed on exit."""
    distributed = import_distributed()
    kind, target = parse_cluster(cluster)
    if kind == "local":
        import os

        import dask

        workers = int(target) or (os.cpu_count() or 1)
        # The statistical profiler samples every worker thread 100 times a second: a few per cent of
        # the CPU that extraction needs. Off for local clusters (the nannies keep this setting for the
        # workers they restart); docs/scale.md says how to turn it off on a deployed cluster.
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            local = distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=dashboard_address,
                silence_logs=40,  # errors only: a worker that dies is reported by the job, not by log noise
            )
        try:
            with distributed.Client(local) as client:
                yield client
        finally:
            local.close()
        return
    try:
        client = distributed.Client(str(target), timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise KroniekError("E221", address=target, detail=str(exc).splitlines()[0] if str(exc) else repr(exc)) from exc
    with client:
        yield client


def dashboard_link(client: Any) -> str | None:
    try:
        return str(client.dashboard_link)
    except Exception:  # no dashboard (bokeh missing on the scheduler): the job runs without one
        return None
