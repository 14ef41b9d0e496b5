"""Why spurious events fail on participants: the actor naming behind them (issues 13 and 14).

    python tools/actor_errors.py PRED_DIR --split train [--show CATEGORY] [--lang nl]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. Every
spurious prediction whose evidence overlaps a gold event of a type it may take (the gold type or one of its
alternatives) and that shares no participant with it under the scorer's actor match is put in the first
category that fits:

- ``no participant predicted``: the prediction has neither actor nor recipient;
- ``gold has no participant``: the gold event names none (it can never match);
- ``spelling variant``: a predicted and a gold person whose names are the same up to spelling
  ("Selenskyj" / "Zelenskyy"), or a new person whose surname is a spelling of the gold one's;
- ``person vs state``: a predicted state and a gold person of that country, or the reverse;
- ``alias wrong country``: a predicted and a gold institution share their head word ("Congress",
  "Parliament", "police", "army") but not their country;
- ``group vs institution``: the same country on both sides, named as a group on one and an organisation or
  another group name on the other ("Greek soldiers" / "Hellenic Army", "Haiti police" / "Haitian police");
- ``actor elsewhere in article``: a gold participant is among the prediction's actors of the article (the
  naming is right; the event took another participant);
- ``gold actor missing``: no gold participant is resolved anywhere in the article;
- ``other``.

Spurious predictions whose nearest gold event of that type matches on participants are counted as
``gold taken by another prediction`` (a duplicate, not a naming error). Never run it on the sealed test split.
"""

from __future__ import annotations

import argparse
import difflib
import re
from collections import Counter
from pathlib import Path

from kroniek.chronicle.models import Actor, Chronicle, Event
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ActorMatcher, normalize_name, overlap, score_article, surname

CATEGORIES = (
    "no participant predicted",
    "gold has no participant",
    "spelling variant",
    "person vs state",
    "alias wrong country",
    "group vs institution",
    "actor elsewhere in article",
    "gold actor missing",
    "other",
    "gold taken by another prediction",
)

# Head words of institutions that exist in many countries: a shared one with different countries is an
# alias resolved to the wrong country.
INSTITUTION_HEADS = {
    "congress",
    "parliament",
    "senate",
    "court",
    "assembly",
    "police",
    "army",
    "armed",
    "forces",
    "government",
    "cabinet",
    "ministry",
    "council",
    "house",
    "military",
    "navy",
    "guard",
    "commission",
}


def _skeleton(name: str) -> str:
    """A name reduced to what transliterations keep: consonant classes, no vowels or doubled letters."""
    s = normalize_name(name)
    for a, b in (("sch", "sh"), ("tsch", "ch"), ("zh", "j"), ("kh", "h"), ("w", "v"), ("ck", "k"), ("c", "k")):
        s = s.replace(a, b)
    s = re.sub(r"[aeiouyj]+", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def spelling_variants(a: str, b: str) -> bool:
    """Two person names that differ only by spelling: surnames alike in letters or in consonant skeleton."""
    sa, sb = surname(a), surname(b)
    if not sa or not sb or sa == sb:
        return False
    if _skeleton(sa) == _skeleton(sb) and len(_skeleton(sa)) >= 2:
        return True
    return difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.75 and sa[:1] == sb[:1]


def _heads(actor: Actor) -> set[str]:
    return set(normalize_name(actor.name).split()) & INSTITUTION_HEADS


def _pair_category(p: Actor, g: Actor) -> str | None:
    if p.kind == "person" and g.kind == "person" and spelling_variants(p.name, g.name):
        return "spelling variant"
    if {p.kind, g.kind} == {"person", "state"} and p.country and p.country == g.country:
        return "person vs state"
    if p.kind != "person" and g.kind != "person" and _heads(p) & _heads(g) and p.country != g.country:
        return "alias wrong country"
    if (
        p.kind in ("group", "organization")
        and g.kind in ("group", "organization")
        and p.country
        and p.country == g.country
        and (p.kind != g.kind or "group" in (p.kind, g.kind))
    ):
        return "group vs institution"
    return None


def classify(pred_event: Event, gold_event: Event, pred: Chronicle, gold: Chronicle, matcher: ActorMatcher) -> str:
    pred_ids = [*pred_event.actor, *pred_event.recipient]
    gold_ids = [*gold_event.actor, *gold_event.recipient]
    if not pred_ids:
        return "no participant predicted"
    if not gold_ids:
        return "gold has no participant"
    pred_actors = {a.id: a for a in pred.actors}
    gold_actors = {a.id: a for a in gold.actors}
    found = [
        _pair_category(pred_actors[p], gold_actors[g])
        for p in pred_ids
        for g in gold_ids
        if p in pred_actors and g in gold_actors
    ]
    for category in CATEGORIES:
        if category in found:
            return category
    if matcher.any_match(list(pred_actors), gold_ids):
        return "actor elsewhere in article"
    return "gold actor missing"


def spurious_pairs(g: GoldChronicle, pred: Chronicle) -> list[tuple[Event, Event | None, bool]]:
    """(spurious prediction, overlapping gold event of a compatible type, participants match) triples."""
    score = score_article(g, pred)
    spurious_ids = {i.event_id for i in score.issues if i.kind == "spurious"}
    matcher = ActorMatcher(g.chronicle, pred)
    out: list[tuple[Event, Event | None, bool]] = []
    for p in pred.events:
        if p.id not in spurious_ids:
            continue
        span = (p.evidence.start, p.evidence.end)
        same_type = [
            ge
            for ge in g.chronicle.events
            if (p.event == ge.event or p.event in g.extras_of(ge.id).alternatives)
            and overlap(span, (ge.evidence.start, ge.evidence.end)) > 0
        ]
        if not same_type:
            out.append((p, None, False))
            continue
        best = max(same_type, key=lambda ge: overlap(span, (ge.evidence.start, ge.evidence.end)))
        agrees = matcher.any_match([*p.actor, *p.recipient], [*best.actor, *best.recipient])
        out.append((p, best, agrees))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), default=None, help="corpus split (default: dev gold set)")
    parser.add_argument("--lang", default=None)
    parser.add_argument("--show", default=None, help="print the cases of this category")
    args = parser.parse_args()
    golds = select_golds(split=args.split, lang=args.lang)
    counts: Counter[tuple[str, str]] = Counter()
    spurious: Counter[str] = Counter()
    for g in golds:
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        matcher = ActorMatcher(g.chronicle, pred)
        for p, ge, agrees in spurious_pairs(g, pred):
            spurious[g.language] += 1
            if ge is None:
                continue
            category = "gold taken by another prediction" if agrees else classify(p, ge, pred, g.chronicle, matcher)
            counts[(category, g.language)] += 1
            if args.show and category == args.show:
                print(
                    f"{g.key} {p.event}: pred {matcher.names([*p.actor, *p.recipient], True)} "
                    f"gold {matcher.names([*ge.actor, *ge.recipient], False)} | {p.evidence.text[:100]!r}"
                )
    langs = sorted(spurious)
    print("| category | " + " | ".join(langs) + " | all |")
    print("|---|" + "---|" * (len(langs) + 1))
    print("| spurious events | " + " | ".join(str(spurious[x]) for x in langs) + f" | {sum(spurious.values())} |")
    for category in CATEGORIES:
        row = [counts[(category, x)] for x in langs]
        print(f"| {category} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")


if __name__ == "__main__":
    main()
