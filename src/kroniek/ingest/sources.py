"""Reading articles from files, standard input and JSONL batches.

Each item comes back either as a RawArticle or as an ItemFailure with its reason, so a batch goes
on past a bad line and the reason is recorded, never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import InputError, KroniekError
from kroniek.ingest.decode import decode_bytes
from kroniek.ingest.html import extract_html, looks_like_html

JSONL_FIELDS = ("id", "url", "source", "title", "published", "language", "text")


@dataclass
class RawArticle:
    text: str
    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class ItemFailure:
    where: str
    error: KroniekError


def text_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def article_from_text(text: str, where: str, notes: list[str] | None = None, **meta: Any) -> RawArticle:
    """Plain text or HTML (sniffed) into a RawArticle."""
    notes = list(notes or [])
    if not text.strip():
        raise InputError("E001", where=where)
    if looks_like_html(text):
        page = extract_html(text, where)
        notes.append(f"{where}: HTML; main text extracted")
        meta.setdefault("title", page.title)
        meta.setdefault("url", page.url)
        meta.setdefault("source", page.source)
        if page.published and not meta.get("published"):
            meta["published"] = page.published
        text = page.text
    clean = {k: v for k, v in meta.items() if v is not None}
    article_id = clean.pop("id", None) or text_id(text)
    return RawArticle(text=text, id=str(article_id), notes=notes, **clean)


def read_jsonl(lines: Iterator[str] | list[str], where: str, first_line: int = 1) -> Iterator[RawArticle | ItemFailure]:
    """Articles from JSONL lines; ``first_line`` numbers them when they are a slice of a longer file."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        item_where = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ItemFailure(item_where, InputError("E009", line=number, detail=f"not JSON ({exc.msg})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield ItemFailure(item_where, InputError("E009", line=number, detail="no 'text' string"))
            continue
        meta = {k: record.get(k) for k in JSONL_FIELDS if k != "text" and record.get(k) is not None}
        meta = {k: str(v) for k, v in meta.items()}
        try:
            yield article_from_text(record["text"], item_where, **meta)
        except KroniekError as exc:
            yield ItemFailure(item_where, exc)


def read_bytes(
    data: bytes, where: str, max_chars: int | None = None, default_id: str | None = None
) -> Iterator[RawArticle | ItemFailure]:
    """One input (a file's or stdin's bytes): JSONL batch, HTML page or plain text."""
    decoded = decode_bytes(data, where)
    text = decoded.text
    if max_chars is not None and len(text) > max_chars and not _is_jsonl(text):
        raise InputError("E004", size=len(text), limit=max_chars)
    if _is_jsonl(text):
        yield from read_jsonl(text.splitlines(), where)
        return
    yield article_from_text(text, where, notes=decoded.notes, id=default_id)


def _is_jsonl(text: str) -> bool:
    first = text.lstrip()[:1]
    if first != "{":
        return False
    line = text.lstrip().split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def read_path(path: str, max_chars: int | None = None) -> Iterator[RawArticle | ItemFailure]:
    """Read '-' (standard input) or a file."""
    if path == "-":
        data = sys.stdin.buffer.read()
        yield from read_bytes(data, "<stdin>", max_chars)
        return
    p = Path(path)
    if p.is_dir():
        raise InputError("E011", where=path)
    if not p.exists():
        raise InputError("E010", where=path)
    yield from read_bytes(p.read_bytes(), path, max_chars, default_id=p.stem)
