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
from pathlib import Path

from lab_cache import cache_docs, golds_of, load_docs

from kroniek.assemble import to_chronicle
from kroniek.evaluation.scorer import score_article, sum_tallies
from kroniek.pipeline.config import load_config

NLP = "nlp.spacy/v1"
CACHE = Path(os.environ.get("KRONIEK_LAB_CACHE", "/tmp/kroniek-actors-lab"))


def prepare(split: str) -> None:
    cache_docs(split, CACHE, lambda s: s == NLP)


def score(split: str, save: Path | None) -> None:
    from kroniek.pipeline.runner import Pipeline

    docs = load_docs(split, CACHE)
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
