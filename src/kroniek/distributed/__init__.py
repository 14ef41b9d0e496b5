"""Batch work on a Dask cluster: extraction and ingest into PostgreSQL, and fusion, beyond one machine.

    from kroniek.distributed import ingest_on_cluster
    report = ingest_on_cluster("archive/", db="postgresql://...", cluster="tcp://scheduler:8786")

The single-machine path (``kroniek.store.ingest``) stays the default; this package is what
``kroniek ingest/extract/fuse --cluster`` call. Needs the ``cluster`` extra (dask[distributed]).
See docs/scale.md.
"""

from kroniek.distributed.cluster import open_client, parse_cluster
from kroniek.distributed.fusion import fuse_on_cluster, plan_fusion
from kroniek.distributed.jobs import ClusterReport, extract_on_cluster, ingest_on_cluster
from kroniek.distributed.partitions import Partition, plan_partitions, read_partition
from kroniek.distributed.tasks import PartitionReport

__all__ = [
    "ClusterReport",
    "Partition",
    "PartitionReport",
    "extract_on_cluster",
    "fuse_on_cluster",
    "ingest_on_cluster",
    "open_client",
    "parse_cluster",
    "plan_fusion",
    "plan_partitions",
    "read_partition",
]
