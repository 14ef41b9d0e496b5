"""Store benchmark: storage speed, fusion time and query latency on synthetic chronicles.

    PYTHONPATH=src python benchmarks/store_benchmark.py [--articles 10000] [--events 10] [--db URL]

Synthetic chronicles (generated here, no article text from anywhere) model a news stream: a pool of
real-world events among ~200 actors over one year, each reported by one to four articles from
different outlets, with some reports giving a different date or number. Measured:
  ingest_per_s      chronicles stored per second into a fresh store (storage only: --chronicles path)
  fusion_s          rebuilding fused events and commitments over all articles
  query_ms          a filtered query (actor + type + since) over all event mentions, median of 20
Targets (docs/store.md): ingest >= 500/s into SQLite, fusion of 10,000 articles <= 60 s, query <= 100 ms
on 100,000 events. Results go to benchmarks/results/store.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from kroniek.store.db import open_store
from kroniek.store.fusion import fuse
from kroniek.store.ingest import ingest_chronicle_items, read_chronicle_lines
from kroniek.store.query import query_events, query_fused

RESULTS = Path(__file__).with_name("results") / "store.json"
TYPES = ["CONSULT", "AGREE", "REQUEST", "ACCUSE", "ASSAULT", "AID", "SUPPORT", "REJECT", "THREATEN", "COOPERATE"]
COUNTRIES = ["RUS", "UKR", "USA", "DEU", "FRA", "NLD", "GBR", "TUR", "CHN", "POL", "ISR", "IRN", "SAU", "EGY"]
OUTLETS = [f"Outlet {n}" for n in range(40)]
START = dt.date(2025, 1, 1)


def make_actors(rng: random.Random) -> list[dict[str, Any]]:
    actors = []
    for code in COUNTRIES:
        actors.append({"name": f"State {code}", "kind": "state", "country": code, "sector": "GOV", "wikidata": None})
    for n in range(200 - len(COUNTRIES)):
        code = rng.choice(COUNTRIES)
        actors.append(
            {
                "name": f"Person {n} Surname{n}",
                "kind": "person",
                "country": code,
                "sector": rng.choice(["GOV", "MIL", "OPP"]),
                "wikidata": f"Q{900000 + n}",
            }
        )
    actors[len(COUNTRIES)]["name"] = "Vladimir Putin"  # one well-known name to query for
    actors[len(COUNTRIES)]["wikidata"] = "Q7747"
    return actors


def make_world(rng: random.Random, n_events: int, n_actors: int) -> list[dict[str, Any]]:
    world = []
    for _ in range(n_events):
        a, b = rng.sample(range(n_actors), 2)
        kind = rng.choice(TYPES)
        world.append(
            {
                "type": kind,
                "actor": a,
                "recipient": b,
                "day": START + dt.timedelta(days=rng.randrange(365)),
                "count": rng.choice([None, None, 10, 25, 175]),
                "prop": rng.choice(["RETREAT", "CONSULT", "AID"]) if kind in ("AGREE", "REQUEST", "REJECT") else None,
            }
        )
    return world


def make_chronicle(n: int, picks: list[dict[str, Any]], actors: list[dict[str, Any]], rng: random.Random) -> str:
    """One synthetic article's chronicle as JSON (built as a dict: validated when it is ingested)."""
    text_parts: list[str] = [f"Report {n}."]
    pos = len(text_parts[0]) + 1
    local: dict[int, str] = {}
    mentions: dict[int, list[dict[str, Any]]] = {}
    events = []
    published = max(p["day"] for p in picks) + dt.timedelta(days=1)
    for k, ev in enumerate(picks, start=1):
        day = ev["day"] + dt.timedelta(days=1 if rng.random() < 0.05 else 0)  # some sources disagree
        a_name, b_name = actors[ev["actor"]]["name"], actors[ev["recipient"]]["name"]
        date_text = day.isoformat()
        sentence = f"{a_name} {ev['type'].lower()} {b_name} on {date_text}"
        quantities = []
        if ev["count"]:
            value = ev["count"] + (1 if rng.random() < 0.05 else 0)
            sentence += f" involving {value} people"
        sentence += "."
        start = pos
        for idx, name in ((ev["actor"], a_name), (ev["recipient"], b_name)):
            at = start + sentence.index(name)
            local.setdefault(idx, f"a{len(local) + 1}")
            mentions.setdefault(idx, []).append({"text": name, "start": at, "end": at + len(name)})
        if ev["count"]:
            q_text = f"{value} people"
            q_at = start + sentence.index(q_text)
            quantities.append(
                {"value": value, "what": "people", "text": q_text, "start": q_at, "end": q_at + len(q_text)}
            )
        d_at = start + sentence.index(date_text)
        events.append(
            {
                "id": f"e{k}",
                "event": ev["type"],
                "actor": [local[ev["actor"]]],
                "recipient": [local[ev["recipient"]]],
                "modality": "asserted",
                "proposition": {"event": ev["prop"], "text": f"synthetic {ev['prop'].lower()}"} if ev["prop"] else None,
                "date": {
                    "value": date_text,
                    "precision": "day",
                    "text": date_text,
                    "start": d_at,
                    "end": d_at + len(date_text),
                },
                "quantities": quantities,
                "evidence": {"text": sentence, "start": start, "end": start + len(sentence)},
            }
        )
        text_parts.append(sentence)
        pos += len(sentence) + 1
    chronicle = {
        "format": "chronicle/1",
        "article": {
            "id": f"syn{n}",
            "url": f"https://synthetic.example/{n}",
            "source": rng.choice(OUTLETS),
            "title": None,
            "published": published.isoformat(),
            "language": rng.choice(["en", "nl", "de", "fr"]),
            "text": " ".join(text_parts),
        },
        "actors": [{"id": local[idx], **actors[idx], "mentions": mentions[idx]} for idx in local],
        "events": events,
        "statements": [],
        "timexes": [],
    }
    return json.dumps(chronicle)


def synthetic_stream(n_articles: int, per_article: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    actors = make_actors(rng)
    world = make_world(rng, n_articles * per_article // 2, len(actors))  # about two reports per event
    world.sort(key=lambda e: e["day"])
    out = []
    for n in range(n_articles):
        centre = rng.randrange(len(world))
        lo, hi = max(0, centre - 200), min(len(world), centre + 200)
        picks = [world[i] for i in rng.sample(range(lo, hi), per_article)]
        out.append(make_chronicle(n, picks, actors, rng))
    return out


def items(lines: list[str]) -> Any:
    """The lines as `kroniek ingest --chronicles` reads them (validated, raw JSON kept)."""
    return read_chronicle_lines(lines, "synthetic")


def run(n_articles: int, per_article: int, db: str | None) -> dict[str, Any]:
    started = time.perf_counter()
    lines = synthetic_stream(n_articles, per_article)
    generated = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        url = db or str(Path(tmp) / "bench.db")
        with open_store(url) as store:
            t0, c0 = time.perf_counter(), time.process_time()
            report = ingest_chronicle_items(store, items(lines))
            ingest_s, ingest_cpu = time.perf_counter() - t0, time.process_time() - c0
            per_article = lines[:300]
            t2, c2 = time.perf_counter(), time.process_time()
            with open_store(str(Path(tmp) / "single.db")) as single:
                one = ingest_chronicle_items(single, items(per_article), batch_size=1)
            single_s, single_cpu = time.perf_counter() - t2, time.process_time() - c2
            rerun_t0 = time.perf_counter()
            rerun = ingest_chronicle_items(store, items(lines[:1000]))
            rerun_s = time.perf_counter() - rerun_t0
            t1, c1 = time.perf_counter(), time.process_time()
            fusion = fuse(store)
            fusion_s, fusion_cpu = time.perf_counter() - t1, time.process_time() - c1
            timings = []
            for _ in range(20):
                q0 = time.perf_counter()
                rows = query_events(store, actor="Putin", type="AGREE", since="2025-06-01", limit=100)
                timings.append((time.perf_counter() - q0) * 1000)
            wide = []
            for _ in range(5):
                q0 = time.perf_counter()
                query_events(store, type="ASSAULT", since="2025-11-01", limit=100)
                wide.append((time.perf_counter() - q0) * 1000)
            fused_t = []
            for _ in range(5):
                q0 = time.perf_counter()
                query_fused(store, actor="Putin", since="2025-06-01", limit=100)
                fused_t.append((time.perf_counter() - q0) * 1000)
    return {
        "machine": f"{platform.machine()} {platform.python_implementation()} {platform.python_version()}",
        "store": "sqlite (file)" if db is None else db.split("://")[0],
        "articles": n_articles,
        "events": report.events,
        "generation_s": round(generated, 2),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "ingest_s": round(ingest_s, 2),
        "ingest_per_s": round(report.stored / ingest_s, 1),
        "ingest_cpu_s": round(ingest_cpu, 2),
        "ingest_per_cpu_s": round(report.stored / ingest_cpu, 1),
        "ingest_batch_size": 100,
        "ingest_per_article_commit_sqlite_per_s": round(one.stored / single_s, 1),
        "ingest_per_article_commit_sqlite_per_cpu_s": round(one.stored / single_cpu, 1),
        "rerun_duplicates_per_s": round(rerun.duplicates / rerun_s, 1),
        "fusion_s": round(fusion_s, 2),
        "fusion_cpu_s": round(fusion_cpu, 2),
        "fusion_clustering_s": fusion["fusion_seconds"],
        "commitments_s": fusion.get("commitments_seconds"),
        "fused_events": fusion["fused_events"],
        "multi_source": fusion["multi_source"],
        "with_disagreement": fusion["with_disagreement"],
        "commitments": fusion.get("commitments"),
        "query_ms_median": round(statistics.median(timings), 2),
        "query_ms_max": round(max(timings), 2),
        "query_rows": len(rows),
        "query_type_since_ms_median": round(statistics.median(wide), 2),
        "query_fused_ms_median": round(statistics.median(fused_t), 2),
        "note": "wall-clock rates depend on the machine's load (load_average_1min over cpus); the *_cpu_s "
        "figures count this process's CPU time only",
        "targets": {
            "ingest_per_s": ">= 500",
            "fusion_s": "<= 60 (10,000 articles)",
            "query_ms_median": "<= 100 (100,000 events)",
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10, help="events per article")
    parser.add_argument("--db", default=None, help="store URL (default: a fresh SQLite file)")
    parser.add_argument("--no-save", action="store_true", help="print only; do not write results/store.json")
    args = parser.parse_args()
    result = run(args.articles, args.events, args.db)
    print(json.dumps(result, indent=1))
    if not args.no_save:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
