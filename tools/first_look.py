"""First look: score every corpus document that no first look has scored yet, before anyone reads its errors.

    python tools/first_look.py            # score the new documents, append a record to evaluation/first_look.json
    python tools/first_look.py --table    # print the history as the Markdown table of docs/evaluation.md

The record keeps the date, the commit the system ran at, the documents, and events P/R/F1 overall and per
language and origin. These are the honest numbers for unseen news (docs/annotation.md, "Procedure"): the
documents were annotated blind and scored before any rule or word was chosen on them. Nothing here prints
or stores an individual error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
from pathlib import Path

from kroniek.evaluation.gold import gold_files, read_gold
from kroniek.evaluation.run import corpus_gold_dir, evaluate
from kroniek.evaluation.scorer import sum_tallies

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "evaluation" / "first_look.json"


def _prf(tally) -> dict:  # type: ignore[no-untyped-def]
    prf = tally.prf["events"]
    rnd = lambda v: None if v is None else round(v, 3)  # noqa: E731
    return {
        "precision": rnd(prf.precision),
        "recall": rnd(prf.recall),
        "f1": rnd(prf.f1),
        "gold_required": tally.gold_required,
    }


def load_history() -> list[dict]:
    return json.loads(HISTORY.read_text(encoding="utf-8")) if HISTORY.is_file() else []


def score_new(batch: str) -> dict | None:
    history = load_history()
    seen = {doc for record in history for doc in record["documents"]}
    new = [p for p in gold_files([corpus_gold_dir()]) if p.name.removesuffix(".gold.json") not in seen]
    if not new:
        return None
    report = evaluate(gold=new)
    golds = {p.name.removesuffix(".gold.json"): read_gold(p) for p in new}
    groups: dict[str, list] = {}
    for article in report.articles:
        gold = golds[article.key]
        groups.setdefault(f"lang:{gold.language}", []).append(article.tally)
        groups.setdefault(f"origin:{gold.corpus.get('origin', 'real')}", []).append(article.tally)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    record = {
        "batch": batch,
        "date": dt.date.today().isoformat(),
        "commit": commit.stdout.strip(),
        "documents": sorted(golds),
        "all": _prf(report.overall),
        **{key: _prf(sum_tallies(tallies)) for key, tallies in sorted(groups.items())},
    }
    HISTORY.write_text(json.dumps([*history, record], indent=1) + "\n", encoding="utf-8")
    return record


def table(history: list[dict]) -> str:
    rows = [
        "| batch | date | commit | documents | required events | P | R | F1 | F1 nl | F1 en | F1 de | F1 fr |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in history:

        def f1(key: str, r: dict = r) -> str:
            return "–" if key not in r or r[key]["f1"] is None else f"{r[key]['f1']:.3f}"

        a = r["all"]
        rows.append(
            f"| {r['batch']} | {r['date']} | {r['commit']} | {len(r['documents'])} | {a['gold_required']} | "
            f"{a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} | {f1('lang:nl')} | {f1('lang:en')} | "
            f"{f1('lang:de')} | {f1('lang:fr')} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", default=None, help="a name for this batch (default: the date and count)")
    parser.add_argument("--table", action="store_true", help="print the history table and stop")
    args = parser.parse_args()
    if args.table:
        print(table(load_history()))
        return 0
    record = score_new(args.batch or f"batch {len(load_history()) + 1}")
    if record is None:
        print("no new documents")
        return 0
    print(json.dumps({k: v for k, v in record.items() if k != "documents"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
