"""Exporting the store: chronicles (JSONL), event mentions (CSV, JSONL, Parquet), PLOVER JSON records
and GDELT-style event rows with CAMEO codes.

Chronicles are exported as stored (the newest version of each article). PLOVER records and GDELT rows
are made from *fused* events, so an event reported by three outlets is one record that says so
(``num_sources``, NumSources). Parquet needs the optional package pyarrow (E205 when it is absent).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from kroniek.csvsafe import safe_row
from kroniek.errors import KroniekError
from kroniek.store import schema as s
from kroniek.store.cameo import cameo_code, quad_class
from kroniek.store.db import Store
from kroniek.store.query import proposition_dict, query_events

WHATS = ("chronicles", "events", "plover", "gdelt")
FORMATS = {
    "chronicles": ("jsonl",),
    "events": ("csv", "jsonl", "parquet"),
    "plover": ("jsonl", "json"),
    "gdelt": ("tsv", "csv"),
}
EVENT_COLUMNS = (
    "id",
    "fused_id",
    "article",
    "url",
    "source",
    "published",
    "language",
    "event",
    "mode",
    "modality",
    "actor",
    "recipient",
    "reported_by",
    "proposition_event",
    "proposition_mode",
    "proposition_text",
    "proposition_duration",
    "date",
    "date_start",
    "date_end",
    "duration",
    "location",
    "location_country",
    "quantities",
    "evidence",
    "evidence_start",
    "evidence_end",
    "trigger",
    "confidence",
    "context",
)
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
    "PloverEvent",
    "PloverMode",
    "Disagreements",
)


def check_format(what: str, format: str | None) -> str:
    if what not in WHATS:
        raise KroniekError("E207", option="export", value=what, choices=", ".join(WHATS))
    fmt = format or FORMATS[what][0]
    if fmt not in FORMATS[what]:
        raise KroniekError("E040", value=fmt, choices=", ".join(FORMATS[what]))
    return fmt


def iter_chronicles(store: Store) -> Iterator[str]:
    a, c = s.articles, s.chronicles
    with store.connect() as conn:
        for (body,) in conn.execute(
            select(c.c.body).join(a, a.c.id == c.c.article_id).where(a.c.superseded_by.is_(None)).order_by(a.c.id)
        ):
            yield body


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """One event mention as a flat row (lists joined with "; ") for CSV and Parquet."""
    prop = e.get("proposition") or {}
    return {
        **{k: e.get(k) for k in EVENT_COLUMNS if k in e},
        "actor": "; ".join(e["actor"]),
        "recipient": "; ".join(e["recipient"]),
        "proposition_event": prop.get("event"),
        "proposition_mode": prop.get("mode"),
        "proposition_text": prop.get("text"),
        "proposition_duration": prop.get("duration"),
        "quantities": "; ".join(f"{q['value']:g} {q['what']}" for q in e["quantities"]),
        "context": "; ".join(e["context"]),
    }


def _actor_rows(store: Store) -> dict[int, Any]:
    with store.connect() as conn:
        return {int(r.id): r for r in conn.execute(select(s.actors))}


def _fused_rows(store: Store) -> Iterator[tuple[Any, list[Any]]]:
    f, e, a = s.fused_events, s.events, s.articles
    with store.connect() as conn:
        mentions: dict[int, list[Any]] = {}
        for m in conn.execute(
            select(
                e.c.fused_id,
                e.c.evidence_text,
                e.c.location_name,
                e.c.location_country,
                e.c.context,
                a.c.url,
                a.c.source,
                a.c.published,
                a.c.article_key,
            )
            .join(a, a.c.id == e.c.article_id)
            .where(e.c.fused_id.is_not(None))
            .order_by(e.c.id)
        ):
            mentions.setdefault(m.fused_id, []).append(m)
        for row in conn.execute(select(f).order_by(f.c.id)):
            yield row, mentions.get(row.id, [])


def _entity(actor: Any) -> dict[str, Any]:
    return {
        "code": actor.country,
        "sector": actor.sector,
        "entity_text": actor.name,
        "identifier_id": actor.wikidata,
        "identifier_text": actor.name,
        "kind": actor.kind,
    }


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records (PLOVER manual, "Data Fields"), one per fused event."""
    actors = _actor_rows(store)
    today = dt.date.today().isoformat()
    for row, mentions in _fused_rows(store):
        day = row.date_start or row.first_reported
        code = cameo_code(row.event_type, row.mode)
        contexts = sorted({c for m in mentions for c in (json.loads(m.context) if m.context else [])})
        location = next((m for m in mentions if m.location_name), None)
        yield {
            "id": f"kroniek-{row.id}",
            "date": day.isoformat() if day else None,
            "enddate": row.date_end.isoformat() if row.date_end and row.date_end != row.date_start else None,
            "actor": [_entity(actors[i]) for i in json.loads(row.actor_ids) if i in actors],
            "recipient": [_entity(actors[i]) for i in json.loads(row.recipient_ids) if i in actors],
            "event": [row.event_type],
            "mode": [row.mode] if row.mode else [],
            "context": contexts,
            "event_loc": {"name": location.location_name, "country": location.location_country} if location else None,
            "event_text": [m.evidence_text for m in mentions],
            "quad_code": quad_class(code),
            "modality": row.modality,
            "proposition": proposition_dict(row),
            "cite_info": [
                {"url": m.url, "source": m.source, "published": m.published, "article": m.article_key} for m in mentions
            ],
            "num_mentions": row.n_mentions,
            "num_sources": row.n_sources,
            "disagreements": json.loads(row.disagreements),
            "coder": "kroniek",
            "coded_date": today,
        }


def _actor_code(actor: Any | None) -> str:
    if actor is None:
        return ""
    return (actor.country or ("IGO" if actor.sector == "IGO" else "")) + (
        actor.sector if actor.sector and actor.sector != "IGO" else ""
    )


def gdelt_rows(store: Store) -> Iterator[dict[str, Any]]:
    """GDELT 2.0-style event rows: first actor as Actor1, first recipient as Actor2, CAMEO codes."""
    actors = _actor_rows(store)
    added = dt.date.today().strftime("%Y%m%d")
    for row, mentions in _fused_rows(store):
        day = row.date_start or row.first_reported
        code = cameo_code(row.event_type, row.mode) or ""
        first = [actors.get(i) for i in json.loads(row.actor_ids)]
        second = [actors.get(i) for i in json.loads(row.recipient_ids)]
        a1 = first[0] if first else None
        a2 = second[0] if second else (first[1] if len(first) > 1 else None)
        location = next((m for m in mentions if m.location_name), None)
        yield {
            "GLOBALEVENTID": row.id,
            "SQLDATE": day.strftime("%Y%m%d") if day else "",
            "MonthYear": day.strftime("%Y%m") if day else "",
            "Year": day.year if day else "",
            "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
            "Actor1Code": _actor_code(a1),
            "Actor1Name": a1.name.upper() if a1 else "",
            "Actor1CountryCode": (a1.country or "") if a1 else "",
            "Actor1Type1Code": (a1.sector or "") if a1 else "",
            "Actor2Code": _actor_code(a2),
            "Actor2Name": a2.name.upper() if a2 else "",
            "Actor2CountryCode": (a2.country or "") if a2 else "",
            "Actor2Type1Code": (a2.sector or "") if a2 else "",
            "IsRootEvent": 1,
            "EventCode": code,
            "EventBaseCode": code[:3],
            "EventRootCode": code[:2],
            "QuadClass": quad_class(code) or "",
            "GoldsteinScale": "",
            "NumMentions": row.n_mentions,
            "NumSources": row.n_sources,
            "NumArticles": row.n_articles,
            "AvgTone": "",
            "ActionGeo_FullName": location.location_name if location else "",
            "ActionGeo_CountryCode": (location.location_country or "") if location else "",
            "DATEADDED": added,
            "SOURCEURL": next((m.url for m in mentions if m.url), ""),
            "PloverEvent": row.event_type,
            "PloverMode": row.mode or "",
            "Disagreements": ",".join(sorted({d["field"] for d in json.loads(row.disagreements)})),
        }


def _write_delimited(rows: Iterator[dict[str, Any]], columns: tuple[str, ...], out: IO[str], delimiter: str) -> int:
    writer = csv.DictWriter(
        out, fieldnames=list(columns), delimiter=delimiter, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(safe_row(row))  # evidence and names are untrusted: no spreadsheet formulas
        n += 1
    return n


def export(
    store: Store, what: str, output: str | Path | None = None, format: str | None = None, stream: IO[str] | None = None
) -> int:
    """Write ``what`` (chronicles | events | plover | gdelt) to ``output`` (or ``stream``); returns the count."""
    fmt = check_format(what, format)
    if fmt == "parquet":
        return _export_parquet(store, output)
    close = False
    if stream is None:
        if output is None or str(output) == "-":
            import sys

            stream = sys.stdout
        else:
            stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            close = True
    try:
        return _export_text(store, what, fmt, stream)
    finally:
        if close:
            stream.close()


def _export_text(store: Store, what: str, fmt: str, out: IO[str]) -> int:
    n = 0
    if what == "chronicles":
        for body in iter_chronicles(store):
            out.write(body + "\n")
            n += 1
        return n
    if what == "events":
        events = query_events(store, limit=None)
        if fmt == "csv":
            return _write_delimited((flat_event(e) for e in events), EVENT_COLUMNS, out, ",")
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
        return len(events)
    if what == "plover":
        records = list(plover_records(store))
        if fmt == "json":
            out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        else:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return len(records)
    return _write_delimited(gdelt_rows(store), GDELT_COLUMNS, out, "\t" if fmt == "tsv" else ",")


def _export_parquet(store: Store, output: str | Path | None) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise KroniekError("E205", what="Parquet export", package="pyarrow") from exc
    if output is None or str(output) == "-":
        raise KroniekError("E207", option="Parquet output", value="standard output", choices="a file (-o FILE)")
    rows = [flat_event(e) for e in query_events(store, limit=None)]
    table = pa.Table.from_pylist(rows) if rows else pa.table({c: pa.array([], pa.string()) for c in EVENT_COLUMNS})
    pq.write_table(table, str(output))
    return len(rows)


def to_string(store: Store, what: str, format: str | None = None) -> str:
    """The export as a string (for small stores and tests)."""
    buffer = io.StringIO()
    export(store, what, format=format, stream=buffer)
    return buffer.getvalue()
