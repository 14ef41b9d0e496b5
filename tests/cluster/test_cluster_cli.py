"""`--cluster` on the command line: bad options get their catalogue error before anything starts, and
`kroniek ingest --cluster tcp://...` runs against a scheduler by its address (the module's LocalCluster)."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from cluster_cases import ARTICLES, write_jsonl
from typer.testing import CliRunner

from kroniek.cli.app import build_app
from kroniek.distributed import parse_cluster
from kroniek.errors import KroniekError

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(build_app(), list(args))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("local:3", ("local", 3)),
        ("local", ("local", 0)),
        ("tcp://10.0.0.5:8786", ("address", "tcp://10.0.0.5:8786")),
        ("scheduler:8786", ("address", "tcp://scheduler:8786")),
    ],
)
def test_cluster_values(value: str, expected: tuple[str, object]) -> None:
    assert parse_cluster(value) == expected


@pytest.mark.parametrize("value", ["local:0", "local:two", "http://host", "somewhere"])
def test_a_bad_cluster_value_is_e220(value: str) -> None:
    with pytest.raises(KroniekError) as caught:
        parse_cluster(value)
    assert caught.value.code == "E220"


def test_cluster_ingest_needs_postgresql(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "batch.jsonl", ARTICLES[:2], bad_line_after=None)
    result = run("ingest", str(source), "--db", str(tmp_path / "k.db"), "--cluster", "local:1")
    assert result.exit_code == 1 and "[E223]" in result.output and "--db postgresql://" in result.output
    assert not (tmp_path / "k.db").exists() or "articles" not in result.output


def test_cluster_options_are_checked_before_a_cluster_starts(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "batch.jsonl", ARTICLES[:2], bad_line_after=None)
    result = run("extract", str(source), "--cluster", "local:1")
    assert result.exit_code == 1 and "[E229]" in result.output and "--output" in result.output
    result = run("extract", str(source), "--cluster", "local:1", "--output", str(tmp_path / "o"), "--format", "csv")
    assert result.exit_code == 1 and "[E229]" in result.output
    result = run(
        "extract", str(source), "--cluster", "local:1", "--output", str(tmp_path / "o"), "--partition-size", "0"
    )
    assert result.exit_code == 1 and "[E228]" in result.output and "--partition-size" in result.output


def test_ingest_on_a_scheduler_by_address(
    cluster_client: Any, pg_schema: Callable[[str], AbstractContextManager[str]], tmp_path: Path
) -> None:
    source = write_jsonl(tmp_path / "batch.jsonl", ARTICLES[:4], bad_line_after=1)
    address = cluster_client.scheduler.address
    with pg_schema("dask_cli_") as url:
        args = ["ingest", str(source), "--db", url, "--cluster", address, "--partition-size", "2", "--format", "json"]
        result = run(*args)
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert (report["stored"], report["failed"], report["partitions"], report["new_in_store"]) == (4, 1, 3, 4)
        assert report["dashboard"] and report["workers"] == 2
        assert report["fusion"]["mentions"] > 0
        # lines 1-2, then the blank line 3, the bad line 4 and line 5, then line 6
        assert [[f["where"][-7:] for f in p["failures"]] for p in report["per_partition"]] == [[], ["jsonl:4"], []]
        again = run(*args[:-2])  # text summary; a rerun stores nothing again
        assert again.exit_code == 0 and "stored 0, new versions 0, already stored 4, failed 1" in again.stdout
