"""Categorise source and modality errors on matched events (issue 14).

    python tools/field_errors.py PRED_DIR --split dev [--show source|modality] [--lang nl]

PRED_DIR holds predictions saved with ``kroniek evaluate --split SPLIT --save-pred PRED_DIR``. Every
scored pair (prediction matched to a required gold event) is put in one source category:

- ``right``: both name the same actor (under the scorer's actor match);
- ``missing``: gold names a source, the prediction none;
- ``wrong``: both name one, different actors;
- ``spurious``: the prediction names one, gold none;
- ``gold is actor``: gold's source is one of the gold event's own actors (docs/annotation.md: "nach
  eigenen Angaben"), counted apart from the categories above as a sub-count.

and modality errors as a confusion of (predicted -> gold). Dates (``date_category``) fall into ``right``,
``missing`` (gold dates it, the prediction does not), ``spurious`` (the prediction dates it, gold not) and
``wrong`` (both, different values), each followed by where the gold date's words stand relative to the gold
evidence (``in evidence``, ``earlier in text``, ``later in text``) and, for ``wrong``, whether the two name the
same words (``same words``: a resolution or precision error) or the prediction's date comes from another span
(``ours elsewhere``/``ours in evidence``). Strict participants (``participant_category``) fall into ``right``
or one class per side, first fitting: ``swapped`` (a predicted actor is only a gold recipient or the reverse),
then for the actors and then the recipients ``missing`` (a gold one has no predicted counterpart, none extra),
``extra`` (a predicted one has no gold counterpart, none missing), ``wrong`` (both), joined as
``actor wrong + recipient missing``. Source and participant classes are also counted per language.
``--show`` prints each error with its evidence (``--show participants`` the participant errors).
Never run it on the sealed test split.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from kroniek.evaluation.run import read_prediction, select_golds
from kroniek.evaluation.scorer import ActorMatcher, gold_as_read, score_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pred", type=Path)
    parser.add_argument("--split", choices=("train", "dev"), default=None, help="corpus split (default: dev gold set)")
    parser.add_argument("--show", choices=("source", "modality", "source-all", "date", "participants"), default=None)
    parser.add_argument("--lang", default=None)
    parser.add_argument("--explain", action="store_true", help="run kroniek again on each shown error's article")
    args = parser.parse_args()
    golds = select_golds(split=args.split, lang=args.lang)
    extractor = None
    if args.explain:
        from kroniek.extractor import Extractor

        extractor = Extractor()
    source: Counter[str] = Counter()
    modality: Counter[str] = Counter()
    dates: Counter[str] = Counter()
    by_language: Counter[tuple[str, str, str]] = Counter()  # (field, class, language)
    for g in golds:
        pred, _ = read_prediction(args.pred, g)
        if pred is None:
            continue
        score = score_article(g, pred)
        matcher = ActorMatcher(g.chronicle, pred)
        by_pred = {e.id: e for e in pred.events}
        by_gold = {e.id: e for e in g.chronicle.events}
        text = g.chronicle.article.text
        rules: dict[tuple[int, int], dict[str, object]] | None = None
        pred_names = {a.id: a.name for a in pred.actors}
        gold_names = {a.id: a.name for a in g.chronicle.actors}
        for pid, gid in score.pairs:
            p, gold = by_pred[pid], gold_as_read(by_pred[pid], by_gold[gid])
            cat = _source_category(p.source, gold.source, matcher)
            participants = participant_category(p, gold, matcher)
            by_language["participants", participants, g.language] += 1
            if args.show == "participants" and participants != "right":
                ev = gold.evidence
                print(
                    f"{g.key} [{g.language}] {gold.event} participants {participants}: "
                    f"gold {matcher.names(gold.actor, False)} -> {matcher.names(gold.recipient, False)}, "
                    f"pred {matcher.names(p.actor, True)} -> {matcher.names(p.recipient, True)}"
                    f"\n    {text[ev.start : ev.end]!r}"
                )
            if cat:
                source[cat] += 1
                by_language["source", cat, g.language] += 1
                if gold.source is not None and gold.source in gold.actor:
                    source[f"{cat} (gold is actor)"] += 1
            if p.modality != gold.modality:
                modality[f"{p.modality} -> {gold.modality}"] += 1
            else:
                modality["right"] += 1
            date_cat = date_category(p, gold)
            if date_cat:
                dates[date_cat] += 1
            if args.show == "date" and date_cat and date_cat != "right":
                ev = gold.evidence
                print(
                    f"{g.key} [{g.language}] {gold.event} date {date_cat}: pred "
                    f"{p.date and (p.date.value, p.date.text)} gold {gold.date and (gold.date.value, gold.date.text)}"
                    f"\n    {text[ev.start : ev.end]!r}\n    ours: {text[p.evidence.start : p.evidence.end]!r}"
                )
                if extractor is not None:
                    if rules is None:
                        rules = _rules(extractor, g)
                    print(f"    why: date={rules.get((p.evidence.start, p.evidence.end), {}).get('date')!r}")
            wrong_source = cat not in ("", "right")
            if (
                (args.show == "source" and wrong_source)
                or (args.show == "source-all" and cat)
                or (args.show == "modality" and p.modality != gold.modality)
            ):
                ev = gold.evidence
                print(
                    f"{g.key} [{g.language}] {gold.event} source pred={pred_names.get(p.source or '')} "
                    f"gold={gold_names.get(gold.source or '')} ({cat}); modality {p.modality} -> {gold.modality}; "
                    f"actors {[gold_names.get(a) for a in gold.actor]} pred {[pred_names.get(a) for a in p.actor]}\n    {text[ev.start : ev.end]!r}"
                )
                if extractor is not None:
                    if rules is None:
                        rules = _rules(extractor, g)
                    why = rules.get((p.evidence.start, p.evidence.end), {})
                    print(f"    why: source={why.get('source')!r} modality={why.get('modality')!r}")
    print("source:", dict(sorted(source.items())))
    _print_by_language(by_language)
    print("modality:", dict(sorted(modality.items())))
    total = sum(dates.values())
    print(f"date: {total} matched events dated on either side")
    for kind, n in sorted(dates.items()):
        print(f"  {kind:55} {n:4}  {n / max(1, total):.3f}")


def _rules(extractor: Any, gold: Any) -> dict[tuple[int, int], dict[str, object]]:
    """The events stage's explain record of each predicted event, by its evidence span."""
    from kroniek.ingest.sources import RawArticle

    article = gold.chronicle.article
    raw = RawArticle(text=article.text, id=article.id, language=article.language)
    doc = extractor.annotate(raw, published=article.published, lang=article.language)
    return {(e.evidence.start, e.evidence.end): dict(e.explain) for e in doc.events}


def date_category(pred: Any, gold: Any) -> str:
    """The kind of date error on one matched pair (see the module docstring); "" when neither is dated."""
    p, g = pred.date, gold.date
    if p is None and g is None:
        return ""
    if p is not None and g is not None and p.value == g.value:
        return "right"
    where = ""
    if g is not None:
        ev = gold.evidence
        if ev.start <= g.start and g.end <= ev.end:
            where = "gold in evidence"
        else:
            where = "gold earlier in text" if g.end <= ev.start else "gold later in text"
    if g is None:
        if gold.evidence.start <= p.start and p.end <= gold.evidence.end:
            return "spurious (ours in gold evidence)"
        ours = "in our evidence" if pred.evidence.start <= p.start and p.end <= pred.evidence.end else "elsewhere"
        return f"spurious (ours {ours})"
    if p is None:
        return f"missing ({where})"
    if (p.start, p.end) == (g.start, g.end) or p.text == g.text:
        same = "same words"
        if p.value[:7] == g.value[:7] or p.precision != g.precision:
            same += ", close value" if p.precision == g.precision else ", other precision"
        return f"wrong ({where}; {same})"
    ours = "ours in evidence" if pred.evidence.start <= p.start and p.end <= pred.evidence.end else "ours elsewhere"
    return f"wrong ({where}; other words, {ours})"


def participant_category(pred: Any, gold: Any, matcher: ActorMatcher) -> str:
    """The strict-participants error class of one matched pair (see the module docstring)."""
    swapped = any(
        matcher.any_match([a], gold.recipient) and not matcher.any_match([a], gold.actor) for a in pred.actor
    ) or any(matcher.any_match([r], gold.actor) and not matcher.any_match([r], gold.recipient) for r in pred.recipient)
    if swapped:
        return "swapped"
    parts = []
    for side, ours, theirs in (("actor", pred.actor, gold.actor), ("recipient", pred.recipient, gold.recipient)):
        missing = any(not matcher.any_match(ours, [g]) for g in theirs)
        extra = any(not matcher.any_match([o], theirs) for o in ours)
        if missing or extra:
            parts.append(f"{side} {'wrong' if missing and extra else 'missing' if missing else 'extra'}")
    return " + ".join(parts) or "right"


def _print_by_language(by_language: Counter[tuple[str, str, str]]) -> None:
    languages = sorted({lang for _, _, lang in by_language})
    for field in ("source", "participants"):
        print(f"{field} by language: | class | {' | '.join(languages)} | all |")
        classes = sorted({c for f, c, _ in by_language if f == field}, key=lambda c: (c != "right", c))
        for c in classes:
            counts = [by_language[field, c, lang] for lang in languages]
            print(f"| {c} | {' | '.join(map(str, counts))} | {sum(counts)} |")


def _source_category(pred: str | None, gold: str | None, matcher: ActorMatcher) -> str:
    if pred is None and gold is None:
        return ""
    if pred is None:
        return "missing"
    if gold is None:
        return "spurious"
    return "right" if matcher(pred, gold) else "wrong"


if __name__ == "__main__":
    main()
