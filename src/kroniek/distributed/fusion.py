"""Fusion as a Dask job over partitions of the event table, merged by SQL in PostgreSQL.

The store's fusion (``kroniek.store.fusion.fuse``) loads every active event mention into one process.
Here no process holds more than one partition, and the result is the same, row for row:

- **Partitions that cannot interact.** A mention is only ever compared with fused events of its own
  event type, polarity (negated or not) and proposition type (the blocking key of ``cluster_mentions``),
  so each such key is clustered on its own. Within a key, mentions are taken in order of their reference
  day (event date, else publication day), and a mention only joins a fused event whose first mention lies
  at most ``window_days`` before it; where two consecutive reference days of a key are more than
  ``window_days`` apart, nothing before the gap can be joined by anything after it, so the key is cut
  there too. Each partition is clustered by the store's own ``cluster_mentions`` and ``fused_row``, on
  the same mentions in the same order as the one-process fusion sees them, so it forms the same groups.
- **Written by the workers, swapped in by SQL.** Workers insert their fused rows and mention links into
  two UNLOGGED staging tables; one transaction then replaces the fused layer (``INSERT ... SELECT``,
  ``UPDATE events ... FROM``) under an advisory lock, so readers see the old fused layer or the new one,
  never a half-built one. Fused ids are, as in ``fuse``, the id of the earliest mention of each event.

Commitments are then rebuilt from the fused events by ``track_commitments`` (one process; it reads the
fused layer, not the mentions: see docs/scale.md for its size).
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Table,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)

from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.fusion import DEFAULT_WINDOW_DAYS, Mention, cluster_mentions, fused_row, source_key

# The advisory lock held while the fused layer is swapped ("kr" + 17, then 1 for fusion).
FUSION_LOCK = (0x6B720017, 1)
_STAGE_BATCH = 2000
# A fusion task clusters at least this many mentions (several partitions when they are small).
MIN_TASK_MENTIONS = 5000


@dataclass(frozen=True, slots=True)
class FusionPartition:
    """The active mentions of one blocking key whose reference day lies in [low, high) (None: open)."""

    event_type: str
    negated: bool
    proposition: str
    low: dt.date | None
    high: dt.date | None
    mentions: int = 0


def _reference() -> ColumnElement[Any]:
    """The SQL twin of ``Mention.reference[0]``: the event's date interval start, else the publication day."""
    e = s.events
    return case((and_(e.c.date_start.is_not(None), e.c.date_end.is_not(None)), e.c.date_start), else_=e.c.published_day)


def _negated() -> ColumnElement[Any]:
    return case((s.events.c.modality == "negated", literal(True)), else_=literal(False))


def _proposition() -> ColumnElement[Any]:
    return func.coalesce(s.events.c.proposition_event, "")


def plan_fusion(store: Store, window_days: int = DEFAULT_WINDOW_DAYS) -> list[FusionPartition]:
    """The partitions of the active mentions: one per blocking key, cut where the dates leave a gap."""
    e = s.events
    ref, neg, prop = _reference(), _negated(), _proposition()
    per_day = (
        select(e.c.event_type, neg.label("neg"), prop.label("prop"), ref.label("ref"), func.count().label("n"))
        .where(e.c.active.is_(True))
        .group_by(e.c.event_type, neg, prop, ref)
        .order_by(e.c.event_type, neg, prop, ref.nulls_last())
    )
    with store.connect() as conn:
        rows = conn.execute(per_day).all()
    parts: list[FusionPartition] = []
    key: tuple[str, bool, str] | None = None
    low: dt.date | None = None
    last: dt.date | None = None
    count = 0
    for row in rows:  # ordered by key, then reference day (undated last)
        row_key = (row.event_type, bool(row.neg), row.prop)
        if row_key != key:
            if key is not None:
                parts.append(FusionPartition(*key, low, None, count))
            key, low, last, count = row_key, None, None, 0
        elif row.ref is not None and last is not None and (row.ref - last).days > window_days:
            parts.append(FusionPartition(*key, low, row.ref, count))  # a gap no mention can bridge
            low, count = row.ref, 0
        if row.ref is not None:
            last = row.ref
        count += row.n
    if key is not None:
        parts.append(FusionPartition(*key, low, None, count))
    return parts


def _partition_filter(part: FusionPartition) -> ColumnElement[bool]:
    e = s.events
    ref = _reference()
    conditions: list[ColumnElement[bool]] = [
        e.c.active.is_(True),
        e.c.event_type == part.event_type,
        _negated() == part.negated,
        _proposition() == part.proposition,
    ]
    if part.high is not None:
        conditions.append(ref < part.high)
        if part.low is not None:
            conditions.append(ref >= part.low)
    elif part.low is not None:  # the last partition of a key also holds its undated mentions
        conditions.append(or_(ref.is_(None), ref >= part.low))
    return and_(*conditions)


def load_partition(store: Store, part: FusionPartition) -> tuple[list[Mention], dict[int, str]]:
    """The partition's mentions (as ``load_mentions`` builds them, in the same order) and actor names."""
    e, a, ea = s.events, s.articles, s.event_actors
    where = _partition_filter(part)
    query = (
        select(
            e.c.id, e.c.article_id, a.c.article_key, a.c.source, a.c.url, e.c.event_type, e.c.mode,
            e.c.modality, e.c.proposition_event, e.c.proposition_mode, e.c.proposition_text,
            e.c.proposition_duration, e.c.date_value, e.c.date_start, e.c.date_end, e.c.published_day,
            e.c.language, e.c.location_name, e.c.quantities, e.c.evidence_text,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(where)
    )  # fmt: skip
    mentions: dict[int, Mention] = {}
    roles: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    with store.connect() as conn:
        for row in conn.execute(query):
            mentions[row.id] = Mention(
                row.id, row.article_id, row.article_key, source_key(row.source, row.url, row.article_key), row.url,
                row.event_type, row.mode, row.modality, row.proposition_event, row.proposition_mode,
                row.proposition_text, row.proposition_duration, row.date_value, row.date_start, row.date_end,
                row.published_day, row.language, row.location_name,
                json.loads(row.quantities) if row.quantities else [], row.evidence_text,
            )  # fmt: skip
        links = select(ea.c.event_id, ea.c.actor_id, ea.c.role).join(e, e.c.id == ea.c.event_id)
        for event_id, actor_id, role in conn.execute(links.where(where, ea.c.role != "source")):
            roles[event_id][0 if role == "actor" else 1].add(actor_id)
        actor_ids = sorted({i for acts, recs in roles.values() for i in acts | recs})
        names: dict[int, str] = {}
        for start in range(0, len(actor_ids), 5000):
            chunk = actor_ids[start : start + 5000]
            names.update(
                (int(i), n)
                for i, n in conn.execute(select(s.actors.c.id, s.actors.c.name).where(s.actors.c.id.in_(chunk)))
            )
    for event_id, (acts, recs) in roles.items():
        m = mentions[event_id]
        m.actors = frozenset(acts)
        m.recipients = frozenset(recs - acts)
    ordered = sorted(mentions.values(), key=lambda m: (m.reference or (dt.date.max, dt.date.max), m.id))
    return ordered, names


def _stage_tables(name: str) -> tuple[Table, Table]:
    meta = MetaData()
    fused = Table(name, meta, *[Column(c.name, c.type) for c in s.fused_events.columns])
    links = Table(f"{name}_links", meta, Column("eid", Integer), Column("fid", Integer))
    return fused, links


def bundle_partitions(parts: list[FusionPartition], workers: int) -> list[list[FusionPartition]]:
    """Consecutive partitions in tasks of at least ``MIN_TASK_MENTIONS`` mentions (a task per tiny
    partition costs more in scheduling than in clustering), about four tasks per worker where there is
    enough; a partition is never split."""
    total = sum(p.mentions for p in parts)
    target = max(MIN_TASK_MENTIONS, -(-total // max(1, 4 * workers)))
    bundles: list[list[FusionPartition]] = []
    size = target
    for part in parts:
        if size >= target:
            bundles.append([])
            size = 0
        bundles[-1].append(part)
        size += part.mentions
    return bundles


def fuse_partitions(parts: list[FusionPartition], db: str, stage: str, window_days: int) -> dict[str, int]:
    """On a worker: cluster each partition and write the fused rows and links into the staging tables.

    A task that runs twice (its worker died after the commit) stages the same rows twice; the swap keeps
    one of each (the rows are the same: clustering is deterministic).
    """
    from kroniek.distributed.tasks import worker_store

    store = worker_store(db)
    counts = dict.fromkeys(("mentions", "fused_events", "multi_source", "with_disagreement"), 0)
    fused_table, links_table = _stage_tables(stage)
    for part in parts:
        mentions, names = load_partition(store, part)
        clusters = cluster_mentions(mentions, window_days)
        numbered = [(min(m.id for m in c.members), c) for c in clusters]
        rows = [fused_row(fid, c, names) for fid, c in numbered]
        links = [{"eid": m.id, "fid": fid} for fid, c in numbered for m in c.members]
        with store.transaction(where=f"fusion partition {part.event_type}") as conn:
            for start in range(0, len(rows), _STAGE_BATCH):
                conn.execute(insert(fused_table), rows[start : start + _STAGE_BATCH])
            for start in range(0, len(links), _STAGE_BATCH):
                conn.execute(insert(links_table), links[start : start + _STAGE_BATCH])
        counts["mentions"] += len(mentions)
        counts["fused_events"] += len(rows)
        counts["multi_source"] += sum(1 for r in rows if r["n_sources"] > 1)
        counts["with_disagreement"] += sum(1 for r in rows if r["has_disagreement"])
    return counts


def _swap_in(store: Store, stage: str) -> None:
    """Replace the fused layer with the staged one, in one transaction (as ``fuse`` does it in one)."""
    fused_table, links_table = _stage_tables(stage)
    columns = [c.name for c in s.fused_events.columns]
    with store.transaction(where="fusion") as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": FUSION_LOCK[0], "b": FUSION_LOCK[1]})
        conn.execute(delete(s.commitment_reports))
        conn.execute(delete(s.commitments))
        conn.execute(delete(s.fused_events))
        conn.execute(update(s.events).where(s.events.c.fused_id.is_not(None)).values(fused_id=None))
        names = ", ".join(columns)  # one copy of each row: a retried task may have staged its rows twice
        conn.exec_driver_sql(
            f"INSERT INTO fused_events ({names}) SELECT DISTINCT ON (id) {names} FROM {fused_table.name} ORDER BY id"
        )
        conn.execute(update(s.events).where(s.events.c.id == links_table.c.eid).values(fused_id=links_table.c.fid))
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('fused_events', 'id'), "
            "GREATEST((SELECT COALESCE(MAX(id), 0) FROM fused_events), 1))"
        )


def fuse_on_cluster(
    client: Any,
    store: Store,
    window_days: int = DEFAULT_WINDOW_DAYS,
    commitments: bool = True,
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """Rebuild the fused events (then the commitments) of a PostgreSQL store as a job on ``client``."""
    from kroniek.errors import KroniekError

    if store.dialect != "postgresql":
        raise KroniekError("E223", url=store.display_url)
    started = time.perf_counter()
    parts = plan_fusion(store, window_days)
    stage = f"kroniek_fusion_{uuid.uuid4().hex[:12]}"
    fused_table, links_table = _stage_tables(stage)
    with store.transaction(where="fusion staging") as conn:
        conn.exec_driver_sql(f"CREATE UNLOGGED TABLE {fused_table.name} (LIKE fused_events)")
        conn.exec_driver_sql(f"CREATE UNLOGGED TABLE {links_table.name} (eid integer NOT NULL, fid integer NOT NULL)")
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        bundles = bundle_partitions(parts, workers)
        futures = [
            client.submit(
                fuse_partitions, bundle, store.url, stage, window_days, key=f"kroniek-fuse-{stage}-{n}", retries=2
            )
            for n, bundle in enumerate(bundles)
        ]
        counts = client.gather(futures)
        _swap_in(store, stage)
    finally:
        with store.transaction(where="fusion staging") as conn:
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fused_table.name}, {links_table.name}")
    result: dict[str, Any] = {
        name: sum(c[name] for c in counts) for name in ("mentions", "fused_events", "multi_source", "with_disagreement")
    }
    result["partitions"] = len(parts)
    result["tasks"] = len(bundles)
    result["largest_partition"] = max((p.mentions for p in parts), default=0)
    result["fusion_seconds"] = round(time.perf_counter() - started, 3)
    if commitments:
        from kroniek.store.commitments import track_commitments

        result.update(track_commitments(store, as_of=as_of))
    return result
