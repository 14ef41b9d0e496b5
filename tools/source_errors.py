"""Why a matched event misses its source: each missed (or wrong) source put in one class, per language.

    python tools/source_errors.py PRED_DIR --split train [--show] [--lang de]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. For every pair
(prediction matched to a required gold event) whose gold source the prediction lacks or gets wrong, the
article is annotated again and the error is put in the first class that fits:

- ``gold is actor``: the gold source is one of the event's own actors ("naar eigen zeggen");
- ``unnamed speaker``: no actor of the document stands for the gold source, and the gold source is a group
  or the text names it only in lower case ("diplomats", "a senior official", "Diplomatenkreisen");
- ``named speaker not resolved``: no actor of the document stands for the gold source, which has a name;
- otherwise the actor is there, and the class says where the attribution stands relative to the gold
  evidence's sentence: ``post-posed attribution`` (its nearest mention later in the sentence), ``cue not
  listed`` (earlier in the sentence, and no attribution of the statements stage holds the trigger),
  ``attribution without its speaker`` (earlier in the sentence, an attribution holds the trigger but names
  someone else or nobody), ``X said: before a list or quote`` (the sentence before ends in a colon),
  ``previous sentence``, ``whole paragraph`` (further back in the paragraph) or ``elsewhere``.

A source where the gold has none (``spurious``) is put in a class by the rule of the events stage that gave it
(``kroniek explain``'s ``source`` entry): ``source phrase`` ("according to X"), ``tail`` (", X said"),
``as X said``, ``report verb`` (an earlier clause's speaker), ``statement`` (the speaker of an attribution
of the statements stage: ``statement (that)``, ``statement (list)``, …) and ``own account`` ("naar eigen
zeggen"); each with whether the gold makes the predicted source an actor of the event (``, gold actor``).

``--show`` prints each error with the gold evidence. Never run it on the sealed test split.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Actor
from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ActorMatcher, actors_match, gold_as_read, score_article

CLASSES = (
    "gold is actor",
    "unnamed speaker",
    "named speaker not resolved",
    "post-posed attribution",
    "cue not listed",
    "attribution without its speaker",
    "X said: before a list or quote",
    "previous sentence",
    "whole paragraph",
    "elsewhere",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), required=True)
    parser.add_argument("--lang", default=None)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    golds = select_golds(split=args.split, lang=args.lang)
    from kroniek.extractor import Extractor

    extractor = Extractor()
    table: Counter[tuple[str, str, str]] = Counter()  # (missing|wrong|spurious, class, language)
    right: Counter[str] = Counter()  # language -> matched pairs whose source is right
    for g in golds:
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        score = score_article(g, pred)
        matcher = ActorMatcher(g.chronicle, pred)
        by_pred = {e.id: e for e in pred.events}
        by_gold = {e.id: e for e in g.chronicle.events}
        errors = []
        for pid, gid in score.pairs:
            p, gold = by_pred[pid], gold_as_read(by_pred[pid], by_gold[gid])
            if gold.source is None:
                if p.source is not None:
                    errors.append((p, gold, "spurious"))
                continue
            if p.source is not None and matcher(p.source, gold.source):
                right[g.language] += 1
                continue
            errors.append((p, gold, "missing" if p.source is None else "wrong"))
        if not errors:
            continue
        doc = _annotate(extractor, g)
        gold_actors = {a.id: a for a in g.chronicle.actors}
        rules = {(e.evidence.start, e.evidence.end): str(e.explain.get("source", "")) for e in doc.events}
        for p, gold, kind in errors:
            if kind == "spurious":
                cls = spurious_class(rules.get((p.evidence.start, p.evidence.end), ""))
                if matcher.any_match([p.source], gold.actor):
                    cls += ", gold actor"
                table[(kind, cls, g.language)] += 1
                if args.show:
                    ev = gold.evidence
                    print(
                        f"{g.key} [{g.language}] spurious / {cls}: {g.chronicle.article.text[ev.start : ev.end][:220]!r}"
                    )
                continue
            cls = classify(doc, gold, gold_actors[gold.source], _trigger_start(p))
            table[(kind, cls, g.language)] += 1
            if args.show:
                text = g.chronicle.article.text
                ev = gold.evidence
                print(f"{g.key} [{g.language}] {kind} / {cls}: gold source {gold_actors[gold.source].name!r}")
                print(f"    {text[ev.start : ev.end][:220]!r}")
                for st in doc.attributions:
                    if st.scope.start <= _trigger_start(p) < st.scope.end:
                        who = doc.actors[st.speaker].name if st.speaker is not None else None
                        print(
                            f"    attribution {st.how}: speaker {who!r}, scope {text[st.scope.start : st.scope.end][:80]!r}"
                        )
    _print(table, right)


def spurious_class(rule: str) -> str:
    """The class of a source the gold does not have, from the events stage's rule for it."""
    if not rule:
        return "rule unknown"
    if "own account" in rule:
        return "own account"
    if rule.startswith("statement ("):
        how = re.match(r"statement \(([^:)]+)", rule)
        return f"statement ({how.group(1) if how else '?'})"
    if rule == "report verb":
        return "report verb"
    if " … " in rule:
        return "as X said"
    if rule.endswith(" X") and not rule.startswith(("according", "volgens", "selon", "laut", "nach", "d'après")):
        return "tail (…, X said)"
    return "source phrase"


def _trigger_start(event: Any) -> int:
    trigger = event.trigger[0] if isinstance(event.trigger, list) else event.trigger
    return trigger.start if trigger is not None else event.evidence.start


def _annotate(extractor: Any, gold: Any) -> Any:
    from kroniek.ingest.sources import RawArticle

    article = gold.chronicle.article
    raw = RawArticle(text=article.text, id=article.id, language=article.language)
    return extractor.annotate(raw, published=article.published, lang=article.language)


def classify(doc: Any, gold: Any, source: Actor, trigger: int) -> str:
    """The class of one missed source (see the module docstring)."""
    if source.id in gold.actor:
        return "gold is actor"
    known = [
        a
        for a in doc.actors
        if actors_match(Actor(id="p", name=a.name, kind=a.kind, country=a.country, wikidata=a.wikidata), source)
    ]
    if not known:
        return "unnamed speaker" if _unnamed(doc.text, source) else "named speaker not resolved"
    sentence = doc.sentence_of(gold.evidence.start) or doc.sentence_of(trigger)
    mentions = sorted((m.start, m.end) for a in known for m in a.mentions) or [
        (m.start, m.end) for m in source.mentions
    ]
    if sentence is not None:
        inside = [m for m in mentions if sentence.start <= m[0] < sentence.end]
        if any(m[0] > trigger for m in inside) and not any(m[0] < trigger for m in inside):
            return "post-posed attribution"
        if inside:
            holding = [st for st in doc.attributions if st.scope.start <= trigger < st.scope.end]
            return "attribution without its speaker" if holding else "cue not listed"
        before = [s for s in doc.sentences if s.end <= sentence.start]
        if before:
            prev = before[-1]
            prev_text = doc.text[prev.start : prev.end].rstrip()
            if any(prev.start <= m[0] < prev.end for m in mentions):
                return "X said: before a list or quote" if prev_text.endswith(":") else "previous sentence"
            paragraph_start = doc.text.rfind("\n", 0, sentence.start)
            if any(paragraph_start < m[0] < sentence.start for m in mentions):
                return "whole paragraph"
    return "elsewhere"


def _unnamed(text: str, source: Actor) -> bool:
    """The text names the source only with lower-case words (after a determiner), or it is a group."""
    if source.kind == "group":
        return True
    words = [text[m.start : m.end].split() for m in source.mentions]
    return all(not any(w[:1].isupper() for w in ws[1:] or ws) for ws in words if ws)


def _print(table: Counter[tuple[str, str, str]], right: Counter[str]) -> None:
    langs = sorted({k[2] for k in table} | set(right))
    print("right sources | " + " | ".join(f"{right[lang]:3}" for lang in langs) + f" | {sum(right.values()):3}")
    for kind in ("missing", "wrong", "spurious"):
        classes = CLASSES if kind != "spurious" else sorted({k[1] for k in table if k[0] == kind})
        rows = [c for c in classes if any(table[(kind, c, lang)] for lang in langs)]
        if not rows:
            continue
        print(f"\n{kind} sources | " + " | ".join(langs) + " | all")
        for c in rows:
            counts = [table[(kind, c, lang)] for lang in langs]
            print(f"{c:35} | " + " | ".join(f"{n:3}" for n in counts) + f" | {sum(counts):3}")
        total = [sum(table[(kind, c, lang)] for c in classes) for lang in langs]
        print(f"{'total':35} | " + " | ".join(f"{n:3}" for n in total) + f" | {sum(total):3}")


if __name__ == "__main__":
    main()
