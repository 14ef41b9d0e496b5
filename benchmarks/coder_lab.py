"""A workbench for the learned event coder (issue 13): annotate the corpus once, then rerun only the events
stage under different models and settings, and score end to end as ``kroniek evaluate`` does.

    python benchmarks/coder_lab.py prepare --split dev        # cache the annotated documents (all stages but events)
    python benchmarks/coder_lab.py score --split dev [--model DIR] [--threshold 0.7]
    python benchmarks/coder_lab.py misses --split dev         # categorise the missed gold events
    python benchmarks/coder_lab.py time --split dev --model shipped --model DIR   # events stage CPU ms per article

The cache lives in ``$KRONIEK_LAB_CACHE`` (default /tmp/kroniek-coder-lab). The test split is refused.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from lab_cache import cache_docs, golds_of
from lab_cache import load_docs as cached_docs

from kroniek.assemble import to_chronicle
from kroniek.evaluation.scorer import score_article, sum_tallies
from kroniek.events.learned import load_trigger_model
from kroniek.pipeline.config import load_config

EVENTS = "events.lexicon/v1"
CACHE = Path(os.environ.get("KRONIEK_LAB_CACHE", "/tmp/kroniek-coder-lab"))


def prepare(split: str) -> None:
    """Annotate every document of the split with all stages before the events stage and pickle them."""
    cache_docs(split, CACHE, lambda s: s != EVENTS)


def load_docs(split: str) -> dict[str, Any]:
    return cached_docs(split, CACHE)


def events_stage(**settings: Any) -> Any:
    from kroniek.events.stage import make_events_stage

    base = dict(load_config()["stages"].get(EVENTS, {}))
    base.update(settings)
    return make_events_stage(**base)


def run_events(docs: dict[str, Any], **settings: Any) -> dict[str, Any]:
    """key -> the document after the events stage (copies: the cache stays event-free)."""
    stage = events_stage(**settings)
    out = {}
    for key, doc in docs.items():
        fresh = copy.copy(doc)
        fresh.events = []
        fresh.notes = list(doc.notes)
        fresh.provided = set(doc.provided)
        out[key] = stage(fresh)
    return out


def score(split: str, docs: dict[str, Any] | None = None, **settings: Any) -> dict[str, Any]:
    docs = docs if docs is not None else load_docs(split)
    golds = {g.key: g for g in golds_of(split)}
    done = run_events(docs, **settings)
    scores = [score_article(golds[k], to_chronicle(d)) for k, d in done.items()]
    by_lang: dict[str, Any] = {}
    for lang in sorted({s.language for s in scores}):
        by_lang[lang] = sum_tallies(s.tally for s in scores if s.language == lang).metrics()
    return {"all": sum_tallies(s.tally for s in scores).metrics(), **by_lang}


def show(metrics: dict[str, Any], label: str = "") -> None:
    row = []
    for scope, m in metrics.items():
        row.append(
            f"{scope}: P {m['events.precision'] or 0:.3f} R {m['events.recall'] or 0:.3f} F {m['events.f1'] or 0:.3f}"
        )
    print(label, " | ".join(row), flush=True)


def _lexicon_matches(doc: Any) -> set[int]:
    """Token indices the lexicon matches as triggers, sentence by sentence (before any argument rule)."""
    from kroniek.events.clauses import Clause
    from kroniek.events.lexicon import load_lexicon
    from kroniek.events.triggers import find_triggers

    lexicon = load_lexicon(doc.lang)
    nlp = doc.nlp
    out: set[int] = set()
    if lexicon is None or nlp is None:
        return out
    for n, sentence in enumerate(doc.sentences):
        span = nlp.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for match in find_triggers(nlp, Clause(span.start, span.end, sentence, n), lexicon):
            out |= match.tokens
    return out


def misses(split: str) -> None:
    """Categorise each missed required gold event by what happened to its trigger word."""
    from kroniek.evaluation.scorer import overlap

    docs = load_docs(split)
    golds = {g.key: g for g in golds_of(split)}
    lexicon_only = run_events(docs, event_model="none")
    full = run_events(docs)
    model = load_trigger_model("shipped")
    assert model is not None
    from kroniek.events.learned import model_signals

    lexicon_tokens = {key: _lexicon_matches(doc) for key, doc in docs.items()}
    counts: Counter[str] = Counter()
    for key, doc in full.items():
        gold = golds[key]
        result = score_article(gold, to_chronicle(doc))
        matched = {g for _, g in result.pairs}
        nlp = doc.nlp
        signals = model_signals(model, nlp, doc.lang, lexicon_only[key].events, 0.0)
        starts = {t.idx: t for t in nlp}
        for g in gold.chronicle.events:
            if g.id in matched or gold.extras_of(g.id).optional:
                continue
            triggers = g.trigger if isinstance(g.trigger, list) else [g.trigger]
            span = next((t for t in triggers if t is not None), None)
            if span is None:
                counts["no gold trigger"] += 1
                continue
            tokens = [t for t in nlp if t.idx < span.end and t.idx + len(t.text) > span.start]
            at_trigger = [
                e for e in doc.events if any(overlap((s.start, s.end), (span.start, span.end)) for s in e.trigger)
            ]
            lex = [
                e
                for e in lexicon_only[key].events
                if any(overlap((s.start, s.end), (span.start, span.end)) for s in e.trigger)
            ]
            if at_trigger:
                if any(e.event == g.event or e.event in gold.extras_of(g.id).alternatives for e in at_trigger):
                    counts["trigger found, right type, participants do not match"] += 1
                else:
                    counts["trigger found, wrong type"] += 1
                continue
            best = max(
                (signals.scores.get(t.idx) for t in tokens if t.idx in signals.scores),
                key=lambda s: s.event_probability,
                default=None,
            )
            if lex or any(t.i in lexicon_tokens[key] for t in tokens):
                counts["lexicon matched, event dropped (arguments / confidence / merged)"] += 1
            elif best is not None and best.event_probability >= 0.7 and best.probability >= 0.4:
                counts["model proposed, event dropped (arguments / confidence / merged)"] += 1
            elif best is not None and best.event_probability >= 0.3:
                counts["model below threshold (0.3-0.7 or type prob < 0.4)"] += 1
            else:
                counts["never proposed (model < 0.3, no lexicon entry)"] += 1
            _ = starts
    total = sum(counts.values())
    for what, n in counts.most_common():
        print(f"{n:4d} {n / total:5.1%}  {what}")
    print(f"{total:4d} missed required gold events")


def time_models(split: str, models: list[str], repeat: int = 3) -> None:
    """CPU ms per article of the events stage under each model, the models taking turns ``repeat`` times (the
    fastest round of each is printed): a model's cost compared within one run, on the same machine load."""
    import time

    docs = load_docs(split)
    best: dict[str, float] = {}
    for model in models:
        run_events(docs, event_model=model)  # warm: lexicons, the model's load
    for _ in range(repeat):
        for model in models:
            started = time.process_time()
            run_events(docs, event_model=model)
            ms = (time.process_time() - started) * 1000 / len(docs)
            best[model] = min(best.get(model, ms), ms)
    for model in models:
        print(f"{model}: {best[model]:.2f} CPU ms per article (events stage, {len(docs)} documents)")


def examples(split: str, feature_set: int) -> list[Any]:
    """Training examples of a split from the cache, with the lexicon coder's decisions as at run time."""
    from kroniek.learn.events import examples_from

    docs = load_docs(split)
    golds = {g.key: g for g in golds_of(split)}
    done = run_events(docs, event_model="none")
    return [ex for key, doc in done.items() for ex in examples_from(golds[key], doc, feature_set)]


def train_lab(output: str, feature_set: int, thresholds: list[float], **options: Any) -> None:
    """Train on the cached train split, choose the trigger threshold on dev, score dev end to end."""
    from kroniek.learn.events import DEFAULT_OPTIONS, fit

    settings = {k: v for k, v in DEFAULT_OPTIONS.items() if k != "feature_set"}
    settings.update(options)
    train_set = examples("train", feature_set)
    dev_set = examples("dev", feature_set)
    result = fit(train_set, dev_set, **settings)
    result.model.meta["feature_set"] = feature_set
    result.model.save(output)
    print(f"trained in {result.seconds:.0f} s; dev trigger scores {result.dev_scores}", flush=True)
    load_trigger_model.cache_clear()
    docs = load_docs("dev")
    for threshold in thresholds:
        show(score("dev", docs, event_model=output, model_threshold=threshold), f"{output} t={threshold}")


def stage_settings(items: list[str]) -> dict[str, Any]:
    """The events stage settings given as ``--setting KEY=JSON`` (shared by the labs over this cache)."""
    settings: dict[str, Any] = {}
    for item in items:
        key, _, value = item.partition("=")
        settings[key] = json.loads(value)
    return settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["prepare", "score", "misses", "train", "time"])
    parser.add_argument("--output", default="/tmp/kroniek-coder-lab/model")
    parser.add_argument("--feature-set", type=int, default=2)
    parser.add_argument("--thresholds", default="0.5,0.6,0.7")
    parser.add_argument("--option", action="append", default=[], help="train option KEY=VALUE")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--model", action="append", help="a model folder or shipped (several: time)")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument(
        "--setting", action="append", default=[], help='events stage setting KEY=JSON: model_thresholds={"en": 0.6}'
    )
    args = parser.parse_args()
    if args.action == "prepare":
        prepare(args.split)
    elif args.action == "score":
        settings: dict[str, Any] = {"event_model": (args.model or ["shipped"])[-1]}
        if args.threshold is not None:
            settings["model_threshold"] = args.threshold
        settings.update(stage_settings(args.setting))
        show(score(args.split, **settings), settings["event_model"])
    elif args.action == "train":
        options = {k: float(v) if "." in v else int(v) for k, v in (o.split("=", 1) for o in args.option)}
        thresholds = [float(t) for t in args.thresholds.split(",")]
        train_lab(args.output, args.feature_set, thresholds, **options)
    elif args.action == "time":
        time_models(args.split, args.model or ["shipped"])
    else:
        misses(args.split)


if __name__ == "__main__":
    main()
