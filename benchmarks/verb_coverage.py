"""How many of the 100 most common political-event verbs per language the lexicon coder matches (issue 13).

    python benchmarks/verb_coverage.py            # per language: verbs with no matching use, uses matched
    python benchmarks/verb_coverage.py --missing  # also list the verbs and uses that match nothing

Each verb of benchmarks/data/event_verbs.toml comes with three inflected uses ("condemned", "zegde steun
toe", "wies zurück"). A use is put in a short sentence ("The minister condemned ."), run through the
language's nlp stage (lemmas and tags where the language has a trained pipeline, tokens only elsewhere) and
the lexicon's trigger finder; it counts as matched when a trigger covers one of its words. A verb counts
as covered when at least one of its uses is matched.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc, CharSpan
from kroniek.events.clauses import Clause
from kroniek.events.lexicon import load_lexicon
from kroniek.events.triggers import find_triggers
from kroniek.pipeline.config import load_config

VERBS = Path(__file__).parent / "data" / "event_verbs.toml"
SUBJECT = {"en": "The minister", "nl": "De minister", "de": "Der Minister", "fr": "Le ministre"}


def nlp_stage() -> Any:
    from kroniek.pipeline import Pipeline

    config = load_config()
    config["pipeline"]["stages"] = ["nlp.spacy/v1"]
    return Pipeline.from_config(config)


def use_matches(pipeline: Any, lang: str, use: str) -> bool:
    prefix = f"{SUBJECT[lang]} "
    text = f"{prefix}{use} ."
    doc = pipeline(ArticleDoc(article=Article(id="verb", language=lang, text=text)))
    nlp = doc.nlp
    lexicon = load_lexicon(lang)
    assert nlp is not None and lexicon is not None
    clause = Clause(0, len(nlp), CharSpan(0, len(text)), 0)
    use_tokens = {t.i for t in nlp if len(prefix) <= t.idx < len(prefix) + len(use)}
    return any(m.tokens & use_tokens for m in find_triggers(nlp, clause, lexicon))


def coverage(langs: list[str] | None = None) -> dict[str, dict[str, Any]]:
    verbs = tomllib.loads(VERBS.read_text(encoding="utf-8"))
    pipeline = nlp_stage()
    out: dict[str, dict[str, Any]] = {}
    for lang, table in verbs.items():
        if langs and lang not in langs:
            continue
        missing_verbs, missing_uses, uses = [], [], 0
        for lemma, forms in table.items():
            matched = [use for use in forms if use_matches(pipeline, lang, use)]
            uses += len(forms)
            missing_uses += [f"{lemma}: {use}" for use in forms if use not in matched]
            if not matched:
                missing_verbs.append(lemma)
        out[lang] = {
            "verbs": len(table),
            "verbs_unmatched": len(missing_verbs),
            "uses": uses,
            "uses_matched": uses - len(missing_uses),
            "missing_verbs": missing_verbs,
            "missing_uses": missing_uses,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default=None, help="only these languages, e.g. nl,en")
    parser.add_argument("--missing", action="store_true", help="list the verbs and uses that match nothing")
    args = parser.parse_args()
    result = coverage(args.lang.split(",") if args.lang else None)
    for lang, row in result.items():
        print(
            f"{lang}: {row['verbs_unmatched']} of {row['verbs']} verbs match in none of their uses; "
            f"{row['uses_matched']} of {row['uses']} uses matched"
        )
        if args.missing:
            print("  verbs:", ", ".join(row["missing_verbs"]))
            print("  uses:", "; ".join(row["missing_uses"]))


if __name__ == "__main__":
    main()
