"""Recall of required gold events by hard-case tag and language (issue 13).

    python benchmarks/actors_lab.py score --split train --save PRED_DIR     (or kroniek evaluate --save-pred)
    python tools/phenomena_recall.py PRED_DIR --split train [--show TAG] [--lang en]

For every tag of docs/annotation.md "Hard cases" (``phenomena`` on a gold event, plus ``(none)`` for untagged
events) it counts the required gold events, how many the scorer matched (recall), and of the matched ones how
many have the gold participants on both sides (``fields.participants``): a collective subject ("both sides")
can match through one party and still lose the other. ``--show TAG`` lists the missed events of a tag with
the scorer's reason. Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from kroniek.chronicle.models import Chronicle
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ActorMatcher, score_article

NONE = "(none)"


class Cell:
    """One (tag, language) count. A plain class: the script is loaded by path in the tests, where a
    dataclass cannot resolve its postponed annotations."""

    def __init__(self) -> None:
        self.gold = 0
        self.matched = 0
        self.participants = 0  # matched with both participant sets agreeing

    def add(self, matched: bool, participants: bool) -> None:
        self.gold += 1
        self.matched += matched
        self.participants += participants

    def row(self) -> str:
        recall = f"{self.matched / self.gold:.2f}" if self.gold else "-"
        parts = f"{self.participants / self.matched:.2f}" if self.matched else "-"
        return f"{self.gold:>4} {recall:>5} {parts:>5}"


def tally(gold: GoldChronicle, pred: Chronicle, table: dict[tuple[str, str], Cell]) -> list[tuple[str, str]]:
    """Add one article's required gold events to ``table`` ((tag, language) -> Cell); return the missed
    (tag, reason) pairs for ``--show``."""
    score = score_article(gold, pred)
    matched = {g: p for p, g in score.pairs}
    preds = {e.id: e for e in pred.events}
    matcher = ActorMatcher(gold.chronicle, pred)
    reasons = {i.event_id: f"{i.event} «{i.evidence[:90]}» {i.reason}" for i in score.issues if i.kind == "missed"}
    missed: list[tuple[str, str]] = []
    for event in gold.chronicle.events:
        extras = gold.extras_of(event.id)
        if extras.optional:
            continue
        p = preds.get(matched.get(event.id, ""))
        agree = p is not None and (
            matcher.sets_agree(p.actor, event.actor) and matcher.sets_agree(p.recipient, event.recipient)
        )
        for tag in extras.phenomena or (NONE,):
            for lang in (gold.language, "all"):
                table[(tag, lang)].add(p is not None, agree)
            if p is None:
                missed.append((tag, f"{gold.key} {event.id} {reasons.get(event.id, '')}"))
    return missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred_dir", type=Path)
    parser.add_argument("--split", required=True, choices=("train", "dev"))
    parser.add_argument("--show", default=None, help="list the missed events of this tag")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args()
    table: dict[tuple[str, str], Cell] = defaultdict(Cell)
    shown: list[str] = []
    for gold in select_golds(split=args.split):
        pred, _ = read_prediction(args.pred_dir, gold)
        if pred is None or (args.lang and gold.language != args.lang):
            continue
        for tag, line in tally(gold, pred, table):
            if tag == args.show:
                shown.append(line)
    langs = ("all", "nl", "en", "de", "fr")
    print(f"{'tag':<24}" + "".join(f"{lang + ': n R part':>18}" for lang in langs))
    for tag in sorted({t for t, _ in table}, key=lambda t: -table[(t, "all")].gold):
        print(f"{tag:<24}" + "".join(f"{table[(tag, lang)].row():>18}" for lang in langs))
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
