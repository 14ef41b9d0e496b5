"""Location errors on matched events, by kind (issue 14): where the location field goes wrong.

    python tools/location_errors.py --split dev [--pred DIR] [--save-pred DIR] [--show KIND] [--lang nl]

Scores the corpus split (or the predictions saved in ``--pred``) and sorts every true positive whose
location is filled on either side into:

- ``right``: the scorer counts it right;
- ``no place predicted``: gold names a place, the prediction none; ``... (named in text)`` when the gold
  place's name (or a gazetteer alias of it) occurs in the article text, ``... (in evidence)`` when inside the
  gold evidence;
- ``place given, gold none``;
- ``wrong place``: both filled, different places; ``... same place (scoring)`` when the two names are
  aliases of one gazetteer place (the scorer compares names where gold has no GeoNames id).

``--show KIND`` prints the events of that kind (prefix match) with the evidence and both places.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from kroniek.assemble import to_chronicle
from kroniek.evaluation.gold import gold_files, read_gold
from kroniek.evaluation.run import corpus_gold_dir, default_gold_paths, evaluate, read_prediction
from kroniek.evaluation.scorer import normalize_name
from kroniek.extractor import Extractor
from kroniek.places.gazetteer import load_gazetteer, name_key

SPEECH_ACTS = frozenset({"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"})
RULES: dict[str, str] = {}  # "article:start:end:TYPE" -> the explain line that chose the place
# article id -> the places stage's mentions: [start, end, English name, flags ("metonym", "dateline", "locative")]
PLACES: dict[str, list[list[object]]] = {}


class ExplainingExtractor(Extractor):
    """Keeps which rule chose each event's place (the chronicle does not carry ``explain``)."""

    def _chronicle(self, doc):  # type: ignore[no-untyped-def]
        with self.pipeline.memory_zone(doc.lang, [doc.text]):
            done = self.pipeline(doc)
            PLACES[doc.article.id] = [
                [p.start, p.end, p.name, [f for f in ("metonym", "dateline", "locative") if getattr(p, f)]]
                for p in done.places
            ]
            for ev in done.events:
                key = f"{doc.article.id}:{ev.evidence.start}:{ev.evidence.end}:{ev.event}"
                RULES[key] = str(ev.explain.get("location", ""))
            return to_chronicle(done)


def _aliases(name: str) -> set[int | str]:
    """The gazetteer places a name may be (GeoNames ids, else the English name)."""
    found: set[int | str] = set()
    for place in load_gazetteer().lookup(name_key(name)):
        found.add(place.geonames_id if place.geonames_id is not None else place.name)
    return found


def _names_of(name: str) -> set[str]:
    """Every surface name of the places ``name`` may be (for finding the gold place in the text)."""
    gaz = load_gazetteer()
    targets = {p for p in gaz.lookup(name_key(name))}
    keys = {name_key(name)}
    if targets:
        keys |= {k for k, places in gaz.by_key.items() if targets & set(places)}
    return keys


def categorise(pred: object, gold: object, text: str, gold_ev: object) -> str:
    p = pred.location  # type: ignore[attr-defined]
    kind = _categorise(pred, gold, text, gold_ev)
    if p is not None and kind != "right":
        ev = pred.evidence  # type: ignore[attr-defined]
        inside = f" {name_key(p.name)} " in f" {name_key(text[ev.start : ev.end])} " or any(
            f" {k} " in f" {name_key(text[ev.start : ev.end])} " for k in _names_of(p.name)
        )
        kind += " [ours in evidence]" if inside else " [ours carried]"
    return kind


def _categorise(pred: object, gold: object, text: str, gold_ev: object) -> str:
    p, g = pred.location, gold.location  # type: ignore[attr-defined]
    if p is not None and g is not None:
        if normalize_name(p.name) == normalize_name(g.name):
            return "right"
        if _aliases(p.name) & _aliases(g.name):
            return "wrong place: same place (scoring)"
        return "wrong place"
    if p is not None:
        return "place given, gold none"
    keys = _names_of(g.name)
    low = name_key(text)
    ev = gold_ev.evidence  # type: ignore[attr-defined]
    if any(f" {k} " in f" {name_key(text[ev.start : ev.end])} " for k in keys):
        return "no place predicted (in evidence)"
    if any(f" {k} " in f" {low} " for k in keys):
        return "no place predicted (named in text)"
    return "no place predicted (not in text)"


def why_missed(places: list[list[object]], gold_ev: object) -> str:
    """Why a gold place named in the gold evidence was not given: what the places stage made of it there."""
    ev = gold_ev.evidence  # type: ignore[attr-defined]
    wanted = _aliases(gold_ev.location.name) | {normalize_name(gold_ev.location.name)}  # type: ignore[attr-defined]
    found = [
        flags
        for start, end, name, flags in places
        if ev.start <= int(start)
        and int(end) <= ev.end  # type: ignore[call-overload]
        and (_aliases(str(name)) & wanted or normalize_name(str(name)) in wanted)
    ]
    if not found:
        return ": not found by the places stage"
    flags = found[0]
    if "metonym" in flags:  # type: ignore[operator]
        return ": read as a government (metonym)"
    if "dateline" in flags:  # type: ignore[operator]
        return ": the dateline"
    return ": found, locative" if "locative" in flags else ": found, no locative word"  # type: ignore[operator]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", help="a corpus split; 'gold' for the dev gold set (../shared)")
    ap.add_argument("--pred")
    ap.add_argument("--save-pred")
    ap.add_argument("--show")
    ap.add_argument("--lang")
    ap.add_argument("--config", help="a settings file, as for kroniek evaluate --config")
    args = ap.parse_args(argv)
    if args.split == "test":
        print("the test split is sealed", file=sys.stderr)
        return 2
    extractor = None if args.pred else ExplainingExtractor(config_path=args.config)
    gold_paths = default_gold_paths() if args.split == "gold" else [corpus_gold_dir()]
    split = None if args.split == "gold" else args.split
    report = evaluate(
        gold=gold_paths, split=split, pred=args.pred, save_pred=args.save_pred, lang=args.lang, extractor=extractor
    )
    rules_file = Path(args.pred or args.save_pred or ".") / "location_rules.json"
    if args.pred and rules_file.is_file():
        saved = json.loads(rules_file.read_text())
        RULES.update(saved.get("rules", saved))
        PLACES.update(saved.get("places", {}))
    elif args.save_pred:
        rules_file.write_text(json.dumps({"rules": RULES, "places": PLACES}))
    golds = {g.key: g for g in (read_gold(f) for f in gold_files(gold_paths))}
    counts: collections.Counter[str] = collections.Counter()
    by_lang: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    by_rule: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    shown = []
    for article in report.articles:
        gold = golds[article.key]
        if args.pred:
            chronicle, _ = read_prediction(Path(args.pred), gold)
        else:
            chronicle, _ = read_prediction(Path(args.save_pred), gold) if args.save_pred else (None, None)
        if chronicle is None:
            continue
        preds = {e.id: e for e in chronicle.events}
        gevs = {e.id: e for e in gold.chronicle.events}
        text = gold.chronicle.article.text
        for pid, gid in article.pairs:
            p, g = preds[pid], gevs[gid]
            if p.location is None and g.location is None:
                continue
            kind = categorise(p, g, text, g)
            if kind == "no place predicted (in evidence)" and chronicle.article.id in PLACES:
                kind += why_missed(PLACES[chronicle.article.id], g)
            if p.location is not None:
                rule = RULES.get(f"{chronicle.article.id}:{p.evidence.start}:{p.evidence.end}:{p.event}", "?")
                speech = " (speech act)" if p.event in SPEECH_ACTS else ""
                by_rule[kind.split(" [")[0].split(":")[0]][rule + speech] += 1
            counts[kind] += 1
            by_lang[kind.split(" [")[0]][chronicle.article.language or "?"] += 1
            if args.show and kind.startswith(args.show):
                shown.append(
                    (
                        article.key,
                        g.event,
                        p.location and p.location.name,
                        g.location and g.location.name,
                        g.evidence.text[:220].replace("\n", " "),
                        "PRED: " + p.evidence.text[:300].replace("\n", " "),
                        RULES.get(f"{chronicle.article.id}:{p.evidence.start}:{p.evidence.end}:{p.event}", "?"),
                    )
                )
    total = sum(counts.values())
    print(f"split {args.split}: {total} matched events with a location on either side")
    for kind, n in sorted(counts.items()):
        print(f"  {kind:45} {n:4}  {n / total:.3f}")
    m = report.overall.metrics()
    print(
        f"fields.location {m.get('fields.location')}  fields.date {m.get('fields.date')}  events F1 {m.get('events.f1', m.get('events'))}"
    )
    languages = sorted({lang for langs in by_lang.values() for lang in langs})
    print("  per language: " + "  ".join(f"{lang:>4}" for lang in languages))
    for kind, langs in sorted(by_lang.items()):
        print(f"  {kind:45} " + "  ".join(f"{langs[lang]:4}" for lang in languages))
    for kind, rules in sorted(by_rule.items()):
        print(f"  by rule, {kind}: {dict(rules)}")
    for row in shown:
        print(" | ".join(str(x) for x in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
