"""Ingest: read articles (or ready chronicles), extract, and store each in its own transaction.

Inputs: what kroniek.ingest reads (a file of plain text, HTML, a JSONL batch or a press file with a
``key: value`` header; a directory of such files, searched recursively in name order; ``-`` for
standard input).

Every article is committed on its own, and an article whose text is already stored is skipped before
extraction, so a run that was killed half-way is completed by running it again: nothing is stored
twice and nothing is lost. Items that cannot be read or extracted are reported with their place
(file, JSONL line) and recorded in ``ingest_failures``; the rest of the batch goes on. A store that is
locked or read-only stops the run at once with one clear error (E201/E202).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import insert, select

from kroniek.chronicle.io import load_chronicle
from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError, StoreError
from kroniek.ingest import ItemFailure, RawArticle
from kroniek.ingest.sources import ARTICLE_SUFFIXES, check_text, parse_press_file, read_articles

__all__ = ["ARTICLE_SUFFIXES", "IngestReport", "ingest_articles", "parse_press_file", "read_articles"]
from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.writer import FATAL_CODES, text_hash, write_batch, write_chronicle

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    # stored articles without a publication date, and of those the ones whose date could not be read
    undated: int = 0
    unreadable_dates: list[tuple[str, str]] = field(default_factory=list)
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
            "undated": self.undated,
            "unreadable_dates": len(self.unreadable_dates),
            "seconds": round(self.seconds, 3),
            "failures": [{"where": w, "error": e} for w, e in self.failures],
            "dates": [{"article": a, "problem": p} for a, p in self.unreadable_dates],
            "fusion": self.fusion,
        }


# ---------------------------------------------------------------------------------------------- reading


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


def _store_one(store: Store, report: IngestReport, where: str, chronicle: Chronicle, name: str) -> bool:
    """Write one chronicle (True once written); an article the database refuses is recorded and the
    batch goes on, while a store that cannot be written at all (locked, read-only, gone) stops the run
    (FATAL_CODES)."""
    try:
        outcome = write_chronicle(store, chronicle, extractor=name)
    except StoreError as exc:
        if exc.code in FATAL_CODES:
            raise
        _record_failure(store, report, where, exc)
        return False
    _count(report, outcome.status, outcome.events)
    return True


def _note_date(report: IngestReport, article: RawArticle, chronicle: Chronicle) -> None:
    """Count a newly stored article that has no publication date; keep the reason when its own date
    could not be read (a default --published may have filled in for it: the reason still counts)."""
    if article.date_problem:
        report.unreadable_dates.append((article.id, article.date_problem))
    if chronicle.article.published is None:
        report.undated += 1


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
                if _store_one(store, report, item.id, chronicle, name):
                    _note_date(report, item, chronicle)
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
            if _store_one(store, report, article.id, outcome, name):
                _note_date(report, article, outcome)
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
