"""tools/unmatched_classes.py over the cached parse: rerun only the events stage and class the gold events
that have a prediction in their evidence but no match (issue 13, round 8).

    python benchmarks/coder_lab.py prepare --split train
    python benchmarks/unmatched_lab.py --split train [--show CLASS] [--lang en] [--setting KEY=JSON]

Prints the events scores (as coder_lab.py) and the table of classes. The test split is refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from coder_lab import load_docs, run_events, show, stage_settings
from lab_cache import golds_of

from kroniek.assemble import to_chronicle
from kroniek.evaluation.scorer import score_article, sum_tallies

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from unmatched_classes import CLASSES, Tables  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev", "goldset"), required=True)
    parser.add_argument("--show", choices=CLASSES, default=None, help="print each miss of this class")
    parser.add_argument("--lang", default=None)
    parser.add_argument("--setting", action="append", default=[], help="events stage setting KEY=JSON")
    args = parser.parse_args()
    settings = stage_settings(args.setting)
    golds = golds_of(args.split)
    if args.lang:
        golds = [g for g in golds if g.language in args.lang.split(",")]
    keys = {g.key for g in golds}
    done = run_events({k: d for k, d in load_docs(args.split).items() if k in keys}, **settings)
    tables = Tables(args.show)
    by_lang: dict[str, list[Any]] = defaultdict(list)
    for g in golds:
        pred = to_chronicle(done[g.key])
        score = score_article(g, pred)
        by_lang[g.language].append(score.tally)
        tables.add(g, pred, score)
    metrics = {"all": sum_tallies(t for ts in by_lang.values() for t in ts).metrics()}
    metrics.update({lang: sum_tallies(t).metrics() for lang, t in sorted(by_lang.items())})
    show(metrics, args.split)
    total = metrics["all"]
    print(
        f"events P {total['events.precision'] or 0:.4f} R {total['events.recall'] or 0:.4f} "
        f"F {total['events.f1'] or 0:.4f} participants {total['fields.participants'] or 0:.4f} "
        f"direction {total['fields.direction'] or 0:.4f}"
    )
    tables.print()


if __name__ == "__main__":
    main()
