"""What kind of mention the actors stage missed when an event died for want of a participant (issue 13,
"Arguments that survive"): for every missed gold event whose trigger the events stage dropped as "no
participant" (or "noun with only a recipient") and none of whose gold participants' mentions in the trigger's
sentence the actors stage found (``tools/participant_fates.py``: "none found"), the gold participant
mentions of that sentence are sorted into kinds, counted per language:

- pronoun: "he", "ze", "ils";
- group noun: a gold group named by a common noun without a country adjective ("Protesters", "de bendes");
- national-adjective group: a gold group with a country adjective ("Israeli troops", "Russische soldaten");
- institution: a gold organisation or state named by a common noun ("the government", "the army", "het
  parlement");
- role / definite re-mention: a gold person named by a role noun ("the president", "de minister");
- person name missed: a gold person written with a capitalised name;
- state/organisation name missed: a gold state, organisation or group written with a capitalised name;
- other.

Each case counts once, by the kind of its first gold actor mention (else recipient); ``--mentions`` counts
every gold mention instead. With ``--lab-cache DIR`` the parses cached by ``benchmarks/actors_lab.py prepare``
are reused (the stages after nlp rerun), else every article is annotated.

    python tools/participant_kinds.py --split train [--lab-cache /tmp/kroniek-actors-lab] [--json out.json]

Never run on the sealed test split.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import tomllib
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from participant_fates import PARTICIPANT_FATES, _sentence_of, participants_found
from trigger_fates import _fate_of_miss, _spans

from kroniek.actors.kb import ADJ, ActorKB
from kroniek.assemble import to_chronicle
from kroniek.chronicle.models import Actor, Chronicle
from kroniek.document import ArticleDoc
from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import select_golds
from kroniek.evaluation.scorer import score_article
from kroniek.lang.text import fold

KINDS = (
    "pronoun",
    "group noun",
    "national-adjective group",
    "institution",
    "role / definite re-mention",
    "person name missed",
    "state/organisation name missed",
    "other",
)
# plural and object pronouns the person lists of roles.toml leave out
EXTRA_PRONOUNS = {
    "nl": {"zij", "ze", "hen", "hun", "wij", "we", "die", "dat", "dit"},
    "en": {"they", "them", "their", "we", "us", "it", "its", "who", "which"},
    "de": {"sie", "ihnen", "wir", "uns", "es", "die", "der", "das", "diese", "dieser"},
    "fr": {"ils", "elles", "eux", "leur", "nous", "on", "qui", "celui-ci", "ceux-ci"},
}
DETERMINERS = {"the", "a", "an", "de", "het", "een", "der", "die", "das", "den", "dem", "des", "le", "la", "les", "l"}


class MentionKinds:
    def __init__(self) -> None:
        roles = tomllib.loads((resources.files("kroniek.actors") / "data" / "roles.toml").read_text("utf-8"))
        pronouns = roles["pronouns"]
        self.pronouns = {lang: set(words) for lang, words in EXTRA_PRONOUNS.items()}
        for key, words in pronouns.items():
            self.pronouns.setdefault(key.split("_")[0], set()).update(words)
        self.kb = ActorKB.shared()
        tables = [*roles["group"], *roles["role"], *roles["office"]]
        self.common_nouns = {fold(w) for t in tables for lang in ("nl", "en", "de", "fr") for w in t.get(lang, [])}

    def _adjective(self, word: str) -> bool:
        return any(h.flags & ADJ and h.actor.kind == "state" for h in self.kb.candidates(word))

    def _name_word(self, word: str, first: bool, lang: str, actor: Actor, lowered: set[str]) -> bool:
        """A capitalised word that names: not a country adjective, not a group or role noun, and (at the
        start of a sentence, and for every German noun) a word of the gold name that the article does not
        also write in lower case."""
        if not word[:1].isupper() or self._adjective(word) or fold(word) in self.common_nouns:
            return False
        if first or lang == "de":
            return fold(word) not in lowered and fold(word)[:4] in fold(actor.name)
        return True

    def kind(self, lang: str, surface: str, actor: Actor | None, first: bool, lowered: set[str]) -> str:
        """The kind of a gold mention; ``first``: the mention opens its sentence; ``lowered``: the article's
        lower-case words."""
        words = [w.strip(".,;:'\"()’«»") for w in surface.replace("’", "'").replace("'", "' ").split()]
        words = [w for w in words if w]
        if not words or actor is None:
            return "other"
        if len(words) == 1 and fold(words[0]) in self.pronouns.get(lang, set()):
            return "pronoun"
        content = [w for w in words if fold(w) not in DETERMINERS and not w[0].isdigit()]
        opening = first and fold(words[0]) not in DETERMINERS
        named = [w for k, w in enumerate(content) if self._name_word(w, opening and k == 0, lang, actor, lowered)]
        adjective = any(self._adjective(w) for w in content)
        if actor.kind == "person":
            return "person name missed" if named and not content[0].islower() else "role / definite re-mention"
        if named and fold(content[0]) == fold(named[0]):
            return "state/organisation name missed"
        if actor.kind == "group":
            return "national-adjective group" if adjective else "group noun"
        if actor.kind in ("state", "organization"):
            return "institution"
        return "other"


def _docs(split: str, lab_cache: Path | None) -> Iterator[tuple[GoldChronicle, ArticleDoc]]:
    golds = select_golds(split=split)
    if lab_cache is not None:
        from kroniek.pipeline.config import load_config
        from kroniek.pipeline.runner import Pipeline

        with open(lab_cache / f"{split}.pkl", "rb") as fh:
            cached = pickle.load(fh)  # noqa: S301 (our own cache)
        stages = [s for s in Pipeline.from_config(load_config()).stages if s.name != "nlp.spacy/v1"]
        for gold in golds:
            doc = copy.copy(cached[gold.key])
            doc.notes, doc.provided = list(doc.notes), set(doc.provided)
            for stage in stages:
                doc = stage(doc)
            yield gold, doc
        return
    from kroniek.extractor import Extractor
    from kroniek.ingest import article_from_text

    extractor = Extractor()
    for gold in golds:
        article = gold.chronicle.article
        meta = {"id": article.id, "url": article.url, "source": article.source, "title": article.title}
        raw = article_from_text(article.text, article.id, max_chars=extractor.max_chars, **meta)
        yield gold, extractor.annotate(raw, published=article.published, lang=article.language)


def article_cases(kinds: MentionKinds, gold: GoldChronicle, doc: ArticleDoc) -> list[dict[str, Any]]:
    """The "none found" cases of one article, each with its gold participant mentions and their kinds."""
    chronicle: Chronicle = to_chronicle(doc)
    lang = gold.chronicle.article.language
    missed = {i.event_id for i in score_article(gold, chronicle).issues if i.kind == "missed"}
    actors = {a.id: a for a in gold.chronicle.actors}
    lowered = {fold(w) for w in doc.text.split() if w.islower()}
    cases = []
    for event in gold.chronicle.events:
        if (
            event.id not in missed
            or _fate_of_miss(event, chronicle.events, doc.dropped_triggers) not in PARTICIPANT_FATES
        ):
            continue
        start, end = event.evidence.start, event.evidence.end
        inside = [
            d for d in doc.dropped_triggers if start <= d.start and d.end <= end and d.reason in PARTICIPANT_FATES
        ]
        on_trigger = [d for d in inside if any(s < d.end and d.start < e for s, e in _spans(event))]
        trigger = (on_trigger or inside)[0]
        if participants_found(doc, gold, event, trigger) != "none found":
            continue
        sentence = _sentence_of(doc, trigger.start)
        assert sentence is not None  # participants_found said "none found", so there is one
        mentions = []
        for role, ids in (("actor", event.actor), ("recipient", event.recipient)):
            for actor_id in ids:
                actor = actors.get(actor_id)
                for m in actor.mentions if actor else []:
                    if sentence.start <= m.start < sentence.end:
                        surface = gold.chronicle.article.text[m.start : m.end]
                        opens = not doc.text[sentence.start : m.start].strip(" \"'«»“„")
                        kind = kinds.kind(lang, surface, actor, opens, lowered)
                        mentions.append({"role": role, "text": surface, "name": actor.name, "kind": kind})
        cases.append(
            {
                "article": gold.key,
                "language": lang,
                "event": event.event,
                "trigger": doc.text[trigger.start : trigger.end],
                "kind": mentions[0]["kind"] if mentions else "other",
                "mentions": mentions,
                "sentence": doc.text[sentence.start : sentence.end],
            }
        )
    return cases


def table(counts: Counter[tuple[str, str]]) -> str:
    langs = sorted({lang for lang, _ in counts})
    lines = ["| kind | " + " | ".join(langs) + " | all |", "|---" * (len(langs) + 2) + "|"]
    for kind in KINDS:
        row = [counts[(lang, kind)] for lang in langs]
        lines.append(f"| {kind} | " + " | ".join(str(n) for n in row) + f" | {sum(row)} |")
    totals = [sum(n for (lang, _), n in counts.items() if lang == language) for language in langs]
    lines.append("| all | " + " | ".join(str(n) for n in totals) + f" | {sum(totals)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--lab-cache", type=Path, default=None, help="the actors_lab.py cache folder")
    parser.add_argument("--mentions", action="store_true", help="count every gold mention, not every case")
    parser.add_argument("--json", type=Path, default=None, help="also write every case here")
    args = parser.parse_args(argv)
    kinds = MentionKinds()
    cases = [case for gold, doc in _docs(args.split, args.lab_cache) for case in article_cases(kinds, gold, doc)]
    if args.mentions:
        counts = Counter((c["language"], m["kind"]) for c in cases for m in c["mentions"])
    else:
        counts = Counter((c["language"], c["kind"]) for c in cases)
    print(f"# {args.split}: {len(cases)} missed events whose gold participants the actors stage did not find")
    print(table(counts))
    if args.json is not None:
        args.json.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
