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
from kroniek.store.cameo import cameo_code, plover_score, quad_class
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
    "actor_country",
    "actor_sector",
    "actor_wikidata",
    "recipient",
    "recipient_country",
    "recipient_sector",
    "recipient_wikidata",
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


def _joined(values: list[Any]) -> str:
    return "; ".join("" if v is None else str(v) for v in values)


def flat_event(e: dict[str, Any]) -> dict[str, Any]:
    """One event mention as a flat CSV row of raw values: lists joined with "; " (names, and in the same
    order their country, sector and Wikidata id, empty where unknown), quantities as JSON, no display text."""
    prop = e.get("proposition") or {}
    row = {
        **{k: e.get(k) for k in EVENT_COLUMNS if k in e},
        "actor": "; ".join(e["actor"]),
        "recipient": "; ".join(e["recipient"]),
        "proposition_event": prop.get("event"),
        "proposition_mode": prop.get("mode"),
        "proposition_text": prop.get("text"),
        "proposition_duration": prop.get("duration"),
        "quantities": json.dumps(
            [{"value": q["value"], "what": q["what"]} for q in e["quantities"]], ensure_ascii=False
        )
        if e["quantities"]
        else "",
        "context": "; ".join(e["context"]),
    }
    for role in ("actor", "recipient"):
        details = e.get(f"{role}_details") or []
        for key in ("country", "sector", "wikidata"):
            row[f"{role}_{key}"] = _joined([d.get(key) for d in details])
    return row


def actor_details(store: Store, event_ids: list[int]) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """Event id -> role -> the actors (name, kind, country, sector, wikidata), in the store's order."""
    ea, a = s.event_actors, s.actors
    out: dict[int, dict[str, list[dict[str, Any]]]] = {}
    with store.connect() as conn:
        for start in range(0, len(event_ids), 500):
            for event_id, role, name, kind, country, sector, wikidata in conn.execute(
                select(ea.c.event_id, ea.c.role, a.c.name, a.c.kind, a.c.country, a.c.sector, a.c.wikidata)
                .join(a, a.c.id == ea.c.actor_id)
                .where(ea.c.event_id.in_(event_ids[start : start + 500]))
                .order_by(ea.c.event_id, a.c.id)
            ):
                details = {"name": name, "kind": kind, "country": country, "sector": sector, "wikidata": wikidata}
                out.setdefault(event_id, {}).setdefault(role, []).append(details)
    return out


def events_with_details(store: Store, filters: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """``query_events`` (with the query command's filters) plus each actor's country, sector and Wikidata id."""
    events = query_events(store, **{"limit": None, **(filters or {})})
    details = actor_details(store, [e["id"] for e in events])
    for e in events:
        mine = details.get(e["id"], {})
        e["actor_details"] = mine.get("actor", [])
        e["recipient_details"] = mine.get("recipient", [])
    return events


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


def _first_published(mentions: list[Any]) -> dt.date | None:
    """The earliest publication day among the mentions (for an event with no date of its own)."""
    days = []
    for m in mentions:
        try:
            days.append(dt.date.fromisoformat(str(m.published)[:10]))
        except ValueError:
            continue
    return min(days) if days else None


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
        day = row.date_start or row.first_reported or _first_published(mentions)
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
            "GoldsteinScale": _score_cell(plover_score(row.event_type, row.mode)),
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
    store: Store,
    what: str,
    output: str | Path | None = None,
    format: str | None = None,
    stream: IO[str] | None = None,
    filters: dict[str, Any] | None = None,
) -> int:
    """Write ``what`` (chronicles | events | plover | gdelt) to ``output`` (or ``stream``); returns the count.

    ``filters`` are ``query_events``' keywords (actor, type, since, until, role, language, modality,
    limit): events are those mentions; PLOVER records and GDELT rows the fused events they belong to;
    chronicles the articles that report them. Without filters everything is exported.
    """
    fmt = check_format(what, format)
    filters = {k: v for k, v in (filters or {}).items() if v is not None and not (k == "role" and v == "any")}
    if fmt == "parquet":
        return _export_parquet(store, output, filters)
    close = False
    if stream is None:
        if output is None or str(output) == "-":
            import sys

            stream = sys.stdout
        else:
            stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            close = True
    try:
        return _export_text(store, what, fmt, stream, filters)
    finally:
        if close:
            stream.close()


def _selection(store: Store, filters: dict[str, Any]) -> tuple[set[int], set[str]] | None:
    """The fused ids and article keys of the mentions ``filters`` select; None: no filter, everything."""
    if not filters:
        return None
    mentions = query_events(store, **{"limit": None, **filters})
    return {m["fused_id"] for m in mentions if m["fused_id"] is not None}, {m["article"] for m in mentions}


def _export_text(store: Store, what: str, fmt: str, out: IO[str], filters: dict[str, Any]) -> int:
    n = 0
    chosen = None if what == "events" else _selection(store, filters)
    if what == "chronicles":
        for body in iter_chronicles(store):
            if chosen is not None and json.loads(body)["article"]["id"] not in chosen[1]:
                continue
            out.write(body + "\n")
            n += 1
        return n
    if what == "events":
        events = events_with_details(store, filters)
        if fmt == "csv":
            return _write_delimited((flat_event(e) for e in events), EVENT_COLUMNS, out, ",")
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
        return len(events)
    if what == "plover":
        records = [r for r in plover_records(store) if chosen is None or int(r["id"].split("-")[1]) in chosen[0]]
        if fmt == "json":
            out.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
        else:
            for r in records:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return len(records)
    rows = (r for r in gdelt_rows(store) if chosen is None or r["GLOBALEVENTID"] in chosen[0])
    return _write_delimited(rows, GDELT_COLUMNS, out, "\t" if fmt == "tsv" else ",")


def parquet_schema(pa: Any) -> Any:
    """The Parquet columns with real types: days as date32, lists of names as list<string>, each actor
    as a struct (name, kind, country, sector, wikidata), quantities and the proposition as structs."""
    actor = pa.struct([(k, pa.string()) for k in ("name", "kind", "country", "sector", "wikidata")])
    text = pa.string()
    return pa.schema(
        [
            ("id", pa.int64()), ("fused_id", pa.int64()), ("article", text), ("url", text), ("source", text),
            ("published", text), ("published_day", pa.date32()), ("language", text), ("event", text),
            ("mode", text), ("modality", text), ("actor", pa.list_(text)), ("actor_details", pa.list_(actor)),
            ("recipient", pa.list_(text)), ("recipient_details", pa.list_(actor)), ("reported_by", text),
            ("proposition", pa.struct([(k, text) for k in ("event", "mode", "text", "duration")])),
            ("date", text), ("date_start", pa.date32()), ("date_end", pa.date32()), ("duration", text),
            ("location", text), ("location_country", text),
            ("quantities", pa.list_(pa.struct([("value", pa.float64()), ("what", text), ("text", text)]))),
            ("evidence", text), ("evidence_start", pa.int32()), ("evidence_end", pa.int32()), ("trigger", text),
            ("confidence", pa.float64()), ("context", pa.list_(text)),
        ]
    )  # fmt: skip


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def parquet_row(e: dict[str, Any]) -> dict[str, Any]:
    return {
        **e,
        "published_day": _day(e["published"]),
        "date_start": _day(e["date_start"]),
        "date_end": _day(e["date_end"]),
        "quantities": [{"value": float(q["value"]), "what": q["what"], "text": q.get("text")} for q in e["quantities"]],
    }


def _export_parquet(store: Store, output: str | Path | None, filters: dict[str, Any] | None = None) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found,unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found,unused-ignore]
    except ImportError as exc:
        raise KroniekError("E205", what="Parquet export", package="pyarrow") from exc
    if output is None or str(output) == "-":
        raise KroniekError("E207", option="Parquet output", value="standard output", choices="a file (-o FILE)")
    schema = parquet_schema(pa)
    rows = [parquet_row(e) for e in events_with_details(store, filters)]
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(output))
    return len(rows)


def to_string(store: Store, what: str, format: str | None = None) -> str:
    """The export as a string (for small stores and tests)."""
    buffer = io.StringIO()
    export(store, what, format=format, stream=buffer)
    return buffer.getvalue()


def _score_cell(score: float | None) -> float | str:
    """GoldsteinScale cell: the PLOVER score (see kroniek.store.cameo.plover_score), empty when unknown. A
    number, not text, so that the CSV guard does not quote a negative score as a formula."""
    return "" if score is None else score
