"""Spurious events on a cached parse (issue 13): rerun only the events stage, score it as ``kroniek evaluate``
does, and sort the spurious events into the classes of ``tools/spurious_classes.py`` without writing and
reading a prediction folder.

    python benchmarks/coder_lab.py prepare --split train       # once per split (dev, goldset, train)
    python benchmarks/precision_lab.py --split train [--show CLASS] [--lang en] [--setting KEY=JSON]

The test split is refused (lab_cache.golds_of).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from coder_lab import load_docs, run_events, show, stage_settings
from lab_cache import golds_of

from kroniek.assemble import to_chronicle
from kroniek.evaluation.scorer import score_article, sum_tallies

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from spurious_classes import classified_spurious, first_span, gold_trigger_words, print_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev", "goldset"), required=True)
    parser.add_argument("--show", default=None, help="print each spurious event of this class")
    parser.add_argument("--lang", default=None)
    parser.add_argument("--setting", action="append", default=[], help="events stage setting KEY=JSON")
    args = parser.parse_args()
    settings = stage_settings(args.setting)
    golds = golds_of(args.split)
    known = gold_trigger_words(golds)  # every language of the split, before --lang narrows the documents
    if args.lang:
        golds = [g for g in golds if g.language in args.lang.split(",")]
    keys = {g.key for g in golds}
    done = run_events({k: d for k, d in load_docs(args.split).items() if k in keys}, **settings)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    tallies = []
    by_lang: dict[str, list[Any]] = defaultdict(list)
    for g in golds:
        pred = to_chronicle(done[g.key])
        score = score_article(g, pred)
        tallies.append(score.tally)
        by_lang[g.language].append(score.tally)
        text = g.chronicle.article.text
        for p, kind in classified_spurious(g, pred, score, known):
            counts[g.language][kind] += 1
            if kind == args.show:
                start, end = first_span(p)
                print(f"{g.key} [{g.language}] {p.event} {p.modality} «{text[start:end]}»\n    {p.evidence.text!r}")
    metrics = {"all": sum_tallies(tallies).metrics()}
    metrics.update({lang: sum_tallies(t).metrics() for lang, t in sorted(by_lang.items())})
    show(metrics, args.split)
    total = metrics["all"]
    print(
        f"events P {total['events.precision'] or 0:.4f} R {total['events.recall'] or 0:.4f} F {total['events.f1'] or 0:.4f}"
    )
    print_table(counts)


if __name__ == "__main__":
    main()
