"""Gold trigger words the events stage never proposes, and why (issue 13, "lexicon as one signal").

    python benchmarks/coder_lab.py prepare --split train      # once: the annotated documents, events stage left out
    python benchmarks/trigger_gaps.py --split train           # the counts (docs/events.md, "Triggers never proposed")
    python benchmarks/trigger_gaps.py --split train --words 40 --json gaps.json

Every required gold event the pipeline misses is put in one class by what became of its gold trigger word:
an event lies on it, the lexicon matched it (the event was dropped later), the model proposed it, or it had
*no candidate*. A word with no candidate is then classed by why the lexicon did not match it: set aside as
another word sense (modifier, charge, participle), listed but for the other part of speech (the noun "protest"
for a verb entry), a noun entry lacking this inflection, a separable verb whose particle is missing, only
part of a multiword form, or absent from the lexicon. The table also gives the word's part of speech, the
gold trigger's shape (one word, several words, discontinuous), the model's event probability and the most
frequent missing lemmas per language and type, so that words can be added where they pay. Each word with no
candidate is also put in one construction class (``construction_of``: a light verb with its noun, a noun
governed by a verb, a split phrasal or separable verb, a full verb with its object, a clause-long gold
trigger, a single missing word), per language, with the gold triggers of each class listed (docs/events.md,
"Light-verb constructions").
The sealed test split is refused (coder_lab.golds_of).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coder_lab import golds_of, load_docs, run_events  # benchmarks/ is on the path when run as a script

from kroniek.assemble import to_chronicle
from kroniek.evaluation.scorer import overlap, score_article
from kroniek.events.clauses import Clause
from kroniek.events.learned import MIN_TYPE_PROBABILITY, children_of, load_trigger_model, model_signals
from kroniek.events.lexicon import Lexicon, load_lexicon
from kroniek.events.triggers import TriggerMatch, find_triggers

DEFAULT_THRESHOLD = 0.7
_KIND_OF_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}


def _sentence_matches(doc: Any, lexicon: Lexicon) -> tuple[set[int], dict[int, TriggerMatch]]:
    """(tokens the lexicon matches, token -> a match the trigger finder set aside as another word sense)."""
    nlp = doc.nlp
    matched: set[int] = set()
    senses: dict[int, TriggerMatch] = {}
    for n, sentence in enumerate(doc.sentences):
        span = nlp.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        aside: list[TriggerMatch] = []
        for match in find_triggers(nlp, Clause(span.start, span.end, sentence, n), lexicon, word_senses=aside):
            matched |= match.tokens
        for match in aside:
            for i in range(match.start, match.end):
                senses[i] = match
    return matched, senses


def _head_token(tokens: list[Any]) -> Any:
    """The token that carries a multiword trigger: a verb, else a noun, else the longest word."""
    for pos in ("VERB", "NOUN", "ADJ"):
        for token in tokens:
            if token.pos_ == pos:
                return token
    return max(tokens, key=lambda t: len(t.text))


def _lemma(token: Any) -> str:
    return (token.lemma_ or token.text).lower()


def lexicon_status(token: Any, lexicon: Lexicon) -> str:
    """Why the lexicon has no match for a word the trigger finder passed over."""
    word = token.text.lower()
    lemma = _lemma(token)
    kind = _KIND_OF_POS.get(token.pos_)
    entries = [*lexicon.by_lemma.get(lemma, ()), *lexicon.by_form_lemma.get(lemma, ())]
    if any(kind is not None and e.kind != kind for e in entries):
        return "listed for the other part of speech"
    single = [e for e in lexicon.entries if any(f == (lemma,) or f == (word,) for f in e.forms)]
    if any(e.particle for e in single):
        return "separable verb, particle not found"
    if any(e.kind == "noun" for e in single):
        return "noun entry lacks this inflection"
    if single or entries:
        return "listed, not matched (untagged or other form)"
    stem = lexicon.stem(word) if lexicon.by_stem else None
    if stem is not None and stem in lexicon.by_stem:
        return "listed, not matched (untagged or other form)"
    if any(word in form or lemma in form for e in lexicon.entries for form in e.forms if len(form) > 1):
        return "only part of a multiword form"
    return "absent from the lexicon"


# which dependency relations link a general verb to its event noun ("held talks", "took measures against")
_GOVERNED_DEPS = frozenset({"obj", "dobj", "obl", "nsubj:pass", "iobj", "obl:arg"})
_PARTICLE_DEPS = frozenset({"compound:prt", "prt"})
_WINDOW = 5  # untagged de/fr: a light verb this many words before (or, verb-final, after) the noun
_LONGEST_PHRASE = 5  # content words: a longer gold trigger is a clause, not a construction
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?"})


def _verbal(token: Any, lexicon: Lexicon) -> bool:
    """A verb by its tag, or (untagged de/fr) a word the language lists as a light verb."""
    if token.pos_:
        return token.pos_ in ("VERB", "AUX")
    return token.text.lower() in lexicon.cues.light_verbs


def _window(token: Any) -> list[Any]:
    """The words around a token within its clause (stopping at clause punctuation), nearest first."""
    doc = token.doc
    out = []
    for step in (-1, 1):
        i = token.i + step
        while 0 <= i < len(doc) and abs(i - token.i) <= _WINDOW and doc[i].text not in _CLAUSE_ENDS:
            out.append(doc[i])
            i += step
    return sorted(out, key=lambda t: abs(t.i - token.i))


def _governing_verb(token: Any, lexicon: Lexicon) -> Any | None:
    """The verb a noun is the object (or oblique) of: by the parse, else a light verb nearby."""
    doc = token.doc
    if doc.has_annotation("DEP") and token.pos_:
        head = token.head
        # "took tough measures": obj; "voerden gesprekken met": obj; a conjunct takes its first conjunct's head
        if token.dep_ == "conj" and head.pos_ == "NOUN":
            token, head = head, head.head
        return head if token.dep_ in _GOVERNED_DEPS and head.pos_ in ("VERB", "AUX") else None
    return next(
        (t for t in _window(token) if t.text.lower() in lexicon.cues.light_verbs or _stem_in(t.text, lexicon)), None
    )


def _stem_in(word: str, lexicon: Lexicon) -> bool:
    """An untagged word that is an inflection of a general verb (by the language's stem endings)."""
    stem = lexicon.stem(word.lower())
    return stem is not None and any(lexicon.stem(v) == stem for v in GENERAL_VERBS.get(lexicon.lang, ()))


def construction_of(gold_event: Any, tokens: list[Any], lexicon: Lexicon) -> str:
    """Which construction a gold trigger with no candidate is: a light verb with an event noun (both in
    the trigger, or a general verb marked with its object noun), a phrasal or separable verb split from
    its particle, an event noun governed by a verb, or a single word the lexicon lacks."""
    if isinstance(gold_event.trigger, list) and len(gold_event.trigger) > 1:
        return "split phrasal/separable"
    doc = tokens[0].doc
    children = children_of(doc)
    content = [t for t in tokens if t.is_alpha and len(t.text) > 2]
    verbs = [t for t in content if _verbal(t, lexicon)]
    nouns = [t for t in content if t not in verbs and (t.pos_ in ("NOUN", "PROPN") or not t.pos_)]
    if len(content) > _LONGEST_PHRASE:
        return "clause-long gold trigger"
    general = [t for t in verbs if _general(t, lexicon)]
    if general and nouns:
        return "light verb + noun (both marked)"
    if verbs and nouns:
        return "full verb + its object (verb lemma missing)"
    if len(content) == 1:
        word = content[0]
        has_dep = doc.has_annotation("DEP") and bool(word.pos_)
        if has_dep and any(
            c.dep_ in _PARTICLE_DEPS and c.i not in {t.i for t in tokens} for c in children.get(word.i, ())
        ):
            return "split phrasal/separable"
        if has_dep and word.pos_ in ("VERB", "AUX"):
            objects = [c for c in children.get(word.i, ()) if c.dep_ in _GOVERNED_DEPS and c.pos_ == "NOUN"]
            if objects and _general(word, lexicon):
                return "light verb + noun (verb marked)"
        elif not has_dep and _general(word, lexicon):
            return "light verb + noun (verb marked)"
        if word.pos_ in ("NOUN", "PROPN") or not word.pos_:
            if _governing_verb(word, lexicon) is not None:
                return "noun governed by a verb"
    return "single word (missing lemma)"


# general verbs that carry an event only with their noun ("take measures", "maatregelen nemen", "porter
# plainte"): the measurement's own list, so that it does not move when the lexicon's lists do
GENERAL_VERBS = {
    "en": {
        "make",
        "take",
        "give",
        "hold",
        "have",
        "do",
        "put",
        "bring",
        "launch",
        "carry",
        "conduct",
        "issue",
        "lodge",
        "file",
        "pay",
        "set",
        "reach",
        "keep",
        "raise",
        "call",
        "lay",
        "stage",
        "open",
        "impose",
    },
    "nl": {
        "nemen",
        "maken",
        "geven",
        "houden",
        "hebben",
        "doen",
        "voeren",
        "brengen",
        "leggen",
        "stellen",
        "zetten",
        "afleggen",
        "indienen",
        "uitvaardigen",
        "opleggen",
        "treffen",
        "sluiten",
        "bereiken",
        "uitoefenen",
        "uitspreken",
        "uiten",
        "plegen",
        "openen",
        "starten",
        "lanceren",
        "bieden",
        "verlenen",
    },
    "de": {
        "nehmen",
        "machen",
        "geben",
        "halten",
        "haben",
        "führen",
        "bringen",
        "legen",
        "stellen",
        "setzen",
        "abgeben",
        "erheben",
        "treffen",
        "schließen",
        "erzielen",
        "ausüben",
        "verhängen",
        "leisten",
        "aussprechen",
        "einlegen",
        "einleiten",
        "starten",
        "üben",
    },
    "fr": {
        "faire",
        "prendre",
        "donner",
        "tenir",
        "avoir",
        "mener",
        "porter",
        "mettre",
        "lancer",
        "poser",
        "déposer",
        "conclure",
        "imposer",
        "infliger",
        "exercer",
        "adresser",
        "formuler",
        "présenter",
        "ouvrir",
        "engager",
        "apporter",
        "fournir",
        "accorder",
        "émettre",
        "livrer",
        "proférer",
    },
}


def _general(token: Any, lexicon: Lexicon) -> bool:
    """A general (light) verb: by its lemma where tagged, else by its form or the stem of a general verb."""
    if token.pos_:
        return (token.lemma_ or token.text).lower() in _light_lemmas(lexicon)
    return token.text.lower() in _light_lemmas(lexicon) or _stem_in(token.text, lexicon)


def _light_lemmas(lexicon: Lexicon) -> frozenset[str]:
    """The light verbs' own forms (the lists hold infinitives and finite forms) and the general verbs."""
    return lexicon.cues.light_verbs | GENERAL_VERBS.get(lexicon.lang, set())


def _shape(gold_event: Any, tokens: list[Any]) -> str:
    if isinstance(gold_event.trigger, list) and len(gold_event.trigger) > 1:
        return "discontinuous"
    return "one word" if len(tokens) == 1 else "multiword"


@dataclass(frozen=True)
class MissedTrigger:
    """A required gold event the whole pipeline missed, with what the events stage saw on its trigger words."""

    key: str
    doc: Any
    lexicon: Lexicon
    gold_event: Any
    spans: list[Any]  # the gold trigger's spans (empty: the gold gives none)
    tokens: list[Any]  # the parse's tokens under those spans
    on_event: bool  # an extracted event's trigger overlaps the gold trigger
    lexicon_tokens: set[int]  # token indexes the lexicon matched in the sentence
    senses: dict[int, TriggerMatch]  # token indexes set aside as another word sense
    best: Any  # the model's best score on the tokens (None: no score)


def missed_triggers(split: str) -> Iterator[MissedTrigger]:
    """Every required gold event of the split that the pipeline misses (benchmarks/coder_lab.py's cached parse)."""
    docs = load_docs(split)
    golds = {g.key: g for g in golds_of(split)}
    lexicon_only = run_events(docs, event_model="none")
    full = run_events(docs)
    model = load_trigger_model("shipped")
    for key, doc in full.items():
        gold, nlp = golds[key], doc.nlp
        lexicon = load_lexicon(doc.lang)
        if lexicon is None or nlp is None:
            continue
        matched = {g for _, g in score_article(gold, to_chronicle(doc)).pairs}
        signals = model_signals(model, nlp, doc.lang, lexicon_only[key].events, 0.0) if model else None
        lexicon_tokens, senses = _sentence_matches(doc, lexicon)
        for g in gold.chronicle.events:
            if g.id in matched or gold.extras_of(g.id).optional:
                continue
            spans = [s for s in (g.trigger if isinstance(g.trigger, list) else [g.trigger]) if s is not None]
            tokens = [t for t in nlp if any(t.idx < s.end and t.idx + len(t.text) > s.start for s in spans)]
            on_event = any(
                any(overlap((s.start, s.end), (e.start, e.end)) for s in spans for e in ev.trigger) for ev in doc.events
            )
            scores = [signals.scores[t.idx] for t in tokens if signals is not None and t.idx in signals.scores]
            best = max(scores, key=lambda s: s.event_probability, default=None)
            yield MissedTrigger(key, doc, lexicon, g, spans, tokens, on_event, lexicon_tokens, senses, best)


def model_proposed(best: Any, threshold: float) -> bool:
    return best is not None and best.event_probability >= threshold and best.probability >= MIN_TYPE_PROBABILITY


def gaps(split: str, threshold: float) -> dict[str, Any]:
    classes: Counter[str] = Counter()
    by: dict[str, Counter[str]] = defaultdict(Counter)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, Counter[str]] = defaultdict(Counter)
    for miss in missed_triggers(split):
        g, tokens, lexicon, doc, senses, best = (
            miss.gold_event,
            miss.tokens,
            miss.lexicon,
            miss.doc,
            miss.senses,
            miss.best,
        )
        if not miss.spans or not tokens:
            classes["no gold trigger"] += 1
        elif miss.on_event:
            classes["an event on the word"] += 1
        elif any(t.i in miss.lexicon_tokens for t in tokens):
            classes["lexicon matched, event dropped"] += 1
        elif model_proposed(best, threshold):
            classes["model proposed, event dropped"] += 1
        else:
            classes["no candidate"] += 1
            head = _head_token(tokens)
            sense = next((senses[t.i] for t in tokens if t.i in senses), None)
            status = "word sense (modifier, charge, participle)" if sense else lexicon_status(head, lexicon)
            prob = best.event_probability if best is not None else 0.0
            band = "model < 0.3" if prob < 0.3 else f"model 0.3-{threshold}"
            lang = doc.lang
            by["language"][lang] += 1
            by["lexicon status"][status] += 1
            by["language x status"][f"{lang} {status}"] += 1
            by["part of speech"][f"{lang} {head.pos_ or 'untagged'}"] += 1
            by["gold type"][g.event] += 1
            by["shape"][_shape(g, tokens)] += 1
            construction = construction_of(g, tokens, lexicon)
            by["construction"][f"{lang} {construction}"] += 1
            by["construction, all languages"][construction] += 1
            examples[f"{lang} {construction}"][" ".join(t.text for t in tokens).lower()] += 1
            by["model"][band] += 1
            if status != "word sense (modifier, charge, participle)":
                words[lang][f"{_lemma(head)} {g.event} ({head.pos_ or '-'})"] += 1
    return {"classes": classes, **by, "words": words, "examples": examples}


def show(result: dict[str, Any], top: int) -> None:
    for name, counts in result.items():
        if name in ("words", "examples"):
            continue
        total = sum(counts.values())
        print(f"\n{name} ({total})")
        for what, n in counts.most_common():
            print(f"  {n:5d} {n / total:6.1%}  {what}")
    for lang, counts in sorted(result["words"].items()):
        print(
            f"\nmost frequent words with no candidate, {lang}: "
            + ", ".join(f"{w} {n}" for w, n in counts.most_common(top))
        )
    for what, counts in sorted(result["examples"].items()):
        print(f"\ngold triggers, {what}: " + ", ".join(f"{w} {n}" for w, n in counts.most_common(top)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="train", choices=["train", "dev", "goldset"])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="the model_threshold in force")
    parser.add_argument("--words", type=int, default=30, help="how many missing words to list per language")
    parser.add_argument("--json", type=Path, default=None, help="also write the counts here")
    args = parser.parse_args()
    result = gaps(args.split, args.threshold)
    show(result, args.words)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
