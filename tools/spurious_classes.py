"""Why spurious events are spurious: sort the predictions no gold event takes into classes (issue 13).

    kroniek evaluate --split train --save-pred PRED_DIR
    python tools/spurious_classes.py PRED_DIR --split train [--show CLASS] [--lang en]

Every prediction the scorer counts as spurious (neither matched, nor matched to an optional event, nor a
re-mention of a matched one) falls in the first class that fits, in this order:

- ``naming``: a gold event of its type (or one of the gold event's alternatives) overlaps its trigger: the
  event is there, its participants are named differently (the `names` helper's job; counted apart and left
  out of the class shares);
- ``duplicate``: another prediction of the same type overlaps its evidence (one mention coded twice) or names
  the same actors and recipients with a trigger of the same stem (a re-mention not merged), and that
  prediction is matched or comes first;
- ``embedded``: its trigger stands inside the evidence of a gold event whose proposition has its type, or
  after the trigger of a gold or predicted demand, promise, threat, refusal or concession (the proposition
  types) in one evidence: an act wanted, promised or refused coded as done;
- ``hypothetical/generic``: it is coded hypothetical, or a hypothetical or conditional cue of the language
  (``[cues].hypothetical``, ``conditional_openers``) or a habitual cue (``habitual``) stands before its
  trigger in its evidence;
- ``optional/background``: its trigger lies inside an optional gold event's evidence (background history,
  generic reference, a re-mention gold keeps optional);
- ``another type``: its trigger overlaps the trigger of a required gold event of another type;
- ``wrong sense``: no gold trigger of its type overlaps its trigger, and no gold trigger of its type in the split uses
  its trigger word (a month "March" is never a gold PROTEST trigger);
- ``other``: as ``wrong sense``, though gold uses the word for its type elsewhere (an act
  the annotators left out, or a sense only the context tells).

Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from kroniek.chronicle.models import PROPOSITION_TYPES, Chronicle, Event, Span
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ArticleScore, overlap, score_article
from kroniek.events.lexicon import load_lexicon

CLASSES = (
    "naming",
    "duplicate",
    "embedded",
    "hypothetical/generic",
    "optional/background",
    "another type",
    "wrong sense",
    "other",
)
WORD = re.compile(r"\w+", re.UNICODE)
_STEM = 5  # letters two trigger words share when they are forms of one word


def first_span(event: Event) -> tuple[int, int]:
    """The event's trigger (its first span), else its evidence."""
    trigger = event.trigger
    if isinstance(trigger, list):
        trigger = trigger[0] if trigger else None
    span: Span = trigger if trigger is not None else event.evidence
    return span.start, span.end


def evidence(event: Event) -> tuple[int, int]:
    return event.evidence.start, event.evidence.end


def inside(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return overlap(span, outer) > 0


def trigger_words(text: str, event: Event) -> frozenset[str]:
    start, end = first_span(event)
    return frozenset(w.lower() for w in WORD.findall(text[start:end]))


def gold_trigger_words(golds: list[GoldChronicle]) -> dict[tuple[str, str], set[str]]:
    """(language, type) -> every word of a gold trigger of that type (alternatives included)."""
    words: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in golds:
        text = g.chronicle.article.text
        for e in g.chronicle.events:
            if e.trigger is None:
                continue
            for kind in (e.event, *g.extras_of(e.id).alternatives):
                words[g.language, kind] |= trigger_words(text, e)
    return words


def cue_words(lang: str) -> frozenset[str]:
    lexicon = load_lexicon(lang)
    if lexicon is None:
        return frozenset()
    cues = lexicon.cues
    habitual = getattr(cues, "habitual", frozenset())
    return frozenset(cues.hypothetical | cues.conditional_openers | habitual)


class Classifier:
    """Puts one article's spurious predictions into the module's classes."""

    def __init__(self, gold: GoldChronicle, pred: Chronicle, known: dict[tuple[str, str], set[str]]):
        self.gold, self.pred, self.known = gold, pred, known
        self.text = gold.chronicle.article.text
        self.cues = cue_words(gold.language)

    def classify(self, p: Event, matched: set[str]) -> str:
        trig = first_span(p)
        golds = self.gold.chronicle.events
        for g in golds:
            types = (g.event, *self.gold.extras_of(g.id).alternatives)
            if p.event in types and inside(trig, evidence(g)):
                return "naming"
        for q in self.pred.events:
            if q.id == p.id or q.event != p.event:
                continue
            first = q.id in matched or self.pred.events.index(q) < self.pred.events.index(p)
            same_parties = (q.actor or q.recipient) and set(q.actor) == set(p.actor)
            same_parties = same_parties and set(q.recipient) == set(p.recipient) and self._same_stem(p, q)
            if first and (inside(evidence(p), evidence(q)) or same_parties):
                return "duplicate"
        if self._embedded(p, trig):
            return "embedded"
        if p.modality == "hypothetical" or self._cue_before(p, trig):
            return "hypothetical/generic"
        around = [g for g in golds if inside(trig, evidence(g))]
        if any(self.gold.extras_of(g.id).optional for g in around):
            return "optional/background"
        if any(inside(trig, first_span(g)) for g in around):
            return "another type"
        if trigger_words(self.text, p) & self.known.get((self.gold.language, p.event), set()):
            return "other"
        return "wrong sense"

    def _same_stem(self, p: Event, q: Event) -> bool:
        """The two triggers share a word stem ("attacked" … "the attack"): a re-mention, not a second act."""
        stems = {w[:_STEM] for w in trigger_words(self.text, p)}
        return any(w[:_STEM] in stems for w in trigger_words(self.text, q))

    def _embedded(self, p: Event, trig: tuple[int, int]) -> bool:
        for g in self.gold.chronicle.events:
            if not inside(trig, evidence(g)):
                continue
            if g.proposition is not None and g.proposition.event == p.event:
                return True
        for q in [*self.gold.chronicle.events, *self.pred.events]:
            if q.id == p.id or q.event not in PROPOSITION_TYPES or not inside(trig, evidence(q)):
                continue
            if first_span(q)[1] <= trig[0]:
                return True
        return False

    def _cue_before(self, p: Event, trig: tuple[int, int]) -> bool:
        before = self.text[p.evidence.start : trig[0]]
        return any(w.lower() in self.cues for w in WORD.findall(before))


def classified_spurious(
    gold: GoldChronicle, pred: Chronicle, score: ArticleScore, known: dict[tuple[str, str], set[str]]
) -> Iterator[tuple[Event, str]]:
    """Each spurious event of one scored article with its class (shared with benchmarks/precision_lab.py)."""
    matched = {pid for pid, _ in score.pairs}
    by_id = {e.id: e for e in pred.events}
    classifier = Classifier(gold, pred, known)
    for issue in score.issues:
        if issue.kind == "spurious":
            event = by_id[issue.event_id]
            yield event, classifier.classify(event, matched)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--show", choices=CLASSES, default=None, help="print each spurious event of this class")
    parser.add_argument("--lang", default=None)
    args = parser.parse_args()
    golds = select_golds(split=args.split)
    known = gold_trigger_words(golds)  # every language of the split, before --lang narrows the documents
    if args.lang:
        golds = [g for g in golds if g.language in args.lang.split(",")]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for g in golds:
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        score = score_article(g, pred)
        text = g.chronicle.article.text
        for p, kind in classified_spurious(g, pred, score, known):
            counts[g.language][kind] += 1
            start, end = first_span(p)
            words[kind][f"{g.language}:{p.event}:{text[start:end].lower()}"] += 1
            if kind == args.show:
                print(f"{g.key} [{g.language}] {p.event} {p.modality} «{text[start:end]}»\n    {p.evidence.text!r}")
    print_table(counts)
    for kind in CLASSES[1:]:
        top = ", ".join(f"{w} {n}" for w, n in words[kind].most_common(8))
        print(f"  {kind}: {top}")


def print_table(counts: dict[str, Counter[str]]) -> None:
    langs = sorted(counts)
    print("| class | " + " | ".join(langs) + " | all | share |")
    print("|---|" + "---|" * (len(langs) + 2))
    total = sum(sum(c.values()) - c["naming"] for c in counts.values())
    for kind in CLASSES:
        row = [counts[lang][kind] for lang in langs]
        share = "–" if kind == "naming" else f"{sum(row) / max(1, total):.2f}"
        print(f"| {kind} | " + " | ".join(map(str, row)) + f" | {sum(row)} | {share} |")


if __name__ == "__main__":
    main()
