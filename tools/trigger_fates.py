"""Where triggers die: count, per drop reason, the trigger words the events stage let go (docs/events.md).

    python tools/trigger_fates.py --split dev          # counts on the corpus dev split
    python tools/trigger_fates.py --split train --json out.json

Two tables: every dropped trigger by reason (events/fates.py), and every missed gold event by what became
of it: "predicted, not matched" (an event overlaps its evidence but has the wrong type or participants),
a drop reason (no event overlaps it, but a trigger the stage let go lies inside its evidence; the one on
the gold trigger, else the first of the gold type, else the first), or "no trigger" (nothing was found).
Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kroniek.assemble import to_chronicle
from kroniek.chronicle.models import Event
from kroniek.document import DroppedTrigger
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import select_golds
from kroniek.evaluation.scorer import score_article
from kroniek.extractor import Extractor
from kroniek.ingest import article_from_text

PREDICTED = "predicted, not matched"
NO_TRIGGER = "no trigger"
VERBOSE = False


def _spans(event: Event) -> list[tuple[int, int]]:
    trigger = event.trigger
    if trigger is None:
        return []
    return [(s.start, s.end) for s in (trigger if isinstance(trigger, list) else [trigger])]


def _fate_of_miss(gold_event: Event, predicted: list[Event], dropped: list[DroppedTrigger]) -> str:
    start, end = gold_event.evidence.start, gold_event.evidence.end
    if any(p.evidence.start < end and start < p.evidence.end for p in predicted):
        return PREDICTED
    inside = [d for d in dropped if start <= d.start and d.end <= end]
    if not inside:
        return NO_TRIGGER
    on_trigger = [d for d in inside if any(s < d.end and d.start < e for s, e in _spans(gold_event))]
    same_type = [d for d in inside if d.event == gold_event.event]
    return (on_trigger or same_type or inside)[0].reason


def article_fates(extractor: Extractor, gold: GoldChronicle) -> tuple[Counter[str], Counter[str]]:
    """(dropped triggers by reason, missed gold events by fate) for one gold article."""
    article = gold.chronicle.article
    meta = {"id": article.id, "url": article.url, "source": article.source, "title": article.title}
    raw = article_from_text(article.text, article.id, max_chars=extractor.max_chars, **meta)
    doc = extractor.annotate(raw, published=article.published, lang=article.language)
    chronicle = to_chronicle(doc)
    score = score_article(gold, chronicle)
    missed_ids = {i.event_id for i in score.issues if i.kind == "missed"}
    if VERBOSE:
        print(gold.key, score.tally.prf["events"].tp, score.tally.prf["events"].fn)
    by_reason = Counter(d.reason for d in doc.dropped_triggers)
    misses = Counter(
        _fate_of_miss(g, chronicle.events, doc.dropped_triggers) for g in gold.chronicle.events if g.id in missed_ids
    )
    return by_reason, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--config", type=Path, default=None, help="pipeline configuration file (TOML)")
    parser.add_argument("--json", type=Path, default=None, help="also write the counts here")
    args = parser.parse_args(argv)
    extractor = Extractor(config_path=args.config)
    golds = select_golds(split=args.split)
    dropped: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for gold in golds:
        by_reason, fates = article_fates(extractor, gold)
        dropped.update(by_reason)
        misses.update(fates)
    print(f"# {len(golds)} articles of the {args.split} split")
    print("\ndropped triggers by reason")
    for reason, n in dropped.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"\nmissed gold events ({sum(misses.values())}) by fate")
    for reason, n in misses.most_common():
        print(f"  {n:5d}  {reason}")
    if args.json is not None:
        args.json.write_text(json.dumps({"dropped": dropped, "missed": misses}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
