"""Why a gold event with a prediction on it is still missed: the "predicted, not matched" misses by cause
(issue 13, round 8).

    kroniek evaluate --split train --save-pred PRED_DIR
    python tools/unmatched_classes.py PRED_DIR --split train [--show CLASS] [--lang en]
    python benchmarks/unmatched_lab.py --split train [--show CLASS]   # the same over the coder_lab cache

A required gold event is "predicted, not matched" (tools/trigger_fates.py) when a prediction overlaps its
evidence and none matches it. The scorer (docs/evaluation.md) matches an event when the type is the gold
type or one of its alternatives AND at least one predicted actor or recipient stands for one gold actor or
recipient (either role: an actor/recipient swap, or an extra participant the gold lacks, never blocks a
match). The prediction read for a miss is the one whose trigger overlaps the gold trigger, else one of the
gold type in its evidence, else the nearest by evidence (the scorer's overlap rank). Its class is the first
that fits:

- ``taken by another gold event``: that prediction matched another gold event (two gold acts in one
  sentence, one prediction: this gold trigger has no prediction of its own);
- ``wrong type, right participants``: a participant is shared; the type pair (predicted -> gold) is listed;
- ``wrong type, wrong participants``: neither;
- right type, and no participant in common (every prediction has one: the stage drops an event without),
  by what the gold participants became:
  - ``source as participant``: a predicted participant is the one who reports the act (the prediction's
    own source, or one standing for the gold event's source) or a media actor, and no gold participant;
  - ``gold participant found in the sentence, not linked``: an actor the actors stage found, standing for a
    gold participant, has a mention inside the gold evidence; the prediction took another one;
  - ``same country, other kind``: a predicted participant shares the country of a gold one but is of
    another kind (a person or body where the gold has the state, or the reverse; an organisation where the
    gold has a group);
  - ``gold participant found elsewhere in the article``: found, but only outside the evidence (the gold
    resolved a pronoun or an implicit actor);
  - ``gold participant not found``: the actors stage found no actor standing for any gold participant
    (the actors stage's recall, not the events stage's linking).

Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from kroniek.chronicle.models import Chronicle, Event
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ActorMatcher, ArticleScore, overlap, overlap_rank, score_article

TAKEN = "taken by another gold event"
WRONG_TYPE = "wrong type, right participants"
WRONG_BOTH = "wrong type, wrong participants"
SOURCE = "source as participant"
OTHER_KIND = "same country, other kind"
IN_SENTENCE = "gold participant found in the sentence, not linked"
ELSEWHERE = "gold participant found elsewhere in the article"
NOT_FOUND = "gold participant not found"
CLASSES = (TAKEN, WRONG_TYPE, WRONG_BOTH, SOURCE, IN_SENTENCE, OTHER_KIND, ELSEWHERE, NOT_FOUND)


def _evidence(event: Event) -> tuple[int, int]:
    return event.evidence.start, event.evidence.end


def _triggers(event: Event) -> list[tuple[int, int]]:
    trigger = event.trigger
    if trigger is None:
        return []
    return [(s.start, s.end) for s in (trigger if isinstance(trigger, list) else [trigger])]


def _on_trigger(p: Event, g: Event) -> bool:
    return any(overlap(a, b) > 0 for a in _triggers(p) for b in _triggers(g))


def participants(event: Event) -> list[str]:
    return [*event.actor, *event.recipient]


class UnmatchedClassifier:
    """Classes the misses of one scored article that have a prediction in their evidence."""

    def __init__(self, gold: GoldChronicle, pred: Chronicle, score: ArticleScore) -> None:
        self.gold, self.pred = gold, pred
        self.matcher = ActorMatcher(gold.chronicle, pred)
        self.matched_pred = {pid for pid, _ in score.pairs}
        self.missed = {i.event_id for i in score.issues if i.kind == "missed"}
        self.pred_actors = {a.id: a for a in pred.actors}
        self.gold_actors = {a.id: a for a in gold.chronicle.actors}

    def nearest(self, g: Event) -> Event | None:
        """The prediction read for gold event ``g`` (module docstring), or None."""
        near = [p for p in self.pred.events if overlap(_evidence(p), _evidence(g)) > 0]
        if not near:
            return None
        types = (g.event, *self.gold.extras_of(g.id).alternatives)
        on_trigger = [p for p in near if _on_trigger(p, g)]
        same_type = [p for p in near if p.event in types]
        pool = on_trigger or same_type or near
        return max(pool, key=lambda p: overlap_rank(_evidence(p), _evidence(g)))

    def classify(self, g: Event, p: Event) -> tuple[str, str]:
        """(class, detail) of missed gold event ``g`` read against prediction ``p``."""
        types = (g.event, *self.gold.extras_of(g.id).alternatives)
        shared = self.matcher.any_match(participants(p), participants(g))
        if p.id in self.matched_pred:
            return TAKEN, f"{p.event}"
        if p.event not in types:
            return (WRONG_TYPE if shared else WRONG_BOTH), f"{p.event} -> {g.event}"
        return self._participant_class(g, p)

    def _participant_class(self, g: Event, p: Event) -> tuple[str, str]:
        gold_ids = participants(g)
        preds = [self.pred_actors[i] for i in participants(p) if i in self.pred_actors]
        golds = [self.gold_actors[i] for i in gold_ids if i in self.gold_actors]
        reporters = [a for a in preds if self._reports(a.id, g, p)]
        if reporters:
            return SOURCE, ", ".join(f"{a.kind} as {'actor' if a.id in p.actor else 'recipient'}" for a in reporters)
        standing = [a for a in self.pred.actors if self.matcher.any_match([a.id], gold_ids)]
        ev = _evidence(g)
        if any(overlap((m.start, m.end), ev) > 0 for a in standing for m in a.mentions):
            return IN_SENTENCE, self._roles(g, p)
        for a in preds:
            for b in golds:
                if a.country is not None and a.country == b.country and a.kind != b.kind:
                    return OTHER_KIND, f"{a.kind} -> {b.kind}"
        return (ELSEWHERE, "") if standing else (NOT_FOUND, "")

    def _reports(self, actor_id: str, g: Event, p: Event) -> bool:
        """The predicted participant is who reports the act, not a party to it."""
        if self.matcher.any_match([actor_id], participants(g)):
            return False
        kind = self.pred_actors[actor_id].kind
        gold_source = g.source is not None and self.matcher(actor_id, g.source)
        return actor_id == p.source or gold_source or kind == "media"

    def _roles(self, g: Event, p: Event) -> str:
        """Which gold role the unlinked found participant has, and what the prediction has in its place."""
        role = "actor" if any(self.matcher.any_match([a.id], g.actor) for a in self.pred.actors) else "recipient"
        filled = "actor" if p.actor else "recipient only"
        return f"gold {role}, predicted {filled}"

    def __iter__(self) -> Iterator[tuple[Event, Event, str, str]]:
        for g in self.gold.chronicle.events:
            if g.id not in self.missed:
                continue
            p = self.nearest(g)
            if p is not None:
                yield (g, p, *self.classify(g, p))


def classified_unmatched(
    gold: GoldChronicle, pred: Chronicle, score: ArticleScore
) -> Iterator[tuple[Event, Event, str, str]]:
    """(gold event, prediction read for it, class, detail) for each "predicted, not matched" miss."""
    yield from UnmatchedClassifier(gold, pred, score)


class Tables:
    """Counts per language and class, details per class, and the cases to print for ``--show``."""

    def __init__(self, show: str | None = None) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.details: dict[str, Counter[str]] = defaultdict(Counter)
        self.show = show

    def add(self, gold: GoldChronicle, pred: Chronicle, score: ArticleScore) -> None:
        names = {a.id: a.name for a in pred.actors}
        gold_names = {a.id: a.name for a in gold.chronicle.actors}
        text = gold.chronicle.article.text
        for g, p, kind, detail in classified_unmatched(gold, pred, score):
            self.counts[gold.language][kind] += 1
            if detail:
                self.details[kind][f"{gold.language} {detail}"] += 1
            if kind == self.show:
                trig = _triggers(g)[0] if _triggers(g) else _evidence(g)
                print(
                    f"{gold.key} [{gold.language}] gold {g.event} «{text[trig[0] : trig[1]]}» "
                    f"{[gold_names.get(i, i) for i in g.actor]} -> {[gold_names.get(i, i) for i in g.recipient]}"
                    f" | pred {p.event} {[names.get(i, i) for i in p.actor]} -> "
                    f"{[names.get(i, i) for i in p.recipient]}\n    {g.evidence.text!r}"
                )

    def print(self, top: int = 10) -> None:
        langs = sorted(self.counts)
        print("| class | " + " | ".join(langs) + " | all |")
        print("|---|" + "---:|" * (len(langs) + 1))
        for kind in CLASSES:
            row = [self.counts[lang][kind] for lang in langs]
            print(f"| {kind} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
        total = [sum(self.counts[lang].values()) for lang in langs]
        print("| **all** | " + " | ".join(f"**{n}**" for n in total) + f" | **{sum(total)}** |")
        for kind in CLASSES:
            if self.details[kind]:
                print(f"  {kind}: " + ", ".join(f"{d} {n}" for d, n in self.details[kind].most_common(top)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--show", choices=CLASSES, default=None, help="print each miss of this class")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args()
    tables = Tables(args.show)
    for g in select_golds(split=args.split):
        if args.lang and g.language not in args.lang.split(","):
            continue
        pred, _ = read_prediction(args.pred, g)
        if pred is not None:
            tables.add(g, pred, score_article(g, pred))
    tables.print()


if __name__ == "__main__":
    main()
