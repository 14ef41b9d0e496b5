"""Reading articles from files, folders, standard input and JSONL batches: the one reader that
``kroniek extract``, ``kroniek ingest`` and the library share.

Inputs: plain text, HTML, a JSONL batch, or a *press file*: ``key: value`` header lines such as
``url:``, ``source:``, ``published:``, ``language:``, a blank line, then the text. Each item comes
back either as a RawArticle or as an ItemFailure with its reason, so a batch goes on past a bad line
and the reason is recorded, never silently dropped. A publication date the article carries is read
as far as it goes (kroniek.ingest.dates); one that cannot be read leaves the article undated with the
reason in ``RawArticle.date_problem``, the same way on every path.
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
from kroniek.ingest.dates import read_article_date
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
ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")
# Header keys of the press-file format that map onto article fields; other keys (licence, excerpt,
# author ...) are allowed in the header and kept out of the text.
HEADER_FIELDS = {
    "url": "url",
    "source": "source",
    "published": "published",
    "date": "published",
    "language": "language",
    "lang": "language",
    "title": "title",
    "id": "id",
}
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]{0,30}):(?:\s(.*))?$")


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
    # why the date the article carries could not be read (None: read, or none given)
    date_problem: str | None = None


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
    article_id = str(clean.pop("id", None) or text_id(text))
    date = read_article_date(clean.pop("published", None), where)
    if date.note:
        notes.append(date.note)
    if date.problem:
        notes.append(date.problem)
    return RawArticle(text=text, id=article_id, notes=notes, published=date.iso, date_problem=date.problem, **clean)


def parse_press_file(text: str, where: str, default_id: str | None = None) -> RawArticle | None:
    """A ``key: value`` header + blank line + text file into a RawArticle; None when it has no such header.

    A header is recognised only when its first line is ``key: value`` and at least one key is a known
    article field (url, source, published, language ...), so ordinary text that opens with "Update: ..."
    stays text. A header with no blank line after it is an error (E209) rather than a guess.
    """
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    end = None
    for number, line in enumerate(lines):
        stripped = line.rstrip("\r")
        if not stripped.strip():
            end = number
            break
        m = _HEADER_LINE.match(stripped)
        if not m:
            break
        header[m[1].lower()] = (m[2] or "").strip()
    if not header or not any(k in HEADER_FIELDS for k in header):
        return None
    if end is None:
        raise InputError("E209", where=where)
    meta: dict[str, Any] = {}
    for key, value in header.items():
        target = HEADER_FIELDS.get(key)
        if target and value and target not in meta:
            meta[target] = value
    body = "\n".join(lines[end + 1 :]).strip("\n")
    meta.setdefault("id", default_id)
    return article_from_text(body, where, **meta)


def read_jsonl(
    lines: Iterator[str] | list[str], where: str, max_chars: int | None = None, first_line: int = 1
) -> Iterator[RawArticle | ItemFailure]:
    """Articles from JSONL lines; a line that cannot be read yields an ItemFailure with its number and
    reason, and the lines after it are read all the same. ``first_line`` numbers the lines when they are
    a slice of a longer file (a partition of a distributed job)."""
    for number, line in enumerate(lines, start=first_line):
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
    if not looks_like_html(text):
        press = parse_press_file(text, where, default_id=default_id)
        if press is not None:
            press.notes[:0] = decoded.notes
            yield press
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
    """Read '-' (standard input) or one file (a folder: ``read_articles``)."""
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


def _read_file(path: Path, max_chars: int | None) -> Iterator[RawArticle | ItemFailure]:
    """One file of a folder: its problems become ItemFailures, so the rest of the folder goes on."""
    where = str(path)
    try:
        yield from read_path(where, max_chars=max_chars)
    except KroniekError as exc:
        yield ItemFailure(where, exc)
    except OSError as exc:
        yield ItemFailure(where, InputError("E010", where=f"{where} ({exc.strerror})"))


def article_files(folder: Path) -> list[Path]:
    """The article files under a folder (recursively, in name order; hidden files left out)."""
    return sorted(
        f
        for f in folder.rglob("*")
        if f.is_file()
        and f.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )


def read_articles(path: str | Path, max_chars: int | None = None) -> Iterator[RawArticle | ItemFailure]:
    """Every article in a file, a folder (recursively, in name order) or '-' (standard input).

    A missing path is E010 and a folder without article files E210, before anything is read.
    """
    if str(path) == "-":
        yield from read_path("-", max_chars=max_chars)
        return
    p = Path(path)
    if not p.exists():
        raise InputError("E010", where=str(path))
    if p.is_dir():
        files = article_files(p)
        if not files:
            raise InputError("E210", where=str(path))
        for f in files:
            yield from _read_file(f, max_chars)
        return
    yield from _read_file(p, max_chars)
