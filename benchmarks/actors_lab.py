"""A workbench for actor naming (issues 13 and 14): parse the corpus once, then rerun every stage after the
nlp stage (actors, times, places, quantities, statements, events) and score as ``kroniek evaluate`` does.

    python benchmarks/actors_lab.py prepare --split train      # cache the spaCy parses
    python benchmarks/actors_lab.py score --split train [--save DIR]

Articles are not cut into pieces as ``kroniek evaluate`` cuts long texts, so the numbers can differ from it
slightly; use the lab for the difference a change makes and ``kroniek evaluate`` for the numbers reported.
The cache lives in ``$KRONIEK_LAB_CACHE`` (default /tmp/kroniek-actors-lab). The test split is refused.
"""

from __future__ import annotations

import argparse
import copy
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from kroniek.assemble import to_chronicle
from kroniek.evaluation.gold import GoldChronicle, gold_files, read_gold
from kroniek.evaluation.run import corpus_gold_dir, default_gold_paths
from kroniek.evaluation.scorer import score_article, sum_tallies
from kroniek.pipeline.config import load_config

NLP = "nlp.spacy/v1"
CACHE = Path(os.environ.get("KRONIEK_LAB_CACHE", "/tmp/kroniek-actors-lab"))


def golds_of(split: str) -> list[GoldChronicle]:
    if split == "test":
        sys.exit("the test split is sealed")
    if split == "goldset":  # the old dev gold set that `kroniek evaluate` scores by default
        return [read_gold(p) for p in gold_files(list(default_gold_paths()))]
    golds = [read_gold(p) for p in gold_files([corpus_gold_dir()])]
    return [g for g in golds if g.split == split]


def prepare(split: str) -> None:
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle

    config = load_config()
    config["pipeline"]["stages"] = [NLP]
    extractor = Extractor(config=config)
    CACHE.mkdir(parents=True, exist_ok=True)
    docs = {}
    for gold in golds_of(split):
        article = gold.chronicle.article
        raw = RawArticle(text=article.text, id=gold.key, language=article.language)
        doc = extractor.annotate(raw, published=article.published, lang=article.language)
        doc.article = article
        docs[gold.key] = doc
    with open(CACHE / f"{split}.pkl", "wb") as fh:
        pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{len(docs)} documents cached in {CACHE / f'{split}.pkl'}")


def score(split: str, save: Path | None) -> None:
    from kroniek.pipeline.runner import Pipeline

    with open(CACHE / f"{split}.pkl", "rb") as fh:
        docs: dict[str, Any] = pickle.load(fh)  # noqa: S301 (our own cache)
    stages = [s for s in Pipeline.from_config(load_config()).stages if s.name != NLP]
    golds = {g.key: g for g in golds_of(split)}
    scores = []
    if save:
        save.mkdir(parents=True, exist_ok=True)
    for key, cached in docs.items():
        doc = copy.copy(cached)
        doc.notes, doc.provided = list(cached.notes), set(cached.provided)
        for stage in stages:
            doc = stage(doc)
        chronicle = to_chronicle(doc)
        if save:
            (save / f"{key}.json").write_text(chronicle.model_dump_json(), encoding="utf-8")
        scores.append(score_article(golds[key], chronicle))
    for lang in [None, *sorted({s.language for s in scores})]:
        m = sum_tallies(s.tally for s in scores if lang is None or s.language == lang).metrics()
        print(
            f"{lang or 'all'}: P {m['events.precision'] or 0:.3f} R {m['events.recall'] or 0:.3f} "
            f"F1 {m['events.f1'] or 0:.3f} participants {m['fields.participants'] or 0:.3f} "
            f"direction {m['fields.direction'] or 0:.3f} actors P {m.get('actors.precision') or 0:.3f} "
            f"R {m.get('actors.recall') or 0:.3f} resolution {m.get('actors.resolution') or 0:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("prepare", "score"))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--save", type=Path, default=None, help="write the chronicles here")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.split)
    else:
        score(args.split, args.save)


if __name__ == "__main__":
    main()
