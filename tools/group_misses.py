"""Which gold group mentions the actors stage misses (issues 13 and 14: participants), by language and head noun.

Every mention of a gold actor of kind ``group`` that is a participant of some gold event is put in one class:

- ``found``: an actor mention of the actors stage overlaps it;
- ``listed, not bare``: not found, and its head noun is in ``actors/data/roles.toml`` [[group]] but not read
  without a country adjective (``bare``);
- ``listed, bare``: not found although its head noun is read bare (a number, possessive, capital or "of"
  phrase in the way);
- ``absent``: not found, and its head noun is in no group list (a word list gap or an inflection);

and, crossing these, a construction: ``number`` ("27 burgers", "hundreds of", "Tausende"), ``coordinated``
("students and workers") or ``plain``. The head noun is the mention's last word. Uses the parses cached by
``benchmarks/actors_lab.py prepare`` (the stages after nlp rerun).

    python tools/group_misses.py --split train --lab-cache /tmp/kroniek-actors-lab [--top 40]

Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import re
import tomllib
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Chronicle
from kroniek.evaluation.run import select_golds
from kroniek.pipeline.config import load_config
from kroniek.pipeline.runner import Pipeline

LANGS = ("nl", "en", "de", "fr")
_WORD = re.compile(r"[\w'-]+")
# Quantifiers that make a group mention a counted one, beside digits and the number words of
# kroniek/lang/<code>/numbers.toml.
_QUANTIFIERS = {
    "some", "several", "many", "tens", "enkele", "tientallen", "zo'n", "mehrere", "einige", "zahlreiche",
    "plusieurs", "quelques", "dizaines", "centaines", "milliers",
}  # fmt: skip
_CONJUNCTIONS = {"and", "en", "und", "et", "or", "of", "oder", "ou"}


def group_lists() -> dict[tuple[str, str], bool]:
    """(language, noun) -> whether the noun is read bare, from the actors stage's [[group]] lists."""
    text = resources.files("kroniek.actors").joinpath("data/roles.toml").read_text(encoding="utf-8")
    out: dict[tuple[str, str], bool] = {}
    for entry in tomllib.loads(text).get("group", []):
        for lang in LANGS:
            for noun in entry.get(lang, []):
                out[(lang, noun.lower())] = bool(entry.get("bare", False))
    return out


@lru_cache(maxsize=1)
def number_words() -> frozenset[str]:
    """Number words of every language (units but the article "a"/"an"/"un", tens, scales, vague plurals)."""
    words = set(_QUANTIFIERS)
    for lang in LANGS:
        text = resources.files("kroniek.lang").joinpath(f"{lang}/numbers.toml").read_text(encoding="utf-8")
        table = tomllib.loads(text)
        for section in ("units", "tens", "scales", "vague"):
            words.update(w.lower() for w in table.get(section, {}) if " " not in w)
    return frozenset(words - {"a", "an", "un", "une", "een", "ein", "eine"})


def construction(words: list[str]) -> str:
    if any(w.isdigit() or w in number_words() for w in words[:-1]):
        return "number"
    return "coordinated" if any(w in _CONJUNCTIONS for w in words[:-1]) else "plain"


def article_rows(
    gold: Chronicle, found: list[tuple[int, int]], lists: dict[tuple[str, str], bool]
) -> list[dict[str, Any]]:
    participants = {ref for event in gold.events for ref in (*event.actor, *event.recipient)}
    lang, text = gold.article.language, gold.article.text
    rows = []
    for actor in gold.actors:
        if actor.kind != "group" or actor.id not in participants:
            continue
        for m in actor.mentions:
            words = _WORD.findall(text[m.start : m.end].lower())
            head = words[-1] if words else ""
            if any(s < m.end and m.start < e for s, e in found):
                kind = "found"
            elif (lang, head) in lists:
                kind = "listed, bare" if lists[(lang, head)] else "listed, not bare"
            else:
                kind = "absent"
            rows.append(
                {"lang": lang, "head": head, "name": actor.name, "class": kind, "construction": construction(words)}
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--lab-cache", type=Path, required=True, help="the actors_lab.py cache folder")
    parser.add_argument("--top", type=int, default=30, help="head nouns shown per class and language")
    args = parser.parse_args()
    with open(args.lab_cache / f"{args.split}.pkl", "rb") as fh:
        docs = pickle.load(fh)  # noqa: S301 (our own cache)
    stages = [s for s in Pipeline.from_config(load_config()).stages if s.name != "nlp.spacy/v1"]
    lists = group_lists()
    rows: list[dict[str, Any]] = []
    for gold in select_golds(split=args.split):
        if gold.key not in docs:
            continue
        doc = copy.copy(docs[gold.key])
        doc.notes, doc.provided = list(doc.notes), set(doc.provided)
        for stage in stages:
            doc = stage(doc)
        found = [(m.start, m.end) for a in doc.actors for m in a.mentions]
        rows.extend(article_rows(gold.chronicle, found, lists))
    print(f"{len(rows)} participant group mentions in {args.split}")
    print(Counter((r["class"], r["construction"]) for r in rows).most_common())
    heads: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["class"] != "found":
            heads[(r["class"], r["lang"])][r["head"]] += 1
    for (kind, lang), counts in sorted(heads.items()):
        print(
            f"\n{kind} {lang} ({sum(counts.values())}): "
            + ", ".join(f"{h} {n}" for h, n in counts.most_common(args.top))
        )


if __name__ == "__main__":
    main()
