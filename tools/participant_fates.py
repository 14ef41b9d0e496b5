"""Why events die for want of a participant (issue 13, "Arguments that survive"): every missed gold event
whose trigger the events stage dropped as "no participant" (or "noun with only a recipient"), counted per
language by the construction of the dropped trigger and by whether the actors stage found the gold
participants' mentions in its sentence.

    python tools/participant_fates.py --split train
    python tools/participant_fates.py --split dev --json out.json   # also every case, for reading

Constructions (from the dependency parse; de and fr have none, so they count as "other"): nominal,
passive, elided after a coordinator, collective subject, subject not an actor, embedded/non-finite, other.
"Participants found": all/some/none of the gold participants' mentions in the trigger's sentence overlap
an actor mention of the actors stage, or the gold names none there (the participants stand elsewhere).
A miss whose participants the actors stage never found cannot be repaired by the events stage.
Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from trigger_fates import _fate_of_miss, _spans

from kroniek.assemble import to_chronicle
from kroniek.chronicle.models import Event
from kroniek.document import ArticleDoc, CharSpan, DroppedTrigger
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import select_golds
from kroniek.evaluation.scorer import score_article
from kroniek.events import fates
from kroniek.extractor import Extractor
from kroniek.ingest import article_from_text

PARTICIPANT_FATES = frozenset({fates.NO_PARTICIPANT, fates.NOUN_RECIPIENT_ONLY})
PASSIVE_DEPS = frozenset({"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"})
EMBEDDED_DEPS = frozenset({"xcomp", "advcl", "acl", "ccomp", "acl:relcl", "relcl"})
# words of a plural subject that may refer to the parties named before ("the two sides", "beide partijen")
COLLECTIVE_WORDS = frozenset({"sides", "parties", "partijen", "kanten", "countries", "landen", "both", "beide", "two"})


def _sentence_of(doc: ArticleDoc, offset: int) -> CharSpan | None:
    return next((s for s in doc.sentences if s.start <= offset < s.end), None)


def construction(doc: ArticleDoc, trigger: DroppedTrigger) -> str:
    """The construction the dropped trigger stands in. Children are found through ``head`` within the
    sentence: the Doc's own ``.sent``/``.children`` crashed on some train documents."""
    nlp = doc.nlp
    sentence = _sentence_of(doc, trigger.start)
    token = next((t for t in nlp if trigger.start <= t.idx < trigger.end), None) if nlp is not None else None
    if token is None or sentence is None or not token.pos_:
        return "other"
    children = [t for t in nlp if sentence.start <= t.idx < sentence.end and t.head.i == token.i and t.i != token.i]
    deps = {c.dep_ for c in children}
    subjects = [c for c in children if c.dep_.startswith("nsubj")]
    if token.pos_ in ("NOUN", "PROPN"):
        return "nominal"
    if deps & PASSIVE_DEPS:
        return "passive"
    if token.dep_ == "conj" or "cc" in deps:
        return "elided after a coordinator"
    if any(w.text.lower() in COLLECTIVE_WORDS for s in subjects for w in s.subtree):
        return "collective subject"
    if subjects:
        return "subject not an actor"
    if token.dep_ in EMBEDDED_DEPS:
        return "embedded/non-finite"
    return "other"


def participants_found(doc: ArticleDoc, gold: GoldChronicle, event: Event, trigger: DroppedTrigger) -> str:
    """Whether the actors stage found the gold participants' mentions in the trigger's sentence."""
    sentence = _sentence_of(doc, trigger.start)
    if sentence is None:
        return "no sentence"
    inside = lambda start: sentence.start <= start < sentence.end  # noqa: E731
    found = [(m.start, m.end) for a in doc.actors for m in a.mentions if inside(m.start)]
    wanted = {*event.actor, *event.recipient}
    gold_mentions = [
        (m.start, m.end) for a in gold.chronicle.actors if a.id in wanted for m in a.mentions if inside(m.start)
    ]
    if not gold_mentions:
        return "none named in the sentence"
    covered = [g for g in gold_mentions if any(s < g[1] and g[0] < e for s, e in found)]
    if len(covered) == len(gold_mentions):
        return "all found"
    return "some found" if covered else "none found"


def article_cases(extractor: Extractor, gold: GoldChronicle) -> list[dict[str, Any]]:
    """One record per missed gold event of this article that died for want of a participant."""
    article = gold.chronicle.article
    meta = {"id": article.id, "url": article.url, "source": article.source, "title": article.title}
    raw = article_from_text(article.text, article.id, max_chars=extractor.max_chars, **meta)
    doc = extractor.annotate(raw, published=article.published, lang=article.language)
    chronicle = to_chronicle(doc)
    missed = {i.event_id for i in score_article(gold, chronicle).issues if i.kind == "missed"}
    cases = []
    for event in gold.chronicle.events:
        if event.id not in missed:
            continue
        fate = _fate_of_miss(event, chronicle.events, doc.dropped_triggers)
        if fate not in PARTICIPANT_FATES:
            continue
        start, end = event.evidence.start, event.evidence.end
        inside = [d for d in doc.dropped_triggers if start <= d.start and d.end <= end and d.reason == fate]
        on_trigger = [d for d in inside if any(s < d.end and d.start < e for s, e in _spans(event))]
        trigger = (on_trigger or inside)[0]
        sentence = _sentence_of(doc, trigger.start)
        cases.append(
            {
                "article": gold.key,
                "language": article.language,
                "fate": fate,
                "construction": construction(doc, trigger),
                "participants": participants_found(doc, gold, event, trigger),
                "gold_actor": "actor []" if not event.actor else "actor",
                "trigger": doc.text[trigger.start : trigger.end],
                "event": event.event,
                "sentence": doc.text[sentence.start : sentence.end] if sentence else "",
            }
        )
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--config", type=Path, default=None, help="pipeline configuration file (TOML)")
    parser.add_argument("--json", type=Path, default=None, help="also write every case here")
    args = parser.parse_args(argv)
    extractor = Extractor(config_path=args.config)
    golds = select_golds(split=args.split)
    cases = [case for gold in golds for case in article_cases(extractor, gold)]
    print(f"# {len(golds)} articles of the {args.split} split: {len(cases)} missed events without a participant")
    for field in ("construction", "participants", "gold_actor"):
        counts = Counter((c["language"], c[field]) for c in cases)
        print(f"\nby {field}")
        for (language, value), n in sorted(counts.items()):
            print(f"  {language}  {n:5d}  {value}")
    if args.json is not None:
        args.json.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
