"""Cutting an input into partitions that workers read on their own, and reading one partition.

A partition names a slice of the input by position, never by content, so the client plans a job
without reading the articles and every worker reads only its slice from the shared file system:

- a JSONL file: a run of whole lines (byte offsets plus the number of its first line, so failures are
  reported as ``file:line`` exactly as the single-machine ``kroniek ingest`` reports them);
- a folder: its article files in name order (as ``kroniek ingest`` reads them), a few per partition;
  a JSONL or Parquet file inside it is cut like a file given on its own;
- a Parquet file: a run of rows of one row group, with the article text in ``text_column`` and the other
  article fields (id, url, source, title, published, language) taken from columns of those names.

A partition's ``key`` is derived from its place in the input (path and range), so the same input cut
with the same ``partition_size`` gives the same keys: shards written by ``extract`` carry them in their
names, which lets a rerun skip the partitions already done.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.errors import InputError, KroniekError
from kroniek.ingest import ItemFailure, RawArticle, article_from_text, decode_bytes, read_jsonl
from kroniek.ingest.sources import JSONL_FIELDS

# The suffixes a folder is searched for: those `kroniek ingest` reads, plus Parquet.
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
PARTITION_SUFFIXES = (*TEXT_SUFFIXES, ".jsonl", ".parquet")
DEFAULT_PARTITION_SIZE = 200
# Lines are counted in blocks of this many bytes while a JSONL file is planned (the client reads each
# JSONL file once, at disk speed, to cut it at line boundaries and to number the lines).
_SCAN_BLOCK = 1 << 22


@dataclass(frozen=True, slots=True)
class Partition:
    """One slice of the input: ``kind`` is "jsonl" (bytes start..end, lines from first_line), "files"
    (the listed files) or "parquet" (rows start..end of row group ``group``)."""

    index: int
    kind: str
    path: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    last_line: int = 0
    group: int = 0
    files: tuple[str, ...] = ()
    text_column: str = "text"

    @property
    def label(self) -> str:
        """Where the partition lies, for reports: ``file.jsonl:11-20``, ``folder/a.txt (+3 files)``."""
        if self.kind == "jsonl":
            return f"{self.path}:{self.first_line}-{self.last_line}"
        if self.kind == "parquet":
            return f"{self.path}#group{self.group}:rows {self.start}-{self.end - 1}"
        more = f" (+{len(self.files) - 1} files)" if len(self.files) > 1 else ""
        return f"{self.files[0]}{more}"

    @property
    def key(self) -> str:
        """A short stable name from the partition's place in the input."""
        place = f"{self.kind}|{self.path}|{self.start}|{self.end}|{self.group}|{'|'.join(self.files)}"
        return f"{self.index:05d}-{hashlib.sha1(place.encode('utf-8')).hexdigest()[:8]}"


def plan_partitions(
    source: str | Path, partition_size: int = DEFAULT_PARTITION_SIZE, text_column: str = "text"
) -> list[Partition]:
    """The partitions of a JSONL file, a Parquet file or a folder, about ``partition_size`` articles each.

    Paths are made absolute: workers on other machines must see the input at the same path (a shared
    or network file system, or the same container volume).
    """
    if partition_size < 1:
        raise KroniekError("E228", option="--partition-size", value=partition_size)
    path = Path(source).expanduser()
    if not path.exists():
        raise InputError("E010", where=str(source))
    plan: list[Partition] = []
    if path.is_dir():
        files = sorted(
            f.resolve()
            for f in path.rglob("*")
            if f.is_file() and f.suffix.lower() in PARTITION_SUFFIXES and not f.name.startswith(".")
        )
        loose: list[str] = []
        for f in files:
            if f.suffix.lower() in (".jsonl", ".parquet"):
                _flush_files(plan, loose, text_column)
                plan.extend(_plan_file(f, partition_size, text_column, len(plan)))
            else:
                loose.append(str(f))
                if len(loose) >= partition_size:
                    _flush_files(plan, loose, text_column)
        _flush_files(plan, loose, text_column)
    else:
        plan.extend(_plan_file(path.resolve(), partition_size, text_column, 0))
    if not plan:
        raise KroniekError("E226", where=str(source))
    return plan


def _flush_files(plan: list[Partition], loose: list[str], text_column: str) -> None:
    if loose:
        plan.append(Partition(len(plan), "files", loose[0], files=tuple(loose), text_column=text_column))
        loose.clear()


def _plan_file(path: Path, partition_size: int, text_column: str, first_index: int) -> list[Partition]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _plan_parquet(path, partition_size, text_column, first_index)
    if suffix == ".jsonl":
        return _plan_jsonl(path, partition_size, first_index)
    return [Partition(first_index, "files", str(path), files=(str(path),), text_column=text_column)]


def _plan_jsonl(path: Path, partition_size: int, first_index: int) -> list[Partition]:
    """Cut at every ``partition_size``-th line that holds something (blank lines do not count)."""
    parts: list[Partition] = []
    start, first_line, line, filled, offset = 0, 1, 1, 0, 0
    line_has_text = False
    with path.open("rb") as fh:
        while block := fh.read(_SCAN_BLOCK):
            position = 0
            while True:
                newline = block.find(b"\n", position)
                piece = block[position : len(block) if newline == -1 else newline]
                line_has_text = line_has_text or bool(piece.strip())
                if newline == -1:
                    break
                position = newline + 1
                line += 1
                filled += line_has_text
                line_has_text = False
                if filled >= partition_size:
                    end = offset + position
                    parts.append(
                        Partition(first_index + len(parts), "jsonl", str(path), start, end, first_line, line - 1)
                    )
                    start, first_line, filled = end, line, 0
            offset += len(block)
    if filled or line_has_text:
        parts.append(Partition(first_index + len(parts), "jsonl", str(path), start, offset, first_line, line))
    return parts


def _parquet_file(path: Path) -> Any:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise KroniekError("E205", what="Parquet input", package="pyarrow") from exc
    try:
        return pq.ParquetFile(str(path))
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise KroniekError("E225", where=str(path), detail=str(exc).splitlines()[0]) from exc


def _plan_parquet(path: Path, partition_size: int, text_column: str, first_index: int) -> list[Partition]:
    pf = _parquet_file(path)
    columns = list(pf.schema_arrow.names)
    if text_column not in columns:
        raise KroniekError("E224", where=str(path), column=text_column, columns=", ".join(columns) or "none")
    parts: list[Partition] = []
    for group in range(pf.metadata.num_row_groups):
        rows = pf.metadata.row_group(group).num_rows
        for start in range(0, rows, partition_size):
            parts.append(
                Partition(
                    first_index + len(parts),
                    "parquet",
                    str(path),
                    start,
                    min(rows, start + partition_size),
                    group=group,
                    text_column=text_column,
                )
            )
    return parts


# --------------------------------------------------------------------------------------------- reading


def read_partition(partition: Partition, max_chars: int | None = None) -> Iterator[RawArticle | ItemFailure]:
    """The articles of one partition, in input order; an item that cannot be read is an ItemFailure."""
    if partition.kind == "jsonl":
        yield from _read_jsonl_slice(partition)
    elif partition.kind == "parquet":
        yield from _read_parquet_rows(partition)
    else:
        from kroniek.store.ingest import read_articles

        for name in partition.files:
            try:
                yield from read_articles(name, max_chars=max_chars)
            except KroniekError as exc:  # a file that vanished since planning
                yield ItemFailure(name, exc)


def _read_jsonl_slice(partition: Partition) -> Iterator[RawArticle | ItemFailure]:
    try:
        with open(partition.path, "rb") as fh:
            fh.seek(partition.start)
            data = fh.read(partition.end - partition.start)
    except OSError as exc:
        yield ItemFailure(partition.path, InputError("E010", where=f"{partition.path} ({exc.strerror})"))
        return
    if not data.strip():
        return
    try:
        text = decode_bytes(data, partition.label).text
    except KroniekError as exc:
        yield ItemFailure(partition.label, exc)
        return
    # "\n" ends a JSON line; a U+2028 inside a JSON string is text, not a line break
    lines = text.split("\n")
    yield from read_jsonl(lines, partition.path, first_line=partition.first_line)


def _read_parquet_rows(partition: Partition) -> Iterator[RawArticle | ItemFailure]:
    pf = _parquet_file(Path(partition.path))
    wanted = [c for c in pf.schema_arrow.names if c == partition.text_column or c in JSONL_FIELDS]
    table = pf.read_row_group(partition.group, columns=wanted).slice(partition.start, partition.end - partition.start)
    records = table.to_pylist()
    for offset, record in enumerate(records):
        row = partition.start + offset
        where = f"{partition.path}#group{partition.group}:row {row}"
        text = record.get(partition.text_column)
        if not isinstance(text, str):
            yield ItemFailure(where, InputError("E001", where=where))
            continue
        meta: dict[str, Any] = {
            k: str(v) for k, v in record.items() if k in JSONL_FIELDS and k != "text" and v is not None
        }
        try:
            yield article_from_text(text, where, **meta)
        except KroniekError as exc:
            yield ItemFailure(where, exc)
