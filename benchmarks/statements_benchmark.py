"""Measure the statements stage on the dev gold: recall, precision and speaker accuracy per language.

    PYTHONPATH=src python benchmarks/statements_benchmark.py [--actors gold|stage] [--verbose]

A predicted statement matches a gold one when their text spans overlap (one-to-one, in text order). Speaker
accuracy is over matched pairs. Precision is indicative only: the gold leaves out reported speech whose
content is coded as an event (gold README), which this stage reports.

--actors gold (default) gives the stage the gold actors as mentions (every word-bounded occurrence of each
mention string, as the gold READMEs define mentions), so the numbers measure this stage alone. --actors stage
runs the pipeline's actors stage instead (when it is installed) and compares speakers by name. --actors names
keeps only the gold mentions that are names (no pronouns, no lower-case descriptions): a weaker actors stage.
Results go to benchmarks/results/statements.json, one entry per --actors mode.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Article
from kroniek.document import ActorMention, ActorRecord, ArticleDoc, CharSpan
from kroniek.nlp.stage import NlpStage
from kroniek.statements.stage import StatementsStage

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path("/work/shared")
GOLD_DIR = SHARED / "corpus" / "gold"
SEED = SHARED / "spec" / "examples" / "seed.gold.json"
RESULTS = ROOT / "benchmarks" / "results" / "statements.json"


def find_occurrence(text: str, needle: str, occurrence: int = 1) -> int:
    """Offset of the n-th occurrence, counted as the gold tools do (str.find from pos + 1)."""
    pos = text.find(needle)
    for _ in range(occurrence - 1):
        if pos < 0:
            break
        pos = text.find(needle, pos + 1)
    return pos


def gold_span(text: str, span: dict[str, Any]) -> CharSpan | None:
    if "start" in span and "end" in span:
        return CharSpan(span["start"], span["end"])
    pos = find_occurrence(text, span["text"], span.get("occurrence", 1))
    return CharSpan(pos, pos + len(span["text"])) if pos >= 0 else None


def names_only(mention: str) -> bool:
    """A mention with a capitalised word after its first: a name, not a pronoun or a bare description."""
    return any(w[:1].isupper() for w in mention.split()[1:]) or (
        len(mention.split()) == 1 and mention[:1].isupper() and mention.lower() not in _PRONOUNS
    )


_PRONOUNS = {"ze", "zij", "hij", "he", "she", "they", "il", "elle", "er", "sie", "zijn", "haar"}


def oracle_actors(text: str, actors: list[dict[str, Any]], only_names: bool = False) -> list[ActorRecord]:
    records = [
        ActorRecord(
            key=a["id"],
            name=a["name"],
            kind=a["kind"],
            country=a.get("country"),
            sector=a.get("sector"),
            wikidata=a.get("wikidata"),
        )
        for a in actors
    ]
    spans: list[tuple[int, int, int]] = []
    for index, actor in enumerate(actors):
        for mention in {m["text"] for m in actor.get("mentions", [])}:
            if only_names and not names_only(mention):
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text):
                spans.append((m.start(), m.end(), index))
    spans.sort(key=lambda s: (s[0], -s[1]))
    last_end = -1
    for start, end, index in spans:
        if start < last_end:
            continue  # nested inside a longer mention
        records[index].mentions.append(ActorMention(start, end, index))
        last_end = end
    return records


def load_gold() -> list[dict[str, Any]]:
    files = [SEED, *sorted(GOLD_DIR.glob("*.gold.json"))]
    return [json.loads(f.read_text(encoding="utf-8")) | {"_file": f.name} for f in files]


def same_actor(pred: ActorRecord | None, gold: dict[str, Any] | None) -> bool:
    if pred is None or gold is None:
        return False
    if pred.wikidata and pred.wikidata == gold.get("wikidata"):
        return True
    pn, gn = pred.name.lower(), gold["name"].lower()
    return pn == gn or pn.split()[-1] == gn.split()[-1] and gold["kind"] == "person" == pred.kind


def run(actor_mode: str, verbose: bool) -> dict[str, Any]:
    nlp = NlpStage()
    stage = StatementsStage()
    actor_stage = None
    if actor_mode == "stage":
        from kroniek.pipeline.registry import get_factory

        actor_stage = get_factory("actors.resolve/v1")()
    per_lang: dict[str, dict[str, int]] = {}
    misses: list[str] = []
    seconds = 0.0
    for gold in load_gold():
        art = gold["article"]
        article = Article(
            id=art["id"] if art.get("id") else gold["_file"],
            language=art["language"],
            text=art["text"],
            published=art.get("published"),
        )
        doc = ArticleDoc(article=article)
        doc = nlp(doc)
        if actor_stage is not None:
            doc = actor_stage(doc)
        else:
            doc.actors = oracle_actors(art["text"], gold["actors"], only_names=actor_mode == "names")
        t0 = time.perf_counter()
        doc = stage(doc)
        seconds += time.perf_counter() - t0
        gold_actors = {a["id"]: (i, a) for i, a in enumerate(gold["actors"])}
        stats = per_lang.setdefault(art["language"], {"gold": 0, "predicted": 0, "matched": 0, "speaker_ok": 0})
        preds = sorted(doc.statements, key=lambda s: s.text.start)
        stats["predicted"] += len(preds)
        used: set[int] = set()
        for gs in gold.get("statements", []):
            stats["gold"] += 1
            span = gold_span(art["text"], gs["text"])
            if span is None:
                continue
            match = next((k for k, p in enumerate(preds) if k not in used and p.text.overlaps(span)), None)
            g_index, g_actor = gold_actors.get(gs["speaker"], (None, None))
            if match is None:
                name = g_actor["name"] if g_actor else "?"
                misses.append(f"{gold['_file']} MISS [{name}] {gs['text']['text'][:90]}")
                continue
            used.add(match)
            stats["matched"] += 1
            pred = preds[match]
            if actor_stage is None:
                ok = pred.speaker is not None and pred.speaker == g_index
            else:
                ok = same_actor(doc.actors[pred.speaker] if pred.speaker is not None else None, g_actor)
            stats["speaker_ok"] += ok
            if not ok:
                who = doc.actors[pred.speaker].name if pred.speaker is not None else None
                misses.append(
                    f"{gold['_file']} SPEAKER {who} != {g_actor['name'] if g_actor else '?'}: {gs['text']['text'][:70]}"
                )
        if verbose:
            for k, p in enumerate(preds):
                if k not in used:
                    who = doc.actors[p.speaker].name if p.speaker is not None else None
                    words = art["text"][p.text.start : p.text.end][:90]
                    misses.append(f"{gold['_file']} EXTRA [{who}] {words}")
    results: dict[str, Any] = {"actors": actor_mode, "seconds_in_stage": round(seconds, 3), "languages": {}}
    for lang, s in sorted(per_lang.items()):
        results["languages"][lang] = {
            **s,
            "recall": round(s["matched"] / s["gold"], 3) if s["gold"] else None,
            "precision": round(s["matched"] / s["predicted"], 3) if s["predicted"] else None,
            "speaker_accuracy": round(s["speaker_ok"] / s["matched"], 3) if s["matched"] else None,
        }
    results["misses"] = misses
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", choices=("gold", "names", "stage"), default="gold")
    parser.add_argument("--verbose", action="store_true", help="also list predicted statements without gold")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.actors, args.verbose)
    print(f"actors: {results['actors']}   time in stage: {results['seconds_in_stage']} s")
    print(f"{'lang':5} {'gold':>5} {'pred':>5} {'recall':>7} {'precision':>9} {'speaker':>8}")
    for lang, s in results["languages"].items():
        print(
            f"{lang:5} {s['gold']:5} {s['predicted']:5} {s['recall']!s:>7} {s['precision']!s:>9} "
            f"{s['speaker_accuracy']!s:>8}"
        )
    for line in results["misses"]:
        if args.verbose or "EXTRA" not in line:
            print("  ", line)
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        # one entry per --actors mode, so the stage alone and the stage behind the real actors stage
        # are both on record
        stored = {k: v for k, v in results.items() if k != "misses"}
        stored["misses"] = [m for m in results["misses"] if "EXTRA" not in m]
        previous = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        if "actors" in previous:  # the old one-mode layout
            previous = {}
        previous[args.actors] = stored
        RESULTS.write_text(json.dumps(previous, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
