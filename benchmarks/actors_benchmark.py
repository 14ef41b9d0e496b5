"""Actor resolution benchmark on the dev gold set.

For every mention of every gold actor, does kroniek's actor stage put a mention over that span, and is its
actor the same (same Wikidata id, same canonical name, the same surname for persons, or the same country for
states: the scorer's rule), and does it have the same country and sector? Also measures knowledge-base load
time, alias lookup speed and stage time per article. Writes benchmarks/results/actors.json.

    PYTHONPATH=src python benchmarks/actors_benchmark.py [--gold ../shared/corpus/gold]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent.parent / "shared" / "corpus" / "gold"


def gold_offsets(text: str, mention: dict[str, Any]) -> tuple[int, int] | None:
    if "start" in mention and "end" in mention:
        return int(mention["start"]), int(mention["end"])
    needle = mention["text"]
    pos = -1
    for _ in range(int(mention.get("occurrence", 1))):
        pos = text.find(needle, pos + 1)
        if pos == -1:
            return None
    return pos, pos + len(needle)


def same_actor(pred: Any, gold: dict[str, Any]) -> bool:
    if pred.wikidata and gold.get("wikidata") and pred.wikidata == gold["wikidata"]:
        return True
    if pred.name.casefold() == gold["name"].casefold():
        return True
    if gold["kind"] == "person" and pred.kind == "person":
        if pred.name.split()[-1].casefold() == gold["name"].split()[-1].casefold():
            return True
    return gold["kind"] == "state" and pred.kind == "state" and pred.country == gold.get("country")


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "actors.json")
    parser.add_argument("--verbose", action="store_true", help="print every missed or wrong mention")
    args = parser.parse_args(argv)

    from kroniek.actors.kb import ActorKB
    from kroniek.actors.stage import ActorStage, actor_at
    from kroniek.chronicle.models import Article
    from kroniek.document import ArticleDoc

    t0 = time.perf_counter()
    kb = ActorKB.load()
    load_s = time.perf_counter() - t0
    stage = ActorStage()
    stage._kb = kb

    nlp_stage = None
    try:
        from kroniek.nlp.stage import make_nlp_stage

        nlp_stage = make_nlp_stage()
    except Exception as exc:  # the benchmark still runs on the resolver's own sentence splitter
        print(f"(no nlp stage: {exc})", file=sys.stderr)

    totals: Counter[str] = Counter()
    per_lang: dict[str, Counter[str]] = {}
    per_kind: dict[str, Counter[str]] = {}
    stage_times = []
    misses: list[str] = []
    for path in sorted(args.gold.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        art = gold["article"]
        text, lang = art["text"], art["language"]
        doc = ArticleDoc(
            Article(id=art.get("id", path.stem), language=lang, text=text),
            published=parse_date(art.get("published")),
        )
        if nlp_stage is not None:
            doc = nlp_stage(doc)
        t = time.perf_counter()
        stage(doc)
        stage_times.append(time.perf_counter() - t)
        counts = per_lang.setdefault(lang, Counter())
        # Precision side: predicted mentions on a gold mention, predicted actors that are gold actors.
        gold_spans = [span for a in gold["actors"] for m in a.get("mentions", []) if (span := gold_offsets(text, m))]
        for record in doc.actors:
            totals["pred_actors"] += 1
            if any(same_actor(record, g) for g in gold["actors"]):
                totals["pred_actors_in_gold"] += 1
            for m in record.mentions:
                totals["pred_mentions"] += 1
                if any(m.start < e and s < m.end for s, e in gold_spans):
                    totals["pred_mentions_on_gold"] += 1
        for actor in gold["actors"]:
            kind_counts = per_kind.setdefault(actor["kind"], Counter())
            actor_hit = False
            for mention in actor.get("mentions", []):
                span = gold_offsets(text, mention)
                if span is None:
                    continue
                hit = actor_at(doc, *span)
                row = {"mentions": 1}
                if hit is not None:
                    row["found"] = 1
                    record = hit[1]
                    if same_actor(record, actor):
                        row["same_actor"] = 1
                        actor_hit = True
                    if record.country == actor.get("country") and record.sector == actor.get("sector"):
                        row["same_country_sector"] = 1
                for c in (totals, counts, kind_counts):
                    c.update(row)
                if "same_actor" not in row:
                    got = f"{hit[1].name} [{text[hit[0].start : hit[0].end]}]" if hit else "-"
                    misses.append(f"{path.stem[:3]} {actor['name']!r:40} {text[span[0] : span[1]]!r:40} -> {got}")
            for c in (totals, counts, kind_counts):
                c.update({"actors": 1, "actors_found": int(actor_hit)})

    # Lookup speed: alias lookups and office lookups.
    keys = random.Random(0).sample(sorted(kb.aliases), 20000)
    t = time.perf_counter()
    for key in keys:
        kb.candidates(key)
    lookup_us = (time.perf_counter() - t) / len(keys) * 1e6
    t = time.perf_counter()
    for _ in range(10000):
        kb.holder("PRES", "RUS", dt.date(2009, 1, 1))
    holder_us = (time.perf_counter() - t) / 10000 * 1e6
    t = time.perf_counter()
    for query in ("Poetin", "de Russische president", "Selenskyj", "NAVO", "le président russe"):
        kb.search(query, date=dt.date(2009, 1, 1))
    search_ms = (time.perf_counter() - t) / 5 * 1e3

    def rates(c: Counter[str]) -> dict[str, Any]:
        n = c["mentions"] or 1
        return {
            "gold_mentions": c["mentions"],
            "mention_found": round(c["found"] / n, 3),
            "same_actor": round(c["same_actor"] / n, 3),
            "same_country_sector": round(c["same_country_sector"] / n, 3),
            "gold_actors": c["actors"],
            "actors_resolved": round(c["actors_found"] / (c["actors"] or 1), 3),
        }

    result = {
        "benchmark": "actors",
        "gold": str(args.gold),
        "articles": len(stage_times),
        "overall": rates(totals),
        "precision": {
            "predicted_mentions": totals["pred_mentions"],
            "mentions_on_a_gold_mention": round(totals["pred_mentions_on_gold"] / (totals["pred_mentions"] or 1), 3),
            "predicted_actors": totals["pred_actors"],
            "actors_that_are_gold_actors": round(totals["pred_actors_in_gold"] / (totals["pred_actors"] or 1), 3),
        },
        "by_language": {lang: rates(c) for lang, c in sorted(per_lang.items())},
        "by_kind": {kind: rates(c) for kind, c in sorted(per_kind.items())},
        "kb": {
            "actors": len(kb.actors),
            "aliases": sum(len(v) for v in kb.aliases.values()),
            "distinct_alias_keys": len(kb.aliases),
            "load_seconds": round(load_s, 3),
        },
        "speed": {
            "alias_lookup_microseconds": round(lookup_us, 3),
            "office_lookup_microseconds": round(holder_us, 3),
            "search_milliseconds": round(search_ms, 3),
            "stage_milliseconds_per_article": round(statistics.mean(stage_times) * 1e3, 2),
        },
        "nlp": "with nlp stage" if nlp_stage is not None else "resolver sentences only",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    if args.verbose:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
