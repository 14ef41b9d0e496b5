"""Date errors on matched events by class, per language, for the round-5 batch (ids ``*-w-b9-*``,
``*-w-b10-*``) and the rest (issue 14).

    python tools/date_classes.py PRED_DIR --split train [--show batch|rest|all]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. Each matched
pair with a date on either side is classed by ``field_errors.date_category`` (right / missing / wrong /
spurious) and by where the gold date's words stand: in the evidence's sentence, an earlier or a later
sentence (a sentence end between them), and whether the gold value is the report (publication) date.
Never run it on the sealed test split."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from field_errors import date_category  # noqa: E402

from kroniek.evaluation.gold import gold_files, read_gold  # noqa: E402
from kroniek.evaluation.run import corpus_gold_dir, read_prediction  # noqa: E402
from kroniek.evaluation.scorer import gold_as_read, score_article  # noqa: E402

BATCH = re.compile(r"-w-b(?:9|10)-")
SENTENCE_END = re.compile(r"[.!?]\s")


def where_gold(text: str, gold: object) -> str:
    date, ev = gold.date, gold.evidence  # type: ignore[attr-defined]
    if date is None:
        return "none"
    between = text[min(date.end, ev.start) : max(date.start, ev.start)]
    if ev.start <= date.start < ev.end or not SENTENCE_END.search(between):
        return "same sentence"
    return "earlier sentence" if date.end <= ev.start else "later sentence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--show", choices=("batch", "rest", "all"), default=None)
    args = parser.parse_args()
    counts: dict[tuple[str, str], Counter[str]] = {}
    for g in (read_gold(f) for f in gold_files([corpus_gold_dir()])):
        if g.split != args.split:
            continue
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        group = "batch" if BATCH.search(g.key) else "rest"
        by_pred = {e.id: e for e in pred.events}
        by_gold = {e.id: e for e in g.chronicle.events}
        text, published = g.chronicle.article.text, g.chronicle.article.published
        for pid, gid in score_article(g, pred).pairs:
            p, gold = by_pred[pid], gold_as_read(by_pred[pid], by_gold[gid])
            category = date_category(p, gold)
            if not category:
                continue
            where = where_gold(text, gold)
            if gold.date is not None and published and gold.date.value[:10] == str(published)[:10]:
                where += ", = report date"
            kind = category.split(" (")[0]
            tally = counts.setdefault((group, g.language), Counter())
            tally[f"{kind} | gold timex: {where}"] += 1
            tally["_n"] += 1
            tally[f"_{kind}"] += 1
            if args.show in (group, "all") and kind != "right":
                shown = p.date and (p.date.value, p.date.text)
                wanted = gold.date and (gold.date.value, gold.date.text)
                print(f"{g.key} {gold.event} {category}: pred {shown} gold {wanted}")
                print(f"    {text[gold.evidence.start : gold.evidence.end][:300]!r}")
    for group in ("batch", "rest"):
        total: Counter[str] = Counter()
        for (g_group, lang), tally in sorted(counts.items()):
            if g_group != group:
                continue
            total.update(tally)
            print(
                f"{group} {lang}: n={tally['_n']} right={tally['_right']} ({tally['_right'] / tally['_n']:.3f}) "
                f"missing={tally['_missing']} wrong={tally['_wrong']} spurious={tally['_spurious']}"
            )
        print(f"{group} all: n={total['_n']} right={total['_right']} ({total['_right'] / max(1, total['_n']):.3f})")
        for key, n in sorted(total.items()):
            if not key.startswith("_"):
                print(f"    {key:60} {n}")


if __name__ == "__main__":
    main()
