"""Fusion: event mentions from many articles (any language) that describe one real-world event become
one fused event with every mention, a count of independent sources and the points they disagree on.

Blocking keeps this linear in practice: a mention is only compared with fused events that share
  - its event type, its polarity (negated or not) and, for promises/demands/refusals, the type of
    what is promised (two promises by the same leader on the same day are different promises);
  - at least one participant by *canonical* actor (the store's actor id, the same across languages);
  - a date window: its date (or, when the article gives none, the publication day) lies within
    ``window_days`` of the fused event's dates.
Within a block a mention joins the candidate with the most similar participant set. Two mentions from
the same article are never fused: an article that reports two exchanges of prisoners reports two.

Disagreements are recorded, not resolved: dates whose intervals do not overlap, different numbers for
the same thing counted, different participant sets, different places, planned versus happened. The
fused event takes the most frequent value and lists every value with the sources that gave it.

The fused layer is rebuilt from the mentions on each run (deterministic: the same store gives the same
fused events); commitments, which are built on fused events, are rebuilt with it.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from kroniek.store import schema as s
from kroniek.store.db import PinnedStore, Store, take_lock
from kroniek.store.writer import fold

DEFAULT_WINDOW_DAYS = 3
COARSE_DAYS = 7  # a date interval longer than a week (a month, a season, a year) is coarse


@dataclass(slots=True)
class Mention:
    id: int
    article_id: int
    article_key: str
    source_key: str
    url: str | None
    event_type: str
    mode: str | None
    modality: str
    prop_event: str | None
    prop_mode: str | None
    prop_text: str | None
    prop_duration: str | None
    date_value: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    published: dt.date | None
    language: str
    location: str | None
    quantities: list[dict[str, Any]]
    evidence: str
    actors: frozenset[int] = frozenset()
    recipients: frozenset[int] = frozenset()

    @property
    def participants(self) -> frozenset[int]:
        return self.actors | self.recipients

    @property
    def reference(self) -> tuple[dt.date, dt.date] | None:
        if self.date_start and self.date_end:
            return self.date_start, self.date_end
        if self.published:
            return self.published, self.published
        return None


@dataclass(slots=True)
class Cluster:
    anchor: dt.date | None
    members: list[Mention] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)
    participants: set[int] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    dated: tuple[dt.date, dt.date] | None = None

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.articles.add(m.article_id)
        self.participants |= m.participants
        if m.mode:
            self.modes.add(m.mode)
        if m.date_start and m.date_end:
            if self.dated is None:
                self.dated = (m.date_start, m.date_end)
            else:
                self.dated = (min(self.dated[0], m.date_start), max(self.dated[1], m.date_end))


def source_key(source: str | None, url: str | None, article_key: str) -> str:
    """Who published an article, for counting independent sources: outlet, else web host, else article."""
    if source and source.strip():
        return fold(source.split("—")[0].split(" - ")[0].strip())
    if url:
        host = urlparse(url).netloc.lower()
        if host.startswith("www."):
            host = host[4:]
        if host:
            return host
    return f"article:{article_key}"


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals (0 when they overlap)."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def load_mentions(store: Store) -> list[Mention]:
    e, a = s.events, s.articles
    query = (
        select(
            e.c.id,
            e.c.article_id,
            a.c.article_key,
            a.c.source,
            a.c.url,
            e.c.event_type,
            e.c.mode,
            e.c.modality,
            e.c.proposition_event,
            e.c.proposition_mode,
            e.c.proposition_text,
            e.c.proposition_duration,
            e.c.date_value,
            e.c.date_start,
            e.c.date_end,
            e.c.published_day,
            e.c.language,
            e.c.location_name,
            e.c.quantities,
            e.c.evidence_text,
        )
        .join(a, a.c.id == e.c.article_id)
        .where(e.c.active.is_(True))
    )
    mentions: dict[int, Mention] = {}
    sources: dict[int, str] = {}
    with store.connect() as conn:
        for row in conn.execute(query):
            src = sources.get(row.article_id)
            if src is None:
                src = sources[row.article_id] = source_key(row.source, row.url, row.article_key)
            mentions[row.id] = Mention(
                row.id,
                row.article_id,
                row.article_key,
                src,
                row.url,
                row.event_type,
                row.mode,
                row.modality,
                row.proposition_event,
                row.proposition_mode,
                row.proposition_text,
                row.proposition_duration,
                row.date_value,
                row.date_start,
                row.date_end,
                row.published_day,
                row.language,
                row.location_name,
                json.loads(row.quantities) if row.quantities else [],
                row.evidence_text,
            )
        roles: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
        for event_id, actor_id, role in conn.execute(
            select(s.event_actors.c.event_id, s.event_actors.c.actor_id, s.event_actors.c.role).where(
                s.event_actors.c.role != "source"
            )
        ):
            if event_id in mentions:
                roles[event_id][0 if role == "actor" else 1].add(actor_id)
    for event_id, (acts, recs) in roles.items():
        m = mentions[event_id]
        m.actors = frozenset(acts)
        m.recipients = frozenset(recs - acts)
    return sorted(mentions.values(), key=lambda m: (m.reference or (dt.date.max, dt.date.max), m.id))


def _similarity(p: frozenset[int], q: set[int]) -> float:
    inter = len(p & q)
    if not inter:
        return 0.0
    if p <= q or q <= p:
        return 0.5 + 0.5 * inter / len(p | q)
    return inter / len(p | q)


def cluster_mentions(mentions: list[Mention], window_days: int = DEFAULT_WINDOW_DAYS) -> list[Cluster]:
    """Greedy blocked clustering over mentions sorted by reference date (see the module docstring)."""
    clusters: list[Cluster] = []
    index: dict[tuple[str, bool, str, int], list[Cluster]] = defaultdict(list)
    window = dt.timedelta(days=window_days)
    for m in mentions:
        ref = m.reference
        base = (m.event_type, m.modality == "negated", m.prop_event or "")
        best: Cluster | None = None
        best_score: tuple[float, int] = (0.0, 0)
        if ref is not None and m.participants:
            seen: set[int] = set()
            for p in m.participants:
                bucket = index.get((*base, p), [])
                for cluster in reversed(bucket):  # newest anchors last: stop once past the window
                    if cluster.anchor is None or cluster.anchor < ref[0] - window:
                        break
                    if id(cluster) in seen:
                        continue
                    seen.add(id(cluster))
                    if m.article_id in cluster.articles:
                        continue
                    if m.mode and cluster.modes and m.mode not in cluster.modes:
                        continue
                    sim = _similarity(m.participants, cluster.participants)
                    if sim < 0.5:
                        continue
                    span = cluster.dated if (cluster.dated and m.date_start) else (cluster.anchor, cluster.anchor)
                    gap = _gap(ref, span)
                    # a coarse date ("in March", a year) must contain the other date: the window
                    # is for reports that differ by a day or two, not for neighbouring months
                    coarse = max((ref[1] - ref[0]).days, (span[1] - span[0]).days) > COARSE_DAYS
                    if gap > (0 if coarse else window_days):
                        continue
                    score = (sim, -gap)
                    if best is None or score > best_score:
                        best, best_score = cluster, score
        if best is None:
            best = Cluster(anchor=ref[0] if ref else None)
            clusters.append(best)
            if ref is not None:
                for p in m.participants:
                    index[(*base, p)].append(best)
        best.add(m)
    return clusters


def _quantity_key(what: str) -> str:
    word = fold(what)
    return word[:-1] if word.endswith("s") else word


def disagreements(cluster: Cluster, names: dict[int, str]) -> list[dict[str, Any]]:
    """Where the mentions of one fused event contradict each other, with the sources of each value."""
    found: list[dict[str, Any]] = []
    members = cluster.members
    dated = [m for m in members if m.date_start and m.date_end]
    if len(dated) > 1:
        spans = {(m.date_start, m.date_end) for m in dated}
        clash = any(_gap(x, y) > 0 for x in spans for y in spans)  # type: ignore[arg-type]
        if clash:
            found.append(_values("date", [(m.date_value or "", m) for m in dated]))
    by_what: dict[str, list[tuple[Any, Mention]]] = defaultdict(list)
    for m in members:
        for q in m.quantities:
            by_what[_quantity_key(str(q.get("what", "")))].append((q.get("value"), m))
    for what, pairs in sorted(by_what.items()):
        if len({float(v) for v, _ in pairs if isinstance(v, int | float)}) > 1:
            entry = _values("quantity", pairs)
            entry["what"] = what
            found.append(entry)
    sets = {m.participants for m in members if m.participants}
    if len(sets) > 1:
        found.append(
            _values(
                "participants",
                [
                    (", ".join(sorted(names.get(i, str(i)) for i in m.participants)), m)
                    for m in members
                    if m.participants
                ],
            )
        )
    places = {m.location for m in members if m.location}
    if len(places) > 1:
        found.append(_values("location", [(m.location, m) for m in members if m.location]))
    modalities = {m.modality for m in members}
    if len(modalities) > 1:
        found.append(_values("modality", [(m.modality, m) for m in members]))
    return found


def _values(field_name: str, pairs: list[tuple[Any, Mention]]) -> dict[str, Any]:
    grouped: dict[Any, list[Mention]] = defaultdict(list)
    for value, m in pairs:
        grouped[value].append(m)
    return {
        "field": field_name,
        "values": [
            {
                "value": value,
                "sources": sorted({m.source_key for m in ms}),
                "articles": sorted({m.article_key for m in ms}),
                "mentions": sorted(m.id for m in ms),
            }
            for value, ms in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))
        ],
    }


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    return next(v for v in values if counts[v] == top)  # ties: the earliest reported value


def fused_row(fid: int, cluster: Cluster, names: dict[int, str]) -> dict[str, Any]:
    members = sorted(cluster.members, key=lambda m: (m.published or dt.date.max, m.id))
    rep = max(members, key=lambda m: (len(m.participants), m.date_value is not None, len(m.evidence), -m.id))
    date_value = _most_common([m.date_value for m in members if m.date_start])
    dated = next((m for m in members if m.date_value == date_value and m.date_start), None)
    actor_ids = sorted({a for m in members for a in m.actors})
    recipient_ids = sorted({r for m in members for r in m.recipients} - set(actor_ids))
    modality = (
        "asserted" if any(m.modality == "asserted" for m in members) else _most_common([m.modality for m in members])
    )
    published = [m.published for m in members if m.published]
    issues = disagreements(cluster, names) if len(members) > 1 else []
    return {
        "id": fid,
        "event_type": rep.event_type,
        "mode": _most_common([m.mode for m in members]),
        "modality": modality,
        "proposition_event": rep.prop_event,
        "proposition_mode": rep.prop_mode,
        "proposition_text": rep.prop_text,
        "proposition_duration": _most_common([m.prop_duration for m in members]),
        "date_value": date_value,
        "date_start": dated.date_start if dated else None,
        "date_end": dated.date_end if dated else None,
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
        "actor_ids": json.dumps(actor_ids),
        "recipient_ids": json.dumps(recipient_ids),
        "n_mentions": len(members),
        "n_articles": len(cluster.articles),
        "n_sources": len({m.source_key for m in members}),
        "sources": json.dumps(sorted({m.source_key for m in members}), ensure_ascii=False),
        "languages": json.dumps(sorted({m.language for m in members})),
        "disagreements": json.dumps(issues, ensure_ascii=False, default=str),
        "has_disagreement": bool(issues),
        "representative_id": rep.id,
    }


def fuse(
    store: Store, window_days: int = DEFAULT_WINDOW_DAYS, commitments: bool = True, as_of: dt.date | None = None
) -> dict[str, Any]:
    """Rebuild the fused events (and then the commitments) from all active event mentions.

    Everything happens in one write transaction under the store's fusion lock: two processes fusing
    at once take turns, and each reads the mentions inside its own transaction, so none commits a
    fused layer computed from what another has changed in the meantime.
    """
    started = time.perf_counter()
    with store.transaction(where="fusion") as conn:
        take_lock(conn, "fusion")
        pinned = PinnedStore(store, conn)
        result = _rebuild(pinned, conn, window_days)
        result["fusion_seconds"] = round(time.perf_counter() - started, 3)
        if commitments:
            from kroniek.store.commitments import track_commitments

            result.update(track_commitments(pinned, as_of=as_of))
    return result


def _rebuild(store: Store, conn: Connection, window_days: int) -> dict[str, Any]:
    mentions = load_mentions(store)
    names = {int(i): n for i, n in conn.execute(select(s.actors.c.id, s.actors.c.name))}
    clusters = cluster_mentions(mentions, window_days)
    # A fused event is numbered by its earliest stored mention, so its id stays the same across
    # rebuilds for as long as that mention belongs to it (links and exports keep pointing at it).
    numbered = [(min(m.id for m in c.members), c) for c in clusters]
    rows = [fused_row(fid, c, names) for fid, c in numbered]
    links = [{"eid": m.id, "fid": fid} for fid, c in numbered for m in c.members]
    conn.execute(delete(s.commitment_reports))
    conn.execute(delete(s.commitments))
    conn.execute(delete(s.fused_events))
    conn.execute(update(s.events).where(s.events.c.fused_id.is_not(None)).values(fused_id=None))
    if rows:
        conn.execute(insert(s.fused_events), rows)
    if links:
        conn.execute(
            update(s.events).where(s.events.c.id == bindparam("eid")).values(fused_id=bindparam("fid")),
            links,
        )
    if store.dialect == "postgresql":
        # ids were given explicitly; keep the sequence ahead of them for any later plain insert
        conn.exec_driver_sql(
            "SELECT setval(pg_get_serial_sequence('fused_events', 'id'), "
            "GREATEST((SELECT COALESCE(MAX(id), 0) FROM fused_events), 1))"
        )
    return {
        "mentions": len(mentions),
        "fused_events": len(rows),
        "multi_source": sum(1 for r in rows if r["n_sources"] > 1),
        "with_disagreement": sum(1 for r in rows if r["has_disagreement"]),
    }
