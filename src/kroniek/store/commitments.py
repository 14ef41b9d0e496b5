"""Commitments: promises (AGREE), demands (REQUEST) and refusals (REJECT) with a proposition, tracked
over later articles.

Each fused AGREE/REQUEST/REJECT event with a proposition (asserted or planned, not negated or
hypothetical) becomes one tracked item: who is bound (the promiser, the one a demand is made of, the
refuser), what (the proposition), since when (the event's date, else its first report), for how long
(the proposition's ISO 8601 duration) and until when (since + duration: a 30-day pause promised on
2025-03-18 runs to 2025-04-17).

Later fused events (asserted only) are linked as reports, by rules in data/commitment_rules.toml:
  violation   the bound party does what a pause forbids within the window (an ASSAULT during a
              ceasefire), in the commitment's domain when it has one (energy, ports ...); or a
              third party ACCUSEs the bound party of it, in that domain
  fulfilment  the bound party does the proposition's type after ``since`` (a promised meeting is held)
  rejection   the one a demand is made of REJECTs it, or does what it was asked to stop
  reversal    a refuser later AGREEs to, or does, what it refused
Status, as of ``as_of`` (default: the newest publication day in the store, the store's horizon):
  promise  reported broken > fulfilled > expired (window over) > in force (within window, or an
           open-ended pause) > pending (not yet begun, or open-ended with no outcome yet)
  demand   fulfilled > rejected > expired > pending
  refusal  reversed > in force
The bound party is matched by canonical actor, and a state's government acts for it: a pause promised
by a head of state is broken by an attack by that state (same country; kind state, sector GOV or MIL).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import tomllib
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select

from kroniek.store import schema as s
from kroniek.store.dates import add_duration
from kroniek.store.db import Store
from kroniek.store.writer import fold

RULES_PATH = Path(__file__).with_name("data") / "commitment_rules.toml"
KINDS = {"AGREE": "promise", "REQUEST": "demand", "REJECT": "refusal"}
STATUSES = ("pending", "in force", "expired", "reported broken", "fulfilled", "rejected", "reversed")
STATE_SECTORS = {"GOV", "MIL"}


@dataclass(frozen=True)
class Rules:
    pause_modes: frozenset[str]
    pause_words: re.Pattern[str]
    contradicts: dict[str, tuple[str, ...]]
    accusation_types: frozenset[str]
    domains: dict[str, re.Pattern[str]]


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    parts = []
    for word in words:
        w = fold(word)
        if w.endswith("*"):
            parts.append(r"\b" + re.escape(w[:-1]))
        else:
            parts.append(r"\b" + re.escape(w) + r"\b")
    return re.compile("|".join(parts) if parts else r"(?!)")


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> Rules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Rules(
        pause_modes=frozenset(data["pause"]["modes"]),
        pause_words=_word_pattern(data["pause"]["words"]),
        contradicts={k: tuple(v) for k, v in data.get("contradicts", {}).items()},
        accusation_types=frozenset(data.get("reports", {}).get("accusation_types", [])),
        domains={name: _word_pattern(d["words"]) for name, d in data.get("domains", {}).items()},
    )


def domains_of(text: str, rules: Rules) -> set[str]:
    folded = fold(text)
    return {name for name, pattern in rules.domains.items() if pattern.search(folded)}


@dataclass
class FusedView:
    id: int
    event_type: str
    mode: str | None
    modality: str
    prop_event: str | None
    prop_mode: str | None
    prop_text: str | None
    prop_duration: str | None
    day: dt.date | None
    actors: list[int]
    recipients: list[int]
    text: str = ""
    articles: set[int] = field(default_factory=set)


@dataclass
class Tracked:
    fused: FusedView
    kind: str
    bound: set[int]
    since: dt.date | None
    until: dt.date | None
    pause: bool
    domains: set[str]
    reports: list[tuple[int, str, dt.date | None]] = field(default_factory=list)


def _load_fused(store: Store) -> list[FusedView]:
    f, e = s.fused_events, s.events
    views: dict[int, FusedView] = {}
    with store.connect() as conn:
        for r in conn.execute(select(f)):
            views[r.id] = FusedView(
                r.id,
                r.event_type,
                r.mode,
                r.modality,
                r.proposition_event,
                r.proposition_mode,
                r.proposition_text,
                r.proposition_duration,
                r.date_start or r.first_reported,
                json.loads(r.actor_ids),
                json.loads(r.recipient_ids),
            )
        texts: dict[int, list[str]] = defaultdict(list)
        for fid, evidence, location, article_id in conn.execute(
            select(e.c.fused_id, e.c.evidence_text, e.c.location_name, e.c.article_id).where(e.c.fused_id.is_not(None))
        ):
            texts[fid].append(evidence)
            if location:
                texts[fid].append(location)
            if fid in views:
                views[fid].articles.add(article_id)
    for fid, parts in texts.items():
        if fid in views:
            views[fid].text = " ".join(parts)
    return sorted(views.values(), key=lambda v: (v.day or dt.date.max, v.id))


def _actor_info(store: Store) -> dict[int, tuple[str, str | None, str | None]]:
    with store.connect() as conn:
        return {
            int(r.id): (r.kind, r.country, r.sector)
            for r in conn.execute(select(s.actors.c.id, s.actors.c.kind, s.actors.c.country, s.actors.c.sector))
        }


def horizon(store: Store) -> dt.date:
    """The newest publication day in the store (today when the store holds no dated article)."""
    with store.connect() as conn:
        newest = conn.execute(select(func.max(s.articles.c.published_day))).scalar()
    if isinstance(newest, str):
        newest = dt.date.fromisoformat(newest)
    return newest or dt.date.today()


class _Side:
    """The bound party: its canonical actors, and the countries whose state or government acts for it."""

    def __init__(self, ids: set[int], info: dict[int, tuple[str, str | None, str | None]]) -> None:
        self.ids = ids
        self.countries: set[str] = set()
        for i in ids:
            kind, country, sector = info.get(i, ("", None, None))
            if country and (kind == "state" or sector in STATE_SECTORS):
                self.countries.add(country)
        self.info = info

    def includes(self, actor_ids: list[int]) -> bool:
        for a in actor_ids:
            if a in self.ids:
                return True
            kind, country, sector = self.info.get(a, ("", None, None))
            if country and country in self.countries and (kind == "state" or sector in STATE_SECTORS):
                return True
        return False


def _tracked_items(views: list[FusedView], rules: Rules) -> list[Tracked]:
    items = []
    for v in views:
        kind = KINDS.get(v.event_type)
        if kind is None or not v.prop_event or v.modality in ("negated", "hypothetical"):
            continue
        bound = set(v.recipients) if kind == "demand" else set(v.actors)
        since = v.day
        until = add_duration(since, v.prop_duration) if since and v.prop_duration else None
        pause = (v.prop_mode in rules.pause_modes) or bool(rules.pause_words.search(fold(v.prop_text or "")))
        domains = domains_of(f"{v.prop_text or ''} {v.text}", rules)
        items.append(Tracked(v, kind, bound, since, until, pause, domains))
    return items


def _relation(item: Tracked, later: FusedView, side: _Side, rules: Rules, later_domains: set[str]) -> str | None:
    """How a later fused event bears on a commitment, or None."""
    v = item.fused
    if later.id == v.id or later.modality != "asserted":
        return None
    if item.since and (later.day is None or later.day < item.since):
        return None
    if not (later.articles - v.articles):
        # only the articles that report the commitment itself tell of this event (the call in which
        # the promise was made): the outcome of a commitment follows from *later* reports
        return None
    in_window = item.until is None or (later.day is not None and later.day <= item.until)
    prop_key = f"{v.prop_event}/{v.prop_mode}" if v.prop_mode else str(v.prop_event)
    forbidden = rules.contradicts.get(prop_key) or rules.contradicts.get(str(v.prop_event)) or (str(v.prop_event),)
    domain_ok = not item.domains or bool(item.domains & later_domains)
    by_bound = bool(item.bound) and side.includes(later.actors)
    if item.kind == "promise":
        if item.pause and in_window:
            if by_bound and later.event_type in forbidden and domain_ok:
                return "violation"
            if (
                later.event_type in rules.accusation_types
                and item.domains
                and side.includes(later.recipients)
                and domain_ok
            ):
                return "violation"
        if not item.pause and by_bound and later.event_type == v.prop_event and in_window:
            return "fulfilment"
        return None
    if item.kind == "demand":
        if not by_bound:
            return None
        if later.event_type == "REJECT" and later.prop_event == v.prop_event:
            return "rejection"
        if item.pause and later.event_type in forbidden and domain_ok:
            return "rejection"
        if not item.pause and later.event_type == v.prop_event and in_window:
            return "fulfilment"
        return None
    # refusal
    if by_bound and (
        later.event_type == v.prop_event or (later.event_type == "AGREE" and later.prop_event == v.prop_event)
    ):
        return "reversal"
    return None


def status_of(item: Tracked, as_of: dt.date) -> str:
    relations = {r for _, r, _ in item.reports}
    if item.kind == "refusal":
        return "reversed" if "reversal" in relations else "in force"
    if item.kind == "promise":
        if "violation" in relations:
            return "reported broken"
        if "fulfilment" in relations:
            return "fulfilled"
    else:
        if "fulfilment" in relations:
            return "fulfilled"
        if "rejection" in relations:
            return "rejected"
    if item.since and as_of < item.since:
        return "pending"
    if item.until is not None:
        return "expired" if as_of > item.until else ("in force" if item.kind == "promise" else "pending")
    return "in force" if (item.kind == "promise" and item.pause) else "pending"


def track_commitments(store: Store, as_of: dt.date | None = None, rules: Rules | None = None) -> dict[str, Any]:
    """Rebuild the commitments and their reports from the fused events."""
    started = time.perf_counter()
    rules = rules or load_rules()
    as_of = as_of or horizon(store)
    views = _load_fused(store)
    info = _actor_info(store)
    items = _tracked_items(views, rules)
    # Index the later events by (who acts, type) and (who is acted upon, type), each sorted by day, so
    # that a commitment looks only at the few event types that bear on it, done by its bound party (or
    # that party's state), from its start day on: the work grows with the reports, not with the store.
    by_actor: dict[tuple[int, str], list[FusedView]] = defaultdict(list)
    by_recipient: dict[tuple[int, str], list[FusedView]] = defaultdict(list)
    for v in views:
        if v.day is None or v.modality != "asserted" or v.day > as_of:
            continue
        for a in v.actors:
            by_actor[(a, v.event_type)].append(v)
        for r in v.recipients:
            by_recipient[(r, v.event_type)].append(v)
    days: dict[tuple[int, str], list[dt.date | None]] = {
        key: [v.day for v in lst] for index in (by_actor, by_recipient) for key, lst in index.items()
    }
    state_level: dict[str, set[int]] = defaultdict(set)
    for actor_id, (kind, country, sector) in info.items():
        if country and (kind == "state" or sector in STATE_SECTORS):
            state_level[country].add(actor_id)
    domain_cache: dict[int, set[str]] = {}

    def later_events(
        index: dict[tuple[int, str], list[FusedView]],
        who: set[int],
        types: set[str],
        start: dt.date | None,
        end: dt.date | None,
    ) -> list[FusedView]:
        found: dict[int, FusedView] = {}
        for a in who:
            for t in types:
                lst = index.get((a, t))
                if not lst:
                    continue
                i = bisect_left(days[(a, t)], start) if start else 0  # type: ignore[type-var]
                while i < len(lst) and (end is None or lst[i].day <= end):  # type: ignore[operator]
                    found[lst[i].id] = lst[i]
                    i += 1
        return sorted(found.values(), key=lambda v: (v.day, v.id))

    for item in items:
        side = _Side(item.bound, info)
        acting = set(side.ids).union(*(state_level[c] for c in side.countries))
        v = item.fused
        prop_key = f"{v.prop_event}/{v.prop_mode}" if v.prop_mode else str(v.prop_event)
        forbidden = set(
            rules.contradicts.get(prop_key) or rules.contradicts.get(str(v.prop_event)) or (str(v.prop_event),)
        )
        # only the event types that can bear on this kind of commitment
        if item.kind == "promise":
            types = forbidden if item.pause else {str(v.prop_event)}
        elif item.kind == "demand":
            types = {"REJECT", str(v.prop_event)} | (forbidden if item.pause else set())
        else:
            types = {"AGREE", str(v.prop_event)}
        end = item.until if (item.kind == "promise" and item.pause) else None
        candidates = later_events(by_actor, acting, types, item.since, end)
        if item.kind == "promise" and item.pause and item.domains:
            candidates += later_events(by_recipient, acting, set(rules.accusation_types), item.since, end)
            candidates.sort(key=lambda e: (e.day, e.id))
        seen_relations: set[str] = set()
        for later in candidates:
            if later.id not in domain_cache:
                domain_cache[later.id] = domains_of(later.text, rules)
            relation = _relation(item, later, side, rules, domain_cache[later.id])
            # every reported violation is kept; fulfilment, rejection and reversal happen once
            if relation and (relation == "violation" or relation not in seen_relations):
                seen_relations.add(relation)
                item.reports.append((later.id, relation, later.day))
                if relation != "violation":
                    break  # the first outcome settles a fulfilment, rejection or reversal
    rows = []
    for item in items:  # a commitment is numbered by its fused event: stable across rebuilds
        n = item.fused.id
        v = item.fused
        rows.append(
            {
                "id": n,
                "fused_id": v.id,
                "kind": item.kind,
                "actor_ids": json.dumps(v.actors),
                "recipient_ids": json.dumps(v.recipients),
                "proposition_event": v.prop_event,
                "proposition_mode": v.prop_mode,
                "proposition_text": v.prop_text,
                "duration": v.prop_duration,
                "since": item.since,
                "until": item.until,
                "domains": json.dumps(sorted(item.domains)),
                "status": status_of(item, as_of),
                "status_as_of": as_of,
            }
        )
    reports = [
        {"commitment_id": item.fused.id, "fused_id": fid, "relation": rel, "reported_on": day}
        for item in items
        for fid, rel, day in item.reports
    ]
    with store.transaction(where="commitments") as conn:
        conn.execute(delete(s.commitment_reports))
        conn.execute(delete(s.commitments))
        if rows:
            conn.execute(insert(s.commitments), rows)
        if reports:
            conn.execute(insert(s.commitment_reports), reports)
        if store.dialect == "postgresql":
            conn.exec_driver_sql(
                "SELECT setval(pg_get_serial_sequence('commitments', 'id'), "
                "GREATEST((SELECT COALESCE(MAX(id), 0) FROM commitments), 1))"
            )
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[str(row["status"])] += 1
    return {
        "commitments": len(rows),
        "commitment_status": dict(counts),
        "as_of": as_of.isoformat(),
        "commitments_seconds": round(time.perf_counter() - started, 3),
    }
