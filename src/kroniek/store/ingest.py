"""Ingest: read articles (or ready chronicles), extract, and store each in its own transaction.

Inputs: a file (plain text, HTML, JSONL batch, or a *press file*: ``key: value`` header lines such as
``url:``, ``source:``, ``published:``, ``language:``, a blank line, then the text), a directory of such
files (searched recursively, in name order), or ``-`` for standard input.

Every article is committed on its own, and an article whose text is already stored is skipped before
extraction, so a run that was killed half-way is completed by running it again: nothing is stored
twice and nothing is lost. Items that cannot be read or extracted are reported with their place
(file, JSONL line) and recorded in ``ingest_failures``; the rest of the batch goes on. A store that is
locked or read-only stops the run at once with one clear error (E201/E202).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import insert, select

from kroniek.chronicle.io import load_chronicle
from kroniek.chronicle.models import Chronicle
from kroniek.errors import InputError, KroniekError, StoreError
from kroniek.ingest import ItemFailure, RawArticle, article_from_text, decode_bytes, parse_published, read_path
from kroniek.ingest.sources import check_text
from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.writer import FATAL_CODES, text_hash, write_batch, write_chronicle

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

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    fusion: dict[str, Any] = field(default_factory=dict)

    @property
    def processed(self) -> int:
        return self.stored + self.duplicates + self.new_versions + len(self.failures)

    def as_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "new_versions": self.new_versions,
            "duplicates": self.duplicates,
            "events": self.events,
            "failed": len(self.failures),
            "seconds": round(self.seconds, 3),
            "failures": [{"where": w, "error": e} for w, e in self.failures],
            "fusion": self.fusion,
        }


# ---------------------------------------------------------------------------------------------- reading


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
    notes = []
    if "published" in meta:
        try:
            parse_published(meta["published"])
        except KroniekError:
            # "published: unknown" is a statement, not an error: the article is kept without a date
            notes.append(f"{where}: header published {meta.pop('published')!r} is not a date; left unknown")
    return article_from_text(body, where, notes=notes, **meta)


def _read_file(path: Path, max_chars: int | None) -> Iterator[RawArticle | ItemFailure]:
    where = str(path)
    try:
        if path.suffix.lower() not in (".jsonl", ".html", ".htm"):
            decoded = decode_bytes(path.read_bytes(), where)
            press = parse_press_file(decoded.text, where, default_id=path.stem)
            if press is not None:
                press.notes.extend(decoded.notes)
                yield press
                return
        yield from read_path(where, max_chars=max_chars)
    except KroniekError as exc:
        yield ItemFailure(where, exc)
    except OSError as exc:
        yield ItemFailure(where, InputError("E010", where=f"{where} ({exc.strerror})"))


def read_articles(path: str | Path, max_chars: int | None = None) -> Iterator[RawArticle | ItemFailure]:
    """Every article in a file, a directory (recursively, in name order) or '-' (standard input)."""
    if str(path) == "-":
        yield from read_path("-", max_chars=max_chars)
        return
    p = Path(path)
    if not p.exists():
        raise InputError("E010", where=str(path))
    if p.is_dir():
        files = sorted(
            f
            for f in p.rglob("*")
            if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith(".")
        )
        if not files:
            raise InputError("E210", where=str(path))
        for f in files:
            yield from _read_file(f, max_chars)
        return
    yield from _read_file(p, max_chars)


class ChronicleLine(NamedTuple):
    """One JSONL line of chronicles: where it is, the chronicle (or why not), and its JSON as given."""

    place: str
    item: Chronicle | KroniekError
    raw: str | None = None


def read_chronicle_lines(lines: Iterable[str | bytes], where: str) -> Iterator[ChronicleLine]:
    """Chronicles from JSONL lines (text or bytes); a bad line yields its error with the line number,
    the rest go on.

    A sound line is validated straight from its JSON text and kept as given (it is what gets stored).
    """
    for number, line in enumerate(lines, start=1):
        place = f"{where}:{number}"
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield ChronicleLine(place, KroniekError("E206", line=number, detail=f"not UTF-8 ({exc.reason})"))
                continue
        if not line.strip():
            continue
        raw = line.strip().lstrip("\ufeff")
        try:
            yield ChronicleLine(place, load_chronicle(raw), raw)
            continue
        except KroniekError as exc:
            problem = exc
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield ChronicleLine(place, KroniekError("E206", line=number, detail=f"not JSON ({exc.msg})"))
            continue
        detail = "not a JSON object" if not isinstance(data, dict) else problem.message
        yield ChronicleLine(place, KroniekError("E206", line=number, detail=detail))


# --------------------------------------------------------------------------------------------- storing


def _record_failure(store: Store, report: IngestReport, where: str, error: BaseException) -> None:
    message = str(error)
    report.failures.append((where, message))
    try:
        with store.transaction() as conn:
            conn.execute(
                insert(s.ingest_failures),
                {
                    "at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
                    "location": where,
                    "code": getattr(error, "code", None),
                    "message": message,
                },
            )
    except StoreError:
        pass  # the failure is still in the report; the store's own problem surfaces on the next write


def _count(report: IngestReport, status: str, events: int) -> None:
    if status == "duplicate":
        report.duplicates += 1
    elif status == "new version":
        report.new_versions += 1
        report.events += events
    else:
        report.stored += 1
        report.events += events


def _skip_stored(store: Store, report: IngestReport, item: RawArticle) -> bool:
    """True (counted as a duplicate) when the article's text is stored already; an article whose text
    cannot even be hashed (a lone surrogate from a library caller) is recorded as failed and skipped."""
    try:
        check_text(item.text, item.id)
    except KroniekError as exc:
        _record_failure(store, report, item.id, exc)
        return True
    if _already_stored(store, item.text):
        report.duplicates += 1
        return True
    return False


def _store_one(store: Store, report: IngestReport, where: str, chronicle: Chronicle, name: str) -> None:
    """Write one chronicle; an article the database refuses is recorded and the batch goes on, while a
    store that cannot be written at all (locked, read-only, gone) stops the run (FATAL_CODES)."""
    try:
        outcome = write_chronicle(store, chronicle, extractor=name)
    except StoreError as exc:
        if exc.code in FATAL_CODES:
            raise
        _record_failure(store, report, where, exc)
        return
    _count(report, outcome.status, outcome.events)


def _already_stored(store: Store, text: str) -> bool:
    with store.connect() as conn:
        return (
            conn.execute(select(s.articles.c.id).where(s.articles.c.text_hash == text_hash(text))).first() is not None
        )


def ingest_articles(
    store: Store,
    items: Iterable[RawArticle | ItemFailure],
    extractor: Any,
    published: str | dt.date | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    n_process: int = 1,
) -> IngestReport:
    """Extract and store each article; ``extractor`` is a kroniek.extractor.Extractor.

    ``published`` and ``lang`` are defaults for articles that give no date or language of their own.
    With ``n_process`` > 1 the articles not yet stored are extracted on that many worker processes
    (kroniek.batch.extract_many); this process stores them in input order, one transaction each.
    """
    report = IngestReport()
    started = time.perf_counter()
    name = f"kroniek-{_version()}"
    try:
        _ = extractor.pipeline  # a pipeline that cannot be built fails every article: stop once, clearly
    except KroniekError:
        raise
    except Exception as exc:
        raise KroniekError("E211", where="the extraction pipeline", detail=repr(exc)) from exc
    if n_process > 1:
        _ingest_in_parallel(store, items, extractor, name, report, published, lang, progress, n_process)
        report.seconds = time.perf_counter() - started
        return report
    for item in items:
        if isinstance(item, ItemFailure):
            _record_failure(store, report, item.where, item.error)
        elif not _skip_stored(store, report, item):  # skipping extraction makes a rerun after a crash cheap
            try:
                # --published and --lang fill in what an article does not say; they never override it
                chronicle = extractor.extract_article(
                    item, published=item.published or published, lang=item.language or lang
                )
            except KroniekError as exc:
                _record_failure(store, report, item.id, exc)
            except Exception as exc:  # a stage bug must not end a batch of thousands; it is recorded
                _record_failure(store, report, item.id, KroniekError("E211", where=item.id, detail=repr(exc)))
            else:
                _store_one(store, report, item.id, chronicle, name)
        if progress:
            progress(item.where if isinstance(item, ItemFailure) else item.id)
    report.seconds = time.perf_counter() - started
    return report


def _ingest_in_parallel(
    store: Store,
    items: Iterable[RawArticle | ItemFailure],
    extractor: Any,
    name: str,
    report: IngestReport,
    published: str | dt.date | None,
    lang: str | None,
    progress: Progress | None,
    n_process: int,
) -> None:
    from kroniek.batch import extract_many

    pending: list[RawArticle] = []
    for item in items:
        if isinstance(item, ItemFailure):
            _record_failure(store, report, item.where, item.error)
        elif _skip_stored(store, report, item):
            pass
        else:
            pending.append(item)
            continue
        if progress:
            progress(item.where if isinstance(item, ItemFailure) else item.id)
    outcomes = extract_many(extractor, pending, n_process=n_process, published=published, lang=lang)
    for article, outcome in zip(pending, outcomes, strict=True):
        if isinstance(outcome, KroniekError):
            _record_failure(store, report, article.id, outcome)
        else:
            _store_one(store, report, article.id, outcome, name)
        if progress:
            progress(article.id)


def ingest_chronicle_items(
    store: Store,
    items: Iterable[ChronicleLine | tuple[str, Chronicle | KroniekError]],
    progress: Progress | None = None,
    batch_size: int = 100,
) -> IngestReport:
    """Store already-extracted chronicles (no extraction): measures and exercises storage alone.

    Chronicles are committed ``batch_size`` at a time; each one is still all-or-nothing (see
    ``write_batch``), a killed run loses at most one uncommitted batch, which the rerun stores.
    ``batch_size=1`` commits every chronicle on its own. Items are (place, chronicle or error) pairs,
    or ChronicleLine triples whose raw JSON is stored as given.
    """
    report = IngestReport()
    started = time.perf_counter()
    batch: list[tuple[str, Chronicle, str | None]] = []

    def flush() -> None:
        for where, outcome in write_batch(store, batch):
            if isinstance(outcome, KroniekError):
                _record_failure(store, report, where, outcome)
            elif isinstance(outcome, Exception):
                _record_failure(store, report, where, KroniekError("E211", where=where, detail=str(outcome)))
            else:
                _count(report, outcome.status, outcome.events)
            if progress:
                progress(where)
        batch.clear()

    for entry in items:
        where, item = entry[0], entry[1]
        if isinstance(item, KroniekError):
            flush()  # keep the order of the report and of the progress bar
            _record_failure(store, report, where, item)
            if progress:
                progress(where)
            continue
        batch.append((where, item, entry[2] if len(entry) > 2 else None))
        if len(batch) >= max(1, batch_size):
            flush()
    flush()
    report.seconds = time.perf_counter() - started
    return report


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kroniek")
    except Exception:
        return "dev"


def count_items(path: str | Path) -> int | None:
    """How many items a path holds (files, JSONL lines), for a progress bar; None when unknown."""
    if str(path) == "-":
        return None
    p = Path(path)
    if p.is_dir():
        return sum(_count_file(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
    if p.is_file():
        return _count_file(p)
    return None


def _count_file(path: Path) -> int:
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    return 1
