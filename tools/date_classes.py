"""Date errors on matched events by class, per language, for the round-5 batch (ids ``*-w-b9-*``,
``*-w-b10-*``) and the rest (issue 14).

    python tools/date_classes.py PRED_DIR --split train [--show batch|rest|all]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. Each matched
pair with a date on either side is classed by ``field_errors.date_category`` (right / missing / wrong /
spurious) and by where the gold date's words stand: in the evidence's sentence, an earlier or a later
sentence (a sentence end between them), and whether the gold value is the report (publication) date.
``--causes`` instead counts each error by its cause (``date_cause``), per language: a timex the tagger
missed or valued otherwise, a timex tagged but not chosen, a date from another sentence, a timex that dates
another act or the setting (year, month or week; day), a weekday resolved the other way.
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


_COARSE = re.compile(r"^\d{4}(-\d{2}|-W\d{2}|-Q\d|-[A-Z]{2})?$")  # a year, month, week, quarter or season


def date_cause(text: str, pred: object, p: object, gold: object, kind: str) -> str:
    """Why a matched pair's date is wrong (round 7, issue 14); "right" when it is not."""
    if kind == "right":
        return "right"
    mine, wanted = p.date, gold.date  # type: ignore[attr-defined]
    where = where_gold(text, gold) if wanted is not None else "none"
    if kind == "missing":
        if where != "same sentence":
            return f"missing: gold date in {where}"
        tagged = [t for t in pred.timexes if t.start < wanted.end and wanted.start < t.end]  # type: ignore[attr-defined]
        if not tagged:
            return "missing: timex not tagged (timex gap)"
        if not any(t.value[: len(wanted.value)] == wanted.value for t in tagged):
            return "missing: timex tagged with another value"
        return "missing: timex tagged, not chosen (rules)"
    if kind == "spurious":
        sentence_end = SENTENCE_END.search(text[min(mine.end, p.evidence.start) : max(mine.start, p.evidence.start)])  # type: ignore[attr-defined]
        if not (p.evidence.start <= mine.start < p.evidence.end) and sentence_end:  # type: ignore[attr-defined]
            return "spurious: carried from another sentence"
        coarse = "year, month or week" if _COARSE.match(mine.value) else "day or time"
        return f"spurious: a timex of its sentence gold leaves out ({coarse})"
    if (mine.start, mine.end) == (wanted.start, wanted.end) or mine.text == wanted.text:
        return "wrong: same words, resolved otherwise"
    if where != "same sentence":
        return f"wrong: gold date in {where}"
    return "wrong: another timex of the sentence"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--show", choices=("batch", "rest", "all"), default=None)
    parser.add_argument("--causes", action="store_true", help="count errors by cause, per language")
    args = parser.parse_args()
    counts: dict[tuple[str, str], Counter[str]] = {}
    causes: dict[str, Counter[str]] = {}
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
            cause = date_cause(text, pred, p, gold, kind)
            causes.setdefault(cause, Counter())[g.language] += 1
            tally = counts.setdefault((group, g.language), Counter())
            tally[f"{kind} | gold timex: {where}"] += 1
            tally["_n"] += 1
            tally[f"_{kind}"] += 1
            if args.show in (group, "all") and kind != "right":
                shown = p.date and (p.date.value, p.date.text)
                wanted = gold.date and (gold.date.value, gold.date.text)
                print(f"{g.key} {gold.event} {category}: pred {shown} gold {wanted}")
                print(f"    {text[gold.evidence.start : gold.evidence.end][:300]!r}")
    if args.causes:
        print_causes(causes)
        return
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


def print_causes(causes: dict[str, Counter[str]]) -> None:
    """A Markdown table: one row per cause, the count in all languages and in each."""
    langs = ("de", "en", "fr", "nl")
    print("| cause | all | " + " | ".join(langs) + " |")
    print("|---|---|" + "---|" * len(langs))
    for cause, tally in sorted(causes.items(), key=lambda kv: (kv[0] != "right", -sum(kv[1].values()))):
        print(f"| {cause} | {sum(tally.values())} | " + " | ".join(str(tally[lang]) for lang in langs) + " |")


if __name__ == "__main__":
    main()
