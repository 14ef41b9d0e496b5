"""Categorise source and modality errors on matched events (issue 14).

    python tools/field_errors.py PRED_DIR --split dev [--show source|modality] [--lang nl]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. Every
scored pair (prediction matched to a required gold event) is put in one source category:

- ``right``: both name the same actor (under the scorer's actor match);
- ``missing``: gold names a source, the prediction none;
- ``wrong``: both name one, different actors;
- ``spurious``: the prediction names one, gold none;
- ``gold is actor``: gold's source is one of the gold event's own actors (docs/annotation.md: "nach
  eigenen Angaben"), counted apart from the categories above as a sub-count.

and modality errors as a confusion of (predicted -> gold). ``--show`` prints each error with its evidence.
Never run it on the sealed test split.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from kroniek.evaluation.gold import gold_files, read_gold
from kroniek.evaluation.run import corpus_gold_dir, default_gold_paths, read_prediction
from kroniek.evaluation.scorer import ActorMatcher, gold_as_read, score_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), default=None, help="corpus split (default: dev gold set)")
    parser.add_argument("--show", choices=("source", "modality", "source-all"), default=None)
    parser.add_argument("--lang", default=None)
    parser.add_argument("--explain", action="store_true", help="run kroniek again on each shown error's article")
    args = parser.parse_args()
    paths = [corpus_gold_dir()] if args.split else list(default_gold_paths())
    golds = [read_gold(f) for f in gold_files(paths)]
    if args.split:
        golds = [g for g in golds if g.split == args.split]
    if args.lang:
        golds = [g for g in golds if g.language in args.lang.split(",")]
    extractor = None
    if args.explain:
        from kroniek.extractor import Extractor

        extractor = Extractor()
    source: Counter[str] = Counter()
    modality: Counter[str] = Counter()
    for g in golds:
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        score = score_article(g, pred)
        matcher = ActorMatcher(g.chronicle, pred)
        by_pred = {e.id: e for e in pred.events}
        by_gold = {e.id: e for e in g.chronicle.events}
        text = g.chronicle.article.text
        rules: dict[tuple[int, int], dict[str, object]] | None = None
        pred_names = {a.id: a.name for a in pred.actors}
        gold_names = {a.id: a.name for a in g.chronicle.actors}
        for pid, gid in score.pairs:
            p, gold = by_pred[pid], gold_as_read(by_pred[pid], by_gold[gid])
            cat = _source_category(p.source, gold.source, matcher)
            if cat:
                source[cat] += 1
                if gold.source is not None and gold.source in gold.actor:
                    source[f"{cat} (gold is actor)"] += 1
            if p.modality != gold.modality:
                modality[f"{p.modality} -> {gold.modality}"] += 1
            else:
                modality["right"] += 1
            wrong_source = cat not in ("", "right")
            if (
                (args.show == "source" and wrong_source)
                or (args.show == "source-all" and cat)
                or (args.show == "modality" and p.modality != gold.modality)
            ):
                ev = gold.evidence
                print(
                    f"{g.key} [{g.language}] {gold.event} source pred={pred_names.get(p.source or '')} "
                    f"gold={gold_names.get(gold.source or '')} ({cat}); modality {p.modality} -> {gold.modality}; "
                    f"actors {[gold_names.get(a) for a in gold.actor]} pred {[pred_names.get(a) for a in p.actor]}\n    {text[ev.start : ev.end]!r}"
                )
                if extractor is not None:
                    if rules is None:
                        rules = _rules(extractor, g)
                    why = rules.get((p.evidence.start, p.evidence.end), {})
                    print(f"    why: source={why.get('source')!r} modality={why.get('modality')!r}")
    print("source:", dict(sorted(source.items())))
    print("modality:", dict(sorted(modality.items())))


def _rules(extractor: Any, gold: Any) -> dict[tuple[int, int], dict[str, object]]:
    """The events stage's explain record of each predicted event, by its evidence span."""
    from kroniek.ingest.sources import RawArticle

    article = gold.chronicle.article
    raw = RawArticle(text=article.text, id=article.id, language=article.language)
    doc = extractor.annotate(raw, published=article.published, lang=article.language)
    return {(e.evidence.start, e.evidence.end): dict(e.explain) for e in doc.events}


def _source_category(pred: str | None, gold: str | None, matcher: ActorMatcher) -> str:
    if pred is None and gold is None:
        return ""
    if pred is None:
        return "missing"
    if gold is None:
        return "spurious"
    return "right" if matcher(pred, gold) else "wrong"


if __name__ == "__main__":
    main()
