"""CPU time of the learned trigger model's per-article step alone (``events.learned.model_signals``: the
features of every candidate word, their hashing and scoring), with a digest of what it returned.

    python benchmarks/trigger_model_time.py [--split dev] [--repeat 5]

The first run parses the split and runs the stages once (``stage_cprofile``'s cache under
``$KRONIEK_LAB_CACHE``), recording each article's call (``SPLIT-signals.pkl``); later runs replay the calls.
To compare two versions of the code on the same inputs, run it with each on ``PYTHONPATH``, interleaved
(the machine is shared): the digests must agree (scores, features, proposals and vetoes of every article)
and the CPU ms per article tell the difference. The test split is refused (sealed).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stage_cprofile  # noqa: E402
from lab_cache import cache_docs  # noqa: E402


def recorded_calls(split: str) -> list[tuple[Any, ...]]:
    """The arguments of every ``model_signals`` call the events stage makes on the split (recorded once)."""
    path = stage_cprofile.CACHE / f"{split}-signals.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())  # noqa: S301 (our own cache)
    import kroniek.events.stage as events_stage

    calls: list[tuple[Any, ...]] = []
    scoring = events_stage.model_signals

    def recording(model: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append((*args, kwargs.get("mention_spans")))
        return scoring(model, *args, **kwargs)

    docs = stage_cprofile.CACHE / f"{split}.pkl"
    if not docs.exists():
        cache_docs(split, stage_cprofile.CACHE, lambda s: s == stage_cprofile.NLP)
    events_stage.model_signals = recording  # type: ignore[assignment]
    stage_cprofile.run_once(docs.read_bytes(), stage_cprofile.later_stages(), defaultdict(float))
    events_stage.model_signals = scoring
    path.write_bytes(pickle.dumps(calls))
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train", "goldset"])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import kroniek
    from kroniek.events.learned import load_trigger_model, model_signals

    calls = recorded_calls(args.split)
    model = load_trigger_model("shipped")
    assert model is not None, "no shipped trigger model"
    signals = [model_signals(model, doc, lang, events, *rest) for doc, lang, events, *rest in calls]  # warm-up
    per_article = []
    for _ in range(args.repeat):
        started = time.process_time()
        signals = [model_signals(model, doc, lang, events, *rest) for doc, lang, events, *rest in calls]
        per_article.append(1000 * (time.process_time() - started) / len(calls))
    digest = hashlib.sha256()
    for s in signals:
        proposals = sorted((i, e.id, e.event, e.kind) for i, e in s.proposals.items())
        digest.update(
            repr((sorted(s.scores.items()), sorted(s.features.items()), proposals, sorted(s.vetoed))).encode()
        )
    print(
        f"{Path(kroniek.__file__).parents[1]}: {len(calls)} articles, CPU ms per article "
        f"min {min(per_article):.2f} median {statistics.median(per_article):.2f}; digest {digest.hexdigest()[:16]}"
    )


if __name__ == "__main__":
    main()
