"""Reading articles from files, standard input and JSONL batches.

Each item comes back either as a RawArticle or as an ItemFailure with its reason, so a batch goes
on past a bad line and the reason is recorded, never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import InputError, KroniekError
from kroniek.ingest.decode import decode_bytes
from kroniek.ingest.html import extract_html, looks_like_html

JSONL_FIELDS = ("id", "url", "source", "title", "published", "language", "text")
# A JSON value nested deeper than Python's parser can follow raises RecursionError, not a JSON error.
JSON_ERRORS = (json.JSONDecodeError, RecursionError)
# Half of a UTF-16 surrogate pair on its own: JSON ("\ud800") and Python strings can hold one, UTF-8
# cannot, so such a text could be neither hashed, stored nor written out.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# How many of a file's first non-blank lines decide whether it is a JSONL batch.
JSONL_SNIFF_LINES = 20


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


def check_text(value: str, where: str, field: str = "text") -> None:
    """Refuse a string no store or output can hold: a lone surrogate (E214) or a NUL character (E002)."""
    surrogate = _LONE_SURROGATE.search(value)
    if surrogate is not None:
        detail = f"its {field} holds a lone surrogate U+{ord(surrogate.group()):04X} at character {surrogate.start()}"
        raise InputError("E214", where=where, detail=detail)
    if "\x00" in value:
        raise InputError("E002", where=where, detail=f"its {field} contains NUL characters")


def article_from_text(
    text: str, where: str, notes: list[str] | None = None, max_chars: int | None = None, **meta: Any
) -> RawArticle:
    """Plain text or HTML (sniffed) into a RawArticle.

    ``max_chars`` refuses (E004) a text that is longer before anything is parsed: an HTML page is
    checked as it comes, so that a huge page is never parsed only to be refused afterwards.
    """
    notes = list(notes or [])
    if not isinstance(text, str):
        raise InputError("E001", where=where)
    check_text(text, where)
    for key, value in meta.items():
        if isinstance(value, str):
            check_text(value, where, field=key)
    if not text.strip():
        raise InputError("E001", where=where)
    if max_chars is not None and len(text) > max_chars:
        raise InputError("E004", size=len(text), limit=max_chars)
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


def read_jsonl(
    lines: Iterator[str] | list[str], where: str, max_chars: int | None = None
) -> Iterator[RawArticle | ItemFailure]:
    """Articles from JSONL lines; a line that cannot be read yields an ItemFailure with its number and
    reason, and the lines after it are read all the same."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_where = f"{where}:{number}"
        try:
            yield _jsonl_article(line, number, item_where, max_chars)
        except KroniekError as exc:
            yield ItemFailure(item_where, exc)


def _jsonl_article(line: str, number: int, where: str, max_chars: int | None) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("E009", line=number, detail=f"not JSON ({exc.msg})") from exc
    except RecursionError as exc:
        raise InputError("E009", line=number, detail="not readable: JSON nested too deeply") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError("E009", line=number, detail="no 'text' string")
    meta: dict[str, Any] = {}
    for key in JSONL_FIELDS:
        value = record.get(key)
        if key == "text" or value is None:
            continue
        if isinstance(value, dict | list):
            raise InputError(
                "E009", line=number, detail=f"the field {key!r} must be a string, not a JSON {type(value).__name__}"
            )
        meta[key] = str(value)
    return article_from_text(record["text"], where, max_chars=max_chars, **meta)


def read_bytes(
    data: bytes,
    where: str,
    max_chars: int | None = None,
    default_id: str | None = None,
    jsonl: bool | None = None,
) -> Iterator[RawArticle | ItemFailure]:
    """One input (a file's or stdin's bytes): JSONL batch, HTML page or plain text.

    ``jsonl`` says what the input is when its name tells (a .jsonl file); None sniffs the content.
    """
    decoded = decode_bytes(data, where)
    text = decoded.text
    if jsonl if jsonl is not None else looks_like_jsonl(text):
        yield from read_jsonl(text.splitlines(), where, max_chars=max_chars)
        return
    yield article_from_text(text, where, notes=decoded.notes, max_chars=max_chars, id=default_id)


def looks_like_jsonl(text: str) -> bool:
    """A JSONL batch: it opens with "{" and one of its first lines is a JSON object, or every one of
    them at least looks like one ("{" ... "}"). One corrupt line at the top does not turn the batch
    into a single plain-text article; a text that merely opens with a brace is still text."""
    if text.lstrip()[:1] != "{":
        return False
    lines = []
    for line in text.lstrip().split("\n"):
        if line.strip():
            lines.append(line.strip())
        if len(lines) >= JSONL_SNIFF_LINES:
            break
    for line in lines:
        try:
            if isinstance(json.loads(line), dict):
                return True
        except (*JSON_ERRORS, ValueError):
            continue
    return len(lines) > 1 and all(line.startswith("{") and line.endswith("}") for line in lines)


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
    jsonl = True if p.suffix.lower() == ".jsonl" else None
    yield from read_bytes(p.read_bytes(), path, max_chars, default_id=p.stem, jsonl=jsonl)
