"""Single trigger words the lexicon lacks, with their precision risk (issue 13, round 6).

    python benchmarks/coder_lab.py prepare --split train      # once: the annotated documents, events stage left out
    python benchmarks/missing_words.py --split train          # the table (docs/events.md, "Single missing words")
    python benchmarks/missing_words.py --split train --min-missed 2 --json words.json

For every required gold event the whole pipeline misses and for which neither the lexicon nor the model
proposed a candidate (benchmarks/trigger_gaps.py's "no candidate"), whose gold trigger is one word (or a
noun governed by a verb, whose noun is the trigger), the word is keyed as a lexicon entry would match it: by
its lemma and part of speech where the language's nlp model tags (en, nl), by its stem
(``[cues].stem_suffixes``) where it does not (de, fr). Then every occurrence of that key in the split's texts
is counted: how many lie on a gold trigger, of which gold type (any gold event, optional or not, found or
missed), and how many are no trigger at all (the precision risk of an entry for the word), and in how many
documents the missed uses occur. The test split is refused (lab_cache.golds_of).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coder_lab import golds_of, load_docs  # benchmarks/ is on the path when run as a script
from trigger_gaps import DEFAULT_THRESHOLD, _head_token, construction_of, missed_triggers, model_proposed

from kroniek.evaluation.scorer import overlap
from kroniek.events.lexicon import Lexicon, load_lexicon

_KIND_OF_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
_SINGLE = frozenset({"single word (missing lemma)", "noun governed by a verb"})


@dataclass
class WordCounts:
    """One lexicon key (lemma and kind, or stem) in one language."""

    missed: Counter[str] = field(default_factory=Counter)  # gold type -> missed events with no candidate
    missed_docs: set[str] = field(default_factory=set)
    on_gold: Counter[str] = field(default_factory=Counter)  # gold type -> occurrences on a gold trigger
    gold_docs: set[str] = field(default_factory=set)
    off_gold: int = 0  # occurrences on no gold trigger
    forms: Counter[str] = field(default_factory=Counter)

    def row(self) -> dict[str, Any]:
        on = sum(self.on_gold.values())
        top, top_n = self.on_gold.most_common(1)[0] if self.on_gold else ("-", 0)
        return {
            "missed": sum(self.missed.values()),
            "missed_by_type": dict(self.missed),
            "missed_docs": len(self.missed_docs),
            "on_gold": on,
            "on_gold_by_type": dict(self.on_gold),
            "gold_docs": len(self.gold_docs),
            "off_gold": self.off_gold,
            "top_type": top,
            "type_share": top_n / on if on else 0.0,
            "trigger_share": on / (on + self.off_gold) if on + self.off_gold else 0.0,
            "forms": [f for f, _ in self.forms.most_common(4)],
        }


def key_of(token: Any, lexicon: Lexicon) -> str:
    """How a lexicon entry for this word would match it: lemma and kind where tagged, else its stem."""
    word = token.text.lower()
    if token.pos_:
        kind = _KIND_OF_POS.get(token.pos_, token.pos_.lower())
        return f"{(token.lemma_ or token.text).lower()}/{kind}"
    return lexicon.stem(word) or word


def _missed_single_words(split: str, threshold: float) -> list[tuple[str, Any, Any]]:
    """(doc key, gold event, head token) for each missed required event with no candidate and a one-word trigger."""
    out = []
    for miss in missed_triggers(split):
        tokens = miss.tokens
        if not tokens or any(t.i in miss.lexicon_tokens or t.i in miss.senses for t in tokens):
            continue
        if miss.on_event or model_proposed(miss.best, threshold):
            continue
        if construction_of(miss.gold_event, tokens, miss.lexicon) in _SINGLE:
            out.append((miss.key, miss.gold_event, _head_token(tokens)))
    return out


def missing_words(split: str, threshold: float) -> dict[str, dict[str, WordCounts]]:
    docs = load_docs(split)
    golds = {g.key: g for g in golds_of(split)}
    words: dict[str, dict[str, WordCounts]] = defaultdict(lambda: defaultdict(WordCounts))
    for key, g, head in _missed_single_words(split, threshold):
        doc = docs[key]
        counts = words[doc.lang][key_of(head, load_lexicon(doc.lang))]  # type: ignore[arg-type]
        counts.missed[g.event] += 1
        counts.missed_docs.add(key)
    # every occurrence of the missed keys in the split, on a gold trigger (its type) or not
    for key, doc in docs.items():
        lexicon = load_lexicon(doc.lang)
        wanted = words.get(doc.lang)
        if lexicon is None or doc.nlp is None or not wanted:
            continue
        trigger_spans = [
            (s.start, s.end, g.event)
            for g in golds[key].chronicle.events
            for s in (g.trigger if isinstance(g.trigger, list) else [g.trigger])
            if s is not None
        ]
        for token in doc.nlp:
            word_key = key_of(token, lexicon)
            if word_key not in wanted:
                continue
            counts = wanted[word_key]
            counts.forms[token.text.lower()] += 1
            types = {t for s, e, t in trigger_spans if overlap((s, e), (token.idx, token.idx + len(token.text)))}
            if types:
                counts.on_gold[sorted(types)[0]] += 1
                counts.gold_docs.add(key)
            else:
                counts.off_gold += 1
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="train", choices=["train", "dev", "goldset"])
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="the model_threshold in force")
    parser.add_argument("--min-missed", type=int, default=2, help="list words missed at least this often")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args()
    rows = {
        lang: {w: c.row() for w, c in counts.items() if sum(c.missed.values()) >= args.min_missed}
        for lang, counts in sorted(missing_words(args.split, args.threshold).items())
    }
    for lang, table in rows.items():
        print(f"\n{lang}: missed  docs | on gold (top type, share) | off gold | word")
        for word, r in sorted(table.items(), key=lambda p: -p[1]["missed"]):
            print(
                f"  {r['missed']:4d} {r['missed_docs']:4d} | {r['on_gold']:4d} {r['top_type']:>10s} {r['type_share']:4.0%}"
                f" | {r['off_gold']:4d} ({r['trigger_share']:4.0%} trigger) | {word} {','.join(r['forms'])}"
            )
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
