"""Where the stages after spaCy spend their time: a cProfile of every stage but the nlp stage, plus the
chronicle's assembly and its JSON output, over a split's documents parsed once and cached.

    python benchmarks/stage_cprofile.py [--split dev] [--repeat 3] [--top 40] [--sort cumulative|tottime]

The first run parses the split with the nlp stage alone and pickles the documents
(``$KRONIEK_LAB_CACHE/SPLIT.pkl``, default ``/tmp/kroniek-stage-cprofile``; ``--refresh`` parses again). Each repeat unpickles them
afresh (the stages add layers to a document) and runs the configured stages after ``nlp.spacy/v1``,
``to_chronicle`` and ``chronicle_json`` on each. Before profiling, one pass warms every lazy load (lexicons,
KB, gazetteer, the trigger model), so only per-article work is counted. Prints CPU ms per article by step
and the top functions. The test split is refused (sealed).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lab_cache import cache_docs  # noqa: E402

CACHE = Path(os.environ.get("KRONIEK_LAB_CACHE", "/tmp/kroniek-stage-cprofile"))
NLP = "nlp.spacy/v1"


def later_stages() -> list[Any]:
    from kroniek.extractor import Extractor

    return [s for s in Extractor().pipeline.stages if s.name != NLP]


def run_once(blob: bytes, stages: list[Any], table: dict[str, float]) -> int:
    """Unpickle the parsed documents and run the later stages, assembly and output on each."""
    from kroniek.assemble import to_chronicle
    from kroniek.cli.output import chronicle_json

    docs = pickle.loads(blob)  # noqa: S301 (our own cache)
    for doc in docs.values():
        for stage in stages:
            started = time.process_time()
            doc = stage(doc)
            table[stage.name] += time.process_time() - started
        started = time.process_time()
        chronicle = to_chronicle(doc)
        table["assemble"] += time.process_time() - started
        started = time.process_time()
        chronicle_json(chronicle)
        table["json output"] += time.process_time() - started
    return len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative", choices=["cumulative", "tottime"])
    parser.add_argument("--refresh", action="store_true", help="parse the split again")
    parser.add_argument("--no-profile", action="store_true", help="only the CPU table (no cProfile overhead)")
    parser.add_argument("--dump", type=Path, help="also write the pstats data here")
    args = parser.parse_args()
    path = CACHE / f"{args.split}.pkl"
    if args.refresh or not path.exists():
        cache_docs(args.split, CACHE, lambda s: s == NLP)
    blob = path.read_bytes()
    stages = later_stages()
    run_once(blob, stages, defaultdict(float))  # warm-up: lazy loads
    table: dict[str, float] = defaultdict(float)
    profiler = cProfile.Profile(time.process_time)  # CPU time: other jobs on the machine do not count
    articles = 0
    for _ in range(args.repeat):
        if not args.no_profile:
            profiler.enable()
        articles += run_once(blob, stages, table)
        if not args.no_profile:
            profiler.disable()
    total = sum(table.values())
    print(f"{articles // args.repeat} documents x {args.repeat}; CPU ms per article:")
    for name, seconds in sorted(table.items(), key=lambda kv: -kv[1]):
        print(f"  {name:28s} {1000 * seconds / articles:7.2f}")
    print(f"  {'total':28s} {1000 * total / articles:7.2f}")
    if args.no_profile:
        return
    stats = pstats.Stats(profiler)
    if args.dump:
        stats.dump_stats(str(args.dump))
    stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
