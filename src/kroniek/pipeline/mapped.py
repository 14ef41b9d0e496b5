"""A pickle whose large arrays stay in the file and are memory-mapped when it is read, not copied.

The cached language identifier (kroniek.pipeline.datacache) is about 70 MB, nearly all of it two
arrays (py3langid's per-feature class weights and its tokenizer's state table). Read as an ordinary
pickle, every byte is copied into fresh memory on each start (0.1 CPU-s); an article touches only a
few thousand of the weight rows. Here the arrays are written after the pickle stream, each at an
aligned offset (pickle protocol 5's out-of-band buffers), and reading maps the file and hands the
pickle views of it: loading costs what the small rest of the object costs, the pages an article
needs are read when first used, and processes reading the same file share its pages.

File layout: ``MAGIC``, the length of the index (8 bytes, little-endian), the index (a pickle of
the buffers' (offset, length) pairs and the pickle stream), then the buffers, each starting at a
multiple of ``ALIGN`` counted from the end of the index.

What comes back is equal to what was stored, with two differences of type that the readers of the
identifier do not see: a numpy array is read-only (it is a view of the file), and a standard-library
``array.array`` comes back as a read-only ``memoryview`` of the same item type (indexing it gives the
same Python ints). The file must not be changed in place while it is mapped: kroniek's cache only
ever replaces files whole (``os.replace``), which leaves a mapped old file intact.
"""

from __future__ import annotations

import array
import io
import mmap
import pickle
from pathlib import Path
from typing import IO, Any

MAGIC = b"kroniek mapped pickle 1\n"
ALIGN = 64
_LENGTH_BYTES = 8


def _array_view(typecode: str, buffer: Any) -> memoryview:
    """An ``array.array``'s items as a read-only memoryview of the same type (indexing gives ints)."""
    return memoryview(buffer).cast("B").cast(typecode)  # type: ignore[call-overload]


class _ArrayAwarePickler(pickle.Pickler):
    """Sends the data of ``array.array`` objects out of band too (numpy arrays do so by themselves)."""

    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is array.array:
            return _array_view, (obj.typecode, pickle.PickleBuffer(obj))
        return NotImplemented


def _aligned(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def write_mapped(value: object, out: IO[bytes]) -> None:
    """Write ``value`` to the binary file ``out`` in the layout above."""
    buffers: list[pickle.PickleBuffer] = []
    stream = io.BytesIO()
    _ArrayAwarePickler(stream, protocol=5, buffer_callback=buffers.append).dump(value)
    raws = [buffer.raw() for buffer in buffers]
    spans: list[tuple[int, int]] = []
    offset = 0
    for raw in raws:
        offset = _aligned(offset)
        spans.append((offset, raw.nbytes))
        offset += raw.nbytes
    index = pickle.dumps((spans, stream.getvalue()), protocol=5)
    out.write(MAGIC)
    out.write(len(index).to_bytes(_LENGTH_BYTES, "little"))
    out.write(index)
    written = len(MAGIC) + _LENGTH_BYTES + len(index)
    data_start = _aligned(written)
    out.write(b"\0" * (data_start - written))
    position = 0
    for (start, length), raw in zip(spans, raws, strict=True):
        out.write(b"\0" * (start - position))
        out.write(raw)
        position = start + length


def read_mapped(path: Path) -> Any:
    """The value stored in ``path`` by ``write_mapped``; ValueError when the file is not one."""
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapped)
    header = len(MAGIC) + _LENGTH_BYTES
    if view[: len(MAGIC)] != MAGIC:
        raise ValueError(f"{path}: not a kroniek mapped pickle")
    index_length = int.from_bytes(view[len(MAGIC) : header], "little")
    spans, stream = pickle.loads(view[header : header + index_length])
    data_start = _aligned(header + index_length)
    if spans and data_start + spans[-1][0] + spans[-1][1] > len(view):
        raise ValueError(f"{path}: cut short")
    buffers = [view[data_start + start : data_start + start + length] for start, length in spans]
    return pickle.loads(stream, buffers=buffers)
