"""Story-level event typing on the NGEC synthetic PLOVER stories (English; ../shared/data/ngec).

    python benchmarks/ngec_benchmark.py [--stories 600] [--event-model PATH] [--out benchmarks/results/ngec.json]

Each of the 4,500 stories was written (by a language model, for the NGEC/POLECAT classifiers) to report one
event of a given PLOVER type and mode. kroniek never trains on them, so they are an outside check of the
event coder on wording it has not seen, in the manner of the PLOVER gold-standard sentence suite:

- ``top-type accuracy``: the type of kroniek's first event in the story (its lead) is the story's label;
- ``any-type recall``: some extracted event has the label's type;
- ``no event``: the share of stories where kroniek finds no event at all.

A fixed, evenly spread sample (every k-th story) keeps runs comparable. Labels outside kroniek's 16
types (PLOVER's ``OTHER``) are skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TYPES = set(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE "
    "COERCE ASSAULT".split()
)


def load_stories(limit: int) -> list[dict[str, str]]:
    from kroniek.evaluation.sources import shared_dir

    csv.field_size_limit(sys.maxsize)
    path = shared_dir() / "data" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["label"].strip().upper() in TYPES and r["text"].strip()]
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=600)
    parser.add_argument("--config", type=Path, default=None, help="pipeline configuration (TOML)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "ngec.json")
    args = parser.parse_args()
    from kroniek.extractor import Extractor

    extractor = Extractor(config_path=args.config)
    stories = load_stories(args.stories)
    top = anywhere = none = 0
    confusion: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    for row in stories:
        label = row["label"].strip().upper()
        chronicle = extractor.extract(row["text"], lang="en")
        types = [e.event for e in sorted(chronicle.events, key=lambda e: e.evidence.start)]
        counts = per_type.setdefault(label, Counter())
        counts["stories"] += 1
        if not types:
            none += 1
            confusion[f"{label} -> (none)"] += 1
            continue
        if types[0] == label:
            top += 1
            counts["top"] += 1
        else:
            confusion[f"{label} -> {types[0]}"] += 1
        if label in types:
            anywhere += 1
            counts["any"] += 1
    n = len(stories)
    result = {
        "stories": n,
        "top_type_accuracy": round(top / n, 3),
        "any_type_recall": round(anywhere / n, 3),
        "no_event": round(none / n, 3),
        "seconds": round(time.perf_counter() - started, 1),
        "per_type": {
            t: {
                "stories": c["stories"],
                "top": round(c["top"] / c["stories"], 3),
                "any": round(c["any"] / c["stories"], 3),
            }
            for t, c in sorted(per_type.items())
        },
        "most_common_confusions": confusion.most_common(15),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k not in ("per_type", "most_common_confusions")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
