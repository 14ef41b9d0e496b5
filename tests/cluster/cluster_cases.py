"""Articles written for the distributed tests, and a snapshot of a store that two runs can be compared by.

The articles are short news sentences in English and Dutch: several report the same prisoner exchange (so
fusion has multi-source events to build), two exchanges lie months apart (so the fusion job cuts one
event type at the gap), a refusal is negated, one text arrives twice, one URL arrives in two versions,
and two lines cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kroniek.store import schema as s
from kroniek.store.db import Store

ARTICLES: list[dict[str, Any]] = [
    {"id": "swap-kyiv", "url": "https://kyiv.example/swap", "source": "Kyiv Example", "published": "2025-03-19",
     "language": "en", "text": "Ukraine and Russia swapped 175 soldiers on Wednesday, officials in Kyiv said."},
    {"id": "swap-moscow", "url": "https://moscow.example/swap", "source": "Moscow Example", "published": "2025-03-19",
     "language": "en", "text": "Russia and Ukraine swapped 175 prisoners of war on Wednesday, the defence ministry in Moscow said."},
    {"id": "swap-late", "url": "https://wire.example/swap", "source": "Wire Example", "published": "2025-03-20",
     "language": "en", "text": "Ukraine and Russia swapped 180 soldiers on Wednesday, officials said."},
    # no date in the text: its reference day is the publication day, a day after the others
    {"id": "swap-undated", "url": "https://lviv.example/swap", "source": "Lviv Example", "published": "2025-03-20",
     "language": "en", "text": "Ukraine and Russia swapped 175 soldiers, officials in Lviv said."},
    {"id": "pledge-en", "url": "https://wire.example/pledge", "source": "Wire Example", "published": "2025-03-21",
     "language": "en", "text": "Berlin pledged on Friday to deliver additional air defence systems to Kyiv."},
    {"id": "pledge-nl", "url": "https://utrecht.example/belofte", "source": "Utrechts Voorbeeld", "published": "2025-03-21",
     "language": "nl", "text": "Duitsland heeft vrijdag beloofd extra luchtafweersystemen aan Oekraïne te leveren."},
    {"id": "demand-nl", "url": "https://den-haag.example/eis", "source": "Haags Voorbeeld", "published": "2025-05-12",
     "language": "nl", "text": "De Verenigde Staten eisten dat Iran stopt met het verrijken van uranium."},
    {"id": "strike-en", "url": "https://wire.example/strike", "source": "Wire Example", "published": "2025-05-11",
     "language": "en", "text": "Israel launched air strikes on Gaza on Sunday, killing twelve people."},
    {"id": "strike-nl", "url": "https://utrecht.example/aanvallen", "source": "Utrechts Voorbeeld", "published": "2025-05-11",
     "language": "nl", "text": "Israël voerde zondag luchtaanvallen uit op Gaza en doodde twaalf mensen."},
    {"id": "swap-june", "url": "https://wire.example/swap-june", "source": "Wire Example", "published": "2025-06-20",
     "language": "en", "text": "Russia and Ukraine swapped 300 soldiers on Friday."},
    # the same URL again with a changed text: a new version that supersedes the one before
    {"id": "swap-june", "url": "https://wire.example/swap-june", "source": "Wire Example", "published": "2025-06-20",
     "language": "en", "text": "Russia and Ukraine swapped 300 soldiers on Friday, both sides said."},
    {"id": "swap-june-kyiv", "url": "https://kyiv.example/swap-june", "source": "Kyiv Example", "published": "2025-06-21",
     "language": "en", "text": "Ukraine and Russia swapped 300 prisoners on Friday, Kyiv said."},
    {"id": "poland-no", "url": "https://warsaw.example/no", "source": "Warsaw Example", "published": "2025-06-21",
     "language": "en", "text": "Poland did not sign the agreement with Belarus on Saturday."},
    # a syndicated copy: the same text under another URL is stored once
    {"id": "swap-kyiv-copy", "url": "https://copy.example/swap", "source": "Copy Example", "published": "2025-03-19",
     "language": "en", "text": "Ukraine and Russia swapped 175 soldiers on Wednesday, officials in Kyiv said."},
    {"id": "empty", "url": "https://wire.example/empty", "published": "2025-06-22", "language": "en", "text": "  "},
]  # fmt: skip

LANGUAGES = ["en", "nl"]  # two languages keep the workers' start short


def write_jsonl(path: Path, records: list[dict[str, Any]], bad_line_after: int | None = 5) -> Path:
    """The records as JSONL, with a blank line and (after ``bad_line_after`` records) a line that is not JSON."""
    lines = []
    for n, record in enumerate(records):
        lines.append(json.dumps(record, ensure_ascii=False))
        if n == bad_line_after:
            lines.extend(["", "{not json"])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def swap_articles(count: int) -> list[dict[str, Any]]:
    """``count`` distinct reports of prisoner exchanges (written for the tests), one per day."""
    return [
        {
            "id": f"swap-{n}",
            "url": f"https://wire.example/swaps/{n}",
            "source": "Wire Example",
            "published": f"2025-04-{1 + n % 28:02d}",
            "language": "en",
            "text": f"Ukraine and Russia swapped {100 + n} soldiers on Wednesday, officials in Kyiv said.",
        }
        for n in range(count)
    ]


def snapshot(store: Store) -> dict[str, Any]:
    """The store's content with every database id replaced by what it stands for (text hash, actor
    identity, mentions of a fused event), so two stores filled in another order compare equal."""
    a, e, ea, ac, f = s.articles, s.events, s.event_actors, s.actors, s.fused_events
    with store.connect() as conn:
        articles = {r.id: r for r in conn.execute(select(a))}
        actor_ids = {r.id: r.identity for r in conn.execute(select(ac))}
        events = {r.id: r for r in conn.execute(select(e))}
        bodies = {r.article_id: json.loads(r.body) for r in conn.execute(select(s.chronicles))}
        links = sorted(
            (
                articles[events[r.event_id].article_id].text_hash,
                events[r.event_id].local_id,
                actor_ids[r.actor_id],
                r.role,
            )
            for r in conn.execute(select(ea))
        )
        fused = list(conn.execute(select(f)))
        failures = sorted((r.location, r.code) for r in conn.execute(select(s.ingest_failures)))
        commitments = sorted(
            (r.kind, r.status, r.proposition_event, r.since, r.until) for r in conn.execute(select(s.commitments))
        )
        actors = sorted((r.identity, r.name, r.kind, r.country, r.sector, r.wikidata) for r in conn.execute(select(ac)))

    def mention(event_id: int) -> tuple[str, str]:
        return articles[events[event_id].article_id].text_hash, events[event_id].local_id

    members: dict[int, list[tuple[str, str]]] = {}
    for ev in events.values():
        if ev.fused_id is not None:
            members.setdefault(ev.fused_id, []).append(mention(ev.id))
    skip_event = {"id", "article_id", "source_actor_id", "fused_id"}
    skip_fused = {"id", "representative_id", "actor_ids", "recipient_ids", "disagreements"}
    return {
        "articles": sorted(
            (
                r.text_hash,
                r.article_key,
                r.url,
                r.source,
                r.published,
                r.language,
                r.version,
                r.extractor,
                articles[r.superseded_by].text_hash if r.superseded_by else None,
            )
            for r in articles.values()
        ),
        "chronicles": sorted((articles[i].text_hash, json.dumps(body, sort_keys=True)) for i, body in bodies.items()),
        "events": sorted(
            (
                mention(ev.id),
                tuple(sorted((k, str(v)) for k, v in ev._mapping.items() if k not in skip_event)),
                actor_ids.get(ev.source_actor_id),
            )
            for ev in events.values()
        ),
        "event_actors": links,
        "actors": actors,
        "fused": sorted(
            (
                tuple(sorted(members.get(r.id, []))),
                mention(r.representative_id),
                tuple(sorted(actor_ids[i] for i in json.loads(r.actor_ids))),
                tuple(sorted(actor_ids[i] for i in json.loads(r.recipient_ids))),
                tuple(sorted((k, str(v)) for k, v in r._mapping.items() if k not in skip_fused)),
                len(json.loads(r.disagreements)),
            )
            for r in fused
        ),
        "failures": failures,
        "commitments": commitments,
    }


def fused_rows(store: Store) -> tuple[list[tuple[Any, ...]], list[tuple[int, int | None]]]:
    """The fused layer exactly as stored (ids included) and every event's fused id."""
    with store.connect() as conn:
        rows = [tuple(r) for r in conn.execute(select(s.fused_events).order_by(s.fused_events.c.id))]
        links = [tuple(r) for r in conn.execute(select(s.events.c.id, s.events.c.fused_id).order_by(s.events.c.id))]
    return rows, links  # type: ignore[return-value]
