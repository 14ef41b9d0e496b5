"""Partitions: every article of a JSONL file, a folder or a Parquet file is read by exactly one partition,
as the single-machine reader reads it (same ids, texts, metadata and failure places), without a cluster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cluster_cases import ARTICLES, write_jsonl

from kroniek.distributed import plan_partitions, read_partition
from kroniek.errors import KroniekError
from kroniek.ingest import ItemFailure, RawArticle
from kroniek.store.ingest import read_articles


def as_rows(items: list[RawArticle | ItemFailure]) -> list[Any]:
    return [
        ("failure", i.where, i.error.code)
        if isinstance(i, ItemFailure)
        else (i.id, i.text, i.url, i.source, i.published, i.language)
        for i in items
    ]


def read_all(parts: list[Any]) -> list[RawArticle | ItemFailure]:
    return [item for part in parts for item in read_partition(part)]


@pytest.mark.parametrize("size", [1, 2, 5, 100])
def test_jsonl_partitions_read_what_the_single_machine_reader_reads(tmp_path: Path, size: int) -> None:
    source = write_jsonl(tmp_path / "batch.jsonl", ARTICLES)
    parts = plan_partitions(source, partition_size=size)
    filled = len(ARTICLES) + 1  # the records and the bad line; the blank line does not count
    assert len(parts) == -(-filled // size)
    assert as_rows(read_all(parts)) == as_rows(list(read_articles(source)))
    assert [p.key for p in plan_partitions(source, partition_size=size)] == [p.key for p in parts]  # stable


def test_a_last_line_without_newline_and_blank_lines_at_a_cut(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{n}", "text": f"Line {n} was written for this test."}) for n in range(5)]
    source = tmp_path / "cut.jsonl"
    source.write_text(lines[0] + "\n" + lines[1] + "\n\n\n" + "\n".join(lines[2:]), encoding="utf-8")
    parts = plan_partitions(source, partition_size=2)
    assert [(p.first_line, p.last_line) for p in parts] == [(1, 2), (3, 6), (7, 7)]
    assert [i.id for i in read_all(parts) if isinstance(i, RawArticle)] == [f"a{n}" for n in range(5)]


def test_a_folder_of_files_jsonl_and_parquet(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"Text {n}, written for this test, has one sentence.", encoding="utf-8")
    (folder / "sub" / "press.txt").write_text("url: https://example.org/x\n\nA press file body.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("not read", encoding="utf-8")
    write_jsonl(folder / "b.jsonl", ARTICLES[:3], bad_line_after=None)
    pq.write_table(pa.table({"text": ["A row of Parquet.", None], "id": ["p1", "p2"]}), str(folder / "c.parquet"))
    parts = plan_partitions(folder, partition_size=2)
    assert [p.kind for p in parts] == ["files", "files", "jsonl", "jsonl", "parquet", "files"]
    rows = as_rows(read_all(parts))
    from_parquet = [r for r in rows if r[0] == "p1" or "c.parquet" in str(r[1])]
    assert [r for r in rows if r not in from_parquet] == as_rows(list(read_articles(folder)))  # it reads no Parquet
    assert ("p1", "A row of Parquet.", None, None, None, None) in rows
    assert any(r[0] == "failure" and r[1].endswith("c.parquet#group0:row 1") for r in rows)


def test_partition_errors(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"body": ["x"]}), str(tmp_path / "t.parquet"))
    cases = [
        (lambda: plan_partitions(tmp_path / "t.parquet"), "E224"),
        (lambda: plan_partitions(tmp_path / "missing.jsonl"), "E010"),
        (lambda: plan_partitions(tmp_path / "t.parquet", partition_size=0), "E228"),
    ]
    (tmp_path / "empty").mkdir()
    cases.append((lambda: plan_partitions(tmp_path / "empty"), "E226"))
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    cases.append((lambda: plan_partitions(tmp_path / "broken.parquet"), "E225"))
    for call, code in cases:
        with pytest.raises(KroniekError) as caught:
            call()
        assert caught.value.code == code, caught.value
    assert "--text-column" in str(KroniekError("E224", where="t", column="text", columns="body"))


def test_fusion_partitions_are_bundled_into_tasks_whole() -> None:
    import datetime as dt

    from kroniek.distributed.fusion import MIN_TASK_MENTIONS, FusionPartition, bundle_partitions

    day = dt.date(2025, 3, 19)
    sizes = [1, MIN_TASK_MENTIONS, 3, 2, MIN_TASK_MENTIONS * 3, 7]
    parts = [FusionPartition(f"T{n}", False, "", day, None, size) for n, size in enumerate(sizes)]
    bundles = bundle_partitions(parts, workers=2)
    assert [p for bundle in bundles for p in bundle] == parts  # every partition once, in order, never split
    assert [[p.mentions for p in b] for b in bundles] == [[1, MIN_TASK_MENTIONS], [3, 2, MIN_TASK_MENTIONS * 3], [7]]
